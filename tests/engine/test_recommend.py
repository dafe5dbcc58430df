"""Recommendations: properties of the ranking and golden examples with meaningful content."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from careerpath.engine.recommend import DIFFICULTIES, WEIGHTS, recommend, recommender_for, scores


def test_weights_sum_to_one():
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_similarities_are_symmetric_bounded_and_complete(kb):
    r = recommender_for(kb)
    assert set(r.similarities) == set(WEIGHTS)
    for name, m in r.similarities.items():
        assert m.shape == (len(kb.codes), len(kb.codes)), name
        assert np.all((m >= -1e-6) & (m <= 1 + 1e-6)), name
        assert np.allclose(m, m.T, atol=1e-5), name


@pytest.mark.parametrize("code", ["15-1252.00", "29-1141.00", "47-2111.00", "43-4051.00", "11-9199.00"])
def test_ranking_properties(kb, code):
    recs = recommend(kb, code, top=15)
    assert len(recs) == 15
    assert code not in {r.code for r in recs}
    assert len({r.code for r in recs}) == 15
    assert [r.score for r in recs] == sorted((r.score for r in recs), reverse=True)
    full, _ = scores(recommender_for(kb), kb.index[code])
    assert recs[0].score == pytest.approx(float(np.max(full)), abs=1e-4)  # nothing better was left out
    assert all(r.difficulty in DIFFICULTIES and r.reasons for r in recs)


def test_filters_hold(kb):
    recs = recommend(kb, "35-2014.00", top=10, min_wage=60000, max_difficulty="Moderate")
    assert recs
    assert all(r.median_wage is not None and r.median_wage >= 60000 for r in recs)
    assert all(r.difficulty in ("Easy", "Moderate") for r in recs)


CALIFORNIA = "0600000"   # OEWS area code of the state of California


def test_area_wages_are_those_of_the_area(kb):
    assert kb.area(CALIFORNIA).name == "California"
    recs = recommend(kb, "29-1141.00", top=5, area=CALIFORNIA)
    national = {r.code: r.median_wage for r in recommend(kb, "29-1141.00", top=50)}
    for rec in recs:
        wage = kb.wages(rec.code, CALIFORNIA)
        assert wage is not None and wage.area.code == CALIFORNIA, rec.code
        assert rec.median_wage == wage.annual_median, rec.code
    # California's figures, not the nation's under another name: at least one differs.
    assert any(national.get(r.code) not in (None, r.median_wage) for r in recs)
    source = kb.wages("29-1141.00", CALIFORNIA).annual_median
    assert all(r.wage_change_pct == round(100 * (r.median_wage - source) / source) for r in recs)


@pytest.mark.parametrize("source, expected", [
    ("15-1252.00", {"15-1253.00", "15-1211.00", "15-1251.00"}),   # testers, systems analysts, programmers
    ("29-1141.00", {"29-1171.00", "29-1141.03"}),                  # nurse practitioners, critical care nurses
    ("47-2111.00", {"47-2152.00", "49-9051.00"}),                  # plumbers, power-line installers
    ("13-2011.00", {"13-2082.00", "43-3031.00"}),                  # tax preparers, bookkeeping clerks
])
def test_golden_neighbours(kb, source, expected):
    codes = {r.code for r in recommend(kb, source, top=10)}
    assert expected <= codes, codes


def test_reasons_cite_data(kb):
    rec = recommend(kb, "15-1252.00", top=1)[0]
    text = " ".join(rec.reasons)
    assert "O*NET" in text and "technologies in common" in text


def test_titles_reason_quotes_a_title_both_occupations_hold(kb):
    def norm(title):                  # "Post-Anesthesia" and "Post Anesthesia" are one title
        return " ".join(title.lower().replace("-", " ").split())
    held = {}
    for t in kb.titles():
        held.setdefault(t.code, set()).add(norm(t.title))
    recs = recommend(kb, "29-1141.00", top=10)
    quoted = [(r.code, r.reasons[i]) for r in recs for i in range(len(r.reasons)) if "called" in r.reasons[i]]
    assert quoted
    for code, reason in quoted:
        for title in reason.split("“")[1:]:
            title = norm(title.split("”")[0])
            assert title in held[code] and title in held["29-1141.00"], (code, title)


def test_titles_similarity_sees_only_the_titles_it_is_given(kb):
    from careerpath.engine.recommend import titles_by_row, titles_similarity

    rows = titles_by_row(kb, keep=lambda title: False)
    assert not any(rows)
    assert not titles_similarity(rows).any()          # no titles, no similarity from them


def test_stdin_stream_writes_one_json_object_per_line():
    lines = "software developer\n29-1141\n\nzzzz qqq\n"
    out = subprocess.run([sys.executable, "-m", "careerpath.cli", "recommend", "-", "--top", "3"],
                         input=lines, capture_output=True, text=True, check=True).stdout.splitlines()
    records = [json.loads(line) for line in out]
    assert len(records) == 3
    assert records[0]["from"] == {"code": "15-1252.00", "title": "Software Developers"}
    assert [set(r) for r in records[0]["recommendations"]] == [{"code", "title", "score"}] * 3
    assert records[1]["from"]["code"] == "29-1141.00"
    assert "error" in records[2]
