"""Side by side: two to four target occupations compared for one person.

Each column is the person's own guide (engine/guide.py) for that target, so every figure is
the one the full guide shows: difficulty, the way in and its years, time to job-ready at the
person's hours, pay now and early in the career, demand, and the core things to learn. What
two or more targets ask for is listed once, with the targets it counts for: learn it once,
and it moves you towards several of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from careerpath.catalog.routes import midpoint
from careerpath.kb import KnowledgeBase
from careerpath.kb.api import NATIONAL

from .guide import GuideRequest, Person, build_guide
from .inputs import Inputs
from .market import releases
from .model import Guide
from .recommend import KINDS, LONG_TERM_MONTHS, STEP_UP

MIN_TARGETS, MAX_TARGETS = 2, 4


@dataclass(frozen=True)
class Option:
    code: str
    title: str
    kind: str  # lateral | step_up | step_down | long_term (engine/recommend.py)
    difficulty: str
    difficulty_score: int
    route: str  # the way in, in a sentence or two
    route_steps: list[str]  # steps still to do, in order
    route_years: float  # full-time school, training and required experience ahead
    timeline_months: int  # time to job-ready at the person's hours (the guide's timeline)
    median_wage: int | None
    early_career_wage: int | None  # the target's 25th percentile wage
    wage_change_pct: int | None
    early_career_change_pct: int | None
    growth_pct: float | None
    annual_openings: int | None
    demand: str
    to_learn: list[str]  # the core plan, most important first
    transferable: list[str]  # the strongest things that carry over


@dataclass(frozen=True)
class SideBySide:
    source_code: str
    source_title: str
    hours_per_week: float
    area: str
    options: list[Option]
    shared: dict[str, list[str]] = field(default_factory=dict)  # item to learn -> target codes needing it
    wage_source: str = ""  # how the wages are cited, from the knowledge base: "BLS OEWS May 2025"
    projection_period: str = ""  # the projections' period, from the knowledge base: "2024-34"

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "from": {"code": self.source_code, "title": self.source_title},
            "hours_per_week": self.hours_per_week,
            "area": self.area,
            "options": [vars(o) for o in self.options],
            "shared": [{"name": name, "targets": codes} for name, codes in self.shared.items()],
        }


def _kind(guide: Guide, route_months: float) -> str:
    """The recommendation kinds (engine/recommend.py), read from the guide's own route so a
    column never says "lateral" above years of school."""
    new_degree = any(s.status == "to do" and s.kind == "degree" for s in guide.route.steps)
    change = guide.salary.change_pct
    if route_months >= LONG_TERM_MONTHS or new_degree:
        return "long_term"
    if change is not None and change >= 100 * STEP_UP:
        return "step_up"
    if change is not None and change <= -100 * STEP_UP:
        return "step_down"
    return KINDS[0]


def _option(kb: KnowledgeBase, source: str, guide: Guide) -> Option:
    route_months = sum(
        midpoint(s.months) for s in guide.route.steps if s.status == "to do" and s.pace == "full_time" and s.months
    )
    salary, demand = guide.salary, guide.demand
    return Option(
        code=guide.to.code,
        title=guide.to.title,
        kind=_kind(guide, route_months),
        difficulty=guide.difficulty,
        difficulty_score=guide.difficulty_score,
        route=guide.route.summary,
        route_steps=[s.name for s in guide.route.steps if s.status == "to do"],
        route_years=round(route_months / 12, 1),
        timeline_months=guide.timeline_months,
        median_wage=salary.target_median,
        early_career_wage=salary.target_p25,
        wage_change_pct=salary.change_pct,
        early_career_change_pct=salary.early_career_change_pct,
        growth_pct=demand.growth_pct,
        annual_openings=demand.annual_openings,
        demand=demand.band or demand.summary,
        to_learn=[s.name for s in guide.skills_to_learn if s.core],
        transferable=[t.name for t in guide.transferable_skills[:4]],
    )


def side_by_side(inputs: Inputs, source: str, targets: list[str], person: Person | None = None) -> SideBySide:
    """Compare 2-4 distinct targets (O*NET codes) for a person starting from `source`."""
    kb = inputs.kb
    targets = list(dict.fromkeys(targets))
    if not MIN_TARGETS <= len(targets) <= MAX_TARGETS:
        raise ValueError(f"compare {MIN_TARGETS} to {MAX_TARGETS} different target occupations")
    if source in targets:
        raise ValueError("a target is the occupation you start from")
    person = person or Person()
    options = [
        _option(kb, source, build_guide(GuideRequest(source=source, target=t, person=person), inputs)) for t in targets
    ]
    needed: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for option in options:
        for name in option.to_learn:
            key = name.casefold()
            names.setdefault(key, name)
            needed.setdefault(key, []).append(option.code)
    shared = {
        names[k]: codes for k, codes in sorted(needed.items(), key=lambda kv: (-len(kv[1]), kv[0])) if len(codes) > 1
    }
    area = kb.area(person.area_code).name if person.area_code and person.area_code != NATIONAL else "National"
    return SideBySide(
        source_code=source,
        source_title=kb.occupation(source).title,
        hours_per_week=person.hours_per_week,
        area=area,
        options=options,
        shared=shared,
        wage_source=kb.wage_source,
        projection_period=releases(kb)[1],
    )
