"""'Where can I go from here': the occupations one role is closest to, from O*NET ratings.

Closeness is the engine's own measure (the share of a destination's importance-weighted
skill and knowledge requirement the current role does not meet), so the list agrees with
the difficulty the guide will show.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from careerpath.engine.profiles import profiles_for
from careerpath.kb import KnowledgeBase


@dataclass(frozen=True)
class Destination:
    code: str
    title: str
    unmet: float                  # 0..1
    median: int | None            # national OEWS median annual wage
    change_pct: int | None        # vs the current role's median


@lru_cache(maxsize=1)
def _medians() -> dict[str, int | None]:
    kb = KnowledgeBase.default()
    out = {}
    for o in kb.occupations():
        wage = kb.wages(o.code)
        out[o.code] = wage.annual_median if wage else None
    return out


@lru_cache(maxsize=256)
def destinations(code: str, limit: int = 12) -> tuple[tuple[Destination, ...], tuple[Destination, ...]]:
    """(closest moves, closest moves that pay 10%+ more), both nearest first."""
    kb = KnowledgeBase.default()
    p = profiles_for(kb)
    row = kb.index[code]
    unmet = p.unmet_share_from(row)          # what the destination asks that you lack
    unused = p.unmet_share_to(row)           # what you have that the destination does not use
    # Near means both small: a role that asks little is easy to enter but wastes what you bring.
    distance = np.maximum(unmet, unused)
    own = np.array(p.donor) == np.arange(p.n)       # skip occupations with borrowed ratings
    order = [k for k in np.argsort(distance, kind="stable") if own[k] and k != row]
    medians = _medians()
    base = medians.get(code)

    def item(k) -> Destination:
        c = kb.codes[k]
        m = medians.get(c)
        change = round((m - base) / base * 100) if m and base else None
        return Destination(c, kb.occupation(c).title, round(float(unmet[k]), 3), m, change)

    closest = tuple(item(k) for k in order[:limit])
    richer = tuple(item(k) for k in order if base and medians.get(kb.codes[k]) and medians[kb.codes[k]] > base * 1.1)[:limit]
    return closest, richer
