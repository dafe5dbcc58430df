import pytest
from fastapi.testclient import TestClient

from careerpath.web.app import create_app
from careerpath.web.context import Settings

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
SLUG = "software-developers-to-technical-writers"


def make_client(url: str, base_url: str = "http://testserver", **settings) -> TestClient:
    app = create_app(
        Settings(
            database_url=url,
            rate_per_minute=settings.pop("rate_per_minute", 6000),
            rate_burst=settings.pop("rate_burst", 1000),
            **settings,
        )
    )
    return TestClient(app, headers={"user-agent": BROWSER}, base_url=base_url)


@pytest.fixture
def client(tmp_path):
    with make_client(f"sqlite:///{tmp_path / 'web.sqlite'}") as c:
        yield c


def visitor(client: TestClient, address: str) -> TestClient:
    """Another person: the same app seen from another address (views count addresses, not user agents)."""
    return TestClient(client.app, headers={"user-agent": BROWSER}, client=(address, 50000))


def csrf(client: TestClient, slug: str = SLUG) -> str:
    """This client's form token: cacheable pages carry none; app.js fetches it from /visit."""
    return client.post(f"/pathways/{slug}/visit").json()["csrf"]


def visit(client: TestClient, slug: str = SLUG, agent: str = BROWSER) -> int | None:
    """What app.js does on a pathway page: count this visit, read the count."""
    return client.post(f"/pathways/{slug}/visit", headers={"user-agent": agent}).json()["views"]
