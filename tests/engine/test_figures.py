"""Issue 18's figures that misled, one test each: every figure says whose it is, and every
sentence follows from the figures it cites."""

from __future__ import annotations

import random
import re

import pytest

from careerpath.engine import GuideRequest, Person, build_guide
from careerpath.engine.market import all_occupations_outlook

MEDICAL_ASSISTANTS, NURSES, NURSE_PRACTITIONERS = "31-9092.00", "29-1141.00", "29-1171.00"
DATA_SCIENTISTS, BI_ANALYSTS = "15-2051.00", "15-2051.01"


def words(guide) -> str:
    """Every sentence a guide shows, as one text."""
    return guide.model_dump_json()


def test_a_suppressed_education_category_is_not_dropped_from_a_share(inputs):
    # O*NET's bachelor's row for registered nurses (55.9%) is Recommend Suppress; what is left
    # would have read "1% ... bachelor's degree or higher".
    text = words(build_guide(GuideRequest(MEDICAL_ASSISTANTS, NURSES), inputs))
    assert "say the job requires a bachelor's degree or higher" not in text
    assert "suppressed as unreliable" in text


def test_borrowed_wages_say_whose_they_are(inputs):
    guide = build_guide(GuideRequest(NURSES, BI_ANALYSTS), inputs)
    assert guide.salary.target_wages_of == "BLS occupation 15-2051, Data Scientists"
    assert guide.salary.source_wages_of is None  # registered nurses: BLS's own figure
    borrowed = "the figure for all of BLS occupation 15-2051, Data Scientists"
    assert borrowed in guide.overview
    pay = next(f.answer for f in guide.faq if "$" in f.answer and "half earn more" in f.answer)
    assert borrowed in pay
    own = build_guide(GuideRequest(NURSES, DATA_SCIENTISTS), inputs)
    assert own.salary.target_wages_of is None and "the figure for all of" not in own.overview


def test_a_guide_within_one_occupation_states_each_data_note_once(inputs):
    notes = build_guide(GuideRequest(BI_ANALYSTS, BI_ANALYSTS), inputs).data_notes
    assert notes and len(notes) == len(set(notes))


@pytest.mark.parametrize("target", [NURSE_PRACTITIONERS, DATA_SCIENTISTS])
def test_no_competition_warning_for_fast_growing_jobs(inputs, target):
    assert "expect competition" not in words(build_guide(GuideRequest(NURSES, target), inputs))


def test_the_competition_warning_follows_from_the_figures_it_cites(inputs):
    kb = inputs.kb
    everyone = all_occupations_outlook(kb)
    assert everyone is not None and everyone.change_percent is not None
    rng = random.Random(18)
    warned = 0
    for _ in range(120):
        source, target = rng.choice(kb.codes), rng.choice(kb.codes)
        if "expect competition" in words(build_guide(GuideRequest(source, target), inputs)):
            outlook = kb.outlook(target)
            assert outlook is not None and outlook.change_percent is not None
            assert outlook.change_percent <= everyone.change_percent, target
            warned += 1
    assert warned  # the check above ran


ONE_PLURAL = re.compile(r"(?<![\d,.–-])1 (hours|months|weeks|years|items)\b")


def test_one_hour_a_week_and_one_month_are_singular(inputs):
    kb = inputs.kb
    rng = random.Random(1)
    for _ in range(60):
        source, target = rng.choice(kb.codes), rng.choice(kb.codes)
        text = words(build_guide(GuideRequest(source, target, person=Person(hours_per_week=1)), inputs))
        assert not ONE_PLURAL.search(text), ONE_PLURAL.search(text)
