"""Run an export on Dask distributed: an embedded LocalCluster, or an existing scheduler."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .render import done, end_slug, hub_path, render_chunk, render_hubs, slug_for, warm, write_assets


@dataclass
class Report:
    selected: int  # pathways asked for
    already: int  # on disk before this run (skipped without a task)
    written: int  # rendered by this run
    skipped: int  # found complete by a worker (another run got there first)
    seconds: float  # rendering, from warm workers to the last file
    cores: int  # worker threads that rendered
    startup: float = 0.0  # starting the cluster and loading the knowledge base on every worker
    cpu: float = 0.0  # CPU seconds the workers spent rendering pathways (the fair figure on a busy machine)
    hubs: int = 0  # hub pages written

    @property
    def per_second(self) -> float:
        return self.written / self.seconds if self.seconds else 0.0

    @property
    def per_second_per_core(self) -> float:
        return self.per_second / self.cores if self.cores else 0.0

    @property
    def per_cpu_second(self) -> float:
        """Pages per second of one core's CPU time: what a core does when nothing else runs."""
        return self.written / self.cpu if self.cpu else 0.0


def chunked(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def export(
    out: Path,
    pairs: list[tuple[str, str]],
    workers: int | None = None,
    scheduler: str | None = None,
    chunk: int = 100,
    progress=None,
    hubs: tuple[str, ...] | list[str] = (),
) -> Report:
    """Render `pairs` (and the two hub pages of each code in `hubs`) into `out` on Dask;
    `progress(done, total)` is called as chunks finish.

    What is already complete on disk is left out before anything is submitted, so a resumed
    run only sends the work that is missing (and a finished export sends none)."""
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out)
    todo = [p for p in pairs if not done(out, slug_for(*p))]
    hub_todo = [(d, code) for code in hubs for d in ("to", "from") if not hub_path(out, d, end_slug(code)).exists()]
    already = len(pairs) - len(todo)
    if not todo and not hub_todo:
        return Report(len(pairs), already, 0, 0, 0.0, 0)

    from distributed import Client, LocalCluster, as_completed

    started = time.perf_counter()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # CRITICAL: a worker's last heartbeat racing the scheduler's shutdown logs a harmless traceback.
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
        client = Client(cluster)
    try:
        client.wait_for_workers(1)
        client.run(warm)  # every worker loads the KB and templates once
        cores = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())
        startup = time.perf_counter() - started
        started = time.perf_counter()
        # Small enough that every core stays busy to the end, big enough that a task is not all overhead.
        size = max(1, min(chunk, -(-len(todo) // (4 * max(cores, 1)))))
        chunks = chunked(todo, size)
        futures = [client.submit(render_chunk, str(out), c, pure=False) for c in chunks]
        sizes = {f.key: len(c) for f, c in zip(futures, chunks, strict=True)}
        hub_chunks = chunked(hub_todo, max(1, min(20, -(-len(hub_todo) // (4 * max(cores, 1))))))
        hub_futures = [client.submit(render_hubs, str(out), c, pure=False) for c in hub_chunks]
        hub_keys = {f.key for f in hub_futures}  # hubs are counted apart from pathways
        written = skipped = finished = 0
        cpu = 0.0
        hubs_written = 0
        for future in as_completed(futures + hub_futures):
            w, s, c = future.result()
            if future.key in hub_keys:
                hubs_written += w
                continue
            written, skipped, finished, cpu = written + w, skipped + s, finished + sizes[future.key], cpu + c
            if progress:
                progress(finished, len(todo))
        seconds = time.perf_counter() - started
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return Report(len(pairs), already, written, skipped, seconds, cores, startup, cpu, hubs_written)
