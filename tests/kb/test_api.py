"""The read API answers with the published figures, and keeps O*NET's quality flags."""

import numpy as np
import pytest

from careerpath.kb import UnknownOccupation


def test_every_occupation_is_there(kb):
    assert len(kb.codes) == 1016
    assert kb.meta["onet_version"] == "30.1"
    assert sum(o.has_ratings for o in kb.occupations()) == 894


def test_software_developers(kb):
    occupation = kb.occupation("15-1252.00")
    assert occupation.title == "Software Developers"
    assert occupation.job_zone == 4
    wage = kb.wages("15-1252.00")
    assert (wage.annual_p25, wage.annual_median, wage.employment) == (105210, 135980, 1687890)
    assert wage.hourly_median == pytest.approx(65.38)
    outlook = kb.outlook("15-1252.00")
    assert outlook.change_percent == 15.8
    assert outlook.annual_openings == 115_200
    assert outlook.education == "Bachelor's degree"


def test_technical_writers_wage(kb):
    assert kb.wages("27-3042.00").annual_median == 90390


def test_state_and_metro_wages(kb):
    states = {a.name: a for a in kb.areas() if a.kind == "state"}
    metros = [a for a in kb.areas() if a.kind == "metro"]
    assert len(states) >= 50 and len(metros) > 500
    california = kb.wages("15-1252.00", states["California"].code)
    assert california.area.name == "California"
    assert california.annual_median > kb.wages("15-1252.00").annual_median


def test_top_coded_wages_are_flagged_not_invented(kb):
    # Oral and maxillofacial surgeons in Alabama: BLS publishes only "at or above the top code".
    wage = kb.wages("29-1022.00", "0100000")
    assert wage.annual_median is None
    assert "annual_median" in wage.top_coded
    assert "239,200" in kb.wage_footnote("5")


def test_broader_bls_group_is_recorded(kb):
    widened = [o for o in kb.occupations() if o.wage_soc_level not in (None, "detailed")]
    assert widened, "some O*NET occupations only have a broader BLS wage group"
    for occupation in widened:
        assert occupation.wage_soc != occupation.code[:7]
        assert kb.wages(occupation.code) is not None


def test_matrices_are_aligned_and_honour_suppression(kb):
    columns = kb.rating_columns("skills", "LV")
    importance, level = kb.ratings("skills", "IM"), kb.ratings("skills", "LV")
    assert importance.shape == level.shape == (1016, 35)
    row, col = kb.index["15-1252.00"], columns.index("2.B.3.e")  # Programming
    assert importance[row, col] == pytest.approx(4.0)
    assert np.isnan(level[row, col]), "O*NET recommends suppressing this level estimate"
    writers = kb.index["27-3042.00"]
    assert level[writers, columns.index("2.A.1.c")] == pytest.approx(5.0)  # Writing
    unrated = [kb.index[o.code] for o in kb.occupations() if not o.has_ratings]
    assert np.isnan(importance[unrated]).all()


def test_not_relevant_levels_are_zero(kb):
    # Not Relevant = Y marks a level the occupation does not use at all.

    code, element = kb._db.execute(
        "SELECT code, element_id FROM rating WHERE scale='LV' AND not_relevant=1 "
        "AND recommend_suppress=0 AND element_id LIKE '2.A%' ORDER BY code LIMIT 1"
    ).fetchone()
    columns = kb.rating_columns("skills", "LV")
    assert kb.ratings("skills", "LV")[kb.index[code], columns.index(element)] == 0.0


def test_lists_per_occupation(kb):
    techs = kb.technologies("15-1252.00")
    assert any(t.hot for t in techs) and techs[0].hot
    tasks = kb.tasks("27-3042.00")
    assert tasks[0].task_type == "Core"
    assert {t.kind for t in kb.titles()} == {"occupation", "alternate", "short", "reported"}
    assert kb.education("27-3042.00")


def test_unknown_code(kb):
    with pytest.raises(UnknownOccupation):
        kb.occupation("99-9999.00")
