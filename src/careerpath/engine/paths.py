"""Stepping stones: the cheapest route from one occupation to another through one or two
intermediate occupations, a shortest path over transition costs.

A move a → b leaves a gap: the share of b's requirement (importance × level over skills
and knowledge) that a does not meet — the figure the guide's difficulty uses. Its cost is
the gap squared: employers hire across small gaps and train them, while a leap across a
large one is disproportionately hard, so two half-size steps cost half as much as the leap.
(With a linear cost no route could ever beat the direct move: gaps are sub-additive.)
Each stop adds STEP_COST, so a route must save more than the extra job change costs.
Costs are non-negative, so with at most two stops the shortest path is found exactly by
enumeration: n + n² candidates, a few vector operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from careerpath.kb import KnowledgeBase

from .profiles import Profiles, profiles_for

STEP_COST = 0.01            # an extra job change, in squared-gap units (a gap of 0.1)
MIN_DIRECT_COST = 0.10      # below this the direct move needs no stepping stone
MAX_ROUTES = 3


@dataclass(frozen=True)
class Route:
    stops: tuple[str, ...]         # intermediate occupation codes, in order
    legs: tuple[float, ...]        # unmet share of each leg, len(stops) + 1
    cost: float                    # Σ leg² + STEP_COST per stop
    direct: float                  # unmet share of the direct move (its cost is direct²)


@lru_cache(maxsize=4)
def transition_costs(kb: KnowledgeBase) -> np.ndarray:
    """(n, n) unmet share: row a, column b = share of b's requirement a does not meet."""
    p = profiles_for(kb)
    costs = np.empty((p.n, p.n))
    for b in range(p.n):       # one target at a time keeps memory at n × elements
        costs[:, b] = p.unmet_share_to(b)
    costs.setflags(write=False)
    return costs


def _eligible(p: Profiles, source: int, target: int) -> np.ndarray:
    # Only occupations with their own ratings: a borrowed profile is a guess, not a path.
    own = np.array(p.donor) == np.arange(p.n)
    own[[source, target]] = False
    return own


def best_routes(kb: KnowledgeBase, source: str, target: str, limit: int = MAX_ROUTES) -> list[Route]:
    """Up to `limit` routes with one or two stops that cost less than the direct move,
    cheapest first; none when the direct move is already short."""
    p = profiles_for(kb)
    c = transition_costs(kb)
    s, t = kb.index[source], kb.index[target]
    direct = float(c[s, t])
    if source == target or direct < MIN_DIRECT_COST:
        return []
    q = c * c
    direct_cost = direct * direct
    ok = _eligible(p, s, t)
    routes: list[Route] = []

    one = q[s] + q[:, t] + STEP_COST
    one[~ok] = np.inf
    for k in np.argsort(one, kind="stable")[:limit]:
        if one[k] < direct_cost:
            routes.append(Route((kb.codes[k],), (float(c[s, k]), float(c[k, t])), float(one[k]), direct))

    two = q[s][:, None] + q + q[:, t][None, :] + 2 * STEP_COST
    two[~ok, :] = np.inf
    two[:, ~ok] = np.inf
    np.fill_diagonal(two, np.inf)
    flat = np.argpartition(two, limit, axis=None)[:limit] if two.size > limit else np.arange(two.size)
    for index in flat[np.argsort(two.flat[flat], kind="stable")]:
        a, b = divmod(int(index), p.n)
        if two[a, b] < direct_cost:
            routes.append(Route((kb.codes[a], kb.codes[b]), (float(c[s, a]), float(c[a, b]), float(c[b, t])),
                                float(two[a, b]), direct))
    routes.sort(key=lambda r: (r.cost, len(r.stops), r.stops))
    return routes[:limit]
