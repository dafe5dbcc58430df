"""Assemble a Guide from two occupations and a person. Pure: no I/O beyond the KB's reads.

The plan a counsellor would sign: the way in first (entry routes: degrees, licences, exams,
supervised hours), then the few things the target is distinctively hired for (relevance.py),
each with a reason and where to learn it, then proof of ability and the job search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from careerpath.catalog import Catalog
from careerpath.catalog.routes import RouteCatalog, midpoint
from careerpath.kb import KnowledgeBase
from careerpath.kb.api import NATIONAL
from careerpath.kb.products import product_names, product_of
from careerpath.resolve.specializations import ImpliedElement, Implies, Specialization

from . import effort, market
from .compare import (
    Comparison,
    Gap,
    Known,
    _article,
    capitalised,
    compare_elements,
    compare_technologies,
    display_name,
    people,
    transferable_styles,
)
from .inputs import Inputs
from .model import (
    Difficulty,
    Driver,
    Experience,
    Guide,
    Origin,
    Personalization,
    Priority,
    ResourceRef,
    Role,
    RoleChoice,
    SalaryComparison,
    SkillRead,
    SkillToLearn,
    Source,
    SteppingStone,
    TransferableSkill,
)
from .narrative import LONG_STEPS, faq, how_long, overview, reality_check
from .profiles import Profiles, chosen_donors, profiles_for
from .relevance import distinctiveness_for
from .roadmap import CREDENTIAL, action_plan, plan_phases, schedule, study_hours
from .route import AppliedRoute, already_there, apply_route

DEFAULT_HOURS_PER_WEEK = 10.0

# Difficulty score: weights of its four drivers (sum to 1), and where each saturates.
# The years of school and training the route still asks for weigh most: a new degree or
# licence alone makes a move hard, whatever the skills say.
DIFFICULTY_WEIGHTS = {"route": 0.35, "profile": 0.3, "job_zone": 0.15, "learning": 0.2}
PROFILE_GAP_SATURATION = 0.5  # unmet share of the target's weighted requirement
ROUTE_MONTHS_SATURATION = 36  # months of full-time school, training, exams or required experience
LEARNING_HOURS_SATURATION = 600  # part-time study hours: the core plan, prerequisites, exam preparation
DIFFICULTY_BANDS: tuple[tuple[int, Difficulty], ...] = (
    (15, "Easy"),
    (35, "Moderate"),
    (55, "Challenging"),
    (101, "Hard"),
)

# The core plan: the few items that matter most. Fewer than CORE_MIN only when there are fewer.
CORE_MAX = 7
CORE_MIN_SCORE = 1.5  # relevance below which an item is "also useful", never core
ALSO_USEFUL_MAX = 4
CRITICAL_COUNT = 3  # the first core items are Critical, the rest Important
DERIVED_IN_CORE = 1
# Curated items rank above O*NET-derived ones of the same standing: a route's "hired for"
# list and a specialization's Critical needs are what people in the role name first.
HIRED_FOR_SCORE = 10.0
SPECIALTY_SCORE = {"Critical": 8.0, "Important": 5.0, "Nice to have": 1.0}
# A modern role is more specific than its occupation's route: an ML engineer is hired for model
# serving before a data scientist's dashboards, so its Critical and Important needs come first.
ROLE_SCORE = {"Critical": 11.0, "Important": 10.5, "Nice to have": 1.0}
ELEMENT_SCORE_CAP = 7.0
TECHNOLOGY_SCORE_CAP = 6.0


@dataclass(frozen=True)
class Specialty:
    """What the engine needs of a specialization or modern role (careerpath.resolve.specializations)."""

    id: str
    name: str
    implies: Implies
    portfolio: tuple[str, ...] = ()
    role: bool = False  # a modern role ("ML Engineer"), not a modifier ("AI ...")

    @classmethod
    def of(cls, spec: Specialization) -> Specialty:
        return cls(
            id=spec.id, name=spec.name, implies=spec.implies, portfolio=tuple(spec.portfolio), role=spec.kind == "role"
        )


@dataclass(frozen=True)
class Person:
    hours_per_week: float = DEFAULT_HOURS_PER_WEEK
    area_code: str | None = None  # OEWS area code (state or metro)
    known: frozenset[tuple[str, str]] = frozenset()  # (kind, key) the person says they have
    recognised: tuple[str, ...] = ()  # how we read their own words, for display
    not_recognised: tuple[str, ...] = ()
    read: tuple[SkillRead, ...] = ()  # each item read, with its words; removed ones not in known
    experience: tuple[Experience, ...] = ()  # years per role, where the person states them
    budget: str | None = None  # None | "free"


@dataclass(frozen=True)
class GuideRequest:
    source: str
    target: str
    source_specialty: Specialty | None = None
    target_specialty: Specialty | None = None
    person: Person = field(default_factory=Person)
    source_words: str | None = None  # the titles as the person typed them
    target_words: str | None = None
    source_alternatives: tuple[RoleChoice, ...] = ()  # other occupations the words could mean
    target_alternatives: tuple[RoleChoice, ...] = ()


_PRIORITY_RANK = {"Critical": 0, "Important": 1, "Nice to have": 2}


# -- candidates to learn -------------------------------------------------------------------


def _route_gaps(
    routes: RouteCatalog, target: str, source: str, known: Known
) -> tuple[list[Gap], list[TransferableSkill]]:
    """What the route says the target is hired for, less what the source's holders already do
    (the route's known_by) and what the person says they know."""
    route = routes.route_for(target)
    if route is None:
        return [], []
    gaps, carried = [], []
    holders = people(route.title)
    # A licensed job O*NET files under the same SOC code was trained and examined for the
    # same work (an acute care nurse is a registered nurse); an unlicensed one need not be.
    licensed_alike = route.licensed and routes.route_for(source) is route
    for i, item in enumerate(route.hired_for):
        origin: Origin | None = None
        if licensed_alike or any(source.startswith(code) for code in item.known_by):
            origin, why = "route", f"Part of your current work, and what {holders} are hired for."
        elif known.has("hired_for", item.name):
            origin, why = "listed", f"You listed it yourself; {holders} are hired for it."
        if origin is not None:
            carried.append(TransferableSkill(name=item.name, kind="topic", origin=origin, why=why))
            continue
        gaps.append(
            Gap(
                kind="hired_for",
                key=item.name,
                name=item.name,
                hours=item.hours,
                why=f"What {holders} are hired for, by careerpath's curated entry route.",
                score=HIRED_FOR_SCORE - 0.1 * i,
                order=2,
                origin="route",
                learn=item.learn,
            )
        )
    return gaps, carried


def _specialty_gaps(
    p: Profiles,
    catalog: Catalog,
    specialty: Specialty,
    source: str,
    comparison: Comparison,
    known: Known,
    source_techs: set[str],
) -> tuple[list[Gap], list[TransferableSkill]]:
    """What a target specialization adds, unless the person already has it."""
    kb = p.kb
    s = kb.index[source]
    columns = {element_id: j for j, element_id in enumerate(p.element_ids)}
    existing = {(g.kind, g.key) for g in comparison.gaps}
    source_one = _article(kb.occupation(source).title)
    added: list[Gap] = []
    carried: list[TransferableSkill] = []
    why = f"{specialty.name} roles call for it (careerpath's curated role data)."

    def add(
        kind: Literal["skill", "knowledge", "technology", "topic"],
        key: str,
        name: str,
        priority: Priority,
        hours: int,
        order: int,
    ) -> None:
        if (kind, key) in existing or (kind, key) in comparison.covered:
            return
        if known.has(kind, key):
            carried.append(
                TransferableSkill(
                    name=name, kind=kind, origin="listed", why=f"You listed it yourself; {why[0].lower()}{why[1:]}"
                )
            )
            return
        j = columns.get(key)
        if j is not None and p.importance[s, j] >= effort.IMPORTANT_IMPORTANCE:
            # The source role already relies on it: it carries over rather than being learned.
            carried.append(
                TransferableSkill(
                    name=name,
                    kind=kind,
                    source_level=round(float(p.level[s, j]), 2),
                    origin="specialization",
                    why=f"{why[:-1]}, and you already rely on it as {source_one}.",
                )
            )
            return
        score = (ROLE_SCORE if specialty.role else SPECIALTY_SCORE)[priority]
        added.append(
            Gap(kind=kind, key=key, name=name, hours=hours, why=why, score=score, order=order, origin="specialization")
        )

    implies = specialty.implies
    element_kinds: tuple[tuple[Literal["skill", "knowledge"], tuple[ImpliedElement, ...]], ...] = (
        ("skill", implies.skills),
        ("knowledge", implies.knowledge),
    )
    for kind, elements in element_kinds:
        for element in elements:
            add(
                kind,
                element.element_id,
                display_name(p, element.element_id),
                element.priority,
                element.hours,
                0 if kind == "knowledge" else 1,
            )
    for tech in implies.technologies:
        if tech.name not in source_techs:
            add("technology", tech.name, tech.name, tech.priority, tech.hours, 4)
    for topic in implies.topics:
        add("topic", topic.id, catalog.topic(topic.id).name, topic.priority, topic.hours, 2)
    return added, carried


def _core_plan(gaps: list[Gap]) -> tuple[list[tuple[Gap, Priority, bool]], list[Gap]]:
    """The few items the plan is built around, and what is also useful. Each as (gap,
    priority, core). Curated items (what the route says the target is hired for, what a
    role calls for) come first; O*NET-derived ones fill the remaining places, at most
    DERIVED_IN_CORE of them once three curated items are there. One entry per name."""
    seen: set[str] = set()
    ranked = []
    for gap in sorted(gaps, key=lambda g: (-_capped(g), g.name)):
        if gap.name.casefold() in seen:
            continue
        seen.add(gap.name.casefold())
        ranked.append(gap)
    ranked = _without_restatements(ranked)
    curated_names = " ".join(g.name.lower() for g in ranked if g.origin != "occupation")
    # "pandas" needs no entry of its own beside "Python data stack (pandas, scikit-learn)".
    ranked = [
        g
        for g in ranked
        if not (g.kind == "technology" and g.origin == "occupation" and g.name.lower() in curated_names)
    ]
    eligible = [g for g in ranked if _capped(g) >= CORE_MIN_SCORE]
    curated = [g for g in eligible if g.origin != "occupation"][:CORE_MAX]
    derived_places = CORE_MAX - len(curated) if len(curated) < 3 else min(DERIVED_IN_CORE, CORE_MAX - len(curated))
    derived = [g for g in eligible if g.origin == "occupation"][:derived_places]
    chosen_ids = {id(g) for g in curated + derived}
    core = [g for g in ranked if id(g) in chosen_ids]
    rest = [g for g in ranked if id(g) not in chosen_ids and _capped(g) > 0][:ALSO_USEFUL_MAX]
    chosen: list[tuple[Gap, Priority, bool]] = [
        (g, "Critical" if i < CRITICAL_COUNT else "Important", True) for i, g in enumerate(core)
    ]
    chosen += [(g, "Nice to have", False) for g in rest]
    return chosen, rest


_MINOR_WORDS = frozenset("and or the for with from into its their your of in on to a an".split())


def _content_words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.lower()) if len(w) > 2 and w not in _MINOR_WORDS)


