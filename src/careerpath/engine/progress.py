"""How far along a saved plan is, and what is left: pure arithmetic over a Guide.

The store keeps two sets for a saved plan — checked-off roadmap tasks (by `task_id`) and
learned items (by (kind, key), the SkillToLearn key) — and this module turns them into
progress and a remaining timeline. A learned item also checks off its own study steps in
the roadmap, so ticking "Python" in the skills list and ticking its study steps agree.

Task ids are derived, not stored in the Guide: `task_id(phase, text)` hashes the phase
title and the task text, so an id survives re-rendering and re-ordering, and changes only
when the task itself changes (a regenerated guide with different wording starts fresh).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from . import effort
from .model import Guide, Phase


def task_id(phase: Phase, text: str) -> str:
    digest = hashlib.sha1(f"{phase.title}\n{text}".encode()).hexdigest()[:10]
    return f"p{phase.phase}-{digest}"


def task_ids(guide: Guide) -> list[tuple[str, Phase, str]]:
    """(id, phase, text) for every roadmap task, in roadmap order."""
    return [(task_id(phase, text), phase, text) for phase in guide.roadmap for text in phase.tasks]


def covered_by(guide: Guide, learned: set[tuple[str, str]] | frozenset[tuple[str, str]], text: str) -> str | None:
    """The learned item whose study step this task is, if any.

    The roadmap writes every study step as "<item name>: ..." (engine.roadmap), so the
    prefix identifies it; a bare substring test would let "Writing" tick "Technical
    Writing One" steps that belong to English Language."""
    for item in guide.skills_to_learn:
        if (item.kind, item.key) in learned and text.startswith(f"{item.name}: "):
            return item.name
    return None


@dataclass(frozen=True)
class PhaseProgress:
    phase: int
    title: str
    done: int
    total: int
    weeks: int
    remaining_weeks: int


@dataclass(frozen=True)
class Progress:
    done_tasks: int
    total_tasks: int
    learned_items: int
    total_items: int
    learned_hours: int
    remaining_hours: int  # study hours of items not yet learned
    percent: int  # share of the timeline's weeks done, 0-100
    remaining_weeks: int
    remaining_months: int
    phases: list[PhaseProgress]
    next_tasks: list[str]  # the first unchecked tasks, in order


def progress(
    guide: Guide,
    done: set[str] | frozenset[str] = frozenset(),
    learned: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
    next_count: int = 3,
) -> Progress:
    """Progress of a saved plan; unknown ids and keys are ignored (the guide may have changed)."""
    learned_items = [i for i in guide.skills_to_learn if (i.kind, i.key) in learned]
    phases, pending, done_count, total = [], [], 0, 0
    remaining_weeks = 0
    for phase in guide.roadmap:
        ticked = 0
        for text in phase.tasks:
            checked = task_id(phase, text) in done or covered_by(guide, learned, text) is not None
            ticked += checked
            if not checked:
                pending.append(text)
        n = len(phase.tasks)
        left = phase.weeks if n == 0 else -(-phase.weeks * (n - ticked) // n)  # round up: never overclaim
        phases.append(PhaseProgress(phase.phase, phase.title, ticked, n, phase.weeks, left))
        remaining_weeks += left
        done_count += ticked
        total += n
    weeks = guide.timeline_weeks
    percent = 100 if weeks == 0 else round(100 * (weeks - remaining_weeks) / weeks)
    learned_hours = sum(i.hours for i in learned_items)
    return Progress(
        done_tasks=done_count,
        total_tasks=total,
        learned_items=len(learned_items),
        total_items=len(guide.skills_to_learn),
        learned_hours=learned_hours,
        remaining_hours=sum(i.hours for i in guide.skills_to_learn) - learned_hours,
        percent=max(0, min(100, percent)),
        remaining_weeks=remaining_weeks,
        remaining_months=effort.months(remaining_weeks),
        phases=phases,
        next_tasks=pending[:next_count],
    )
