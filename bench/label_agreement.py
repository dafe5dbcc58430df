"""How far two labellers following the labelling guide agree, next to the extractor.

Three sets carry a second, independent labelling of their skills and knowledge areas by
docs/labelling.md, made by a session that saw only the texts (shuffled), the guide and the
O*NET files: tests/profile/dev6_labels_b.yaml, dev9_labels_b.yaml and dev10_labels_b.yaml
(the last two before anyone had read their sets). Agreement is scored like the extractor:
B's labels against A's (the set's own) as precision and recall. Both labellers are sessions of the same kind of model, not people, so
this shows how well the guide pins the labels down, not human agreement.

    python bench/label_agreement.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

PROFILE = Path(__file__).resolve().parents[1] / "tests" / "profile"
SECOND_LABELLINGS = {
    "dev6_snippets.yaml": "dev6_labels_b.yaml",
    "dev9_snippets.yaml": "dev9_labels_b.yaml",
    "dev10_snippets.yaml": "dev10_labels_b.yaml",
}


def _labels(path: Path) -> dict[str, set[str]]:
    return {case["id"]: set(case.get("elements") or ()) for case in yaml.safe_load(path.read_text())}


def agreement(reference: dict[str, set[str]], other: dict[str, set[str]]) -> tuple[float, float]:
    tp = sum(len(other[i] & reference[i]) for i in reference)
    fp = sum(len(other[i] - reference[i]) for i in reference)
    fn = sum(len(reference[i] - other[i]) for i in reference)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def extractor_labels(kb, path: Path) -> dict[str, set[str]]:
    from careerpath.profile import extract

    names = {}
    for domain, kind in (("skills", "skill"), ("knowledge", "knowledge")):
        names.update({(kind, e.id): f"{kind}:{e.name}" for e in kb.elements(domain)})
    return {
        case["id"]: {
            names[(e.kind, e.key)] for e in extract(case["text"], kb, as_of_year=2025).items if e.kind != "technology"
        }
        for case in yaml.safe_load(path.read_text())
    }


if __name__ == "__main__":
    from careerpath.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    for snippets, second in SECOND_LABELLINGS.items():
        a, b = _labels(PROFILE / snippets), _labels(PROFILE / second)
        assert a.keys() == b.keys(), f"{second} must cover the same snippets as {snippets}"
        machine = extractor_labels(kb, PROFILE / snippets)
        both = {i: a[i] & b[i] for i in a}
        either = {i: a[i] | b[i] for i in a}
        print(f"{snippets}: {len(a)} snippets; skills and knowledge, precision / recall")
        for name, (precision, recall) in (
            ("labeller B against labeller A", agreement(a, b)),
            ("extractor against labeller A", agreement(a, machine)),
            ("extractor against labeller B", agreement(b, machine)),
            ("extractor against what A and B both gave", agreement(both, machine)),
            ("extractor against what A or B gave", agreement(either, machine)),
        ):
            print(f"  {name:44} {precision:.3f} / {recall:.3f}")