def _without_restatements(ranked: list[Gap]) -> list[Gap]:
    """A role's needs and its occupation's route often name the same thing in other words
    ("Scrum" and "Agile and Scrum delivery"): of two curated topics sharing half the words of
    the shorter, only the higher-ranked one stays."""
    kept: list[Gap] = []
    seen: list[frozenset[str]] = []
    for gap in ranked:
        if gap.kind in ("topic", "hired_for"):
            words = _content_words(gap.name)
            if words and any(len(words & other) * 2 >= min(len(words), len(other)) for other in seen):
                continue
            seen.append(words)
        kept.append(gap)
    return kept


def _capped(gap: Gap) -> float:
    if gap.origin != "occupation":
        return gap.score
    return min(gap.score, TECHNOLOGY_SCORE_CAP if gap.kind == "technology" else ELEMENT_SCORE_CAP)


MAX_RESOURCES = 3


def _resources(
    catalog: Catalog, routes: RouteCatalog, gap: Gap, budget: str | None, target: str, core: bool = True
) -> list[ResourceRef]:
    """Resources whose main subject is the item, up to three; when the catalog marks none as
    such, the two most focused — for core items only: an "also useful" O*NET element gets a
    resource only when one is squarely about it (no marketing course for a nurse's Service
    Orientation). A route item names its own (a credential's authority or a catalog resource)."""
    if gap.learn:
        if routes.has_credential(gap.learn):
            c = routes.credential(gap.learn)
            return [
                ResourceRef(
                    name=c.name, provider=c.authority, url=c.url, cost=None, format=CREDENTIAL, hours=c.prep_hours
                )
            ]
        r = catalog.resource(gap.learn)
        if budget != "free" or r.is_free:
            return [
                ResourceRef(name=r.name, provider=r.provider, url=r.url, cost=r.cost, format=r.format, hours=r.hours)
            ]
    if gap.kind == "hired_for":
        return []
    found = catalog.resources_for(gap.kind, gap.key, budget)
    if gap.kind in ("skill", "knowledge"):  # a general area: only resources made for this kind of work
        found = [r for r in found if not r.fits or r.suits(target)]
    primary = [r for r in found if gap.key in r.teaches.primary]
    if not core and gap.kind in ("skill", "knowledge"):
        found = []
    return [
        ResourceRef(name=r.name, provider=r.provider, url=r.url, cost=r.cost, format=r.format, hours=r.hours)
        for r in (primary[:MAX_RESOURCES] if primary else found[:2])
    ]


