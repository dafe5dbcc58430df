"""The roadmap: the route's steps and the core plan as numbered phases, and the first steps.

Order follows how people really get in: prerequisites and admission, the program, then
exams, licence and supervised practice, experience, job search. The core learning comes
before the first exam or application, unless an in-field program (a degree, an
apprenticeship) teaches it, in which case it adds no time and nothing remedial follows the
credential. Full-time steps run on their own calendar; part-time study is hours divided by
the person's hours per week, rounded up, so more hours a week can only shorten it.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerpath.catalog import WorkTemplates

from . import effort
from .model import ActionPlan, Phase, ResourceRef, RouteStep, SkillToLearn
from .narrative import how_long
from .route import WEEKS_PER_MONTH, AppliedRoute, step_weeks

MAX_PHASE_RESOURCES = 6
# A ResourceRef's format when the place to learn is a credential's own outline (the CPC, the CFA).
CREDENTIAL = "credential"
JOB_SEARCH = "Job search"
# Steps after which the person is applying, sitting an exam or working: learning comes first.
GATES = ("exam", "licence", "certification", "supervised", "experience", "job_search")


@dataclass(frozen=True)
class Step:
    """One scheduled thing to do, for the action plan; weeks count from 0."""

    start_week: int
    end_week: int  # exclusive
    text: str


@dataclass(frozen=True)
class PlannedPhase:
    title: str
    hours: float  # study hours, scaled by hours per week
    tasks: list[tuple[float, str]]  # (hours into the phase when it starts, text)
    resources: list[ResourceRef]
    fixed_weeks: int | None = None  # full-time steps run on their own calendar
    route_step: RouteStep | None = None
    first_actions: tuple[str, ...] = ()  # what to do in the phase's first week


def _learning_tasks(items: list[SkillToLearn], practice_elsewhere: bool) -> tuple[list[tuple[float, str]], float]:
    """One step per resource, then practice for the rest of the item's hours, so the action
    plan can name the very next thing to open. With a portfolio to build, practice happens
    there: an item with a resource then takes the resource's hours here. Returns the tasks
    and the phase's hours."""
    tasks, offset = [], 0.0
    for item in items:
        remaining = float(item.hours)
        for ref in item.resources[:2]:
            if remaining <= 0:
                break
            spend = min(remaining, float(ref.hours or remaining))
            hours = f", ~{ref.hours} h" if ref.hours and ref.format != CREDENTIAL else ""
            tasks.append((offset, f"{item.name}: {_work_through(ref)}{hours})."))
            offset, remaining = offset + spend, remaining - spend
        if remaining > 0 and not (practice_elsewhere and item.resources):
            tasks.append(
                (
                    offset,
                    f"{item.name}: {item.how}"
                    if not item.resources
                    else f"{item.name}: practise for ~{remaining:.0f} h more on real examples of the work.",
                )
            )
            offset += remaining
    return tasks, offset


def _work_through(ref: ResourceRef) -> str:
    """'work through Technical Writing One (Google for Developers' — or, for a credential, study its outline."""
    if ref.format == CREDENTIAL:
        return f"study what {ref.name} covers ({ref.provider}"
    return f"work through {ref.name} ({ref.provider}"


def _resources(items: list[SkillToLearn]) -> list[ResourceRef]:
    seen, picked = set(), []
    for item in items:
        for ref in item.resources[:2]:
            if ref.name not in seen:
                seen.add(ref.name)
                picked.append(ref)
    return picked[:MAX_PHASE_RESOURCES]


