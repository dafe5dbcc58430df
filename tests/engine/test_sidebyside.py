"""Side by side: each column is the person's own guide; shared items are shared."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from careerpath.engine.guide import GuideRequest, Person, build_guide
from careerpath.engine.sidebyside import side_by_side


def test_columns_are_the_guides_figures(inputs):
    person = Person(hours_per_week=15)
    result = side_by_side(inputs, "29-1141.00", ["29-1171.00", "11-9111.00", "29-2061.00"], person)
    assert [o.code for o in result.options] == ["29-1171.00", "11-9111.00", "29-2061.00"]
    for option in result.options:
        guide = build_guide(GuideRequest(source="29-1141.00", target=option.code, person=person), inputs)
        assert option.difficulty == guide.difficulty and option.timeline_months == guide.timeline_months
        assert option.median_wage == guide.salary.target_median
        assert option.early_career_wage == guide.salary.target_p25
        assert option.to_learn == [s.name for s in guide.skills_to_learn if s.core]
    np_option = result.options[0]
    assert np_option.kind == "long_term" and np_option.route_years >= 2


def test_shared_items_are_needed_by_every_target_listed(inputs):
    result = side_by_side(inputs, "41-2011.00", ["43-3071.00", "43-4051.00", "43-3031.00", "41-2021.00"])
    by_code = {o.code: {n.casefold() for n in o.to_learn} for o in result.options}
    for name, codes in result.shared.items():
        assert len(codes) >= 2
        assert all(name.casefold() in by_code[c] for c in codes)
    for name in set().union(*by_code.values()):
        holders = [c for c, names in by_code.items() if name in names]
        assert (len(holders) > 1) == any(name == n.casefold() for n in result.shared)


@pytest.mark.parametrize(
    "targets",
    [
        ["43-3071.00"],
        ["43-3071.00"] * 2,
        ["43-3071.00", "41-2011.00"],
        ["43-3071.00", "43-4051.00", "43-3031.00", "41-2021.00", "41-2031.00"],
    ],
)
def test_two_to_four_distinct_targets_other_than_the_source(inputs, targets):
    with pytest.raises(ValueError):
        side_by_side(inputs, "41-2011.00", targets)


def test_cli_compare_json_and_errors():
    out = subprocess.run(
        [sys.executable, "-m", "careerpath.cli", "compare", "Cashier", "43-3071", "41-2021.00", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert data["from"]["code"] == "41-2011.00"
    assert [o["code"] for o in data["options"]] == ["43-3071.00", "41-2021.00"]
    bad = subprocess.run(
        [sys.executable, "-m", "careerpath.cli", "compare", "Cashier", "43-3071"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "2 to 4" in bad.stderr
