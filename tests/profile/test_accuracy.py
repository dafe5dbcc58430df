"""Precision and recall of profile extraction on hand-labelled résumé snippets.

Every snippet file is labelled with what the text itself evidences: exact O*NET technology
names, and skills and knowledge as "skill:Name" / "knowledge:Name" by the labelling guide
(docs/labelling.md; older files were relabelled by it, blind). The files differ in how honest
their figures are:
- resume_snippets.yaml: written with the extractor, which was tuned on it;
- dev*_snippets.yaml: each held out when written and measured once (the figure is in its
  header), then used to develop the extractor, so now optimistic;
- heldout*_snippets.yaml: not used for development (test_heldout.py).
Run `python tests/profile/test_accuracy.py [FILE]` to print every disagreement and the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from careerpath.profile import extract
from careerpath.profile.lexicon import lexicon_for, names_a_class

HERE = Path(__file__).parent
TUNING = HERE / "resume_snippets.yaml"
TARGET = 0.85
# Development sets: floors 0.05 under the figures measured when this file last changed, as a
# regression guard (they are not evidence of quality: the extractor was tuned on them).
DEV_FLOORS = {
    "dev1_snippets.yaml": {"technology": (0.926, 0.926), "element": (0.902, 0.868)},
    "dev2_snippets.yaml": {"technology": (0.911, 0.919), "element": (0.896, 0.761)},
    "dev3_snippets.yaml": {"technology": (0.907, 0.883), "element": (0.778, 0.707)},
    "dev4_snippets.yaml": {"technology": (0.944, 0.810), "element": (0.890, 0.775)},
    "dev5_snippets.yaml": {"technology": (0.902, 0.743), "element": (0.837, 0.771)},
    "dev6_snippets.yaml": {"technology": (0.875, 0.724), "element": (0.823, 0.679)},
    "dev7_snippets.yaml": {"technology": (0.925, 0.939), "element": (0.846, 0.706)},
    "dev8_snippets.yaml": {"technology": (0.922, 0.847), "element": (0.834, 0.626)},
    "dev9_snippets.yaml": {"technology": (0.857, 0.828), "element": (0.837, 0.763)},
    "dev10_snippets.yaml": {"technology": (0.895, 0.865), "element": (0.846, 0.762)},
    "dev11_snippets.yaml": {"technology": (0.910, 0.866), "element": (0.807, 0.728)},
}


def element_ids(kb) -> dict[str, str]:
    ids = {}
    for domain, kind in (("skills", "skill"), ("knowledge", "knowledge")):
        for e in kb.elements(domain):
            ids[f"{kind}:{e.name}"] = e.id
    return ids


def cases(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text())


def score(kb, path: Path) -> dict:
    """Technologies are scored as named products: the labels never name a kind of tool ("SCADA",
    "the EHR"), so the extractor's readings of a kind, which the guide keeps, are left out too."""
    ids = element_ids(kb)
    kinds_of_tool = {name for name in lexicon_for(kb).technology_names if names_a_class(name)}
    totals = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("technology", "element")}
    misses = []
    for case in cases(path):
        found = extract(case["text"], kb, as_of_year=2025)
        got = {
            "technology": {e.key for e in found.items if e.kind == "technology"} - kinds_of_tool,
            "element": {(e.kind, e.key) for e in found.items if e.kind != "technology"},
        }
        want = {
            "technology": set(case["technologies"]) - kinds_of_tool,
            "element": {(label.split(":")[0], ids[label]) for label in case["elements"]},
        }
        for k in totals:
            totals[k]["tp"] += len(got[k] & want[k])
            totals[k]["fp"] += len(got[k] - want[k])
            totals[k]["fn"] += len(want[k] - got[k])
            if got[k] != want[k]:
                phrases = {(e.kind, e.key) if e.kind != "technology" else e.key: e.phrase for e in found.items}
                misses.append(
                    (
                        case["id"],
                        k,
                        sorted(map(str, ((x, phrases.get(x)) for x in got[k] - want[k]))),
                        sorted(map(str, want[k] - got[k])),
                    )
                )
    figures = {}
    for k, t in totals.items():
        figures[k] = {
            "precision": t["tp"] / max(1, t["tp"] + t["fp"]),
            "recall": t["tp"] / max(1, t["tp"] + t["fn"]),
            **t,
        }
    return {"figures": figures, "misses": misses, "cases": len(cases(path))}


def labels_are_real(kb, path: Path) -> None:
    ids = element_ids(kb)
    names = {t.name for code in kb.codes for t in kb.technologies(code)}
    for case in cases(path):
        assert set(case["technologies"]) <= names, case["id"]
        assert all(label in ids for label in case["elements"]), case["id"]


@pytest.mark.parametrize("path", [TUNING, *(HERE / name for name in DEV_FLOORS)], ids=lambda p: p.name)
def test_snippet_sets_are_large_and_labels_real(kb, path):
    assert len(cases(path)) >= 30
    labels_are_real(kb, path)


@pytest.mark.parametrize("kind", ["technology", "element"])
def test_tuning_set_meets_target(kb, kind):
    figures = score(kb, TUNING)["figures"][kind]
    assert figures["precision"] >= TARGET, figures
    assert figures["recall"] >= TARGET, figures


@pytest.mark.parametrize("name", list(DEV_FLOORS))
def test_development_sets_do_not_regress(kb, name):
    figures = score(kb, HERE / name)["figures"]
    for kind, (precision, recall) in DEV_FLOORS[name].items():
        print(f"{name} {kind}: precision {figures[kind]['precision']:.3f} recall {figures[kind]['recall']:.3f}")
        assert figures[kind]["precision"] >= precision - 0.05, (kind, figures[kind])
        assert figures[kind]["recall"] >= recall - 0.05, (kind, figures[kind])


def test_stated_years_and_unrecognised_entries(kb):
    for case in cases(TUNING):
        found = extract(case["text"], kb, as_of_year=2025)
        if "years" in case:
            assert found.years == pytest.approx(case["years"]), case["id"]
        if "unrecognised" in case:
            assert found.unrecognised == case["unrecognised"], case["id"]


if __name__ == "__main__":
    from careerpath.kb import KnowledgeBase

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TUNING
    result = score(KnowledgeBase.default(), target)
    for miss in result["misses"]:
        print(*miss, sep="\n   ")
    print(result["cases"], "cases", result["figures"])