def _step_phase(step: RouteStep, learned_for_credential: int) -> PlannedPhase:
    """A route step as a phase. Exam preparation already done in the core plan (items that
    name the same credential) is not counted twice: what is left is review and booking."""
    tasks: list[tuple[float, str]] = []
    actions: list[str] = []
    c = step.credential
    if step.kind == "degree" and step.pace == "full_time":
        actions.append(
            f"Shortlist three accredited programs for “{step.name}”: compare admission requirements, "
            "application deadlines, cost and schedule."
        )
        tasks.append((0, actions[-1]))
    elif step.kind in ("program", "apprenticeship") and step.pace == "full_time":
        # Some are schools you choose (CDL, paramedic), some are run by the employer or union
        # (airline training, a detective course, a joint apprenticeship committee).
        actions.append(
            f"For “{step.name}”: find out who runs it near you, how places are given and when the next intake starts."
        )
        tasks.append((0, actions[-1]))
    elif step.kind == "job_search":
        actions.append(f"For “{step.name}”: list ten employers that hire for it and note what their postings ask for.")
        tasks.append((0, actions[-1]))
    elif step.kind == "experience" and step.pace == "full_time" and not _is_portfolio(step):
        # A job to hold first: getting it is a search of its own, and it pays off when
        # applications can cite what was done in it.
        tasks.append((0, "Look for openings under the titles this step names: it is a job to apply for, not a course."))
        tasks.append((0, "Keep a record of the tasks you do that the new role asks for: applications will cite them."))
    elif step.kind == "prerequisite":
        actions.append(f"Find out exactly what “{step.name}” involves where you live and sign up for the first part.")
    elif c is not None:
        actions.append(
            f"Read the eligibility rules, fees and dates for {c.name} on the {c.authority} site "
            f"({c.url}) and pick a target date."
        )
    if step.detail:
        tasks.append((0, step.detail))
    if c is not None:
        tasks.append((0, f"{c.name} ({c.authority}, {c.url}): {c.summary}" + (f" Cost: {c.cost}." if c.cost else "")))
    if step.cost:
        tasks.append((0, f"Cost: {step.cost}."))
    if step.pace == "full_time":
        return PlannedPhase(
            step.name,
            0,
            tasks or [(0, step.name)],
            [],
            fixed_weeks=step_weeks(step, 1),
            route_step=step,
            first_actions=tuple(actions),
        )
    hours = float(step.hours or 0)
    if learned_for_credential:
        hours = max(effort.EXAM_REVIEW_HOURS, hours - learned_for_credential)
    return PlannedPhase(step.name, hours, tasks or [(0, step.name)], [], route_step=step, first_actions=tuple(actions))


def _is_portfolio(step: RouteStep) -> bool:
    return "portfolio" in step.name.lower()


# A part-time step shorter than this is a set course (20 hours of pre-licensing education), not
# the open-ended study the core plan itemises.
STUDY_STEP_MIN_HOURS = 60


def _is_study(step: RouteStep) -> bool:
    """A part-time course of study the route names without an exam or fee of its own ("learn the
    tools"): the core plan below is that study, item by item, so it is not counted twice."""
    return (
        step.pace == "part_time"
        and step.kind in ("program", "prerequisite")
        and not step.credential
        and not step.cost
        and (step.hours or 0) >= STUDY_STEP_MIN_HOURS
    )


