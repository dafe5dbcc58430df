"""resources_for ordering and budget, topics, templates_for."""

import pytest

from careerpath.catalog import KINDS, Catalog

COST_RANK = {"free": 0, "freemium": 1, "paid": 2}
FORMAT_RANK = {"course": 0, "practice": 1, "docs": 2, "book": 3, "community": 4}


def test_default_is_cached():
    assert Catalog.default() is Catalog.default()


@pytest.mark.parametrize("kind", list(KINDS))
def test_ordering_is_focus_first_then_free_then_format_then_hours(catalog, kind):
    field = KINDS[kind]
    for key in catalog.keys(kind):
        found = catalog.resources_for(kind, key)
        ranks = [(r.teaches.focus(field, key), COST_RANK[r.cost], FORMAT_RANK[r.format], r.hours) for r in found]
        assert ranks == sorted(ranks), (kind, key)


def test_focus_prefers_primary_then_fewer_items_in_the_field(catalog):
    course = catalog.resource("google-technical-writing-one")
    assert course.teaches.focus("skills", "2.A.1.c") == (0, 0)  # primary
    assert course.teaches.focus("knowledge", "2.C.7.a") == (1, 1)  # only item, not primary
    broad = catalog.resource("great-courses")
    assert broad.teaches.focus("knowledge", "2.C.7.d")[1] >= 5


def test_writing_starts_with_a_free_course(catalog):
    found = catalog.resources_for("skill", "2.A.1.c")
    assert found[0].cost == "free" and found[0].format == "course"
    assert "google-technical-writing-one" in [r.id for r in found]


def test_budget_free_returns_only_free(catalog):
    everything = catalog.resources_for("skill", "2.A.1.c")
    free = catalog.resources_for("skill", "2.A.1.c", budget="free")
    assert free and all(r.cost == "free" for r in free)
    assert free == [r for r in everything if r.cost == "free"]


def test_resources_for_returns_a_copy(catalog):
    catalog.resources_for("technology", "Python").clear()
    assert catalog.resources_for("technology", "Python")


def test_unknown_key_is_empty_and_bad_arguments_raise(catalog):
    assert catalog.resources_for("technology", "No Such Tool") == []
    with pytest.raises(ValueError):
        catalog.resources_for("skills", "2.A.1.c")
    with pytest.raises(ValueError):
        catalog.resources_for("skill", "2.A.1.c", budget="cheap")


def test_topics(catalog):
    assert len(catalog.topics()) == 82  # 23 for the modifiers, 57 for what modern roles add
    assert catalog.topic("healthcare.privacy").name == "HIPAA and health-data privacy"
    assert catalog.topic("ai_ml.concepts").specialization == "ai_ml"
    with pytest.raises(KeyError):
        catalog.topic("nope")


@pytest.mark.parametrize(
    "code,title,kind",
    [
        ("27-3042.00", "Technical Writers", "writing"),  # 7-char prefix beats major group 27
        ("27-2012.00", "Producers and Directors", "arts_media"),
        ("15-1252.00", "Software Developers", "software"),
        ("15-2051.00", "Data Scientists", "data"),
        ("29-1141.00", "Registered Nurses", "care"),
        ("47-2111.00", "Electricians", "trades"),
        ("41-3091.00", "Sales Representatives of Services", "sales"),
        ("25-2021.00", "Elementary School Teachers", "education"),
        ("23-2011.00", "Paralegals and Legal Assistants", "legal"),
        ("13-2011.00", "Accountants and Auditors", "finance"),
        ("35-2014.00", "Cooks, Restaurant", "hospitality"),
        ("53-3032.00", "Heavy and Tractor-Trailer Truck Drivers", "transport"),
        ("33-3051.00", "Police and Sheriff's Patrol Officers", "protective"),
        ("19-2031.00", "Chemists", "science"),
        ("11-1021.00", "General and Operations Managers", "management"),
        ("00-0000.00", "Freelance Copywriter", "writing"),  # keyword alone
        ("99-9999.99", "Astronaut", "general"),
    ],
)
def test_templates_for(catalog, code, title, kind):
    assert catalog.templates_for(code, title).kind == kind


def test_every_template_is_complete(catalog):
    kinds = {t.kind for t in catalog.templates()}
    assert {
        "writing",
        "software",
        "data",
        "design",
        "care",
        "trades",
        "sales",
        "management",
        "education",
        "science",
        "legal",
        "finance",
        "hospitality",
        "transport",
        "arts_media",
        "protective",
        "office",
        "business_operations",
        "community_service",
        "production",
        "farming",
        "grounds_and_building",
        "personal_service",
        "general",
    } <= kinds
    for t in catalog.templates():
        assert 3 <= len(t.portfolio) <= 5, t.kind
        # Whole sentences: O*NET task text spliced into a template read badly (issue #15).
        assert all("{" not in p and len(p.split()) >= 6 for p in t.portfolio), t.kind
        assert 2 <= len(t.experience) <= 4 and 2 <= len(t.network) <= 4, t.kind
        assert 2 <= len(t.job_search) <= 4, t.kind
