"""The panel's example expectations (../shared/panel/dev-pairs.yaml) as tests: for each move, what
must and must not appear in the JSON guide and a plausible timeline, at 10 hours a week."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

PAIRS = Path(__file__).resolve().parents[2].parent / "shared" / "panel" / "dev-pairs.yaml"


def _cases() -> tuple[list[str], list[dict]]:
    if not PAIRS.is_file():
        if os.environ.get("CI"):
            raise AssertionError(f"CI must have {PAIRS}")
        return [], []
    data = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    return data.get("global_must_not", []), data["cases"]


GLOBAL_MUST_NOT, CASES = _cases()


def _guide_text(source: str, target: str) -> tuple[dict, str]:
    from careerpath.service import plan_guide

    guide = plan_guide(source, target).to_json_dict()
    # Patterns are searched in the guide itself: sources and attribution left out.
    searched = {k: v for k, v in guide.items() if k not in ("sources", "attribution")}
    return guide, json.dumps(searched, ensure_ascii=False)


@pytest.mark.skipif(not CASES, reason=f"{PAIRS} not found")
@pytest.mark.parametrize("case", CASES, ids=[f"{c['from']} -> {c['to']}" for c in CASES])
def test_dev_pair(case):
    guide, text = _guide_text(case["from"], case["to"])
    problems = []
    for alternatives in case.get("must", []):
        if not any(re.search(p, text, re.IGNORECASE) for p in alternatives):
            problems.append(f"none of {alternatives} appears")
    for pattern in list(case.get("must_not", [])) + GLOBAL_MUST_NOT:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            problems.append(f"{pattern!r} appears: …{text[max(0, m.start() - 60) : m.end() + 60]}…")
    low, high = case.get("months", [0, 10_000])
    if not low <= guide["timeline_months"] <= high:
        problems.append(f"timeline {guide['timeline_months']} months outside [{low}, {high}]")
    if case.get("distinct"):
        same = guide["from"]["code"] == guide["to"]["code"] and not guide["to"]["specialization_id"]
        if same:
            problems.append("both sides resolve to the same occupation with no specialization")
    assert not problems, "\n".join(problems)
