"""render/text.py, the default output of `careerpath guide`: every part of the guide reaches the
terminal, the figures are the guide's own, and text from people or data is never read as markup."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from careerpath.render.text import render_text
from careerpath.service import plan_guide

SECTIONS = [
    "Overview",
    "Your transferable skills",
    "Skills you'll need to learn",
    "Your learning roadmap",
    "Reality check",
    "Start your journey",
    "Frequently asked questions",
    "Tailored to you",
    "Sources",
]


def rendered(guide, width: int = 160) -> str:
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    render_text(guide, console)
    return console.export_text()


@pytest.fixture(scope="module")
def guide():
    return plan_guide(
        "Software Developer",
        "Technical Writer",
        hours_per_week=12,
        location="TX",
        skills="Python, Git, [bold]Zorblax[/bold]",
    )


@pytest.fixture(scope="module")
def text(guide):
    return rendered(guide)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_section_in_order(text):
    positions = [text.find(heading) for heading in SECTIONS]
    assert -1 not in positions and positions == sorted(positions), dict(zip(SECTIONS, positions, strict=True))


def test_the_glance_figures_are_the_guides(guide, text):
    assert guide.difficulty in text and "/100" not in text  # the score itself stays in the JSON
    months = guide.timeline_months
    assert f"{months} month{'s' if months != 1 else ''}" in text
    if guide.salary_change_pct is not None:
        assert f"{guide.salary_change_pct:+d}%" in text
    if guide.salary.target_median is not None:
        assert f"${guide.salary.target_median:,}" in text


def test_every_item_of_the_guide_is_shown(guide, text):
    words = flat(text)
    for item in guide.transferable_skills:
        assert item.name in words
    for item in guide.skills_to_learn:
        assert item.name in words and item.priority in words
    for phase in guide.roadmap:
        assert f"{phase.phase}. {phase.title}" in words
    for item in guide.faq:
        assert flat(item.question) in words
    for source in guide.sources:
        assert source.dataset in words
    assert flat(guide.attribution)[:60] in words


def test_counts_agree_with_their_nouns(text):
    assert not re.search(r"(?<![\d,.])1 (weeks|months|hours|items|skills|tasks)\b", text)


def test_peoples_text_is_printed_not_interpreted_as_markup(guide, text):
    assert "Zorblax" in text
    assert "[bold]Zorblax" in text  # shown as typed: Rich did not swallow the tags
    assert "Hours per week: 12" in text


def test_a_narrow_terminal_still_gets_everything(guide):
    narrow = rendered(guide, width=60)
    assert all(heading in narrow for heading in SECTIONS)
    assert max(len(line) for line in narrow.splitlines()) <= 60
