"""CI cannot pass without the raw releases: the knowledge-base rebuild test fails there instead of skipping."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REBUILD = "tests/kb/test_importer.py::test_rebuild_matches_the_shipped_knowledge_base"


def run(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["CAREERPATH_SHARED_DATA"] = str(tmp_path / "no-shared-data")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", REBUILD, "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_raw_releases_fail_in_ci_and_skip_elsewhere(tmp_path):
    ci = run(tmp_path, "true")
    assert ci.returncode == 1 and "raw releases not found" in ci.stdout and "1 error" in ci.stdout, ci.stdout
    laptop = run(tmp_path, None)
    assert laptop.returncode == 0 and "1 skipped" in laptop.stdout, laptop.stdout
