import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _wall_seconds(argv: list[str], runs: int = 5) -> list[float]:
    """Wall time of running `argv` in new processes (warm OS cache, cold interpreter)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def _fresh_process_seconds(code: str, runs: int = 5) -> list[float]:
    """Wall time of `python -c code` in new processes."""
    return _wall_seconds([sys.executable, "-c", code], runs)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "onet").is_dir():
        pytest.skip("raw releases not found")
    return SHARED_DATA


# Test modules load in importlib mode (no sys.path games), so helpers travel as fixtures.
@pytest.fixture(scope="session")
def fresh_process_seconds():
    return _fresh_process_seconds


@pytest.fixture(scope="session")
def wall_seconds():
    return _wall_seconds


@pytest.fixture(scope="session")
def percentiles():
    return _percentiles
