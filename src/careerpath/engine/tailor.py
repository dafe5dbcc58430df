"""The guide for this person, and what changed because of them.

`personalize` builds two guides for the same pair of roles — one for a default person
(10 hours a week, national wages, nothing known beyond the occupation) and one for the
person asking — and says, item by item, what differs: what left the plan because they
know it, the study hours, timeline and difficulty before → after, and the wage area.
Both guides come from the same engine, so every figure in a change line can be checked
against one of them.
"""

from __future__ import annotations

from dataclasses import replace

from .guide import GuideRequest, Person, build_guide
from .inputs import Inputs
from .model import Guide
from .narrative import a_week, counted

MAX_NAMED_ITEMS = 6


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_NAMED_ITEMS])
    return shown + (f" and {len(items) - MAX_NAMED_ITEMS} more" if len(items) > MAX_NAMED_ITEMS else "")


def changes(baseline: Guide, tailored: Guide, person: Person) -> list[str]:
    """What differs between the untailored and the tailored guide, in plain sentences."""
    lines = []
    known = person.known
    before = {(i.kind, i.key): i for i in baseline.skills_to_learn}
    after = {(i.kind, i.key) for i in tailored.skills_to_learn}
    removed = [i for k, i in before.items() if k not in after and k in known]
    if removed:
        hours = sum(i.hours for i in removed)
        lines.append(
            f"Left out {counted(len(removed), 'item')} you already know ({hours} study hours): "
            f"{_names([i.name for i in removed])}."
        )
    credited = [
        t.name
        for t in tailored.transferable_skills
        if t.origin == "listed" and t.name not in {b.name for b in baseline.transferable_skills}
    ]
    if credited:
        lines.append(f"Counted as transferable because you listed them: {_names(credited)}.")
    hours_before = sum(i.hours for i in baseline.skills_to_learn)
    hours_after = sum(i.hours for i in tailored.skills_to_learn)
    if hours_before != hours_after:
        lines.append(f"Study hours: {hours_before} → {hours_after}.")
    if person.hours_per_week != Person().hours_per_week:
        lines.append(f"Scheduled at {a_week(person.hours_per_week)} instead of {Person().hours_per_week:g}.")
    if (baseline.timeline_weeks, baseline.timeline_months) != (tailored.timeline_weeks, tailored.timeline_months):

        def timeline(guide: Guide) -> str:
            return f"{counted(guide.timeline_months, 'month')} ({counted(guide.timeline_weeks, 'week')})"

        lines.append(f"Timeline: {timeline(baseline)} → {timeline(tailored)}.")
    if (baseline.difficulty, baseline.difficulty_score) != (tailored.difficulty, tailored.difficulty_score):
        lines.append(
            f"Difficulty: {baseline.difficulty} ({baseline.difficulty_score}/100) → "
            f"{tailored.difficulty} ({tailored.difficulty_score}/100)."
        )
    if tailored.salary.area != baseline.salary.area:
        lines.append(
            f"Wages are those of {tailored.salary.area} ({tailored.salary.source}) instead of "
            f"{baseline.salary.area.lower() if baseline.salary.area == 'National' else baseline.salary.area}"
            " figures."
        )
    if person.budget == "free":
        lines.append("Learning resources are limited to free ones.")
    return lines


def personalize(request: GuideRequest, inputs: Inputs) -> Guide:
    """The tailored guide with `personalization.changes` filled against the default one."""
    tailored = build_guide(request, inputs)
    if request.person == Person():
        return tailored
    baseline = build_guide(replace(request, person=Person()), inputs)
    personalization = tailored.personalization.model_copy(
        update={"changes": changes(baseline, tailored, request.person)}
    )
    return tailored.model_copy(update={"personalization": personalization})
