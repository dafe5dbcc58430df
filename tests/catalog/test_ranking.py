"""resources_for puts the resource most about the item first (issue: English Language for a
technical writer used to open with a medical-terminology tutorial)."""

import pytest

from careerpath.catalog import KINDS

FIELD = {"skill": "skills", "knowledge": "knowledge"}


def first(catalog, kind, key, budget=None):
    found = catalog.resources_for(kind, key, budget=budget)
    assert found, (kind, key)
    return found[0]


@pytest.mark.parametrize(
    "kind,key,expected",
    [
        ("skill", "2.A.1.c", {"google-technical-writing-one"}),  # Writing
        ("skill", "2.B.3.e", {"cs50p", "cs50x", "mit-ocw-intro-cs-python"}),  # Programming
        ("knowledge", "2.C.7.a", {"purdue-owl"}),  # English Language
        ("skill", "2.A.1.a", {"khan-academy-reading-language-arts"}),  # Reading Comprehension
        ("skill", "2.A.1.d", {"speaking-io"}),  # Speaking
        ("skill", "2.B.1.d", {"harvard-pon", "beyond-intractability"}),  # Negotiation
        ("skill", "2.B.5.a", {"todoist-productivity-methods"}),  # Time Management
        ("skill", "2.B.1.e", {"carpentries-instructor-training", "teaching-tech-together"}),
        ("knowledge", "2.C.4.a", {"khan-academy-math"}),  # Mathematics
        ("knowledge", "2.C.4.e", {"yale-intro-psychology", "openstax-psychology"}),
        ("knowledge", "2.C.3.a", {"cs50x", "nand2tetris", "professor-messer"}),  # Computers and Electronics
        ("knowledge", "2.C.1.c", {"openstax-financial-accounting", "openstax-principles-of-economics"}),
        ("knowledge", "2.C.5.a", {"openstax-anatomy-physiology"}),  # Medicine and Dentistry
    ],
)
def test_sensible_first_choices(catalog, kind, key, expected):
    assert first(catalog, kind, key).id in expected


def test_english_language_does_not_open_with_a_medical_resource(catalog):
    for budget in (None, "free"):
        top = catalog.resources_for("knowledge", "2.C.7.a", budget=budget)[:3]
        for r in top:
            assert "healthcare" not in r.teaches.specializations, r.id
            assert "medic" not in r.name.lower(), r.id


def test_first_choice_for_every_element_is_focused_on_it(catalog):
    """For all 68 skill and knowledge elements the first resource either names the element as
    its main subject or teaches nothing else in that field."""
    for element in catalog.elements.values():
        field = FIELD[element.kind]
        for budget in (None, "free"):
            r = first(catalog, element.kind, element.id, budget)
            assert element.id in r.teaches.primary or len(getattr(r.teaches, field)) == 1, (
                element.id,
                element.name,
                budget,
                r.id,
            )


def test_free_before_paid_within_equal_focus(catalog):
    # Service Orientation: both HubSpot Academy (free) and Disney Institute (paid) are primary.
    found = [r.id for r in catalog.resources_for("skill", "2.B.1.f")]
    assert found.index("hubspot-academy") < found.index("disney-institute")


def test_primary_keys_are_taught_by_the_resource(catalog):
    for r in catalog.resources:
        taught = {k for field in KINDS.values() for k in getattr(r.teaches, field)}
        assert set(r.teaches.primary) <= taught, (r.id, set(r.teaches.primary) - taught)


def test_every_element_has_a_primary_or_single_focus_resource(catalog):
    for element in catalog.elements.values():
        field = FIELD[element.kind]
        found = catalog.resources_for(element.kind, element.id)
        assert any(element.id in r.teaches.primary or len(getattr(r.teaches, field)) == 1 for r in found), element.name
