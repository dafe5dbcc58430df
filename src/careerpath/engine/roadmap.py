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
    """One scheduled thing to do, for the action plan; weeks count from 0."""
    start_week: int
    end_week: int              # exclusive
    text: str


@dataclass(frozen=True)
class PlannedPhase:
    title: str
    hours: float               # study hours, scaled by hours per week
    tasks: list[tuple[float, str]]   # (hours into the phase when it starts, text)
    resources: list[ResourceRef]
    fixed_weeks: int | None = None   # credential programs run on their own calendar


def _learning_tasks(items: list[SkillToLearn]) -> list[tuple[float, str]]:
    """One step per resource, then practice for the rest of the item's hours, so the
    action plan can name the very next thing to open."""
    tasks, offset = [], 0.0
    for item in items:
        remaining = float(item.hours)
        for ref in item.resources[:2]:
            if remaining <= 0:
                break
            spend = min(remaining, float(ref.hours or remaining))
            tasks.append((offset, f"{item.name}: work through {ref.name} ({ref.provider}, {ref.cost}, ~{ref.hours} h)."))
            offset, remaining = offset + spend, remaining - spend
        if remaining > 0:
            verb = "Practise" if item.resources else "Learn"
            tasks.append((offset, f"{item.name}: {verb} for ~{remaining:.0f} h more — {item.how}"
                          if not item.resources else f"{item.name}: practise for ~{remaining:.0f} h more on "
                          "real examples from the target role's work."))
            offset += remaining
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
    """Critical items first (foundations), then Important ones and tools."""
    def sort(group: list[SkillToLearn]) -> list[SkillToLearn]:
        return sorted(group, key=lambda i: (order.get(i.key, 9), -(i.target_importance or 0), i.name))

    critical = sort([i for i in items if i.priority == "Critical"])
    important = sort([i for i in items if i.priority == "Important"])
    phases = []
    if critical:
        phases.append(PlannedPhase("Foundations", sum(i.hours for i in critical),
                                   _learning_tasks(critical), _resources(critical)))
    if important:
        phases.append(PlannedPhase("Tools, standards and core skills", sum(i.hours for i in important),
                                   _learning_tasks(important), _resources(important)))
    # Nice-to-have items stay in the skills list with their own weeks but out of the
    # timeline: they help, yet nobody should wait for them before applying.
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
        starts = [offset for offset, _ in planned_phase.tasks] + [planned_phase.hours]
        for (offset, text), next_offset in zip(planned_phase.tasks, starts[1:]):
            if planned_phase.fixed_weeks is not None:
                steps.append(Step(week, week + length, text))
                continue
            begin = week + int(offset // hours_per_week)
            end = max(begin + 1, week + effort.weeks(next_offset, hours_per_week))
            steps.append(Step(begin, end, text))
        phases.append(Phase(
            phase=len(phases) + 1, title=planned_phase.title, weeks=length, start_week=week + 1,
            tasks=[text for _, text in planned_phase.tasks], resources=planned_phase.resources,
        ))
        week += length
    return phases, steps, week


def action_plan(steps: list[Step]) -> ActionPlan:
    """This week: steps under way in week 1; this month: weeks 2-4; next 90 days: weeks 5-13.

    A long step spans several windows; it is listed where it starts and, when nothing
    new starts in a later window, carried there as "Keep going"."""
    def window(first: int, last: int, limit: int) -> list[str]:
        starting = [s.text for s in steps if first <= s.start_week <= last]
        if starting:
            return starting[:limit]
        return [f"Keep going: {s.text}" for s in steps if s.start_week < first < s.end_week][:limit]

    return ActionPlan(this_week=window(0, 0, 4), this_month=window(1, 3, 5), next_90_days=window(4, 12, 6))
