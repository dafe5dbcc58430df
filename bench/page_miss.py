"""What a pathway page costs when no cache has it, in-process, part by part.

    python bench/page_miss.py [--pages 300] [--seed 1]

Builds the untailored guide (as the site's GuideCache does on a miss), renders the guide's
sections and the whole page, and gzips it, for random ordered pairs of occupations, after
warming up on other pairs (the first page a process serves also loads the data). Prints the
CPU time per page of each part: the figure issue #17 asks to be well under 2 ms.
"""

from __future__ import annotations

import argparse
import gzip
import random
import statistics
import time

from careerpath.kb import KnowledgeBase
from careerpath.web import pathways, public
from careerpath.web.cache import GZIP_LEVEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    kb = KnowledgeBase.default()
    rated = [o.code for o in kb.occupations() if o.has_ratings]
    rng = random.Random(args.seed)
    pairs = [tuple(rng.sample(rated, 2)) for _ in range(args.pages + 30)]
    env = public.environment()
    parts: dict[str, list[float]] = {"guide": [], "sections": [], "page": [], "gzip": []}
    for n, (source, target) in enumerate(pairs):
        pathway = pathways.make_pathway(pathways.end_for(source), pathways.end_for(target))
        t0 = time.process_time()
        guide = pathways.build(pathway)
        t1 = time.process_time()
        body = public.guide_body(env, guide, pathway)
        t2 = time.process_time()
        page = public.pathway_page(env, guide, pathway, body=body)
        t3 = time.process_time()
        gzip.compress(page.encode(), GZIP_LEVEL, mtime=0)
        t4 = time.process_time()
        if n >= 30:  # the first pages load templates and data
            for name, seconds in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                parts[name].append(seconds * 1e3)
    total = [sum(values) for values in zip(*parts.values(), strict=True)]
    print(f"{args.pages} cache misses, CPU ms per page (mean / median):")
    for name, values in [*parts.items(), ("total", total)]:
        print(f"  {name:<9}{statistics.mean(values):6.2f} / {statistics.median(values):5.2f}")


if __name__ == "__main__":
    main()