def _how(gap: Gap, refs: list[ResourceRef], program: str | None) -> str:
    if program:
        return f"Taught in the route's program ({program}); to get a head start, " + (
            f"look at {refs[0].name} ({refs[0].provider})." if refs else "ask the program for its reading list."
        )
    if refs:
        first = refs[0]
        text = (
            f"Start with {first.name} ({first.provider}"
            + (f", {first.cost}" if first.cost else "")
            + (f", ~{first.hours} h)" if first.hours else ")")
        )
        if len(refs) > 1:
            text += f"; then {refs[1].name} ({refs[1].provider})"
        return text + "."
    if gap.kind == "technology":
        return f"Work through {gap.name}'s own documentation and tutorials, then use it in a portfolio piece."
    return (
        "Learn it by doing: look for a short course at a community college or through the role's "
        "professional association, and practise on real examples."
    )


def _to_learn(
    gaps: list[Gap], catalog: Catalog, routes: RouteCatalog, person: Person, program: str | None, target: str
) -> list[SkillToLearn]:
    items = []
    chosen, _ = _core_plan(gaps)
    for gap, priority, core in chosen:
        refs = _resources(catalog, routes, gap, person.budget, target, core)
        covered = program if core else None
        items.append(
            SkillToLearn(
                name=gap.name,
                kind=gap.kind,
                key=gap.key,
                priority=priority,
                core=core,
                covered_by=covered,
                origin=gap.origin,
                hours=gap.hours,
                weeks=effort.weeks(gap.hours, person.hours_per_week),
                why=gap.why,
                how=_how(gap, refs, covered),
                resources=refs,
                source_level=gap.source_level,
                target_level=gap.target_level,
                target_importance=gap.target_importance,
            )
        )
    return items


