"""Static export throughput on a local Dask cluster: pages per second per core.

    python bench/export.py [--sample 2000] [--workers 2]

Renders a random sample of pathways (HTML + JSON each) into a fresh temporary folder on an
embedded LocalCluster, then runs the same export again to show the resume does no work.
Prints wall-clock pages/s per worker core and pages per CPU-second of rendering (the fair
figure when other work shares the machine), and the time to start and warm the cluster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path


def main() -> int:
    from careerpath.export.plan import rated_codes, select
    from careerpath.export.run import export

    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="careerpath-export-"))
    try:
        pairs = select(args.sample, seed=11)
        load = os.getloadavg()[0]
        r = export(out, pairs, workers=args.workers)
        print(
            f"{r.written} pathways ({2 * r.written} files) on {r.cores} workers in {r.seconds:.1f} s "
            f"(+ {r.startup:.1f} s to start and warm the cluster); load average before: {load:.1f} "
            f"on {os.cpu_count()} cores"
        )
        print(
            f"  {r.per_second:.1f} pages/s, {r.per_second_per_core:.1f} pages/s per core (wall), "
            f"{r.per_cpu_second:.1f} pages per CPU-second"
        )
        n = len(rated_codes())
        total = n * (n - 1)
        print(
            f"  all {total:,} ordered pairs at this rate per core: "
            f"{total / max(r.per_cpu_second, 1e-9) / 3600:.1f} core-hours"
        )
        size = sum(p.stat().st_size for p in (out / "pathways").iterdir())
        print(f"  {size / r.written / 1024:.0f} KB per pathway (HTML + JSON, uncompressed)")
        start = time.perf_counter()
        again = export(out, pairs, workers=args.workers)
        print(f"resume: {again.written} written, {again.already} already there, {time.perf_counter() - start:.1f} s")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
