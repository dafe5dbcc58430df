from pathlib import Path

import pytest

# CI clones the repository next to shared/, as the developers' checkout is.
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "onet" / "Occupation Data.txt").is_file():
        pytest.skip(f"raw releases not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def kb():
    from careerpath.kb import KnowledgeBase

    return KnowledgeBase.default()