# -- difficulty ----------------------------------------------------------------------------


def _difficulty(
    unmet: float, zone_step: int, route: AppliedRoute, learning_hours: int, source_title: str, target_title: str
) -> tuple[Difficulty, int, list[Driver]]:
    # A job search is not school or training: only the steps before it make a move hard.
    searching = sum(
        midpoint(p.step.months)
        for p in route.todo
        if p.step.kind == "job_search" and p.step.pace == "full_time" and p.step.months
    )
    months = max(0.0, route.full_time_months - searching)
    parts = {
        "route": min(1.0, months / ROUTE_MONTHS_SATURATION),
        "profile": min(1.0, unmet / PROFILE_GAP_SATURATION),
        "job_zone": max(0, zone_step) / 4,
        "learning": min(1.0, learning_hours / LEARNING_HOURS_SATURATION),
    }
    todo = [p.step.name for p in route.todo if p.step.pace == "full_time" and p.step.kind in LONG_STEPS]
    explanations = {
        "route": (
            f"The way in still takes {how_long(months)} of full-time school, training, exams or required "
            f"experience: {'; '.join(todo[:3])}."
            if months > 0 and todo
            else f"No school or training is left, only exams and paperwork ({how_long(months)})."
            if months > 0
            else "No degree, licence or apprenticeship stands between you and applying."
        ),
        "profile": (
            f"{capitalised(people(source_title))} already meet all but {unmet:.0%} of what {people(target_title)} need in "
            "O*NET skills and knowledge."
            if round(unmet * 100) > 0
            else f"{capitalised(people(source_title))} already meet what {people(target_title)} need in O*NET skills and knowledge."
        ),
        "job_zone": (
            f"A step up of {zone_step} in O*NET job zone (the preparation a job needs)."
            if zone_step > 0
            else "No step up in the preparation O*NET says the job needs."
        ),
        "learning": f"About {learning_hours} hours of part-time study: the core skills, prerequisites and exam "
        "preparation.",
    }
    score = round(100 * sum(DIFFICULTY_WEIGHTS[k] * v for k, v in parts.items()))
    level = next(name for bound, name in DIFFICULTY_BANDS if score < bound)
    drivers = [
        Driver(name=k, value=round(v, 3), weight=DIFFICULTY_WEIGHTS[k], explanation=explanations[k])
        for k, v in parts.items()
    ]
    drivers.sort(key=lambda d: -d.value * d.weight)
    return level, score, drivers


