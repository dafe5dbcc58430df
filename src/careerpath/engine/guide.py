"""Assemble a Guide from two occupations and a person. Pure: no I/O beyond the KB's reads."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from careerpath.catalog import Catalog
from careerpath.kb import KnowledgeBase
from careerpath.kb.api import NATIONAL
from careerpath.kb.products import product_names, product_of

from . import effort, market
from .compare import (
    Comparison, Gap, Known, compare_elements, compare_technologies, display_name, transferable_styles,
)
from .model import (
    Driver, Experience, Guide, Personalization, RealityCheck, ResourceRef, Role, SkillRead, SkillToLearn, Source,
    SteppingStone, TransferableSkill,
)
from .narrative import counted, faq, overview
from .profiles import Profiles, profiles_for
from .roadmap import PlannedPhase, action_plan, learning_phases, schedule

DEFAULT_HOURS_PER_WEEK = 10.0

# Difficulty score: weights of its four drivers (sum to 1), and where each saturates.
# A new four-year degree alone makes a move hard, whatever the skills say, hence the
# education driver's weight and its saturation at four years.
DIFFICULTY_WEIGHTS = {"profile": 0.35, "job_zone": 0.15, "education": 0.3, "learning": 0.2}
PROFILE_GAP_SATURATION = 0.5      # unmet share of the target's weighted requirement
EDUCATION_YEARS_SATURATION = 4    # extra years of typical entry education
LEARNING_HOURS_SATURATION = 1000  # study hours
DIFFICULTY_BANDS = ((15, "Easy"), (35, "Moderate"), (55, "Challenging"), (101, "Hard"))

STEPPING_STONE_MIN_GAP = 0.10     # below this the direct move needs no intermediate role
MAX_STEPPING_STONES = 3


@dataclass(frozen=True)
class Specialty:
    """What the engine needs of a specialization (see careerpath.resolve.specializations)."""
    id: str
    name: str
    implies: object             # .skills/.knowledge (element_id, priority, hours), .technologies (name, ...), .topics (id, ...)


@dataclass(frozen=True)
class Person:
    hours_per_week: float = DEFAULT_HOURS_PER_WEEK
    area_code: str | None = None                     # OEWS area code (state or metro)
    known: frozenset[tuple[str, str]] = frozenset()   # (kind, key) the person says they have
    recognised: tuple[str, ...] = ()                 # how we read their own words, for display
    not_recognised: tuple[str, ...] = ()
    read: tuple[SkillRead, ...] = ()                 # each item read, with its words; removed ones not in known
    experience: tuple[Experience, ...] = ()          # years per role, where the person states them
    budget: str | None = None                        # None | "free"


@dataclass(frozen=True)
class GuideRequest:
    source: str
    target: str
    source_specialty: Specialty | None = None
    target_specialty: Specialty | None = None
    person: Person = field(default_factory=Person)


# -- items to learn ------------------------------------------------------------------------

_PRIORITY_RANK = {"Critical": 0, "Important": 1, "Nice to have": 2}


def _specialty_gaps(p: Profiles, catalog: Catalog, specialty: Specialty, source: str, comparison: Comparison,
                    known: Known, source_techs: set[str]) -> tuple[list[Gap], list[TransferableSkill]]:
    """What a target specialization adds, unless the person already has it."""
    kb = p.kb
    s = kb.index[source]
    columns = {element_id: j for j, element_id in enumerate(p.element_ids)}
    existing = {(g.kind, g.key): g for g in comparison.gaps}
    source_title = kb.occupation(source).title
    added, carried = [], []
    why = f"The {specialty.name} specialization calls for it (careerpath's curated specialization data)."

    def add(kind: str, key: str, name: str, priority: str, hours: int, order: int) -> None:
        if (kind, key) in existing:
            gap = existing[(kind, key)]
            if _PRIORITY_RANK[priority] < _PRIORITY_RANK[gap.priority]:
                gap.priority = priority
            gap.why += " " + why
            return
        if known.has(kind, key) or (kind, key) in comparison.covered:
            return
        j = columns.get(key)
        if j is not None and p.importance[s, j] >= effort.IMPORTANT_IMPORTANCE:
            # The source role already relies on it: it carries over rather than being learned.
            carried.append(TransferableSkill(
                name=name, kind=kind, source_level=round(float(p.level[s, j]), 2),
                why=(f"{why[:-1]}, and {source_title} already rate it {p.importance[s, j]:.1f}/5 in importance "
                     f"at level {p.level[s, j]:.1f}/7.")))
            return
        added.append(Gap(kind=kind, key=key, name=name, priority=priority, hours=hours, why=why,
                         order=order, origin="specialization"))

    implies = specialty.implies
    for kind, items in (("skill", implies.skills), ("knowledge", implies.knowledge)):
        for item in items:
            add(kind, item.element_id, display_name(p, item.element_id), item.priority, item.hours,
                0 if kind == "knowledge" else 1)
    for item in implies.technologies:
        if item.name not in source_techs:
            add("technology", item.name, item.name, item.priority, item.hours, 4)
    for item in implies.topics:
        add("topic", item.id, catalog.topic(item.id).name, item.priority, item.hours, 2)
    return added, carried


def _how(kind: str, name: str, refs: list[ResourceRef], example_task: str | None) -> str:
    if refs:
        first = refs[0]
        text = f"Start with {first.name} ({first.provider}, {first.cost}, ~{first.hours} h)"
        if len(refs) > 1:
            text += f"; then {refs[1].name} ({refs[1].provider}, {refs[1].cost})"
        return text + "."
    if kind == "technology":
        return (f"No curated resource yet: work through {name}'s official documentation and "
                "tutorials, then use it in a portfolio piece.")
    if example_task:
        return f"No curated resource yet: practise it on the target role's own work, e.g. “{example_task}”."
    return "No curated resource yet: practise it on the target role's tasks and ask a practitioner for feedback."


MAX_RESOURCES = 3


def _best_resources(catalog: Catalog, kind: str, key: str, budget: str | None) -> list:
    """Resources whose main subject is the item, up to three; when the catalog marks none
    as such, the two most focused. A history course that exercises reading is no answer
    to "where do I learn reading comprehension" while a reading course exists."""
    found = catalog.resources_for(kind, key, budget)
    primary = [r for r in found if key in r.teaches.primary]
    return primary[:MAX_RESOURCES] if primary else found[:2]


def _to_learn(gaps: list[Gap], catalog: Catalog, person: Person, example_task: str | None) -> list[SkillToLearn]:
    items = []
    for gap in gaps:
        found = _best_resources(catalog, gap.kind, gap.key, person.budget)
        refs = [ResourceRef(name=r.name, provider=r.provider, url=r.url, cost=r.cost, format=r.format,
                            hours=r.hours) for r in found]
        items.append(SkillToLearn(
            name=gap.name, kind=gap.kind, key=gap.key, priority=gap.priority, hours=gap.hours,
            weeks=effort.weeks(gap.hours, person.hours_per_week), why=gap.why,
            how=_how(gap.kind, gap.name, refs, example_task), resources=refs,
            source_level=gap.source_level, target_level=gap.target_level,
            target_importance=gap.target_importance,
        ))
    items.sort(key=lambda i: (_PRIORITY_RANK[i.priority], -(i.target_importance or 0), -i.hours, i.name))
    return items


# -- difficulty ----------------------------------------------------------------------------

def _difficulty(unmet: float, zone_step: int, education_years: int, learning_hours: int,
                source_title: str, target_title: str) -> tuple[str, int, list[Driver]]:
    parts = {
        "profile": min(1.0, unmet / PROFILE_GAP_SATURATION),
        "job_zone": max(0, zone_step) / 4,
        "education": min(1.0, max(0, education_years) / EDUCATION_YEARS_SATURATION),
        "learning": min(1.0, learning_hours / LEARNING_HOURS_SATURATION),
    }
    explanations = {
        "profile": (f"{source_title} meet all but {unmet:.0%} of what {target_title} need in O*NET skill "
                    "and knowledge levels, weighted by importance."),
        "job_zone": (f"O*NET job zone rises by {zone_step}." if zone_step > 0
                     else "No step up in O*NET job zone."),
        "education": (f"Typical entry education takes about {education_years} more years of study."
                      if education_years > 0 else "No higher entry credential than the current role."),
        "learning": f"About {learning_hours} hours of study in the plan.",
    }
    score = round(100 * sum(DIFFICULTY_WEIGHTS[k] * v for k, v in parts.items()))
    level = next(name for bound, name in DIFFICULTY_BANDS if score < bound)
    drivers = sorted(
        (Driver(name=k, value=round(v, 3), weight=DIFFICULTY_WEIGHTS[k], explanation=explanations[k])
         for k, v in parts.items()),
        key=lambda d: -d.value * d.weight,
    )
    return level, score, drivers


# -- reality check -------------------------------------------------------------------------

def _differences(names: list[str], descriptions: list[str], source: np.ndarray, target: np.ndarray,
                 threshold: float, scale: str) -> tuple[list[str], list[str]]:
    gains, losses = [], []
    order = np.argsort(-(np.abs(np.nan_to_num(target - source))))
    for j in order:
        if np.isnan(source[j]) or np.isnan(target[j]):
            continue
        delta = float(target[j] - source[j])
        first_sentence = descriptions[j].split(". ")[0].rstrip(".")
        text = f"{names[j]}: {first_sentence} ({target[j]:.1f} vs {source[j]:.1f} {scale})."
        if delta >= threshold:
            gains.append(text)
        elif delta <= -threshold:
            losses.append(text)
    return gains, losses


def _reality_check(kb: KnowledgeBase, p: Profiles, source: str, target: str, salary, comparison_gaps,
                   education_years: int, zone_step: int) -> RealityCheck:
    s, t = kb.index[source], kb.index[target]
    source_title, target_title = kb.occupation(source).title, kb.occupation(target).title
    values = kb.elements("work_values")
    value_gain, value_loss = _differences(
        [v.name for v in values], [v.description for v in values],
        p.work_values[s], p.work_values[t], 0.5, "of 7 on O*NET's work-value extent")
    interests = kb.elements("interests")
    interest_gain, interest_loss = _differences(
        [f"More {i.name.lower()} work" for i in interests], [i.description for i in interests],
        p.interests[s], p.interests[t], 0.75, "of 7 on O*NET's interest profile")
    interest_loss = [text.replace("More ", "Less ", 1) for text in interest_loss]

    love = value_gain[:2] + interest_gain[:2]
    miss = value_loss[:2] + interest_loss[:2]
    if salary.change_pct is not None:
        line = (f"Median pay {'rises' if salary.change_pct > 0 else 'falls'} to "
                f"${salary.target_median:,} from ${salary.source_median:,} ({salary.change_pct:+d}%, "
                f"{market.in_area(salary.area)}, BLS OEWS May 2025).")
        if salary.change_pct >= 5:
            love.append(line)
        elif salary.change_pct <= -5:
            miss.append(line)
    core = [task.text for task in kb.tasks(target) if task.task_type == "Core"][:1]
    if core:
        love.append(f"Daily work like: “{core[0].rstrip('.')}” (an O*NET core task for {target_title}).")
    target_products = {product_of(kb, x.name) for x in kb.technologies(target)}
    dropped = sorted({x.name for x in kb.technologies(source) if x.hot and product_of(kb, x.name) not in target_products})
    if dropped:
        miss.append(f"Tools you use now that O*NET does not list for {target_title}: {', '.join(dropped[:4])}.")

    challenges = []
    for gap in comparison_gaps[:2]:
        if gap.source_level is not None:
            challenges.append(f"Raising {gap.name} from level {gap.source_level:.1f} to {gap.target_level:.1f} "
                              f"of 7 ({gap.hours} h estimated).")
        else:
            challenges.append(f"Learning {gap.name} ({gap.hours} h estimated).")
    outlook = kb.outlook(target)
    if education_years > 0 and outlook is not None:
        challenges.append(f"{target_title} typically enter with: {outlook.education} (BLS), about "
                          f"{education_years} more years of study than {source_title} typically need.")
    if zone_step > 0:
        challenges.append(f"A step up of {counted(zone_step, 'O*NET job zone')}: {target_title} are zone "
                          f"{kb.occupation(target).job_zone}, {source_title} zone {kb.occupation(source).job_zone}.")
    rate, average = market.openings_rate(outlook), market.openings_rate(market.all_occupations_outlook(kb))
    if rate is not None and average is not None and rate < average:
        challenges.append(f"Openings come up less often: {rate:.1f} a year per 100 jobs vs {average:.1f} "
                          "across all occupations (BLS projections 2024-34), so expect competition.")
    if outlook is not None and outlook.change_percent is not None and outlook.change_percent < 0:
        challenges.append(f"Employment is projected to shrink {outlook.change_percent:.1f}% by 2034.")
    if salary.early_career_change_pct is not None and salary.early_career_change_pct < 0:
        challenges.append(f"Starting pay is often lower: the 25th percentile is ${salary.target_p25:,}, "
                          f"{salary.early_career_change_pct:+d}% against your current median.")
    return RealityCheck(love=love[:5], miss=miss[:5], challenges=challenges[:5])


# -- stepping stones -----------------------------------------------------------------------

def stepping_stones(p: Profiles, source: str, target: str) -> list[SteppingStone]:
    """Cheapest routes through one or two intermediate occupations (engine/paths.py)."""
    from .paths import best_routes

    kb = p.kb
    stones = []
    for route in best_routes(kb, source, target, MAX_STEPPING_STONES):
        first = kb.occupation(route.stops[0])
        stones.append(SteppingStone(
            code=first.code, title=first.title, first_leg=round(route.legs[0], 3),
            second_leg=round(route.legs[1], 3),
            route=[Role(code=c, title=kb.occupation(c).title) for c in route.stops],
            legs=[round(leg, 3) for leg in route.legs]))
    return stones


# -- the guide -----------------------------------------------------------------------------

def _role(kb: KnowledgeBase, p: Profiles, code: str, specialty: Specialty | None) -> Role:
    donor = p.donor[kb.index[code]]
    borrowed = None
    if kb.codes[donor] != code:
        other = kb.occupation(kb.codes[donor])
        borrowed = Role(code=other.code, title=other.title)
    return Role(code=code, title=kb.occupation(code).title,
                specialization=specialty.name if specialty else None,
                specialization_id=specialty.id if specialty else None,
                ratings_borrowed_from=borrowed)


def _display_title(role: Role) -> str:
    if role.specialization:
        return f"{role.title} ({role.specialization})"
    return role.title


def _indefinite(education: str) -> str:
    lowered = education[0].lower() + education[1:]
    return ("an " if lowered[0] in "aeiou" else "a ") + lowered


def _education_step(kb: KnowledgeBase, source: str, target: str) -> tuple[int, str | None]:
    src, dst = kb.outlook(source), kb.outlook(target)
    if src is None or dst is None or src.education is None or dst.education is None:
        return 0, None
    years = effort.EDUCATION_YEARS.get(dst.education, 0) - effort.EDUCATION_YEARS.get(src.education, 0)
    return max(0, years), dst.education


def _data_notes(kb: KnowledgeBase, p: Profiles, roles: list[Role], salary) -> list[str]:
    notes = []
    for role in roles:
        row = kb.index[role.code]
        if role.ratings_borrowed_from:
            notes.append(f"O*NET has no skill or knowledge ratings for {role.title}; this guide uses those of "
                         f"{role.ratings_borrowed_from.title} ({role.ratings_borrowed_from.code}), the closest "
                         "rated occupation in the SOC hierarchy.")
        estimated = int(p.level_estimated[row].sum())
        if estimated:
            notes.append(f"{counted(estimated, 'O*NET level estimate')} for {role.title} "
                         f"{'was' if estimated == 1 else 'were'} suppressed as imprecise and "
                         f"{'is' if estimated == 1 else 'are'} estimated from importance ratings.")
        if kb.outlook(role.code) is None:
            notes.append(f"BLS publishes no 2024-34 projection for {role.title}.")
        occupation = kb.occupation(role.code)
        if occupation.projection_soc_level not in (None, "detailed"):
            notes.append(f"Projections for {role.title} are those of the BLS {occupation.projection_soc_level} "
                         f"group {occupation.projection_soc}.")
        if not kb.tasks(role.code):
            notes.append(f"O*NET lists no task statements for {role.title}.")
    if salary.note:
        notes.append(salary.note)
    return notes


def _sources(kb: KnowledgeBase) -> list[Source]:
    used = {
        "onet": "skills, knowledge, work styles, work values, interests, tasks, technologies, job zones",
        "oews": "wages (median, percentiles, employment) by nation, state and metro area",
        "projections": "employment growth, annual openings, typical entry education",
    }
    sources = [Source(dataset=s["name"], release=s["release"], publisher=s["publisher"], license=s["license"],
                      url=s["url"], used_for=used[s["id"]]) for s in kb.sources()]
    sources.append(Source(dataset="careerpath learning catalog and specializations", release="curated",
                          publisher="careerpath contributors", license="MIT",
                          url=None, used_for="learning resources, specialization needs, "
                          "portfolio and networking templates"))
    return sources


def _plan(to_learn: list[SkillToLearn], order: dict[str, int], templates, core_tasks: list[str],
          target_title: str, education_years: int, education_name: str | None,
          same_role: bool) -> list[PlannedPhase]:
    """Roadmap phases before scheduling: credential, learning, portfolio, network, job search."""
    planned: list[PlannedPhase] = []
    if education_years > 0:
        planned.append(PlannedPhase(
            f"Credential: {education_name.lower()}", 0,
            [(0, f"Compare accredited programs leading to {_indefinite(education_name)}, the typical entry "
                 f"education for {target_title} (BLS), and apply."),
             (0, f"Complete the program: about {counted(education_years, 'year')} of full-time study.")],
            [], fixed_weeks=education_years * 52))
    planned += learning_phases(to_learn, order)
    if not same_role:
        # Each portfolio piece proves one of the target's real core tasks.
        pieces = [(i * effort.PORTFOLIO_HOURS_PER_PIECE, templates.portfolio_for(task)[i % len(templates.portfolio)])
                  for i, task in enumerate(core_tasks[:effort.PORTFOLIO_PIECES])]
        if pieces:
            planned.append(PlannedPhase("Portfolio", effort.PORTFOLIO_HOURS_PER_PIECE * len(pieces), pieces, []))
        network = list(templates.experience[:2]) + [f"Meet practitioners: {n}" for n in templates.network[:2]]
        planned.append(PlannedPhase("Experience and network", effort.NETWORKING_HOURS,
                                    [(0, text) for text in network], []))
    planned.append(PlannedPhase("Job search", effort.JOB_SEARCH_HOURS,
                                [(0, text) for text in templates.job_search], []))
    return planned


def build_guide(request: GuideRequest, kb: KnowledgeBase | None = None, catalog: Catalog | None = None) -> Guide:
    kb = kb or KnowledgeBase.default()
    catalog = catalog or Catalog.default()
    p = profiles_for(kb)
    person = request.person
    if person.hours_per_week <= 0:
        raise ValueError("hours per week must be positive")
    source, target = request.source, request.target
    source_occupation, target_occupation = kb.occupation(source), kb.occupation(target)  # UnknownOccupation early

    source_techs = {t.name for t in kb.technologies(source)}
    spec_topics, spec_techs = set(), set()
    if request.source_specialty:
        spec_topics = {t.id for t in request.source_specialty.implies.topics}
        spec_techs = {t.name for t in request.source_specialty.implies.technologies}
    products = product_names(kb)
    known = Known(items=person.known, topics=frozenset(spec_topics), products=products,
                  technologies=frozenset(product_of(kb, name) for name in
                                         spec_techs | {k for kind, k in person.known if kind == "technology"}))

    comparison = compare_elements(p, source, target, known)
    tech_transferable, tech_gaps = compare_technologies(kb, source, target, known)
    gaps = comparison.gaps + tech_gaps
    same_role = source == target and (request.source_specialty or None) == (request.target_specialty or None)
    carried = []
    if request.target_specialty and not same_role:
        added, carried = _specialty_gaps(p, catalog, request.target_specialty, source, comparison, known,
                                         source_techs | spec_techs)
        gaps += added
    if same_role:
        gaps = []

    core_tasks = [t.text for t in kb.tasks(target) if t.task_type == "Core"] or [t.text for t in kb.tasks(target)]
    to_learn = _to_learn(gaps, catalog, person, core_tasks[0].rstrip(".") if core_tasks else None)
    order = {g.key: g.order for g in gaps}

    education_years, education_name = _education_step(kb, source, target)
    templates = catalog.templates_for(target, target_occupation.title)
    planned = _plan(to_learn, order, templates, core_tasks, target_occupation.title,
                    education_years if not same_role else 0, education_name, same_role)
    phases, steps, total_weeks = schedule(planned, person.hours_per_week)
    plan = action_plan(steps)
    if not same_role and templates.network:
        plan = plan.model_copy(update={"this_week": plan.this_week + [f"Find your people: {templates.network[0]}"]})

    salary = market.salary_comparison(kb, source, target, person.area_code)
    demand = market.demand(kb, target)
    learning_hours = sum(i.hours for i in to_learn)
    unmet = 0.0 if same_role else float(p.unmet_share_to(kb.index[target])[kb.index[source]])
    zone_step = 0
    if source_occupation.job_zone and target_occupation.job_zone and not same_role:
        zone_step = max(0, target_occupation.job_zone - source_occupation.job_zone)
    level, score, drivers = _difficulty(unmet, zone_step, 0 if same_role else education_years, learning_hours,
                                        source_occupation.title, target_occupation.title)

    from_role = _role(kb, p, source, request.source_specialty)
    to_role = _role(kb, p, target, request.target_specialty)
    transferable = comparison.transferable + carried + tech_transferable + transferable_styles(p, source, target)
    stones = [] if same_role else stepping_stones(p, source, target)
    months = effort.months(total_weeks)
    reality = _reality_check(kb, p, source, target, salary, [g for g in comparison.gaps
                             if g.priority == "Critical"] or comparison.gaps, education_years, zone_step)

    guide_faq = faq(kb, p, request, to_learn, salary, demand, stones, months, total_weeks, planned, education_name)
    text = overview(from_role, to_role, level, score, drivers, salary, demand, transferable, to_learn,
                    months, person.hours_per_week)
    area_name = kb.area(person.area_code).name if person.area_code and person.area_code != NATIONAL else None
    return Guide(
        **{"from": from_role}, to=to_role,
        title=f"From {_display_title(from_role)} to {_display_title(to_role)}: Your {months}-Month Transition Guide",
        difficulty=level, difficulty_score=score, difficulty_drivers=drivers,
        timeline_months=months, timeline_weeks=total_weeks,
        salary_change_pct=salary.change_pct, salary=salary, demand=demand, overview=text,
        transferable_skills=transferable, skills_to_learn=to_learn, roadmap=phases,
        reality_check=reality, action_plan=plan, faq=guide_faq, stepping_stones=stones,
        sources=_sources(kb), data_notes=_data_notes(kb, p, [from_role, to_role], salary),
        personalization=Personalization(
            hours_per_week=person.hours_per_week, location=area_name, budget=person.budget,
            skills_recognised=list(person.recognised), skills_not_recognised=list(person.not_recognised),
            changes=[], skills_read=list(person.read), experience=list(person.experience),
        ),
        attribution=kb.meta["attribution"],
    )
