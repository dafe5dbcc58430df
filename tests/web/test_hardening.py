"""Issue 18's reproductions, one test each: every one answered a 500, a traceback or the
wrong behaviour before it was fixed."""

from __future__ import annotations

import pytest

from .conftest import SLUG, make_client


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
