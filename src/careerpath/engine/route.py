"""The way in: a curated entry route (catalog/routes) applied to where the person starts.

A step is already done when the source occupation's holders have it (the route says so by
SOC code, the source's own route requires the same credential, or an any-field degree the
source's typical entry education already meets). What is left is the person's route: its
full-time steps (a degree, an apprenticeship, a residency) run on their own calendar, its
part-time steps (exam preparation, a short course) are study hours. Where no route is
curated, BLS's typical entry education, related experience and training stand in, and the
guide says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerpath.catalog.routes import DEGREE_RANK, Alternative, RouteCatalog, Step, midpoint
from careerpath.catalog.routes import EntryRoute as CuratedRoute
from careerpath.kb import KnowledgeBase

from . import effort
from .compare import _article, capitalised, people
from .model import CredentialRef, EntryRoute, RoleChoice, RouteAlternative, RouteStatus, RouteStep

# BLS typical entry education -> the catalog's degree levels.
BLS_DEGREE = {
    "No formal educational credential": "none",
    "High school diploma or equivalent": "high_school",
    "Some college, no degree": "high_school",
    "Postsecondary nondegree award": "postsecondary",
    "Associate's degree": "associate",
    "Bachelor's degree": "bachelor",
    "Master's degree": "master",
    "Doctoral or professional degree": "doctoral",
}
DEGREE_WORDS = {
    "none": "No formal credential",
    "high_school": "High school diploma or equivalent",
    "postsecondary": "Postsecondary certificate or award",
    "associate": "Associate's degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "doctoral": "Doctoral or professional degree",
}
# Steps whose program teaches the target's own skills, so learning them is part of the program.
TEACHING_STEPS = ("degree", "program", "apprenticeship")
# BLS "work experience in a related occupation" as a range of months.
EXPERIENCE_MONTHS = {"Less than 5 years": (12, 48), "5 years or more": (60, 84)}
WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True)
class PlannedStep:
    """A route step still to do, with what the roadmap needs to schedule it."""

    step: RouteStep
    teaches: bool  # an in-field program: the skill gaps are learned inside it


@dataclass(frozen=True)
class AppliedRoute:
    view: EntryRoute
    todo: tuple[PlannedStep, ...]
    program: str | None  # the in-field program that teaches what the target needs
    full_time_months: float  # school, training and required experience still ahead


def _matches(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def _source_level(kb: KnowledgeBase, routes: RouteCatalog, code: str) -> int:
    """The degree level people in the source occupation typically hold: BLS's typical entry
    education, or the curated route's required degree when that is higher."""
    outlook = kb.outlook(code)
    level = DEGREE_RANK[BLS_DEGREE.get(outlook.education or "", "none")] if outlook else 0
    curated = routes.route_for(code)
    if curated is not None and curated.degree_required:
        level = max(level, DEGREE_RANK[curated.degree])
    return level


def _credential(routes: RouteCatalog, step: Step) -> CredentialRef | None:
    if not step.credential:
        return None
    c = routes.credential(step.credential)
    return CredentialRef(
        id=c.id, name=c.name, kind=c.kind, authority=c.authority, url=c.url, summary=c.summary, cost=c.cost
    )


def _same_credential(held: Step, needed: Step, routes: RouteCatalog) -> bool:
    """Whether holding `held` means having `needed`. A licence or certification is one thing;
    an exam credential is often a battery of tests (Praxis, NIC), where a teacher's subject
    test is not the school counselor's: only the same step counts there."""
    if held.credential != needed.credential:
        return False
    if routes.credential(needed.credential).kind != "exam":  # type: ignore[arg-type]
        return True
    return held.name.casefold() == needed.name.casefold()


def builds_skills(step: Step) -> bool:
    """Study, practice or job hunting, as opposed to a degree, exam, licence or training program."""
    return step.kind in ("experience", "job_search") or (step.kind == "program" and step.pace == "part_time")


def _done_because(
    kb: KnowledgeBase, routes: RouteCatalog, route: CuratedRoute, step: Step, source: str | None
) -> str | None:
    if source is None:
        return None
    source_one = _article(kb.occupation(source).title)
    if routes.route_for(source) is route:
        own = route.soc == source or (route.soc == source[:7] and source.endswith(".00"))
        # A job O*NET files under the same SOC code shares its formal requirements (an acute
        # care nurse is a registered nurse), not necessarily its skills: a business
        # intelligence analyst has not yet learnt the machine learning a data scientist is
        # hired for, nor built the portfolio.
        if own or not builds_skills(step):
            return f"as {source_one} you have already come this way in"
    if _matches(source, step.satisfied_by):
        return f"as {source_one} you already have this"
    source_route = routes.route_for(source)
    if (
        step.credential
        and source_route is not None
        and any(_same_credential(s, step, routes) for s in source_route.steps if not s.optional)
    ):
        return f"{routes.credential(step.credential).name} is part of the way into your current job"
    if step.kind == "degree" and step.degree_level is not None:
        level = DEGREE_RANK[step.degree_level]
        # The degree that admits to a graduate program (a bachelor's before law, dental or PA
        # school) counts whatever its field; the program's prerequisite courses may remain.
        admits = any(s.kind == "degree" and s.degree_level and DEGREE_RANK[s.degree_level] > level for s in route.steps)
        if (step.any_field or admits) and _source_level(kb, routes, source) >= level:
            return (
                f"{capitalised(people(kb.occupation(source).title))} typically hold this level of degree already"
                + ("; check the program's prerequisite courses" if admits and not step.any_field else "")
                + "; if you do not hold one, add this step"
            )
    return None


