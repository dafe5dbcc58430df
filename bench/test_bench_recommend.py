"""Recommendation speed: one occupation warm (< 20 ms), every occupation through the CLI (< 30 s)."""

from __future__ import annotations

import subprocess
import sys
import time

from careerpath.engine.inputs import Inputs
from careerpath.engine.recommend import recommend, recommender_for
from careerpath.kb import KnowledgeBase


def test_recommend_one_occupation_warm(benchmark):
    inputs = Inputs.default()
    recommender_for(inputs)
    recommend(inputs, "15-1252.00")  # warm: caches built
    result = benchmark(recommend, inputs, "29-1141.00", 10)
    assert len(result) == 10
    assert benchmark.stats.stats.median < 0.020


def test_recommend_all_occupations_through_the_cli(benchmark):
    codes = "\n".join(KnowledgeBase.default().codes) + "\n"

    def run() -> float:
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "careerpath.cli", "recommend", "-"],
            input=codes,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert out.count("\n") == codes.count("\n")
        return time.perf_counter() - start

    elapsed = benchmark.pedantic(run, rounds=1, iterations=1)
    assert elapsed < 30
