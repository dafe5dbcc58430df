"""Cacheable pages under uvicorn: what a revalidation, a cache hit and a cache miss cost.

    python bench/cacheable.py [--requests 3000] [--misses 300] [--connections 20] [--workers 1]

Starts the real app (uvicorn, fresh SQLite), then runs three scenarios with keep-alive
connections from a small asyncio client:
  revalidate  GET /pathways/{slug} with If-None-Match (304, no body)
  hit         GET /pathways/{slug}, Accept-Encoding: gzip, from the page cache
  miss        GET a different pathway each time (sitemap order, sampled): build + render + gzip
and prints requests/s, p50/p99 latency, and the server's own CPU time per request (psutil),
which is the fair figure when the client shares the machine's cores. Also prints the
page's raw, gzip and brotli sizes, and runs the hit scenario against a bare ASGI app that
returns the same gzip bytes under the same uvicorn, for the ratio issue #17 measured.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from web.server import free_port, start_app

SLUG = "software-developers-to-technical-writers"
BARE_APP = """
import pathlib
BODY = pathlib.Path(__file__).with_name("page.gz").read_bytes()
HEADERS = [(b"content-type", b"text/html; charset=utf-8"), (b"content-encoding", b"gzip"),
           (b"content-length", str(len(BODY)).encode())]

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
"""
UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 bench"


async def _load(port: int, paths: list[str], headers: dict, connections: int) -> dict:
    queue = list(reversed(paths))
    latencies, statuses = [], {}

    async def worker():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        while queue:
            path = queue.pop()
            start = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: {UA}\r\n{extra}\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length:
                await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    seconds = time.perf_counter() - start
    latencies.sort()
    return {
        "rps": len(paths) / seconds,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "statuses": statuses,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--misses", type=int, default=300)
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="careerpath-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite'}",
        "CAREERPATH_PAGE_RATE_PER_MINUTE": "1000000",
        "CAREERPATH_PAGE_RATE_BURST": "100000",
    }
    server = start_app(port, env, "--workers", str(args.workers), "--no-access-log")
    base = f"http://127.0.0.1:{port}"
    page = f"/pathways/{SLUG}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        procs = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]

        def cpu() -> float:
            return sum(p.cpu_times().user + p.cpu_times().system for p in procs)

        sizes = {}
        for encoding in ("identity", "gzip", "br"):
            r = urllib.request.urlopen(
                urllib.request.Request(base + page, headers={"Accept-Encoding": encoding, "User-Agent": UA})
            )
            sizes[encoding] = len(r.read())
            etag = r.headers["ETag"]
        print(
            f"pathway page: {sizes['identity']:,} bytes raw, {sizes['gzip']:,} gzip, {sizes['br']:,} brotli; "
            f"Cache-Control: {r.headers['Cache-Control']}; ETag {etag}"
        )

        from careerpath.web import sitemap

        slugs = random.Random(5).sample(sitemap.pathway_slugs(1) + sitemap.pathway_slugs(9), args.misses)
        scenarios = [
            ("revalidate", [page] * args.requests, {"If-None-Match": etag}),
            ("hit", [page] * args.requests, {"Accept-Encoding": "gzip"}),
            ("miss", [f"/pathways/{s}" for s in slugs], {"Accept-Encoding": "gzip"}),
        ]
        print(
            f"uvicorn workers={args.workers}, {args.connections} connections, "
            f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        print(
            f"{'scenario':<11} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'server CPU ms/req':>18}  statuses"
        )
        rates = {}
        for name, paths, headers in scenarios:
            before = cpu()
            r = asyncio.run(_load(port, paths, headers, args.connections))
            per = (cpu() - before) / len(paths) * 1000
            rates[name] = r["rps"]
            print(
                f"{name:<11} {len(paths):>8} {r['rps']:>8.0f} {r['p50']:>8.1f} {r['p99']:>8.1f} {per:>18.2f}  {r['statuses']}"
            )
        gz = urllib.request.urlopen(urllib.request.Request(base + page, headers={"Accept-Encoding": "gzip"})).read()
    finally:
        server.terminate()
        server.wait(30)
    # The same bytes from an app that does nothing else, under the same uvicorn options.
    (tmp / "page.gz").write_bytes(gz)
    (tmp / "bare.py").write_text(BARE_APP)
    bare_port = free_port()
    bare = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bare:app",
            "--app-dir",
            str(tmp),
            "--port",
            str(bare_port),
            "--log-level",
            "warning",
            "--no-access-log",
        ]
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{bare_port}/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        proc = psutil.Process(bare.pid)
        before = proc.cpu_times().user + proc.cpu_times().system
        r = asyncio.run(_load(bare_port, [page] * args.requests, {"Accept-Encoding": "gzip"}, args.connections))
        per = (proc.cpu_times().user + proc.cpu_times().system - before) / args.requests * 1000
        print(
            f"{'bare app':<11} {args.requests:>8} {r['rps']:>8.0f} {r['p50']:>8.1f} {r['p99']:>8.1f} {per:>18.2f}  {r['statuses']}"
        )
        print(
            f"cached page at {rates['hit'] / r['rps']:.2f}x the bare app's rate, revalidation at "
            f"{rates['revalidate'] / r['rps']:.2f}x"
        )
    finally:
        bare.terminate()
        bare.wait(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