def _degree_words(route: CuratedRoute) -> str:
    words = DEGREE_WORDS[route.degree]
    return f"{words} ({route.degree_field})" if route.degree_field else words


def graduate_alternative(route: CuratedRoute, step: Step) -> Alternative | None:
    """The route's own alternative for people who already hold a bachelor's (an accelerated
    BSN, alternative teacher certification, a Master of Accountancy), when `step` is the
    field-specific degree, up to a bachelor's, that it replaces."""
    if step.kind != "degree" or step.any_field or step.degree_level is None:
        return None
    if DEGREE_RANK[step.degree_level] > DEGREE_RANK["bachelor"]:
        return None
    return next(
        (a for a in route.alternatives if a.months and "bachelor" in f"{a.name} {a.detail}".lower()),
        None,
    )


def _graduate_way(
    kb: KnowledgeBase, routes: RouteCatalog, route: CuratedRoute, step: Step, source: str | None
) -> Alternative | None:
    """graduate_alternative, when the source's holders typically have a bachelor's."""
    if source is None or _source_level(kb, routes, source) < DEGREE_RANK["bachelor"]:
        return None
    return graduate_alternative(route, step)


def apply_curated(kb: KnowledgeBase, routes: RouteCatalog, route: CuratedRoute, source: str | None) -> AppliedRoute:
    steps, todo, program, months = [], [], None, 0.0
    hired = False  # after the route's application step, experience is the job itself
    taken: set[str] = set()  # alternatives the plan takes, no longer "another way"
    for step in route.steps:
        optional = step.optional or (step.kind == "degree" and not route.degree_required)
        faster = None if optional else _graduate_way(kb, routes, route, step, source)
        if faster is not None and not _done_because(kb, routes, route, step, source):
            # Shown as the route's degree, marked optional, and followed by the way people with
            # a degree already take: the plan counts that one.
            assert source is not None and faster.months is not None
            holders = capitalised(people(kb.occupation(source).title))
            steps.append(
                RouteStep(
                    kind=step.kind,
                    name=step.name,
                    detail=step.detail,
                    pace=step.pace,
                    months=step.months,
                    status="optional",
                    done_because=None,
                )
            )
            shown = RouteStep(
                kind="program",
                name=faster.name,
                detail=f"{holders} typically hold a bachelor's already, which opens this shorter way in: {faster.detail}",
                pace="full_time",
                months=faster.months,
                status="to do",
            )
            steps.append(shown)
            program = faster.name
            taken.add(faster.name)
            todo.append(PlannedStep(shown, True))
            months += midpoint(faster.months)
            continue
        because = _done_because(kb, routes, route, step, source)
        status: RouteStatus = (
            "done"
            if because
            else "optional"
            if optional
            else "on the job"
            if hired and step.kind == "experience"
            else "to do"
        )
        hired = hired or step.kind == "job_search"
        shown = RouteStep(
            kind=step.kind,
            name=step.name,
            detail=step.detail,
            pace=step.pace,
            months=step.months,
            hours=step.hours,
            cost=step.cost,
            credential=_credential(routes, step),
            status=status,
            done_because=because,
        )
        steps.append(shown)
        if status != "to do":
            continue
        teaches = step.kind in TEACHING_STEPS and not step.any_field and step.pace == "full_time"
        if teaches:
            # The last one teaches the role itself; earlier ones are the way into it (an EMT
            # course before the fire academy, prerequisites before a PharmD).
            program = step.name
        todo.append(PlannedStep(shown, teaches))
        if step.pace == "full_time":
            months += step.typical_months
    view = EntryRoute(
        curated=True,
        summary=route.summary,
        licensed=route.licensed,
        state_varies=route.state_varies,
        degree=_degree_words(route),
        degree_required=route.degree_required,
        steps=steps,
        alternatives=[
            RouteAlternative(name=a.name, months=a.months, detail=a.detail)
            for a in route.alternatives
            if a.name not in taken
        ],
        bridge_jobs=_bridge_jobs(kb, route.bridge_jobs),
        cost=route.cost,
        sources=list(route.sources),
        verification=route.verification.status,
    )
    return AppliedRoute(view=view, todo=tuple(todo), program=program, full_time_months=months)


def occupation_for_soc(kb: KnowledgeBase, soc: str) -> str | None:
    """The O*NET occupation that stands for a 6-digit SOC code: its ".00" code, else the first."""
    if f"{soc}.00" in kb.index:
        return f"{soc}.00"
    return next((code for code in kb.codes if code.startswith(soc)), None)


