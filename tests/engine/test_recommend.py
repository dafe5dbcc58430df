"""Recommendations: properties of the ranking and golden examples with meaningful content."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from careerpath.catalog.routes import DEGREE_RANK
from careerpath.engine.recommend import (
    DIFFICULTIES,
    KINDS,
    LONG_TERM_MONTHS,
    WEIGHTS,
    recommend,
    recommender_for,
    score_row,
)


def test_weights_sum_to_one():
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_similarities_are_symmetric_bounded_and_complete(kb, inputs):
    r = recommender_for(inputs)
    assert set(r.similarities) == set(WEIGHTS)
    for name, m in r.similarities.items():
        assert m.shape == (len(kb.codes), len(kb.codes)), name
        assert np.all((m >= -1e-6) & (m <= 1 + 1e-6)), name
        assert np.allclose(m, m.T, atol=1e-5), name


@pytest.mark.parametrize("code", ["15-1252.00", "29-1141.00", "47-2111.00", "43-4051.00", "11-9199.00"])
def test_ranking_properties(kb, inputs, code):
    recs = recommend(inputs, code, top=15)
    assert len(recs) == 15
    assert code not in {r.code for r in recs}
    assert len({r.code for r in recs}) == 15
    assert [r.score for r in recs] == sorted((r.score for r in recs), reverse=True)
    row = score_row(recommender_for(inputs), kb.index[code])
    shown = row.kind != KINDS.index("long_term")
    assert recs[0].score == pytest.approx(float(np.max(row.score[shown])), abs=1e-4)  # nothing better was left out
    assert all(r.difficulty in DIFFICULTIES and r.explanation and r.kind != "long_term" for r in recs)


def test_filters_hold(inputs):
    recs = recommend(inputs, "35-2014.00", top=10, min_wage=60000, max_difficulty="Moderate")
    assert recs
    assert all(r.median_wage is not None and r.median_wage >= 60000 for r in recs)
    assert all(r.difficulty in ("Easy", "Moderate") for r in recs)


CALIFORNIA = "0600000"  # OEWS area code of the state of California


def test_area_wages_are_those_of_the_area(kb, inputs):
    assert kb.area(CALIFORNIA).name == "California"
    recs = recommend(inputs, "29-1141.00", top=5, area=CALIFORNIA)
    national = {r.code: r.median_wage for r in recommend(inputs, "29-1141.00", top=50)}
    for rec in recs:
        wage = kb.wages(rec.code, CALIFORNIA)
        assert wage is not None and wage.area.code == CALIFORNIA, rec.code
        assert rec.median_wage == wage.annual_median, rec.code
    # California's figures, not the nation's under another name: at least one differs.
    assert any(national.get(r.code) not in (None, r.median_wage) for r in recs)
    source = kb.wages("29-1141.00", CALIFORNIA).annual_median
    assert all(r.wage_change_pct == round(100 * (r.median_wage - source) / source) for r in recs)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("15-1252.00", {"15-1253.00", "15-1211.00", "15-1251.00"}),  # testers, systems analysts, programmers
        ("29-1141.00", {"29-1141.03", "11-9111.00"}),  # critical care nurses, health services managers
        ("47-2111.00", {"49-9051.00", "47-2231.00"}),  # power-line installers, solar PV installers
        ("13-2011.00", {"13-2082.00", "13-2031.00"}),  # tax preparers, budget analysts
    ],
)
def test_golden_neighbours(inputs, source, expected):
    codes = {r.code for r in recommend(inputs, source, top=10)}
    assert expected <= codes, codes


def test_reasons_cite_data(inputs):
    rec = recommend(inputs, "15-1252.00", top=1)[0]
    text = " ".join(rec.reasons)
    assert "O*NET" in text and "technologies in common" in text


def test_titles_reason_quotes_a_title_both_occupations_hold(kb, inputs):
    def norm(title):  # "Post-Anesthesia" and "Post Anesthesia" are one title
        return " ".join(title.lower().replace("-", " ").split())

    held = {}
    for t in kb.titles():
        held.setdefault(t.code, set()).add(norm(t.title))
    recs = recommend(inputs, "29-1141.00", top=10)
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
    assert not titles_similarity(rows).any()  # no titles, no similarity from them


def test_stdin_stream_writes_one_json_object_per_line():
    lines = "software developer\n29-1141\n\nzzzz qqq\n"
    out = subprocess.run(
        [sys.executable, "-m", "careerpath.cli", "recommend", "-", "--top", "3"],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    records = [json.loads(line) for line in out]
    assert len(records) == 3
    assert records[0]["from"] == {"code": "15-1252.00", "title": "Software Developers"}
    assert [set(r) for r in records[0]["recommendations"]] == [{"code", "title", "score", "kind"}] * 3
    assert records[1]["from"]["code"] == "29-1141.00"
    assert "error" in records[2]


# -- feasibility, kinds and explanations (issue 16) ------------------------------------------


@pytest.mark.parametrize("code", ["29-1141.00", "41-2011.00", "53-3032.00", "25-2021.00", "25-2031.00"])
def test_no_default_move_needs_a_doctoral_or_professional_degree(kb, inputs, code):
    r = recommender_for(inputs)
    s = kb.index[code]
    for rec in recommend(inputs, code, top=10):
        assert r.feasibility.degree[s, kb.index[rec.code]] < DEGREE_RANK["doctoral"], rec.title
        assert rec.route_months < LONG_TERM_MONTHS and rec.new_degree is None


def test_long_term_moves_come_only_when_asked_and_carry_their_years(inputs):
    recs = recommend(inputs, "29-1141.00", top=10, kinds=("long_term",))
    assert recs and all(r.kind == "long_term" for r in recs)
    assert "29-1171.00" in {r.code for r in recs}  # nurse practitioners: a master's
    for r in recs:
        assert r.route_months >= LONG_TERM_MONTHS or r.new_degree is not None
        assert "year" in r.explanation or "month" in r.explanation


def test_the_score_is_asymmetric_what_the_target_needs_costs(kb, inputs):
    """A nurse to a physician costs a medical degree and what physicians stand out on; the
    physician already has most of what a nurse stands out on. The similarity is symmetric,
    the cost is not."""
    from careerpath.engine.recommend import gap_share

    r = recommender_for(inputs)
    rn, md = kb.index["29-1141.00"], kb.index["29-1215.00"]
    assert r.feasibility.degree[rn, md] == DEGREE_RANK["doctoral"]
    assert gap_share(r, rn)[md] > gap_share(r, md)[rn]
    assert score_row(r, rn).kind[md] == KINDS.index("long_term")
    assert "29-1215.00" not in {x.code for x in recommend(inputs, "29-1141.00", top=50)}


def test_pay_never_makes_a_far_move_look_near(kb, inputs):
    """The pay and demand terms are scaled by ease (1 - difficulty / 100): their whole
    contribution is at most ease x (wage + demand weights)."""
    from careerpath.engine import recommend as rec
    from careerpath.engine.recommend import DEMAND_WEIGHT, WAGE_WEIGHT, gap_share

    r = recommender_for(inputs)
    for code in ("29-1141.00", "41-2011.00"):
        s = kb.index[code]
        row = score_row(r, s)
        base = row.score.copy()
        months = r.feasibility.months[s]
        cost = (
            rec.GAP_WEIGHT * gap_share(r, s)
            + rec.ZONE_WEIGHT * rec.zone_steps(r, s) / 4
            + rec.ROUTE_WEIGHT * np.minimum(1, months / rec.ROUTE_SATURATION)
        )
        finite = np.isfinite(base)
        extra = base[finite] - (r.combined[s][finite] - cost[finite])
        ease = np.clip(1 - row.difficulty / 100, 0, 1)
        assert np.all(np.abs(extra) <= ease[finite] * (WAGE_WEIGHT + DEMAND_WEIGHT) + 1e-9)


def test_gap_share_is_zero_to_itself_and_bounded(kb, inputs):
    from careerpath.engine.recommend import gap_share

    r = recommender_for(inputs)
    for code in ("15-1252.00", "47-2111.00"):
        g = gap_share(r, kb.index[code])
        assert g[kb.index[code]] == 0
        assert np.all((g >= 0) & (g <= 1))


def test_kinds_follow_pay_and_route(inputs):
    for rec in recommend(inputs, "41-2011.00", top=20, kinds=KINDS):
        if rec.kind == "step_up":
            assert rec.wage_change_pct >= 10
        elif rec.kind == "step_down":
            assert rec.wage_change_pct <= -10
        elif rec.kind == "lateral":
            assert rec.wage_change_pct is None or -10 < rec.wage_change_pct < 10


def test_new_filters_hold(inputs):
    recs = recommend(inputs, "41-2011.00", top=10, max_months=6)
    assert recs and all(r.months_to_ready <= 6 for r in recs)
    recs = recommend(inputs, "41-2011.00", top=10, kinds=KINDS, no_degree=True)
    assert recs and all(r.new_degree is None for r in recs)


@pytest.mark.parametrize("code", ["29-1141.00", "41-2011.00", "53-3032.00", "15-1252.00"])
def test_every_recommendation_is_explained_in_one_or_two_sentences(inputs, code):
    for rec in recommend(inputs, code, top=10, kinds=KINDS):
        text = rec.explanation
        assert 1 <= text.count(". ") + 1 <= 2 and text.endswith("."), text
        assert "job-ready in" in text
        if rec.wage_change_pct is not None:
            assert f"{rec.wage_change_pct:+d}% pay" in text
        for name in rec.strengths[:1] + rec.gaps[:1]:
            assert name in text
        assert not set(rec.strengths) & set(rec.gaps)


def test_explanation_names_the_credential_step(inputs):
    rec = next(r for r in recommend(inputs, "29-1141.00", top=10, kinds=("long_term",)) if r.code == "29-1171.00")
    assert "a master's degree" in rec.explanation and rec.credentials
