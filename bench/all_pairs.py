"""Build guides for every ordered pair of rated occupations on all cores, and time it.

    python bench/all_pairs.py            # all ~800k pairs (takes a while)
    python bench/all_pairs.py --sample 20000

Prints pairs, seconds, guides per second and the projected time for all pairs.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor


def _work(chunk: list[tuple[str, str]]) -> int:
    from careerpath.engine import GuideRequest, Inputs, build_guide

    inputs = Inputs.default()
    for source, target in chunk:
        build_guide(GuideRequest(source, target), inputs)
    return len(chunk)


def main() -> None:
    from careerpath.kb import KnowledgeBase

    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=0, help="random pairs instead of all")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    rated = [o.code for o in KnowledgeBase.default().occupations() if o.has_ratings]
    pairs = [(a, b) for a in rated for b in rated]
    total = len(pairs)
    if args.sample:
        pairs = random.Random(1).sample(pairs, args.sample)
    chunks = [pairs[i : i + 2000] for i in range(0, len(pairs), 2000)]
    start = time.perf_counter()
    done = 0
    with ProcessPoolExecutor(args.workers) as pool:
        for n in pool.map(_work, chunks):
            done += n
    seconds = time.perf_counter() - start
    rate = done / seconds
    print(
        f"{done} guides in {seconds:.1f} s with {args.workers} workers: {rate:.0f} guides/s; "
        f"all {total} ordered pairs of rated occupations: {total / rate / 60:.1f} min"
    )


if __name__ == "__main__":
    main()
