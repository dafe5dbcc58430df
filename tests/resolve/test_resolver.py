"""Resolver behaviour: input validation, codes, specializations, ambiguity, shape."""

from __future__ import annotations

import pytest

from careerpath.resolve import Candidate, InvalidTitle, Resolution, Resolver, specializations


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.default()


def test_default_is_cached():
    assert Resolver.default() is Resolver.default()


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "\n\t ", "x" * 201, "nurse\x00", "\x00\x01\x02", "\ufffd\ufffd", "!!!", b"nurse", None, 42],
)
def test_invalid_input_raises_a_clear_error(resolver, bad):
    with pytest.raises(InvalidTitle) as info:
        resolver.resolve(bad)
    assert isinstance(info.value, ValueError)
    assert len(str(info.value)) > 10


def test_200_characters_is_still_fine(resolver):
    assert resolver.resolve("Nurse " + "x" * 194).query


@pytest.mark.parametrize(
    ("text", "code"), [("15-1252.00", "15-1252.00"), ("15-1252", "15-1252.00"), (" 29-1141.03 ", "29-1141.03")]
)
def test_code_typed_directly(resolver, text, code):
    res = resolver.resolve(text)
    assert [c.code for c in res.candidates] == [code]
    assert res.candidates[0].score == 1.0
    assert not res.ambiguous


def test_unknown_code(resolver):
    with pytest.raises(InvalidTitle, match="unknown"):
        resolver.resolve("99-9999.00")


def test_shape_and_scores(resolver):
    res = resolver.resolve("Sr. Backend Engineer (Python)", top=3)
    assert isinstance(res, Resolution)
    assert res.query == "Sr. Backend Engineer (Python)"
    assert 1 <= len(res.candidates) <= 3
    assert all(isinstance(c, Candidate) and 0 <= c.score <= 1 for c in res.candidates)
    assert [c.score for c in res.candidates] == sorted((c.score for c in res.candidates), reverse=True)
    assert len({c.code for c in res.candidates}) == len(res.candidates)
    assert res.candidates[0].code in {"15-1252.00", "15-1254.00"}
    assert res.hints == ["Python"]


def test_ai_technical_writer(resolver):
    # A modern role (catalog/roles.yaml): AI concepts plus what documenting AI products takes.
    res = resolver.resolve("AI Technical Writer")
    assert res.candidates[0].code == "27-3042.00"
    assert res.specialization is not None and res.specialization.id == "ai_technical_writer"
    topics = {t.id: t.priority for t in res.specialization.implies.topics}
    assert topics["ai_ml.concepts"] == "Critical"
    assert "ai_ml.apis_and_models" in topics
    assert {"docs.docs_as_code", "docs.api_reference"} <= set(topics)


@pytest.mark.parametrize(
    ("title", "code", "spec_id"),
    [
        ("AI Copywriter", "27-3043.00", "ai_ml"),
        ("Cloud Technical Writer", "27-3042.00", "cloud"),
        ("Healthcare Recruiter", "13-1071.00", "healthcare"),
    ],
)
def test_modifier_plus_base_title_still_works(resolver, title, code, spec_id):
    res = resolver.resolve(title)
    assert res.candidates[0].code == code
    assert res.specialization is not None and res.specialization.id == spec_id


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Data Scientist", "15-2051.00"),
        ("Security Guard", "33-9032.00"),
        ("Game Warden", "33-3031.00"),
        ("Healthcare Recruiter", "13-1071.00"),
        ("Fintech Product Marketing Manager", "11-2021.00"),
    ],
)
def test_modifier_does_not_drag_the_match(resolver, title, code):
    assert resolver.resolve(title).candidates[0].code == code


@pytest.mark.parametrize("title", ["Data Scientist", "Security Guard", "Game Warden", "Registered Nurse"])
def test_no_specialization_when_the_modifier_is_the_occupation(resolver, title):
    assert resolver.resolve(title).specialization is None


def test_specialization_when_modifier_is_stripped(resolver):
    res = resolver.resolve("Healthcare Recruiter")
    assert res.specialization is not None and res.specialization.id == "healthcare"