def _bridge_jobs(kb: KnowledgeBase, socs: tuple[str, ...]) -> list[RoleChoice]:
    found = []
    for soc in socs:
        code = occupation_for_soc(kb, soc)
        if code is not None:
            found.append(RoleChoice(code=code, title=kb.occupation(code).title))
    return found


# BLS education categories that count towards a longer degree, as a sentence says them.
EDUCATION_WORDS = {
    "Postsecondary nondegree award": "a postsecondary certificate",
    "Associate's degree": "an associate's degree",
    "Bachelor's degree": "a bachelor's degree",
    "Master's degree": "a master's degree",
    "Doctoral or professional degree": "a doctoral or professional degree",
}


def apply_bls(kb: KnowledgeBase, source: str | None, target: str) -> AppliedRoute:
    """No curated route: BLS's typical entry education, experience and training, stated as such."""
    outlook = kb.outlook(target)
    source_outlook = kb.outlook(source) if source else None
    title = kb.occupation(target).title
    if outlook is None or not outlook.education:
        return AppliedRoute(
            EntryRoute(
                curated=False,
                summary=(
                    f"Neither careerpath's curated routes nor BLS describe a typical way into {title}: "
                    "ask employers and people in the job what they look for."
                ),
            ),
            (),
            None,
            0.0,
        )
    parts = [f"BLS lists “{outlook.education.lower()}” as the typical entry education for {title.lower()}"]
    if outlook.work_experience and outlook.work_experience != "None":
        parts.append(f"{outlook.work_experience.lower()} of related work experience")
    if outlook.on_the_job_training and outlook.on_the_job_training != "None":
        parts.append(f"{outlook.on_the_job_training.lower()} once hired")
    summary = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] + "."
    steps, todo, months = [], [], 0.0
    level = BLS_DEGREE.get(outlook.education, "none")
    have = DEGREE_RANK[BLS_DEGREE.get(source_outlook.education or "", "none")] if source_outlook else 0
    years = effort.EDUCATION_YEARS.get(outlook.education, 0) - effort.EDUCATION_YEARS.get(
        source_outlook.education if source_outlook and source_outlook.education else "", 0
    )
    if DEGREE_RANK[level] > have and years > 0:
        words = DEGREE_WORDS[level][0].lower() + DEGREE_WORDS[level][1:]
        article = "an" if words[0] in "aeiou" else "a"
        step = RouteStep(
            kind="degree",
            name=f"Earn {article} {words} in a field the role uses",
            pace="full_time",
            months=(years * 12, years * 12),
            detail=(
                f"BLS's typical entry education for the role. {capitalised(people(kb.occupation(source).title))} "
                f"typically hold {EDUCATION_WORDS[source_outlook.education]}, so this counts the years left; "
                "ask programs which of your credits transfer."
                if source and source_outlook and source_outlook.education in EDUCATION_WORDS
                else "BLS's typical entry education for the role; compare accredited programs "
                "and what employers in your area ask for."
            ),
        )
        steps.append(step)
        todo.append(PlannedStep(step, teaches=True))
        months += years * 12
    experience = EXPERIENCE_MONTHS.get(outlook.work_experience or "")
    if experience:
        # Optional in the plan: whether the current job counts as related is the employer's call.
        steps.append(
            RouteStep(
                kind="experience",
                name=f"Related work experience ({(outlook.work_experience or '').lower()})",
                pace="full_time",
                months=experience,
                status="optional",
                detail="BLS says employers expect experience in a related occupation; your current job may count.",
            )
        )
    view = EntryRoute(
        curated=False,
        summary=summary,
        degree=outlook.education,
        steps=steps,
        sources=["https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm"],
    )
    program = todo[0].step.name if todo and todo[0].teaches else None
    return AppliedRoute(view=view, todo=tuple(todo), program=program, full_time_months=months)


def apply_route(kb: KnowledgeBase, routes: RouteCatalog, source: str, target: str) -> AppliedRoute:
    curated = routes.route_for(target)
    if curated is not None:
        return apply_curated(kb, routes, curated, source)
    return apply_bls(kb, source, target)


def entry_route(kb: KnowledgeBase, routes: RouteCatalog, code: str) -> EntryRoute:
    """The way into an occupation for someone starting from nothing in particular: for
    `careerpath occupation` and the site's occupation pages."""
    curated = routes.route_for(code)
    if curated is not None:
        return apply_curated(kb, routes, curated, None).view
    return apply_bls(kb, None, code).view


def already_there(applied: AppliedRoute) -> AppliedRoute:
    """Both sides are the same occupation: every step of the way in is behind the person."""
    steps = [
        s.model_copy(update={"status": "done", "done_because": "you already work in this occupation"})
        if s.status == "to do"
        else s
        for s in applied.view.steps
    ]
    return AppliedRoute(applied.view.model_copy(update={"steps": steps}), (), None, 0.0)


def step_weeks(step: RouteStep, hours_per_week: float) -> int:
    """Full-time steps on their own calendar (the midpoint of the range); part-time ones by
    study hours at the person's pace."""
    if step.pace == "full_time":
        assert step.months is not None
        return max(1, round(midpoint(step.months) * WEEKS_PER_MONTH))
    assert step.hours is not None
    return effort.weeks(step.hours, hours_per_week)
