"""schemathesis against the OpenAPI schema: no input makes the API answer with a server error.

Runs the schemathesis CLI (the documented entry point) against the real app under uvicorn.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .server import running_server

pytest.importorskip("schemathesis")
OUT = Path(__file__).resolve().parents[2] / "test-output"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    db = tmp_path_factory.mktemp("schema") / "api.sqlite"
    with running_server(
        f"sqlite:///{db}", CAREERPATH_RATE_PER_MINUTE="1000000", CAREERPATH_RATE_BURST="1000000"
    ) as url:
        yield url


def test_no_server_errors(base):
    # One worker: with two, schemathesis' threads compile Hypothesis strategies concurrently
    # and CPython 3.11 sometimes aborts with "AST constructor recursion depth mismatch".
    st = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or shutil.which("schemathesis")
    OUT.mkdir(exist_ok=True)
    result = subprocess.run(
        [
            st,
            "run",
            base + "/api/v1/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "60",
            "--workers",
            "1",
            "--request-timeout",
            "30",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    (OUT / "schemathesis.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout[-4000:]
