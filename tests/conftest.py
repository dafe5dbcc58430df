import os
from pathlib import Path

import pytest

# CI clones the repository next to shared/, as the developers' checkout is.
# CAREERPATH_SHARED_DATA points elsewhere (tests/test_ci.py uses it to check CI fails without it).
SHARED_DATA = Path(
    os.environ.get("CAREERPATH_SHARED_DATA") or Path(__file__).resolve().parents[1].parent / "shared" / "data"
)


def in_ci() -> bool:
    """CI systems set CI=true (.ci/run does too)."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The raw releases beside the checkout. Missing on a laptop: the tests that rebuild the
    knowledge base skip. Missing in CI: they fail, so a broken checkout cannot pass unnoticed."""
    if not (SHARED_DATA / "onet" / "Occupation Data.txt").is_file():
        message = f"raw releases not found at {SHARED_DATA}"
        if in_ci():
            pytest.fail(f"{message}; CI must rebuild the knowledge base (clone next to shared/)")
        pytest.skip(message)
    return SHARED_DATA


@pytest.fixture(scope="session")
def kb():
    from careerpath.kb import KnowledgeBase

    return KnowledgeBase.default()


@pytest.fixture(scope="session")
def inputs():
    """The shipped knowledge base and catalogs, as the edge of the program hands them to the engine."""
    from careerpath.engine import Inputs

    return Inputs.default()
