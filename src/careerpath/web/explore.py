"""'Where can I go from here' and 'side by side': the engine's transition score
(engine/recommend.py, docs/recommend.md) and comparison (engine/sidebyside.py), so the site
ranks and compares moves exactly as `careerpath recommend` and `careerpath compare` do.

Three lists: the best moves within reach (no new degree, under two years of training),
the next-best steps up (10%+ more pay) not already listed, and long-term moves (a degree,
licence or years of training first) with their years and the jobs people hold on the way.
Each item carries its kind, headline figures and a one-or-two-sentence explanation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from careerpath.engine.inputs import Inputs
from careerpath.engine.recommend import Recommendation, recommend, recommender_for

LIMIT = 12
MORE = 8


@dataclass(frozen=True)
class Destinations:
    within_reach: tuple[Recommendation, ...]
    steps_up: tuple[Recommendation, ...]
    long_term: tuple[Recommendation, ...]


def warm() -> None:
    recommender_for(Inputs.default())


@lru_cache(maxsize=256)
def destinations(code: str, limit: int = LIMIT) -> Destinations:
    inputs = Inputs.default()
    best = tuple(recommend(inputs, code, top=limit))
    shown = {r.code for r in best}
    up = recommend(inputs, code, top=limit + MORE, kinds=("step_up",))
    return Destinations(
        within_reach=best,
        steps_up=tuple([r for r in up if r.code not in shown][:MORE]),
        long_term=tuple(recommend(inputs, code, top=MORE, kinds=("long_term",))),
    )
