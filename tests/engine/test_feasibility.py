"""The all-pairs route figures are apply_route's, pair by pair."""

from __future__ import annotations

import random

import pytest

from careerpath.catalog.routes import DEGREE_RANK, RouteCatalog
from careerpath.engine.feasibility import feasibility_for
from careerpath.engine.route import apply_route


def test_months_hours_and_degree_match_apply_route(kb):
    routes = RouteCatalog.default()
    f = feasibility_for(kb, routes)
    rng = random.Random(16)
    n = len(kb.codes)
    pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(1500)]
    pairs += [(kb.index["29-1141.00"], kb.index[c]) for c in ("29-1171.00", "29-1215.00", "29-2061.00")]
    # The rules route.py applies to few pairs: a graduate's shorter way in (an accelerated BSN,
    # alternative certification), a job sharing its SOC code's route, one exam of a battery.
    pairs += [
        (kb.index[a], kb.index[b])
        for a, b in (
            ("15-1252.00", "29-1141.00"),
            ("25-3031.00", "25-2031.00"),
            ("15-2051.01", "15-2051.00"),
            ("29-1141.01", "29-1141.00"),
            ("25-2021.00", "21-1012.00"),
        )
    ]
    checked = 0
    for s, t in pairs:
        source, target = kb.codes[s], kb.codes[t]
        if s == t:
            continue
        applied = apply_route(kb, routes, source, target)
        assert f.months[s, t] == pytest.approx(applied.full_time_months, abs=1e-3), (source, target)
        part_time = sum(p.step.hours or 0 for p in applied.todo if p.step.pace == "part_time")
        assert f.hours[s, t] == pytest.approx(part_time, abs=1e-3), (source, target)
        todo = {p.step.credential.name for p in applied.todo if p.step.credential}
        assert set(f.credentials_todo(s, t)) == todo, (source, target)
        checked += 1
    assert checked > 1000


def test_a_source_with_the_same_route_has_walked_it(kb, inputs):
    f = feasibility_for(kb, inputs.routes)
    rn, critical = kb.index["29-1141.00"], kb.index["29-1141.03"]
    assert f.months[rn, critical] == 0 and f.degree[rn, critical] == 0


def test_degrees_still_to_earn(kb, inputs):
    f = feasibility_for(kb, inputs.routes)
    assert f.degree[kb.index["29-1141.00"], kb.index["29-1215.00"]] == DEGREE_RANK["doctoral"]
    assert f.degree[kb.index["41-2011.00"], kb.index["41-2031.00"]] == 0
    assert (f.months >= 0).all() and (f.months.diagonal() == 0).all()
