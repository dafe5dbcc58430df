"""Stepping stones: jobs a person would really hold on the way to a target.

A stepping stone is one of the target's bridge jobs (the curated entry route's "jobs people
usually hold first": a pharmacy technician before pharmacist school, an LPN before an RN
bridge program), kept only when

- the first leg, source -> stone, is itself feasible by the recommendation score: not a
  long-term move (engine/recommend.py's kinds) and not Hard by the guide's difficulty;
- the stone is no detour: it leaves less of the way in still ahead than the source does
  (fewer full-time months to the target), or is at least as alike the target as the source is.

An earlier version searched every occupation for the path with the smallest sum of squared
skill gaps; it found routes through jobs nobody takes on the way (a cook to a nurse through
a funeral attendant) and is gone. When the person already holds a bridge job (same 6-digit
SOC), there is no stone to suggest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .route import occupation_for_soc

if TYPE_CHECKING:
    from .recommend import Recommender, Stone

MAX_STONES = 3
HARD = 55  # the guide's band bound: a first leg at or above it is Hard


def bridge_rows(r: Recommender, target_row: int) -> list[int]:
    """The target's bridge jobs, from the same route catalog the recommender's figures use."""
    kb = r.kb
    route = r.routes.route_for(kb.codes[target_row])
    if route is None:
        return []
    rows = []
    for soc in route.bridge_jobs:
        code = occupation_for_soc(kb, soc)
        if code is not None:
            rows.append(kb.index[code])
    return rows


def stepping_stones(r: Recommender, source_row: int, target_row: int) -> list[Stone]:
    """Up to MAX_STONES bridge jobs on the way from the source to the target, the easiest
    first leg first. Each leg is judged by the same score the recommendations use."""
    from .recommend import LONG_TERM_DEGREE, LONG_TERM_MONTHS, Stone, difficulty_band, difficulty_scores

    kb, f = r.kb, r.feasibility
    s, t = source_row, target_row
    bridges = bridge_rows(r, t)
    if any(kb.codes[b][:7] == kb.codes[s][:7] for b in bridges):
        return []
    difficulty = difficulty_scores(r, s)
    stones = []
    for b in bridges:
        if b in (s, t):
            continue
        long_first = f.months[s, b] >= LONG_TERM_MONTHS or f.degree[s, b] >= LONG_TERM_DEGREE
        if long_first or difficulty[b] >= HARD:
            continue
        if not (f.months[b, t] < f.months[s, t] or r.combined[b, t] >= r.combined[s, t]):
            continue
        stones.append((float(difficulty[b]), b))
    stones.sort()
    return [
        Stone(
            code=kb.codes[b],
            title=kb.occupation(kb.codes[b]).title,
            difficulty=difficulty_band(d),
            months=float(f.months[s, b]),
            then_months=float(f.months[b, t]),
        )
        for d, b in stones[:MAX_STONES]
    ]
