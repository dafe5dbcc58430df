"""Guide speed: warm p50 ≤ 5 ms and p99 ≤ 20 ms; CLI end to end in a fresh process ≤ 1 s."""

import random
import subprocess
import sys
import time

from careerpath.engine import GuideRequest, Inputs, build_guide


def test_warm_guide_latency(benchmark, percentiles):
    inputs = Inputs.default()
    kb = inputs.kb
    rng = random.Random(11)
    pairs = [(rng.choice(kb.codes), rng.choice(kb.codes)) for _ in range(500)]
    build_guide(GuideRequest(*pairs[0]), inputs)  # warm: profiles, catalog, resolver-free
    samples = []
    for source, target in pairs:
        start = time.perf_counter()
        build_guide(GuideRequest(source, target), inputs)
        samples.append(time.perf_counter() - start)
    p50, p99 = percentiles(samples)
    print(f"\nwarm guide over {len(pairs)} random pairs: p50 {p50 * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms")
    benchmark.pedantic(lambda: build_guide(GuideRequest("15-1252.00", "27-3042.00"), inputs), rounds=50, iterations=1)
    assert p50 < 0.005 and p99 < 0.020


def test_cli_end_to_end_in_a_fresh_process(benchmark):
    command = [
        sys.executable,
        "-m",
        "careerpath.cli",
        "guide",
        "Backend Developer",
        "AI Technical Writer",
        "--format",
        "json",
    ]
    subprocess.run(command, check=True, capture_output=True)  # warm the OS cache and the KB unpack

    def run():
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start

    samples = [run() for _ in range(5)]
    benchmark.pedantic(run, rounds=1, iterations=1)
    median = sorted(samples)[2]
    print(f"\nCLI guide, fresh process: median {median * 1000:.0f} ms")
    assert median < 1.0
