"""'Where can I go from here': the engine's transition score (engine/recommend.py,
docs/recommend.md), so the site ranks moves exactly as `careerpath recommend` does.

Two lists: the best moves overall, and the next-best moves (not already listed) that pay
at least 10% more than the current role's national median. Each item carries its headline figures and top reasons.
"""

from __future__ import annotations

from functools import lru_cache

from careerpath.engine.recommend import Recommendation, recommend, recommender_for
from careerpath.kb import KnowledgeBase

LIMIT = 12
RICHER = 1.10


def warm() -> None:
    recommender_for(KnowledgeBase.default())


@lru_cache(maxsize=256)
def destinations(code: str, limit: int = LIMIT) -> tuple[tuple[Recommendation, ...], tuple[Recommendation, ...]]:
    """(best moves, best moves that pay 10%+ more), best transition score first."""
    kb = KnowledgeBase.default()
    best = tuple(recommend(kb, code, top=limit))
    wage = kb.wages(code)
    base = wage.annual_median if wage else None
    shown = {r.code for r in best}
    more = recommend(kb, code, top=limit * 3, min_wage=base * RICHER) if base else []
    richer = tuple([r for r in more if r.code not in shown][:limit])  # the next-best that pay more
    return best, richer
