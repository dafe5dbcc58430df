"""Coverage: everything a guide can ask about has a free resource, and a paid option where one
exists. 'Paid option' accepts freemium: its paid tier is the paid way to learn it."""

import pytest

PAID = {"paid", "freemium"}

# Vendor-locked systems whose training is sold only to licensed customers; no free public
# learning resource could be confirmed, so rather than list a guess the catalog leaves them out.
# Shrink this list when a real resource turns up; never grow it silently.
NO_FREE_PUBLIC_RESOURCE = {
    "Yardi software",
    "Kronos Workforce Timekeeper",
    "Workday software",
    "eClinicalWorks EHR software",
    "Henry Schein Dentrix",
    "Bentley MicroStation",
}


def _costs(catalog, kind, key):
    return {r.cost for r in catalog.resources_for(kind, key)}


@pytest.mark.parametrize("kind,fixture", [("skill", "skill_ids"), ("knowledge", "knowledge_ids")])
def test_every_element_has_free_and_paid(catalog, kind, fixture, request):
    ids = request.getfixturevalue(fixture)
    assert len(ids) in (35, 33)
    no_free = sorted(i for i in ids if "free" not in _costs(catalog, kind, i))
    no_paid = sorted(i for i in ids if not _costs(catalog, kind, i) & PAID)
    assert no_free == [], f"{kind}s without a free resource"
    assert no_paid == [], f"{kind}s without a paid option"


def test_hot_technologies_have_a_free_resource(catalog, hot_technologies):
    assert len(hot_technologies) == 150
    missing = [
        t
        for t in hot_technologies
        if "free" not in _costs(catalog, "technology", t) and t not in NO_FREE_PUBLIC_RESOURCE
    ]
    assert missing == []


def test_exemptions_are_hot_and_still_missing(catalog, hot_technologies):
    for tech in NO_FREE_PUBLIC_RESOURCE:
        assert tech in hot_technologies, f"{tech} no longer needs an exemption"
        assert "free" not in _costs(catalog, "technology", tech), f"{tech} now has one: unexempt it"


def test_every_specialization_has_free_and_paid(catalog):
    for spec in catalog.specializations():
        costs = _costs(catalog, "specialization", spec)
        assert "free" in costs, spec
        assert costs & PAID, spec


def test_every_topic_has_a_free_resource(catalog):
    for topic in catalog.topics():
        assert "free" in _costs(catalog, "topic", topic.id), topic.id


def test_size(catalog):
    assert len(catalog.resources) >= 300
