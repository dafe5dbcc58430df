"""Pathways: the readable URL of a guide, its reverse map, and building guides from one.

service.pathway_slug(guide) makes "software-developers-to-technical-writers"; here we turn
such a slug back into two occupations (+ specializations) without resolving free text, so a
URL always means the same guide for a given knowledge base.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from threading import Lock

from careerpath.engine import Guide, GuideRequest, Inputs, Specialty
from careerpath.engine.model import EntryRoute
from careerpath.engine.tailor import personalize
from careerpath.kb import KnowledgeBase
from careerpath.resolve import specializations
from careerpath.service import InputError, ResolvedRole, RoleNotFound, person_for

MAX_SLUG_LENGTH = 300


@dataclass(frozen=True)
class End:
    """One end of a pathway: an occupation, maybe specialized."""

    code: str
    title: str
    specialization_id: str | None = None

    @property
    def specialty(self) -> Specialty | None:
        if not self.specialization_id:
            return None
        spec = specializations.by_id(self.specialization_id)
        return Specialty.of(spec)

    @property
    def slug(self) -> str:
        """This end's half of a pathway slug, and its hub pages' address (/pathways/to/{slug})."""
        return _part(self.title, self.specialization_id)

    @property
    def label(self) -> str:
        if not self.specialization_id:
            return self.title
        return f"{self.title} ({specializations.by_id(self.specialization_id).name})"


@dataclass(frozen=True)
class Pathway:
    slug: str
    source: End
    target: End

    @property
    def label(self) -> str:
        return f"{self.source.label} → {self.target.label}"


def _part(title: str, spec_id: str | None) -> str:
    # Mirrors service.pathway_slug; tests check the two agree for every occupation.
    text = (f"{spec_id} " if spec_id else "") + title
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@lru_cache(maxsize=1)
def _parts() -> dict[str, End]:
    """Every slug half: occupation titles, alone and with each specialization that applies."""
    kb = KnowledgeBase.default()
    parts: dict[str, End] = {}
    for occupation in kb.occupations():
        parts[_part(occupation.title, None)] = End(occupation.code, occupation.title)
        for spec in specializations.load():
            if spec.applies(occupation.code):
                parts[_part(occupation.title, spec.id)] = End(occupation.code, occupation.title, spec.id)
    return parts


def end_for(code: str, specialization_id: str | None = None) -> End:
    """One end of a pathway from a code and maybe a specialization id.

    Raises UnknownOccupation for a code the knowledge base lacks, RoleNotFound (404) for a
    specialization id that does not exist, and InputError (400) for one that does not apply
    to the occupation ("Registered Nurses (AI / Machine Learning)" has no page)."""
    title = KnowledgeBase.default().occupation(code).title
    if specialization_id:
        spec = next((s for s in specializations.load() if s.id == specialization_id), None)
        if spec is None:
            known = ", ".join(s.id for s in specializations.load())
            raise RoleNotFound(f"there is no specialization {specialization_id!r}; the ones we know are: {known}")
        if not spec.applies(code):
            raise InputError(
                f"the {spec.name} specialization does not apply to {title} ({code}); choose the occupation without it"
            )
    return End(code, title, specialization_id)


def make_pathway(source: End, target: End) -> Pathway:
    slug = f"{_part(source.title, source.specialization_id)}-to-{_part(target.title, target.specialization_id)}"
    return Pathway(slug, source, target)


def from_resolved(source: ResolvedRole, target: ResolvedRole) -> Pathway:
    return make_pathway(
        End(source.code, source.title, source.specialty.id if source.specialty else None),
        End(target.code, target.title, target.specialty.id if target.specialty else None),
    )


def parse(slug: str) -> Pathway | None:
    """The pathway a slug names, or None. Titles may contain "-to-" themselves
    ("door-to-door-sales-workers"), so every split point is tried."""
    if len(slug) > MAX_SLUG_LENGTH:
        return None
    parts = _parts()
    start = 0
    while (at := slug.find("-to-", start)) != -1:
        left, right = slug[:at], slug[at + 4 :]
        if left in parts and right in parts:
            return Pathway(slug, parts[left], parts[right])
        start = at + 1
    return None


class GuideCache:
    """LRU of untailored guides by slug: a pathway's guide is pure for a given KB."""

    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict[str, Guide] = OrderedDict()
        self._lock = Lock()

    def get(self, pathway: Pathway) -> Guide:
        with self._lock:
            guide = self._items.get(pathway.slug)
            if guide is not None:
                self._items.move_to_end(pathway.slug)
                return guide
        guide = build(pathway)
        with self._lock:
            self._items[pathway.slug] = guide
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return guide

    def __contains__(self, slug: str) -> bool:
        return slug in self._items