# -- stepping stones -----------------------------------------------------------------------


def stepping_stones(p: Profiles, route: AppliedRoute, source: str, target: str) -> list[SteppingStone]:
    """The jobs people really hold on the way (the route's bridge jobs), each with the two
    legs' unmet share. None when the person already holds one of them."""
    kb = p.kb
    bridges = [b.code for b in route.view.bridge_jobs]
    if any(code[:7] == source[:7] for code in bridges):
        return []
    s, t = kb.index[source], kb.index[target]
    stones = []
    for code in bridges:
        if code in (source, target):
            continue
        b = kb.index[code]
        first, second = p.unmet_share(s, b), p.unmet_share(b, t)
        stones.append(
            SteppingStone(
                code=code,
                title=kb.occupation(code).title,
                first_leg=round(first, 3),
                second_leg=round(second, 3),
                route=[Role(code=code, title=kb.occupation(code).title)],
                legs=[round(first, 3), round(second, 3)],
            )
        )
    return stones


# -- the guide -----------------------------------------------------------------------------


def _role(
    kb: KnowledgeBase,
    p: Profiles,
    code: str,
    specialty: Specialty | None,
    words: str | None,
    alternatives: tuple[RoleChoice, ...],
) -> Role:
    donor = p.donor[kb.index[code]]
    borrowed = None
    if kb.codes[donor] != code:
        other = kb.occupation(kb.codes[donor])
        borrowed = Role(code=other.code, title=other.title)
    return Role(
        code=code,
        title=kb.occupation(code).title,
        specialization=specialty.name if specialty else None,
        specialization_id=specialty.id if specialty else None,
        ratings_borrowed_from=borrowed,
        words=words,
        alternatives=list(alternatives),
    )


def display_title(role: Role) -> str:
    if role.specialization:
        return f"{role.title} ({role.specialization})"
    return role.title


def _words(role: Role) -> str:
    """What to call the role in a heading: the person's own words when they typed some."""
    if role.words and not any(ch.isdigit() for ch in role.words):
        return role.words.strip()
    return display_title(role)


