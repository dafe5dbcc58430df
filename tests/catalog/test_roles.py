"""The modern roles' learning needs are covered by the catalog (roles: catalog/roles.yaml)."""

from careerpath.resolve import specializations


def test_every_important_role_topic_has_a_free_resource(catalog):
    missing = []
    for role in specializations.roles():
        for topic in role.implies.topics:
            if topic.priority in ("Critical", "Important"):
                found = catalog.resources_for("topic", topic.id)
                if not any(r.is_free for r in found):
                    missing.append((role.id, topic.id))
    assert missing == []


def test_every_role_topic_has_a_resource(catalog):
    for role in specializations.roles():
        for topic in role.implies.topics:
            assert catalog.resources_for("topic", topic.id), (role.id, topic.id)


def test_role_technologies_have_a_resource_where_hot(catalog, hot_technologies):
    # A hot technology a role asks for is learnable from the catalog (the coverage test's rule).
    from tests.catalog.test_coverage import NO_FREE_PUBLIC_RESOURCE

    hot = set(hot_technologies)
    for role in specializations.roles():
        for tech in role.implies.technologies:
            if tech.name in hot and tech.name not in NO_FREE_PUBLIC_RESOURCE:
                assert catalog.resources_for("technology", tech.name), (role.id, tech.name)


def test_the_topics_issue_15_names_are_covered(catalog):
    # Guides for a technical writer and an ML engineer need these; each has a free resource.
    wanted = {
        "docs.docs_as_code": "Markdown Guide",
        "docs.api_reference": "Learn OpenAPI",
        "docs.tooling": "MkDocs",
        "docs.structure": "Diátaxis",
        "agile.scrum": "The Scrum Guide",
        "ai_ml.statistics": "Statistics",
        "ai_ml.linear_algebra": "linear algebra",
        "ai_ml.mlops": "Made With ML",
        "data.dbt": "dbt",
        "data.orchestration": "Airflow",
        "cloud.kubernetes": "Kubernetes",
        "digital_marketing.seo": "Search Central",
        "security.operations": "ATT&CK",
        "product.management": "SVPG",
    }
    for topic, words in wanted.items():
        names = [r.name for r in catalog.resources_for("topic", topic) if r.is_free]
        assert any(words.lower() in n.lower() for n in names), (topic, names)
