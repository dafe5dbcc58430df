"""Which pathways to export: every ordered pair of rated occupations, a sample, or a filter."""

from __future__ import annotations

import random
from functools import lru_cache

from careerpath.kb import KnowledgeBase


@lru_cache(maxsize=1)
def rated_codes() -> tuple[str, ...]:
    """Occupations with O*NET ratings, in code order: the ones a full guide can be built for."""
    return tuple(sorted(o.code for o in KnowledgeBase.default().occupations() if o.has_ratings))


def pair_count(codes: tuple[str, ...]) -> int:
    return len(codes) * (len(codes) - 1)


def pair(codes: tuple[str, ...], i: int) -> tuple[str, str]:
    """The i-th ordered pair (a, b), a != b, in row order (the sitemap's order too)."""
    a, rest = divmod(i, len(codes) - 1)
    return codes[a], codes[rest + (rest >= a)]


def select(
    sample: int | None = None, sources: list[str] | None = None, targets: list[str] | None = None, seed: int = 1
) -> list[tuple[str, str]]:
    """The pairs to export: all, or only those from `sources` / into `targets` (codes), then
    `sample` of them chosen at random (reproducibly, by `seed`)."""
    codes = rated_codes()
    if sources or targets:
        left = [c for c in codes if not sources or c in sources]
        right = [c for c in codes if not targets or c in targets]
        pairs = [(a, b) for a in left for b in right if a != b]
        if sample is not None and sample < len(pairs):
            pairs = sorted(random.Random(seed).sample(pairs, sample))
        return pairs
    total = pair_count(codes)
    if sample is not None and sample < total:
        return [pair(codes, i) for i in sorted(random.Random(seed).sample(range(total), sample))]
    return [pair(codes, i) for i in range(total)]