def _data_notes(kb: KnowledgeBase, p: Profiles, roles: list[Role], salary: SalaryComparison) -> list[str]:
    notes = []
    for role in roles:
        row = kb.index[role.code]
        if role.ratings_borrowed_from:
            how = (
                "whose work careerpath judges closest (catalog/profile_donors.yaml)"
                if chosen_donors().get(role.code) == role.ratings_borrowed_from.code
                else "the closest rated occupation in the SOC hierarchy"
            )
            notes.append(
                f"O*NET has no skill or knowledge ratings for {role.title}; this guide uses those of "
                f"{role.ratings_borrowed_from.title} ({role.ratings_borrowed_from.code}), {how}."
            )
        estimated = int(p.level_estimated[row].sum())
        if estimated:
            notes.append(
                f"{estimated} O*NET level estimate{'s' if estimated != 1 else ''} for {role.title} "
                f"{'was' if estimated == 1 else 'were'} suppressed as imprecise and "
                f"{'is' if estimated == 1 else 'are'} estimated from importance ratings."
            )
        occupation = kb.occupation(role.code)
        if kb.outlook(role.code) is None:
            notes.append(f"BLS publishes no {market.releases(kb)[1]} projection for {role.title}.")
        elif occupation.projection_soc_level not in (None, "detailed") or not role.code.endswith(".00"):
            outlook = kb.outlook(role.code)
            assert outlook is not None
            notes.append(
                f"Outlook figures for {role.title} are those of the BLS occupation “{outlook.title}” "
                f"({occupation.projection_soc}), which includes it."
            )
        if occupation.wage_soc and (occupation.wage_soc != role.code[:7] or not role.code.endswith(".00")):
            notes.append(
                f"Wages for {role.title} are those of the BLS occupation {occupation.wage_soc}, which "
                "includes it and other O*NET occupations."
            )
        if not kb.tasks(role.code):
            notes.append(f"O*NET lists no task statements for {role.title}.")
    if salary.note:
        notes.append(salary.note)
    return list(dict.fromkeys(notes))  # a guide within one occupation would say each twice


def _sources(kb: KnowledgeBase) -> list[Source]:
    used = {
        "onet": "skills, knowledge, work styles, work values, interests, tasks, technologies, job zones",
        "oews": "wages (median, percentiles, employment) by nation, state and metro area",
        "projections": "employment growth, annual openings, typical entry education",
    }
    sources = [
        Source(
            dataset=s["name"],
            release=s["release"],
            publisher=s["publisher"],
            license=s["license"],
            url=s["url"],
            used_for=used[s["id"]],
        )
        for s in kb.sources()
    ]
    sources.append(
        Source(
            dataset="careerpath entry routes, learning catalog and roles",
            release="curated",
            publisher="careerpath contributors",
            license="MIT",
            url=None,
            used_for="entry routes (credentials, licences, exams, bridge jobs), learning "
            "resources, role needs, portfolio and networking templates; each route cites its sources",
        )
    )
    return sources