def test_ambiguous_when_candidates_are_close(resolver):
    assert resolver.resolve("Line Cook").ambiguous
    assert not resolver.resolve("Registered Nurse").ambiguous


def test_typo_tolerance(resolver):
    assert resolver.resolve("Sofware Enginer").candidates[0].code == "15-1252.00"


def test_specializations_file_is_valid():
    assert len(set(s.id for s in specializations.load())) == len(specializations.load())  # unique
    specs = specializations.modifiers()
    ids = [s.id for s in specs]
    assert set(ids) == {
        "ai_ml",
        "cloud",
        "data",
        "security",
        "healthcare",
        "finance",
        "games",
        "mobile",
        "web",
        "devops",
        "embedded",
        "ux",
        "sustainability",
        "edtech",
        "digital_marketing",
    }
    for s in specs:
        assert s.modifiers and all(m == m.lower() for m in s.modifiers)
        assert any(t.priority == "Critical" for t in s.implies.topics)
        assert all(t.id.startswith(s.id + ".") for t in s.implies.topics)


def test_specialization_elements_and_technologies_exist_in_the_kb():
    from careerpath.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    techs = {t.name for code in kb.codes for t in kb.technologies(code)}
    for s in specializations.load():
        for t in s.implies.technologies:
            assert t.name in techs, (s.id, t.name)
        for e in (*s.implies.skills, *s.implies.knowledge):
            assert e.element_id.startswith(("2.A.", "2.B.", "2.C.")), (s.id, e.element_id)


CLEAR_TITLES = {
    "Backend Developer": {"15-1252.00", "15-1254.00"},
    "AI Technical Writer": {"27-3042.00"},
    "Software Engineer": {"15-1252.00"},
    "Registered Nurse": {"29-1141.00"},
    "Cashier": {"41-2011.00"},
    "Electrician": {"47-2111.00"},
    "Data Scientist": {"15-2051.00"},
    "Accountant": {"13-2011.00"},
    "Chef": {"35-1011.00"},
    "Truck Driver": {"53-3032.00"},
    "Graphic Designer": {"27-1024.00"},
    "Paralegal": {"23-2011.00"},
    "Dental Hygienist": {"29-1292.00"},
    "Web Developer": {"15-1254.00"},
    "Product Manager": {"11-2021.00", "15-1299.09", "11-9199.00"},
    "Customer Service Representative": {"43-4051.00"},
    "Plumber": {"47-2152.00"},
    "Barista": {"35-3023.01"},
    "Pharmacist": {"29-1051.00"},
    "Carpenter": {"47-2031.00"},
    "Police Officer": {"33-3051.00"},
}


@pytest.mark.parametrize("title", sorted(CLEAR_TITLES))
def test_common_titles_with_one_clear_reading_are_not_ambiguous(resolver, title):
    res = resolver.resolve(title)
    assert not res.ambiguous, [(c.title, c.score) for c in res.candidates]
    assert res.candidates[0].code in CLEAR_TITLES[title]


@pytest.mark.parametrize(
    "title",
    [
        "Teacher",
        "Manager",
        "Engineer",
        "Analyst",
        "Cook",
        "Line Cook",
        "Mechanic",
        "Clerk",
        "Technician",
        "Designer",
        "Operator",
        "Specialist",
        "Coordinator",
        "Assistant",
    ],
)
def test_generic_titles_stay_ambiguous(resolver, title):
    res = resolver.resolve(title)
    assert res.ambiguous
    assert len(res.candidates) >= 2


def test_a_clear_reading_is_its_own_title_not_an_all_other_group(resolver):
    # "Engineers, All Other" is titled "Engineers", but is no clear reading of "Engineer".
    assert resolver.resolve("Engineer").ambiguous
    # The Cashiers occupation is the reading of "Cashier", with a margin over the others.
    res = resolver.resolve("Cashiers")
    assert res.candidates[0].code == "41-2011.00"
    assert res.candidates[1].score <= res.candidates[0].score - 0.1
