"""Precision and recall of profile extraction on hand-labelled résumé snippets.

The snippets (resume_snippets.yaml) were written for this test and labelled with what the
text itself evidences. Run `python tests/profile/test_accuracy.py` to print every
disagreement and the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from careerpath.profile import extract

SNIPPETS = Path(__file__).with_name("resume_snippets.yaml")
TARGET = 0.85


def _element_ids(kb) -> dict[str, str]:
    ids = {}
    for domain, kind in (("skills", "skill"), ("knowledge", "knowledge")):
        for e in kb.elements(domain):
            ids[f"{kind}:{e.name}"] = e.id
    return ids


def score(kb) -> dict:
    ids = _element_ids(kb)
    totals = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("technology", "element")}
    misses = []
    for case in yaml.safe_load(SNIPPETS.read_text()):
        found = extract(case["text"], kb, as_of_year=2025)
        got = {"technology": {e.key for e in found.items if e.kind == "technology"},
               "element": {(e.kind, e.key) for e in found.items if e.kind != "technology"}}
        want = {"technology": set(case["technologies"]),
                "element": {(label.split(":")[0], ids[label]) for label in case["elements"]}}
        for k in totals:
            totals[k]["tp"] += len(got[k] & want[k])
            totals[k]["fp"] += len(got[k] - want[k])
            totals[k]["fn"] += len(want[k] - got[k])
            if got[k] != want[k]:
                phrases = {(e.kind, e.key) if e.kind != "technology" else e.key: e.phrase for e in found.items}
                misses.append((case["id"], k, sorted(map(str, ((x, phrases.get(x)) for x in got[k] - want[k]))),
                               sorted(map(str, want[k] - got[k]))))
    figures = {}
    for k, t in totals.items():
        figures[k] = {"precision": t["tp"] / max(1, t["tp"] + t["fp"]), "recall": t["tp"] / max(1, t["tp"] + t["fn"]),
                      **t}
    return {"figures": figures, "misses": misses, "cases": len(yaml.safe_load(SNIPPETS.read_text()))}


def test_snippet_set_is_large_enough():
    assert len(yaml.safe_load(SNIPPETS.read_text())) >= 30


def test_labels_name_real_items(kb):
    ids = _element_ids(kb)
    names = {t.name for code in kb.codes for t in kb.technologies(code)}
    for case in yaml.safe_load(SNIPPETS.read_text()):
        assert set(case["technologies"]) <= names, case["id"]
        assert all(label in ids for label in case["elements"]), case["id"]


@pytest.mark.parametrize("kind", ["technology", "element"])
def test_precision_and_recall(kb, kind):
    figures = score(kb)["figures"][kind]
    assert figures["precision"] >= TARGET, figures
    assert figures["recall"] >= TARGET, figures


def test_stated_years_and_unrecognised_entries(kb):
    for case in yaml.safe_load(SNIPPETS.read_text()):
        found = extract(case["text"], kb, as_of_year=2025)
        if "years" in case:
            assert found.years == pytest.approx(case["years"]), case["id"]
        if "unrecognised" in case:
            assert found.unrecognised == case["unrecognised"], case["id"]


if __name__ == "__main__":
    from careerpath.kb import KnowledgeBase

    result = score(KnowledgeBase.default())
    for miss in result["misses"]:
        print(*miss, sep="\n   ")
    print(result["cases"], "cases", result["figures"])
