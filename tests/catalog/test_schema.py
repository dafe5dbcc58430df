"""Every entry is well-formed and points at things that exist."""

import re
from collections import Counter

import yaml

from careerpath.catalog import Catalog

HERE = Catalog.load.__globals__["_HERE"]


def raw_resources() -> list[dict]:
    return yaml.safe_load((HERE / "resources.yaml").read_text(encoding="utf-8"))


def test_required_fields_present_and_nothing_else():
    required = {"id", "name", "provider", "url", "cost", "format", "hours", "level"}
    for entry in raw_resources():
        assert required <= entry.keys(), entry.get("id")
        assert entry.keys() <= required | {"teaches", "fits"}, entry["id"]
        assert all(entry["teaches"].values()) if "teaches" in entry else True, f"{entry['id']}: omit empty lists"


def test_enums_and_url_form(catalog):
    for r in catalog.resources:
        assert r.cost in {"free", "paid", "freemium"}
        assert r.format in {"course", "book", "docs", "community", "practice"}
        assert r.level in {"beginner", "intermediate", "advanced"}
        assert re.match(r"^https://[a-z0-9.-]+\.[a-z]{2,}(/|$)", r.url), r.url
        assert " " not in r.url and "example." not in r.url
        assert 0 < r.hours <= 1000, r.id


def test_no_duplicate_ids_or_urls(catalog):
    ids = Counter(r.id for r in catalog.resources)
    urls = Counter(r.url.rstrip("/").lower() for r in catalog.resources)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [u for u, n in urls.items() if n > 1] == []


def test_every_resource_teaches_something(catalog):
    for r in catalog.resources:
        t = r.teaches
        assert t.skills or t.knowledge or t.technologies or t.specializations or t.topics, r.id


def test_element_ids_exist(catalog, skill_ids, knowledge_ids):
    for r in catalog.resources:
        assert set(r.teaches.skills) <= skill_ids, (r.id, set(r.teaches.skills) - skill_ids)
        assert set(r.teaches.knowledge) <= knowledge_ids, (r.id, set(r.teaches.knowledge) - knowledge_ids)


def test_technology_names_are_exact_onet_examples(catalog, technology_names):
    for r in catalog.resources:
        unknown = set(r.teaches.technologies) - technology_names
        assert not unknown, (r.id, unknown)


def test_specialization_and_topic_ids_exist(catalog):
    topics = {t.id for t in catalog.topics()}
    specializations = set(catalog.specializations())
    for r in catalog.resources:
        assert set(r.teaches.topics) <= topics, r.id
        assert set(r.teaches.specializations) <= specializations, r.id


# Learning areas of the modern roles' topics that no modifier specialization covers.
ROLE_AREAS = {"docs", "product", "agile", "sales", "customer", "management"}


def test_topics_belong_to_their_specialization(catalog):
    from careerpath.resolve import specializations

    for t in catalog.topics():
        assert t.id.split(".")[0] == t.specialization
    modifiers = {s.id for s in specializations.modifiers()}
    assert len(modifiers) == 15
    assert set(catalog.specializations()) == modifiers | ROLE_AREAS


def test_elements_file_matches_onet(catalog, element_names):
    assert {e.id: e.name for e in catalog.elements.values()} == element_names


def test_a_resource_made_for_one_kind_of_work_is_not_offered_for_a_general_skill_elsewhere():
    from careerpath.catalog import Catalog

    catalog = Catalog.default()
    messer = catalog.resource("professor-messer")
    assert messer.fits, "an IT course names the work it suits"
    assert messer.suits("15-1232.00") and not messer.suits("49-3031.00")
    assert all(r.suits("49-3031.00") for r in catalog.resources if not r.fits)
