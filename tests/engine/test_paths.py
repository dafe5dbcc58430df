"""Stepping stones: shortest routes through one or two intermediate occupations."""

from __future__ import annotations

import numpy as np
import pytest

from careerpath.engine.paths import MIN_DIRECT_COST, STEP_COST, best_routes, transition_costs
from careerpath.engine.profiles import profiles_for

PAIRS = [("35-2014.00", "29-1141.00"), ("41-2011.00", "15-1252.00"), ("53-3032.00", "11-1021.00"),
         ("43-4051.00", "13-2011.00")]


def test_costs_are_unmet_shares(kb):
    c = transition_costs(kb)
    p = profiles_for(kb)
    assert np.allclose(np.diag(c), 0.0)
    assert np.all((c >= 0) & (c <= 1))
    t = kb.index["29-1141.00"]
    assert np.allclose(c[:, t], p.unmet_share_to(t))


@pytest.mark.parametrize("source, target", PAIRS)
def test_routes_beat_the_direct_move_and_are_well_formed(kb, source, target):
    routes = best_routes(kb, source, target)
    assert routes, "a hard move should have a route"
    c = transition_costs(kb)
    p = profiles_for(kb)
    for route in routes:
        assert route.cost < route.direct ** 2
        assert 1 <= len(route.stops) <= 2 and len(route.legs) == len(route.stops) + 1
        assert source not in route.stops and target not in route.stops and len(set(route.stops)) == len(route.stops)
        chain = [source, *route.stops, target]
        legs = [float(c[kb.index[a], kb.index[b]]) for a, b in zip(chain, chain[1:])]
        assert legs == pytest.approx(list(route.legs))
        assert route.cost == pytest.approx(sum(x * x for x in legs) + STEP_COST * len(route.stops))
        assert all(p.donor[kb.index[s]] == kb.index[s] for s in route.stops)   # own ratings only
    assert [r.cost for r in routes] == sorted(r.cost for r in routes)


def test_no_route_for_an_easy_move_or_the_same_role(kb):
    c = transition_costs(kb)
    s, t = kb.index["15-1252.00"], kb.index["15-1253.00"]
    assert c[s, t] < MIN_DIRECT_COST
    assert best_routes(kb, "15-1252.00", "15-1253.00") == []
    assert best_routes(kb, "15-1252.00", "15-1252.00") == []


def test_golden_cook_to_nurse_goes_through_care_work(kb):
    stops = {code for route in best_routes(kb, "35-2014.00", "29-1141.00") for code in route.stops}
    assert "29-2061.00" in stops    # Licensed Practical and Licensed Vocational Nurses


def test_guide_stepping_stones_are_the_routes_bridge_jobs(kb):
    """Guides show only jobs people really hold on the way: the curated route's bridge jobs."""
    from careerpath.engine import GuideRequest, build_guide

    guide = build_guide(GuideRequest("41-2011.00", "35-1011.00"), kb)   # cashier -> chef
    bridges = {b.code for b in guide.route.bridge_jobs}
    assert guide.stepping_stones and {s.code for s in guide.stepping_stones} <= bridges
    assert guide.stepping_stones[0].legs[0] == guide.stepping_stones[0].first_leg
    faq = next(f for f in guide.faq if f.question == "Which jobs lie on the way?")
    assert guide.stepping_stones[0].title in faq.answer
    cook = build_guide(GuideRequest("35-2014.00", "35-1011.00"), kb)      # already in a bridge job
    assert cook.stepping_stones == []
