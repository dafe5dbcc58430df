"""Properties of the normaliser: total on any text, idempotent, and the rules it promises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.resolve.normalize import normalize, normalize_light, segments, split_hints, stem

titles = st.text(max_size=120) | st.from_regex(r"[A-Za-z .,&/()\-]{0,60}", fullmatch=True)


@settings(max_examples=400)
@given(titles)
def test_never_crashes_and_returns_tokens(text):
    for fn in (normalize, normalize_light):
        n = fn(text)
        assert isinstance(n.tokens, tuple)
        assert all(t and " " not in t for t in n.tokens)
        assert n.head in n.tokens or not n.tokens
    split_hints(text)
    segments(text)


@settings(max_examples=400)
@given(titles)
def test_idempotent(text):
    for fn in (normalize, normalize_light):
        once = fn(text).text
        assert fn(once).text == once


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_stem_is_idempotent(word):
    assert stem(stem(word)) == stem(word)


def test_case_punctuation_and_plurals():
    assert normalize("Registered Nurses").text == normalize("registered nurse").text
    assert normalize("Back-End Developer").text == normalize("backend developer").text


def test_seniority_and_employment_words_dropped():
    assert normalize("Sr. Software Engineer II").text == "software engineer"
    assert normalize("Senior Lead Accountant - Contract").text == "accountant"
    assert normalize("Software Engineering Intern").text == "software engineering"


def test_light_form_keeps_a_head_noun_that_looks_like_a_qualifier():
    assert normalize_light("General Contractor").text == "general contractor"
    assert normalize_light("School Principal").head == "principal"


def test_abbreviations_expand():
    assert normalize("RN").text == "registered nurse"
    assert normalize("DBA").text == normalize("Database Administrator").text
    assert normalize("backend dev").text == "backend developer"
    assert normalize("Surgical Tech").text == "surgical technician"
    assert normalize("Tech Writer").text == normalize("Technical Writer").text


def test_parenthesised_hints_are_set_aside():
    base, hints = split_hints("Sr. Backend Engineer (Python)")
    assert hints == ["Python"]
    assert normalize(base).text == "backend engineer"


def test_head_noun():
    assert normalize("Director of Nursing").head == "director"
    assert normalize("AI Technical Writer").head == "writer"


def test_segments():
    assert segments("RN - ICU") == ["RN", "ICU"]
    assert segments("Chef | Hotel Lumen") == ["Chef ", " Hotel Lumen"]
    assert segments("Back-End Developer") == ["Back-End Developer"]
