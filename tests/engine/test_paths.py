"""Stepping stones: only jobs people really hold on the way, each leg feasible by the same score."""

from __future__ import annotations

import pytest

from careerpath.catalog.routes import RouteCatalog
from careerpath.engine.paths import HARD, bridge_rows, stepping_stones
from careerpath.engine.recommend import LONG_TERM_MONTHS, difficulty_scores, recommend, recommender_for

PAIRS = [
    ("41-2011.00", "53-2031.00"),
    ("35-2014.00", "29-1141.00"),
    ("53-3032.00", "53-4011.00"),
    ("43-4051.00", "13-2011.00"),
    ("41-2011.00", "29-1141.00"),
]


@pytest.mark.parametrize("source, target", PAIRS)
def test_stones_are_bridge_jobs_reached_by_a_feasible_first_leg(kb, inputs, source, target):
    r = recommender_for(inputs)
    s, t = kb.index[source], kb.index[target]
    bridges = {kb.codes[b] for b in bridge_rows(r, t)}
    difficulty = difficulty_scores(r, s)
    for stone in stepping_stones(r, s, t):
        b = kb.index[stone.code]
        assert stone.code in bridges  # a job people hold on the way
        assert r.feasibility.months[s, b] < LONG_TERM_MONTHS  # the first leg is not long-term
        assert difficulty[b] < HARD
        assert r.feasibility.months[b, t] < r.feasibility.months[s, t] or r.combined[b, t] >= r.combined[s, t]


def test_a_cashier_reaches_flight_attendant_through_customer_facing_work(kb, inputs):
    r = recommender_for(inputs)
    stones = stepping_stones(r, kb.index["41-2011.00"], kb.index["53-2031.00"])
    assert stones and all(kb.codes[kb.index[s.code]][:2] in ("35", "43", "41") for s in stones)


def test_no_stone_when_the_person_already_holds_a_bridge_job(kb, inputs):
    r = recommender_for(inputs)
    routes = RouteCatalog.default()
    target = next(code for code in kb.codes if routes.route_for(code) and routes.route_for(code).bridge_jobs)
    t = kb.index[target]
    b = bridge_rows(r, t)[0]
    assert stepping_stones(r, b, t) == []


def test_guide_stepping_stones_are_the_routes_bridge_jobs(inputs):
    """Guides show only jobs people really hold on the way: the curated route's bridge jobs."""
    from careerpath.engine import GuideRequest, build_guide

    guide = build_guide(GuideRequest("41-2011.00", "35-1011.00"), inputs)  # cashier -> chef
    bridges = {b.code for b in guide.route.bridge_jobs}
    assert guide.stepping_stones and {s.code for s in guide.stepping_stones} <= bridges
    assert guide.stepping_stones[0].legs[0] == guide.stepping_stones[0].first_leg
    faq = next(f for f in guide.faq if f.question == "Which jobs lie on the way?")
    assert guide.stepping_stones[0].title in faq.answer
    cook = build_guide(GuideRequest("35-2014.00", "35-1011.00"), inputs)  # already in a bridge job
    assert cook.stepping_stones == []


def test_long_term_recommendations_carry_their_stones(inputs):
    recs = recommend(inputs, "41-2011.00", top=10, kinds=("long_term",))
    assert any(rec.stepping_stones for rec in recs)
    assert all(not rec.stepping_stones for rec in recommend(inputs, "41-2011.00", top=10))
