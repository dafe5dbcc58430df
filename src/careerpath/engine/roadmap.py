"""Turn what to learn into numbered phases and a first-steps action plan.

Each phase's weeks are its hours divided by the person's hours per week, rounded up,
so more hours a week can only shorten it; the timeline is the sum of the phases. A
credential phase, when the target's typical entry education exceeds the source's, is
measured in full-time program years and does not shrink with study hours.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import effort
from .model import ActionPlan, Phase, ResourceRef, SkillToLearn

MAX_PHASE_RESOURCES = 6


@dataclass(frozen=True)
class Step:
    """One scheduled thing to do, for the action plan."""
    start_week: int
    text: str


@dataclass(frozen=True)
class PlannedPhase:
    title: str
    hours: float               # study hours, scaled by hours per week
    tasks: list[tuple[float, str]]   # (hours into the phase when it starts, text)
    resources: list[ResourceRef]
    fixed_weeks: int | None = None   # credential programs run on their own calendar


def _learning_tasks(items: list[SkillToLearn]) -> list[tuple[float, str]]:
    tasks, offset = [], 0.0
    for item in items:
        tasks.append((offset, f"{item.name} (~{item.hours} h): {item.how}"))
        offset += item.hours
    return tasks


def _resources(items: list[SkillToLearn]) -> list[ResourceRef]:
    seen, picked = set(), []
    for item in items:
        for ref in item.resources[:2]:
            if ref.name not in seen:
                seen.add(ref.name)
                picked.append(ref)
    return picked[:MAX_PHASE_RESOURCES]


def learning_phases(items: list[SkillToLearn], order: dict[str, int]) -> list[PlannedPhase]:
    """Critical items first (foundations), then Important ones and tools, then the rest."""
    def sort(group: list[SkillToLearn]) -> list[SkillToLearn]:
        return sorted(group, key=lambda i: (order.get(i.key, 9), -(i.target_importance or 0), i.name))

    critical = sort([i for i in items if i.priority == "Critical"])
    important = sort([i for i in items if i.priority == "Important"])
    nice = sort([i for i in items if i.priority == "Nice to have"])
    phases = []
    if critical:
        phases.append(PlannedPhase("Foundations", sum(i.hours for i in critical),
                                   _learning_tasks(critical), _resources(critical)))
    if important:
        phases.append(PlannedPhase("Tools, standards and core skills", sum(i.hours for i in important),
                                   _learning_tasks(important), _resources(important)))
    if nice:
        phases.append(PlannedPhase("Rounding out", sum(i.hours for i in nice),
                                   _learning_tasks(nice), _resources(nice)))
    return phases


def schedule(planned: list[PlannedPhase], hours_per_week: float) -> tuple[list[Phase], list[Step], int]:
    phases, steps, week = [], [], 0
    for planned_phase in planned:
        if planned_phase.fixed_weeks is not None:
            length = planned_phase.fixed_weeks
        else:
            length = effort.weeks(planned_phase.hours, hours_per_week)
        if length == 0:
            continue
        for offset, text in planned_phase.tasks:
            within = 0 if planned_phase.fixed_weeks is not None else int(offset // hours_per_week)
            steps.append(Step(week + within, text))
        phases.append(Phase(
            phase=len(phases) + 1, title=planned_phase.title, weeks=length, start_week=week + 1,
            tasks=[text for _, text in planned_phase.tasks], resources=planned_phase.resources,
        ))
        week += length
    return phases, steps, week


def action_plan(steps: list[Step]) -> ActionPlan:
    """This week: what starts in week 1; this month: weeks 2-4; next 90 days: weeks 5-13."""
    def short(text: str) -> str:
        return text if len(text) <= 220 else text[:217].rstrip() + "…"

    this_week = [short(s.text) for s in steps if s.start_week == 0][:4]
    this_month = [short(s.text) for s in steps if 1 <= s.start_week <= 3][:5]
    next_90 = [short(s.text) for s in steps if 4 <= s.start_week <= 12][:6]
    if not this_week and steps:  # a long credential phase starts everything later
        this_week = [short(steps[0].text)]
    return ActionPlan(this_week=this_week, this_month=this_month, next_90_days=next_90)