def build(
    pathway: Pathway,
    hours_per_week: float | None = None,
    location: str | None = None,
    skills: str | None = None,
    budget: str | None = None,
    removed: frozenset[str] = frozenset(),
) -> Guide:
    """The guide for a pathway, tailored when any of the person's answers are given.

    Same rules as service.plan_guide (which starts from free text instead of codes)."""
    inputs = Inputs.default()
    kb = inputs.kb
    hours = 10.0 if hours_per_week is None else float(hours_per_week)
    person = person_for(hours, location, skills, budget, kb, removed)
    request = GuideRequest(
        pathway.source.code, pathway.target.code, pathway.source.specialty, pathway.target.specialty, person
    )
    # personalize, not build_guide: the tailored guide says what the person's answers changed.
    return personalize(request, inputs)


# -- hubs: the pathways into and out of one occupation ------------------------------------

HUB_SIZE = 30


def hub_ends(end: End, direction: str, size: int = HUB_SIZE) -> list[End]:
    """The `size` occupations with the best transition score (engine/recommend.py, the same
    ranking as `careerpath recommend`) from this one ("from") or into it ("to")."""
    import numpy as np

    from careerpath.engine.recommend import (
        DEMAND_WEIGHT,
        GROWTH_CLIP,
        WAGE_CLIP,
        WAGE_WEIGHT,
        recommend,
        recommender_for,
    )

    inputs = Inputs.default()
    kb = inputs.kb
    if direction == "from":
        return [
            end_for(r.code) for r in recommend(inputs, end.code, top=size + 1, with_reasons=False) if r.code != end.code
        ][:size]
    r = recommender_for(inputs)
    t = kb.index[end.code]
    # recommend.scores(r, s)[t] for every source s at once: one column instead of n rows.
    wages = r.medians()
    with np.errstate(divide="ignore", invalid="ignore"):
        change = (wages[t] - wages) / wages
    wage_term = np.nan_to_num(np.clip(change, -WAGE_CLIP, WAGE_CLIP) / WAGE_CLIP)
    demand_term = np.nan_to_num(np.clip(r.growth[t] - r.average_growth, -GROWTH_CLIP, GROWTH_CLIP) / GROWTH_CLIP)
    column = r.combined[:, t] + WAGE_WEIGHT * wage_term + DEMAND_WEIGHT * demand_term
    column = np.where(np.isfinite(column), column, -np.inf)
    column[t] = -np.inf
    best = np.argsort(-column, kind="stable")[:size]
    return [end_for(kb.codes[s]) for s in best if np.isfinite(column[s])]


def hub(guides: GuideCache, end: End, direction: str, size: int = HUB_SIZE) -> list[dict]:
    """One row per pathway: its address and the guide's own difficulty, timeline and pay change."""
    rows = []
    for other in hub_ends(end, direction, size):
        pathway = make_pathway(end, other) if direction == "from" else make_pathway(other, end)
        guide = guides.get(pathway)
        rows.append(
            {
                "url": f"/pathways/{pathway.slug}",
                "title": other.label,
                "difficulty": guide.difficulty,
                "difficulty_score": guide.difficulty_score,
                "months": guide.timeline_months,
                "weeks": guide.timeline_weeks,
                "pay_change": guide.salary_change_pct,
            }
        )
    return rows


def hub_route(end: End, direction: str) -> EntryRoute | None:
    """The way into the occupation, shown on its "ways into" hub (the site and the static export alike)."""
    if direction != "to":
        return None
    from careerpath.catalog.routes import RouteCatalog
    from careerpath.engine.route import entry_route

    return entry_route(KnowledgeBase.default(), RouteCatalog.default(), end.code)


MAX_ALTERNATIVES = 4


def alternative_pathways(pathway: Pathway, side: str, codes: str) -> list[tuple[str, str]]:
    """(title, url) of the pathway with one side swapped for each other occupation the person's
    words could mean; unknown codes are dropped, so a crafted address shows nothing odd."""
    kb = KnowledgeBase.default()
    found = []
    for code in codes.split(",")[:MAX_ALTERNATIVES]:
        code = code.strip()
        if code not in kb.index:
            continue
        other = end_for(code)
        swapped = make_pathway(other, pathway.target) if side == "from" else make_pathway(pathway.source, other)
        found.append((other.title, f"/pathways/{swapped.slug}"))
    return found
