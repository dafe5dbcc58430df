import csv
from collections import defaultdict
from pathlib import Path

import pytest

# CI clones the repository to another folder with shared/ beside it, as in the developers' checkout.
ONET = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "onet"


def _rows(name: str):
    with open(ONET / name, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t")


@pytest.fixture(scope="session")
def onet() -> Path:
    if not (ONET / "Skills.txt").is_file():
        pytest.skip(f"O*NET text files not found at {ONET}")
    return ONET


@pytest.fixture(scope="session")
def skill_ids(onet) -> set[str]:
    return {r["Element ID"] for r in _rows("Skills.txt")}


@pytest.fixture(scope="session")
def knowledge_ids(onet) -> set[str]:
    return {r["Element ID"] for r in _rows("Knowledge.txt")}


@pytest.fixture(scope="session")
def element_names(onet) -> dict[str, str]:
    names = {}
    for name in ("Skills.txt", "Knowledge.txt"):
        for r in _rows(name):
            names[r["Element ID"]] = r["Element Name"]
    return names


@pytest.fixture(scope="session")
def technology_names(onet) -> set[str]:
    return {r["Example"] for r in _rows("Technology Skills.txt")}


@pytest.fixture(scope="session")
def hot_technologies(onet) -> list[str]:
    """The 150 technologies marked Hot Technology in the most occupations (ties by name)."""
    codes: dict[str, set[str]] = defaultdict(set)
    for r in _rows("Technology Skills.txt"):
        if r["Hot Technology"] == "Y":
            codes[r["Example"]].add(r["O*NET-SOC Code"])
    ranked = sorted(codes, key=lambda name: (-len(codes[name]), name))
    return ranked[:150]


@pytest.fixture(scope="session")
def catalog():
    from careerpath.catalog import Catalog

    return Catalog.default()
