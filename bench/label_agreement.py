"""How much two careful human labellers agree on the held-out snippets, next to the extractor.

tests/profile/dev6_snippets.yaml (the held-out set of stop 9) carries labeller A's labels. A second session that saw
only the texts (under shuffled ids) and the O*NET reference files labelled them again under
the same written rules (tests/profile/dev6_labels_b.yaml). Agreement is scored like the
extractor: B's labels against A's as precision and recall. Both labellers are sessions of
the same kind of model, not people, so this shows how far a careful reading of the rules
can move, not human agreement.

    python bench/label_agreement.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

PROFILE = Path(__file__).resolve().parents[1] / "tests" / "profile"


def _labels(path: Path) -> dict[str, dict[str, set[str]]]:
    return {case["id"]: {"technology": set(case.get("technologies") or ()), "element": set(case.get("elements") or ())}
            for case in yaml.safe_load(path.read_text())}


def agreement(reference: dict, other: dict) -> dict[str, tuple[float, float]]:
    figures = {}
    for kind in ("technology", "element"):
        tp = sum(len(other[i][kind] & reference[i][kind]) for i in reference)
        fp = sum(len(other[i][kind] - reference[i][kind]) for i in reference)
        fn = sum(len(reference[i][kind] - other[i][kind]) for i in reference)
        figures[kind] = (tp / max(1, tp + fp), tp / max(1, tp + fn))
    return figures


def extractor_labels(kb) -> dict[str, dict[str, set[str]]]:
    from careerpath.profile import extract

    names = {}
    for domain, kind in (("skills", "skill"), ("knowledge", "knowledge")):
        names.update({(kind, e.id): f"{kind}:{e.name}" for e in kb.elements(domain)})
    out = {}
    for case in yaml.safe_load((PROFILE / "dev6_snippets.yaml").read_text()):
        items = extract(case["text"], kb, as_of_year=2025).items
        out[case["id"]] = {"technology": {e.key for e in items if e.kind == "technology"},
                           "element": {names[(e.kind, e.key)] for e in items if e.kind != "technology"}}
    return out


if __name__ == "__main__":
    from careerpath.kb import KnowledgeBase

    a = _labels(PROFILE / "dev6_snippets.yaml")
    b = _labels(PROFILE / "dev6_labels_b.yaml")
    assert a.keys() == b.keys(), "the two label files must cover the same snippets"
    machine = extractor_labels(KnowledgeBase.default())
    both = {i: {k: a[i][k] & b[i][k] for k in ("technology", "element")} for i in a}
    either = {i: {k: a[i][k] | b[i][k] for k in ("technology", "element")} for i in a}
    rows = [("labeller B against labeller A", agreement(a, b)),
            ("extractor against labeller A", agreement(a, machine)),
            ("extractor against labeller B", agreement(b, machine)),
            ("extractor against what A and B both gave", agreement(both, machine)),
            ("extractor against what A or B gave", agreement(either, machine))]
    print(f"{len(a)} snippets; precision / recall")
    for name, figures in rows:
        print(f"  {name:44} technologies {figures['technology'][0]:.3f} / {figures['technology'][1]:.3f}"
              f"   skills+knowledge {figures['element'][0]:.3f} / {figures['element'][1]:.3f}")