def plan_phases(
    route: AppliedRoute,
    to_learn: list[SkillToLearn],
    templates: WorkTemplates,
    portfolio: tuple[str, ...],
    same_role: bool,
    target_title: str,
) -> list[PlannedPhase]:
    core = [i for i in to_learn if i.core and not i.covered_by]
    learned: dict[str, int] = {}
    for item in core:
        for ref in item.resources[:1]:
            learned[ref.url or ""] = learned.get(ref.url or "", 0) + item.hours
    route_portfolio = any(_is_portfolio(t.step) for t in route.todo)
    # Licensed work is hired on the licence; a portfolio is how the rest show what they can do.
    licence_ahead = route.view.licensed and any(t.step.kind in ("licence", "exam") for t in route.todo)
    own_portfolio = not route.program and not same_role and not route_portfolio and not licence_ahead
    pieces = (list(portfolio) or list(templates.portfolio))[: effort.PORTFOLIO_PIECES] if own_portfolio else []
    planned: list[PlannedPhase] = []
    learning_placed = not core

    def learning(title: str = "Core skills for the role", detail: str | None = None) -> list[PlannedPhase]:
        tasks, hours = _learning_tasks(core, practice_elsewhere=bool(pieces) or route_portfolio)
        if detail:
            tasks.insert(0, (0, detail))
        phases = [PlannedPhase(title, hours, tasks, _resources(core), first_actions=_start_actions(core))]
        if pieces:
            phases.append(
                PlannedPhase(
                    "Portfolio: show the work",
                    effort.PORTFOLIO_HOURS_PER_PIECE * len(pieces),
                    [(i * effort.PORTFOLIO_HOURS_PER_PIECE, text) for i, text in enumerate(pieces)],
                    [],
                )
            )
        return phases

    for todo in route.todo:
        step = todo.step
        if _is_study(step) and core:
            if not learning_placed:
                planned += learning(step.name, step.detail)
                learning_placed = True
            continue
        if not learning_placed and (step.kind in GATES or _is_portfolio(step)):
            planned += learning()
            learning_placed = True
        credential_hours = learned.get(step.credential.url, 0) if step.credential else 0
        phase = _step_phase(step, credential_hours)
        if step.kind == "job_search" and templates.network:
            # The route names who hires. Of the templates for this kind of work only the first
            # networking line is written to fit every job of the kind (transport's job-search
            # tips are for drivers, not flight attendants).
            phase.tasks.append((0, f"Meet people in the role: {templates.network[0]}"))
        planned.append(phase)
    if not learning_placed:
        planned += learning()
    if not any(t.step.kind == "job_search" for t in route.todo):
        network = [f"Meet people in the role: {n}" for n in templates.network[:2]]
        search = PlannedPhase(
            JOB_SEARCH,
            effort.JOB_SEARCH_HOURS,
            [(0, text) for text in list(templates.job_search) + network],
            [],
            first_actions=tuple(templates.job_search[:1]),
        )
        planned.insert(_hired_from(planned), search)
    return planned


def _hired_from(planned: list[PlannedPhase]) -> int:
    """Where the job search goes: before the first phase done as an employee (an apprenticeship
    is a job from its first day; a closing stretch of supervised work, such as a probationary
    year or field training, is done in the job), else at the end."""
    steps = [(i, phase.route_step) for i, phase in enumerate(planned) if phase.route_step is not None]
    for i, step in steps:
        if step.kind == "apprenticeship":
            return i
    if steps and steps[-1][1].kind == "supervised":
        return steps[-1][0]
    return len(planned)


def _start_actions(core: list[SkillToLearn]) -> tuple[str, ...]:
    if not core:
        return ()
    first = core[0]
    if first.resources:
        ref = first.resources[0]
        if ref.format == CREDENTIAL:
            return (
                f"Start {first.name}: read what {ref.name} covers on the {ref.provider} site ({ref.url}) "
                "and pick the first topic.",
            )
        return (f"Start {first.name}: open {ref.name} ({ref.provider}) and do the first unit.",)
    return (
        f"Find a course or a mentor for {first.name}: a community college, the role's professional "
        "association, or an experienced colleague who will show you.",
    )


def study_hours(planned: list[PlannedPhase]) -> int:
    """Part-time study in the plan: core learning, portfolio, prerequisites and exam preparation
    (not the job search, and not full-time steps, which run on their own calendar)."""
    return round(sum(p.hours for p in planned if p.fixed_weeks is None and p.title != JOB_SEARCH))


def total_weeks(planned: list[PlannedPhase], hours_per_week: float) -> int:
    """How long the plan takes at these hours: what schedule() would count, without the phases."""
    return sum(_length(phase, hours_per_week) for phase in planned)