def build_guide(request: GuideRequest, inputs: Inputs) -> Guide:
    """The guide for one request, from the knowledge base and catalogs in `inputs` alone."""
    kb, catalog, routes = inputs.kb, inputs.catalog, inputs.routes
    p = profiles_for(kb)
    d = distinctiveness_for(kb)
    person = request.person
    if person.hours_per_week <= 0:
        raise ValueError("hours per week must be positive")
    source, target = request.source, request.target
    source_occupation, target_occupation = kb.occupation(source), kb.occupation(target)  # UnknownOccupation early
    same_role = source == target and (request.source_specialty or None) == (request.target_specialty or None)

    source_techs = {t.name for t in kb.technologies(source)}
    spec_topics: set[str] = set()
    spec_techs: set[str] = set()
    if request.source_specialty:
        spec_topics = {t.id for t in request.source_specialty.implies.topics}
        spec_techs = {t.name for t in request.source_specialty.implies.technologies}
    known = Known(
        items=person.known,
        topics=frozenset(spec_topics),
        products=product_names(kb),
        technologies=frozenset(
            product_of(kb, name) for name in spec_techs | {k for kind, k in person.known if kind == "technology"}
        ),
    )

    comparison = compare_elements(p, d, source, target, known)
    tech_transferable, tech_gaps = compare_technologies(kb, d, source, target, known)
    gaps, carried = ([], []) if source == target else _route_gaps(routes, target, source, known)
    gaps += comparison.gaps + tech_gaps
    if request.target_specialty and not same_role:
        added, from_specialty = _specialty_gaps(
            p, catalog, request.target_specialty, source, comparison, known, source_techs | spec_techs
        )
        gaps += added
        carried += from_specialty
    if source == target:
        # Same occupation: only what the target role adds over the source role is to learn.
        gaps = [g for g in gaps if g.origin == "specialization"]

    applied = apply_route(kb, routes, source, target)
    if source == target:
        applied = already_there(applied)
    to_learn = _to_learn(gaps, catalog, routes, person, applied.program, target)
    templates = catalog.templates_for(target, target_occupation.title)
    portfolio = request.target_specialty.portfolio if request.target_specialty else ()
    planned = plan_phases(applied, to_learn, templates, portfolio, same_role, target_occupation.title)
    phases, steps, total_weeks = schedule(planned, person.hours_per_week)
    plan = action_plan(steps, planned, applied, to_learn, templates, person.hours_per_week)

    salary = market.salary_comparison(kb, source, target, person.area_code)
    demand = market.demand(kb, target)
    core_hours = study_hours(planned)
    unmet = 0.0 if same_role else p.unmet_share(kb.index[source], kb.index[target])
    zone_step = 0
    if source_occupation.job_zone and target_occupation.job_zone and not same_role:
        zone_step = max(0, target_occupation.job_zone - source_occupation.job_zone)
    level, score, drivers = _difficulty(
        unmet, zone_step, applied, core_hours, source_occupation.title, target_occupation.title
    )

    from_role = _role(kb, p, source, request.source_specialty, request.source_words, request.source_alternatives)
    to_role = _role(kb, p, target, request.target_specialty, request.target_words, request.target_alternatives)
    transferable = comparison.transferable + carried + tech_transferable + transferable_styles(p, source, target)
    stones = [] if same_role else stepping_stones(p, applied, source, target)
    months = effort.months(total_weeks)
    reality = reality_check(kb, p, source, target, salary, to_learn, applied, zone_step)
    guide_faq = faq(kb, request, applied, to_learn, salary, demand, stones, months, total_weeks, planned, same_role)
    text = overview(
        from_role,
        to_role,
        level,
        salary,
        demand,
        transferable,
        to_learn,
        applied,
        months,
        person.hours_per_week,
        same_role,
    )
    area_name = kb.area(person.area_code).name if person.area_code and person.area_code != NATIONAL else None
    return Guide(
        **{"from": from_role},
        to=to_role,
        headline=f"{_words(from_role)} → {_words(to_role)}",
        title=f"From {_words(from_role)} to {_words(to_role)}: Your {months}-Month Transition Guide",
        same_occupation=same_role,
        difficulty=level,
        difficulty_score=score,
        difficulty_drivers=drivers,
        timeline_months=months,
        timeline_weeks=total_weeks,
        salary_change_pct=salary.change_pct,
        salary=salary,
        demand=demand,
        overview=text,
        route=applied.view,
        transferable_skills=transferable,
        skills_to_learn=to_learn,
        roadmap=phases,
        reality_check=reality,
        action_plan=plan,
        faq=guide_faq,
        stepping_stones=stones,
        sources=_sources(kb),
        data_notes=_data_notes(kb, p, [from_role, to_role], salary),
        personalization=Personalization(
            hours_per_week=person.hours_per_week,
            location=area_name,
            budget=person.budget,
            skills_recognised=list(person.recognised),
            skills_not_recognised=list(person.not_recognised),
            changes=[],
            skills_read=list(person.read),
            experience=list(person.experience),
        ),
        attribution=kb.meta["attribution"],
    )
