"""The engine's boundary (issue 18): it reads only what it is handed, and leaves its
arguments as it found them."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path

from careerpath.catalog.routes import RouteCatalog
from careerpath.engine import GuideRequest, Specialty, build_guide
from careerpath.engine.compare import Known, compare_elements
from careerpath.engine.guide import _specialty_gaps
from careerpath.engine.profiles import profiles_for
from careerpath.engine.relevance import distinctiveness_for
from careerpath.resolve import specializations

ENGINE = Path(__file__).resolve().parents[2] / "src" / "careerpath" / "engine"


def test_no_engine_module_opens_the_shipped_files():
    """Only Inputs.default() may; the callers at the edge use it and hand the result in."""
    opening = re.compile(r"\b(KnowledgeBase|Catalog|RouteCatalog|Resolver)\.default\(\)")
    offenders = [
        f"{path.name}:{n}"
        for path in sorted(ENGINE.glob("*.py"))
        if path.name != "inputs.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if opening.search(line)
    ]
    assert offenders == []


def test_the_guide_uses_the_routes_it_is_given(inputs):
    request = GuideRequest("31-9092.00", "29-1141.00")  # medical assistant -> registered nurse
    shipped = build_guide(request, inputs)
    assert shipped.route.curated
    without_routes = build_guide(request, dataclasses.replace(inputs, routes=RouteCatalog([], [])))
    assert not without_routes.route.curated


def test_specialty_gaps_leave_the_comparison_as_they_found_it(inputs):
    kb = inputs.kb
    p, d = profiles_for(kb), distinctiveness_for(kb)
    source, target = "15-1252.00", "15-2051.00"  # software developers -> data scientists
    known = Known()
    comparison = compare_elements(p, d, source, target, known)
    before = copy.deepcopy(comparison)
    specialty = Specialty.of(specializations.by_id("ai_ml"))
    added, carried = _specialty_gaps(p, inputs.catalog, specialty, source, comparison, known, set())
    assert added or carried
    assert comparison == before
