"""Issue 18's reproductions, one test each: every one answered a 500, a traceback or the
wrong behaviour before it was fixed."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .conftest import BROWSER, SLUG, make_client

# -- a specialization must exist and apply to its occupation ---------------------------------


@pytest.mark.parametrize("value", ["15-1252.00|zzz", "29-1141.00|ai_ml"])
def test_bad_specialization_is_a_clear_4xx_everywhere(client, value):
    page = client.get("/explore", params={"from": value})
    assert 400 <= page.status_code < 500 and "specialization" in page.text
    api = client.get("/api/v1/guide", params={"from": value, "to": "Nurse"})
    assert 400 <= api.status_code < 500 and "specialization" in api.json()["error"]["message"]
    post = client.post("/api/v1/guide", json={"from": value, "to": "Nurse"})
    assert 400 <= post.status_code < 500 and "specialization" in post.json()["error"]["message"]
    search = client.get("/search", params={"from": value, "to": "Technical Writer"}, follow_redirects=False)
    assert 400 <= search.status_code < 500 and "specialization" in search.text


def test_unknown_specialization_is_404_and_one_that_does_not_apply_is_400(client):
    assert client.get("/api/v1/guide", params={"from": "15-1252.00|zzz", "to": "Nurse"}).status_code == 404
    assert client.get("/api/v1/guide", params={"from": "29-1141.00|ai_ml", "to": "Nurse"}).status_code == 400


def test_a_specialization_that_applies_still_builds_its_pathway(client):
    r = client.get("/search", params={"from": "15-1252.00|ai_ml", "to": "27-3042.00"}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get(r.headers["location"]).status_code == 200


# -- who the client is: the address our proxy saw, never a header the client wrote -----------


def test_forwarded_for_uses_the_address_the_trusted_proxy_added():
    from careerpath.web.context import forwarded_client

    assert forwarded_client("1.2.3.4, 203.0.113.9", "10.0.0.1", 1) == "203.0.113.9"  # client wrote 1.2.3.4
    assert forwarded_client("1.2.3.4, 203.0.113.9, 10.0.0.2", "10.0.0.1", 2) == "203.0.113.9"
    assert forwarded_client("203.0.113.9", "10.0.0.1", 2) == "203.0.113.9"
    assert forwarded_client("", "10.0.0.1", 1) == "10.0.0.1"
    assert forwarded_client("1.2.3.4", "10.0.0.1", 0) == "10.0.0.1"  # no proxy: ignored


def test_rotating_the_forwarded_header_does_not_escape_the_rate_limit(tmp_path):
    with make_client(f"sqlite:///{tmp_path / 'p.sqlite'}", rate_per_minute=1, rate_burst=2, proxy_hops=1) as c:
        statuses = [
            c.get(
                "/api/v1/guide",
                params={"from": "nurse practitioner", "to": "pharmacist", "hours_per_week": 5},
                headers={"x-forwarded-for": f"192.0.2.{i}, 203.0.113.9"},
            ).status_code
            for i in range(4)
        ]
    assert statuses[-1] == 429


def test_one_address_rotating_user_agents_and_forwarded_headers_counts_once(tmp_path):
    with make_client(f"sqlite:///{tmp_path / 'v.sqlite'}", proxy_hops=1) as c:
        for i in range(20):  # app.js counts a pathway page's visit through /visit
            live = c.post(
                f"/pathways/{SLUG}/visit",
                headers={
                    "user-agent": f"Mozilla/5.0 (X11) Firefox/{100 + i}",
                    "x-forwarded-for": f"192.0.2.{i}, 203.0.113.9",
                },
            ).json()
        assert live["views"] == 1
        live = c.post(f"/pathways/{SLUG}/visit", headers={"x-forwarded-for": "203.0.113.10"}).json()
        assert live["views"] == 2


# -- views survive a restart during a database outage ------------------------------------------


def test_views_kept_when_the_app_stops_while_the_database_is_down(tmp_path):
    from careerpath.store import StoreUnavailable

    url, spill = f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path / "spill.jsonl"
    with make_client(url, view_spill=spill) as c:
        views = c.app.state.ctx.views
        views.flush_seconds = 3600
        views.count(SLUG), views.visitor("x", views._seen_day)  # the salt is known before the outage

        def down(_batch):
            raise StoreUnavailable("database unavailable: test outage")

        c.app.state.ctx.store.record_views = down
        for i in range(30):
            TestClient(c.app, headers={"user-agent": BROWSER}, client=(f"10.9.0.{i}", 1)).post(
                f"/pathways/{SLUG}/visit"
            )
    assert spill.exists() and len(spill.read_text().splitlines()) == 30
    with make_client(url, view_spill=spill) as c:
        c.app.state.ctx.views.flush()
        assert c.get(f"/api/v1/views/{SLUG}").json()["views"] == 30
    assert not spill.exists()


# -- HTTPS: Secure cookies and HSTS; plain HTTP gets neither -----------------------------------


def test_secure_cookie_and_hsts_behind_https(tmp_path):
    with make_client(f"sqlite:///{tmp_path / 'h.sqlite'}", proxy_hops=1) as c:
        plain = c.get("/")
        assert "strict-transport-security" not in plain.headers
        assert "secure" not in plain.headers["set-cookie"].lower()
        c.cookies.clear()
        tls = c.get("/", headers={"x-forwarded-proto": "https"})
        assert tls.headers["strict-transport-security"].startswith("max-age=")
        assert "; secure" in tls.headers["set-cookie"].lower()
    with make_client(f"sqlite:///{tmp_path / 'h2.sqlite'}") as c:  # no trusted proxy: the header is ignored
        assert "strict-transport-security" not in c.get("/", headers={"x-forwarded-proto": "https"}).headers
    with make_client(f"sqlite:///{tmp_path / 'h3.sqlite'}", base_url="https://testserver") as c:
        r = c.get("/")
        assert "strict-transport-security" in r.headers and "; secure" in r.headers["set-cookie"].lower()


# -- /api/docs needs no CDN ---------------------------------------------------------------------


def test_api_docs_are_served_from_the_package(client):
    page = client.get("/api/docs")
    assert page.status_code == 200 and "cdn" not in page.text and "https://" not in page.text
    assert "script-src 'self';" in page.headers["content-security-policy"]
    for asset in ("/api/docs/assets/swagger-ui-bundle.js", "/api/docs/assets/swagger-ui.css", "/static/api-docs.js"):
        assert client.get(asset).status_code == 200, asset


# -- limits say what they are, and an over-long résumé is not thrown away ----------------------


def test_413_names_the_real_limit(client):
    from careerpath.web.security import MAX_BODY_BYTES

    r = client.post("/api/v1/guide", content=b"x" * (MAX_BODY_BYTES + 1), headers={"content-type": "application/json"})
    assert r.status_code == 413 and f"{MAX_BODY_BYTES // 1024} KiB" in r.json()["error"]["message"]


@pytest.mark.parametrize("action", ["personalize", "save"])
def test_an_over_long_resume_comes_back_in_the_form_with_the_limit(client, action):
    from careerpath.service import MAX_SKILLS_TEXT

    from .conftest import csrf

    text = "Built REST APIs in Python. Marker-Wombat-42. " * (MAX_SKILLS_TEXT // 40)
    assert len(text) > MAX_SKILLS_TEXT
    r = client.post(
        f"/pathways/{SLUG}/{action}", data={"csrf_token": csrf(client), "skills": text}, follow_redirects=False
    )
    assert r.status_code == 400
    assert f"{MAX_SKILLS_TEXT:,} characters" in r.text
    assert r.text.count("Marker-Wombat-42") == text.count("Marker-Wombat-42")  # every word of it kept


# -- small things a visitor notices ------------------------------------------------------------


def test_favicon_is_served(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.content[:4] == b"\x00\x00\x01\x00"  # an ICO header


@pytest.mark.parametrize(
    ("method", "url", "allow"),
    [
        ("PUT", "/api/v1/saved/" + "a" * 43, {"GET", "HEAD", "DELETE"}),
        ("PUT", "/api/v1/guide", {"GET", "HEAD", "POST"}),
        ("DELETE", "/", {"GET", "HEAD"}),
        ("GET", f"/pathways/{SLUG}/personalize", {"POST"}),
    ],
)
def test_405_lists_every_allowed_method(client, method, url, allow):
    r = client.request(method, url)
    assert r.status_code == 405
    assert {m.strip() for m in r.headers["allow"].split(",")} == allow


ONE_PLURAL = re.compile(r"(?<![\d,.])1 (views|openings|weeks|months|hours|items|skills|tasks|things|roles)\b")


def test_one_view_is_one_view_everywhere_a_count_is_printed(client):
    # The pathway page is the same for everyone; app.js writes "1 view" from /visit's count.
    assert client.post(f"/pathways/{SLUG}/visit").json()["views"] == 1
    assert not ONE_PLURAL.search(client.get(f"/pathways/{SLUG}").text)
    client.app.state.ctx.views.flush()
    import careerpath.web.pages as pages

    pages._popular_cache.clear()
    home = client.get("/").text
    assert "1 view<" in home and not ONE_PLURAL.search(home)
    explore = client.get("/explore", params={"from": "Registered Nurse"}).text
    assert not ONE_PLURAL.search(explore)
