"""Accuracy on hand-written job-board titles (tests/resolve/labelled_titles.tsv).

The titles are phrased as postings phrase them, not copied from O*NET's title files; each
row lists every code a careful person would accept. Targets from the issue: the top
candidate acceptable for >= 90 %, one of the top three for >= 97 %.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.resolve import Resolver

LABELLED = Path(__file__).with_name("labelled_titles.tsv")


def load_labelled() -> list[tuple[str, frozenset[str], str]]:
    rows = []
    lines = [ln for ln in LABELLED.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    for line in lines[1:]:
        title, accepted, domain = line.split("\t")
        rows.append((title, frozenset(accepted.split(";")), domain))
    return rows


def test_labelled_set_is_large_and_valid():
    rows = load_labelled()
    assert len(rows) >= 230
    assert len({d for _, _, d in rows}) >= 8
    codes = set(Resolver.default().index.occupations)
    for title, accepted, _ in rows:
        assert accepted <= codes, (title, accepted - codes)


def test_top1_and_top3_accuracy(capsys):
    resolver = Resolver.default()
    rows = load_labelled()
    top1 = top3 = 0
    misses = []
    for title, accepted, domain in rows:
        codes = [c.code for c in resolver.resolve(title, top=3).candidates]
        top1 += bool(codes) and codes[0] in accepted
        top3 += bool(set(codes) & accepted)
        if not codes or codes[0] not in accepted:
            misses.append(f"  {domain:<12} {title!r} -> {codes[:3]}")
    n = len(rows)
    with capsys.disabled():
        print(f"\nresolve accuracy on {n} labelled titles: top-1 {top1 / n:.1%}, top-3 {top3 / n:.1%}")
        print("top-1 misses:\n" + "\n".join(misses))
    assert top1 / n >= 0.90
    assert top3 / n >= 0.97


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Data Scientist", "15-2051.00"),
        ("Security Guard", "33-9032.00"),
        ("Game Warden", "33-3031.00"),
        ("AI Technical Writer", "27-3042.00"),
    ],
)
def test_modifier_does_not_steal_the_head_noun(title, code):
    assert Resolver.default().resolve(title).candidates[0].code == code
