"""Stepping stones: the cheapest route from one occupation to another through one or two
intermediate occupations, a shortest path over transition costs.

A move a → b leaves a gap: the share of b's requirement (importance × level over skills
and knowledge) that a does not meet — the figure the guide's difficulty uses. Its cost is
the gap squared: employers hire across small gaps and train them, while a leap across a
large one is disproportionately hard, so two half-size steps cost half as much as the leap.
(With a linear cost no route could ever beat the direct move: gaps are sub-additive.)
Each stop adds STEP_COST, so a route must save more than the extra job change costs.
Costs are non-negative: one-stop routes are enumerated exactly; two-stop routes among the
occupations nearest the source, nearest the target or best as single stops (best_routes).
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
NEAREST_STOPS = 30          # candidate first and last stops searched for two-stop routes


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


def _unmet_block(p: Profiles, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Unmet share for every (row → column) move among the given occupations."""
    level = p.level.astype(np.float32, copy=False)
    shortfall = np.maximum(level[columns][None, :, :] - level[rows][:, None, :], 0.0)
    weighted = np.einsum("ijk,jk->ij", shortfall, p.importance[columns].astype(np.float32))
    return weighted / p.requirement[columns][None, :]


def _nearest(candidates: np.ndarray, cost: np.ndarray) -> np.ndarray:
    if len(candidates) <= NEAREST_STOPS:
        return candidates
    return candidates[np.argsort(cost[candidates], kind="stable")[:NEAREST_STOPS]]


def best_routes(kb: KnowledgeBase, source: str, target: str, limit: int = MAX_ROUTES) -> list[Route]:
    """Up to `limit` routes with one or two stops that cost less than the direct move,
    cheapest first; none when the direct move is already short.

    One-stop routes are searched exhaustively. Two-stop routes are searched among the
    NEAREST_STOPS occupations closest to the source (first stop) or to the target (last
    stop), plus the NEAREST_STOPS best one-stop routes: an exhaustive n² search costs
    ~5 ms a guide, and a cheap route needs short legs anyway (every leg costs ≥ 0, so a
    stop whose own leg exceeds the direct move can never help)."""
    p = profiles_for(kb)
    s, t = kb.index[source], kb.index[target]
    from_source = p.unmet_share_from(s)        # c[s, k]
    to_target = p.unmet_share_to(t)            # c[k, t]
    direct = float(to_target[s])
    if source == target or direct < MIN_DIRECT_COST:
        return []
    direct_cost = direct * direct
    ok = _eligible(p, s, t)
    a, b = from_source ** 2, to_target ** 2
    routes: list[Route] = []

    one = a + b + STEP_COST
    better = np.flatnonzero(ok & (one < direct_cost))
    # Only the cheapest `limit` of each kind can make the final list: build no more.
    for k in better[np.argsort(one[better], kind="stable")[:limit]]:
        routes.append(Route((kb.codes[k],), (float(from_source[k]), float(to_target[k])), float(one[k]), direct))

    budget = direct_cost - 2 * STEP_COST
    # Candidates: the stops nearest each end, and those that are good one-stop routes
    # themselves (close to both ends), since a good two-stop route usually passes by them.
    firsts = np.union1d(_nearest(np.flatnonzero(ok & (a < budget)), a), _nearest(np.flatnonzero(ok & (a < budget)), one))
    lasts = np.union1d(_nearest(np.flatnonzero(ok & (b < budget)), b), _nearest(np.flatnonzero(ok & (b < budget)), one))
    if len(firsts) and len(lasts):
        middle = _unmet_block(p, firsts, lasts)
        two = a[firsts][:, None] + middle ** 2 + b[lasts][None, :] + 2 * STEP_COST
        two[firsts[:, None] == lasts[None, :]] = np.inf
        rows, cols = np.nonzero(two < direct_cost)
        cheapest = np.argsort(two[rows, cols], kind="stable")[:limit]
        for i, j in zip(rows[cheapest], cols[cheapest]):
            k1, k2 = firsts[i], lasts[j]
            routes.append(Route((kb.codes[k1], kb.codes[k2]),
                                (float(from_source[k1]), float(middle[i, j]), float(to_target[k2])),
                                float(two[i, j]), direct))
    routes.sort(key=lambda r: (r.cost, len(r.stops), r.stops))
    return routes[:limit]