def schedule(planned: list[PlannedPhase], hours_per_week: float) -> tuple[list[Phase], list[Step], int]:
    phases: list[Phase] = []
    steps: list[Step] = []
    week = 0
    for planned_phase in planned:
        length = _length(planned_phase, hours_per_week)
        if length == 0:
            continue
        starts = [offset for offset, _ in planned_phase.tasks] + [planned_phase.hours]
        for (offset, text), next_offset in zip(planned_phase.tasks, starts[1:], strict=True):
            if planned_phase.fixed_weeks is not None:
                steps.append(Step(week, week + length, text))
                continue
            begin = week + int(offset // hours_per_week)
            end = max(begin + 1, week + effort.weeks(next_offset, hours_per_week))
            steps.append(Step(begin, end, text))
        phases.append(
            Phase(
                phase=len(phases) + 1,
                title=planned_phase.title,
                weeks=length,
                start_week=week + 1,
                tasks=[text for _, text in planned_phase.tasks],
                resources=planned_phase.resources,
            )
        )
        week += length
    return phases, steps, week


def _phase_starts(planned: list[PlannedPhase], hours_per_week: float) -> list[tuple[int, PlannedPhase]]:
    starts, week = [], 0
    for phase in planned:
        length = _length(phase, hours_per_week)
        if length:
            starts.append((week, phase))
        week += length
    return starts


# A program starting within a year is applied to now: admission cycles run about that far ahead.
APPLY_AHEAD_WEEKS = 52


def action_plan(
    steps: list[Step],
    planned: list[PlannedPhase],
    route: AppliedRoute,
    to_learn: list[SkillToLearn],
    templates: WorkTemplates,
    hours_per_week: float,
) -> ActionPlan:
    """This week: things that can be done this week and move the person along the route:
    the first phase's own first actions (read an exam's rules, sign up for a prerequisite),
    shortlist the programs the route needs (admission cycles are long), open the first core
    course, find people in the role. This month: what starts in weeks 2-4, applications and
    conversations. Next 90 days: the phases that start by week 13, as milestones."""
    starts = _phase_starts(planned, hours_per_week)
    programs = [
        p
        for _, p in starts
        if p.route_step is not None
        and p.route_step.pace == "full_time"
        and p.route_step.kind in ("degree", "program", "apprenticeship")
    ]
    # The route's first step first (a department's entry exam comes before its academy); then
    # the program to shortlist, since admission cycles are long.
    this_week: list[str] = [action for week, phase in starts if week == 0 for action in phase.first_actions]
    if programs:
        this_week += programs[0].first_actions[:1]
    core = [i for i in to_learn if i.core and not i.covered_by]
    this_week += _start_actions(core)
    if not this_week:
        this_week = [s.text for s in steps if s.start_week == 0][:2]
    if templates.network:
        this_week.append(f"Find people already in the role: {templates.network[0]}.")

    this_month = [s.text for s in steps if 1 <= s.start_week <= 3][:3]
    for week, phase in starts:
        if 1 <= week <= 3:
            this_month += phase.first_actions
    program_starts = next((week for week, phase in starts if phase.title == route.program), None)
    if route.program and program_starts is not None and program_starts <= APPLY_AHEAD_WEEKS:
        this_month.append(
            f"Apply to your shortlisted programs for “{route.program}”, or note the next intake "
            "and what to finish before it."
        )
    elif route.program:
        this_month.append(
            f"Note the application deadlines for “{route.program}”: you will apply in "
            f"{how_long((program_starts or 0) / WEEKS_PER_MONTH)}, once the steps before it are done."
        )
    this_month.append("Talk to two people who do the job now: ask what they wish they had known before they started.")

    next_90 = [f"Week {week + 1}: begin “{phase.title}”." for week, phase in starts if 4 <= week <= 12]
    running = [phase for week, phase in starts if week < 4 and week + _length(phase, hours_per_week) > 13]
    next_90 += [f"Keep going with “{phase.title}”: it runs past the first 90 days." for phase in running]
    if not next_90:
        next_90 = [s.text for s in steps if 4 <= s.start_week <= 12][:4]
    week_items = _unique(this_week)[:4]
    month_items = [item for item in _unique(this_month) if item not in week_items][:5]
    return ActionPlan(this_week=week_items, this_month=month_items, next_90_days=_unique(next_90)[:5])


def _length(phase: PlannedPhase, hours_per_week: float) -> int:
    """A phase's weeks: full-time steps on their own calendar, study hours at the person's pace."""
    return phase.fixed_weeks if phase.fixed_weeks is not None else effort.weeks(phase.hours, hours_per_week)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
