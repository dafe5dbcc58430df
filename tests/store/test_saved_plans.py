"""Saved plans on both databases: ticking tasks and skills moves progress, export holds everything
stored, delete removes everything (the skills text included), and unsaved text is never stored."""

import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import MetaData, select

from careerpath.engine import Guide
from careerpath.engine.progress import progress, task_ids
from careerpath.web.app import create_app
from careerpath.web.context import Settings

UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0"
SLUG = "software-developers-to-technical-writers"
MARKER = "Zorblax-Quetzal-7731"  # a "skill" nobody else would type: easy to find anywhere
SKILLS = f"Python, SQL, {MARKER}"


@pytest.fixture
def client(db_url):
    app = create_app(Settings(database_url=db_url, rate_per_minute=6000, rate_burst=1000), warm_up=False)
    with TestClient(app, headers={"user-agent": UA}) as c:
        yield c


def csrf(c) -> str:
    return c.post(f"/pathways/{SLUG}/visit").json()["csrf"]  # cacheable pages carry no token


def save(c, token, skills=SKILLS) -> str:
    r = c.post(
        f"/pathways/{SLUG}/save",
        data={"csrf_token": token, "skills": skills, "hours_per_week": "10"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    return r.headers["location"]


def dump(store) -> str:
    """Every row of every table, as text."""
    meta = MetaData()
    meta.reflect(store.engine)
    with store.engine.connect() as conn:
        return "\n".join(repr(row) for table in meta.sorted_tables for row in conn.execute(select(table)))


def percent(html: str) -> int:
    return int(re.search(r'data-percent="(\d+)"', html).group(1))


def test_ticking_tasks_and_skills_moves_progress_and_survives_a_reload(client):
    token = csrf(client)
    link = save(client, token)
    html = client.get(link).text
    assert percent(html) == 0 and "Your progress" in html and "Next up" in html
    guide = Guide.model_validate(client.get(link + ".json").json())
    ids = [tid for tid, _, _ in task_ids(guide)]
    assert re.findall(r'name="task" value="([^"]+)"', html) == ids  # the engine's ids, in roadmap order
    skill = guide.skills_to_learn[0]
    first_phase = [tid for tid, phase, _ in task_ids(guide) if phase.phase == 1]

    r = client.post(
        link + "/progress", data={"csrf_token": token, "task": first_phase, "anchor": "roadmap"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == link + "#roadmap"
    html = client.get(link).text
    expected = progress(guide, set(first_phase))
    assert percent(html) == expected.percent > 0
    assert f"{expected.remaining_weeks} weeks" in html and str(escape(expected.next_tasks[0])) in html
    assert all(f'id="task-{tid}" checked' in html for tid in first_phase)

    # "I know this now": the learned skill also checks off the tasks that name it.
    client.post(
        link + "/progress", data={"csrf_token": token, "task": first_phase, "learned": f"{skill.kind}:{skill.key}"}
    )
    both = progress(guide, set(first_phase), {(skill.kind, skill.key)})
    assert percent(client.get(link).text) == both.percent >= expected.percent
    api = client.get("/api/v1" + link).json()
    assert api["progress"]["percent"] == both.percent and api["learned"] == [f"{skill.kind}:{skill.key}"]
    assert sorted(api["done_tasks"]) == sorted(first_phase)

    # Unticking is submitting without the box; unknown ids are ignored.
    client.post(link + "/progress", data={"csrf_token": token, "task": ["p9-nonsense"]})
    assert percent(client.get(link).text) == 0


def test_progress_form_needs_csrf_and_a_real_plan(client):
    token = csrf(client)
    link = save(client, token)
    assert client.post(link + "/progress", data={"task": "x"}).status_code == 403
    assert client.post("/saved/" + "A" * 43 + "/progress", data={"csrf_token": token}).status_code == 404
    assert client.post(link + "/delete", data={"csrf_token": "x" * 30}).status_code == 403
    assert client.get(link).status_code == 200


def test_api_patch_export_delete(client):
    link = save(client, csrf(client))
    base = "/api/v1" + link
    plan = client.get(base).json()
    ids = [tid for tid, _, _ in task_ids(Guide.model_validate(plan["guide"]))]
    assert plan["inputs"]["skills"] == SKILLS and plan["progress"]["percent"] == 0
    assert client.patch(base + "/progress", json={"done_tasks": ids[:2]}).status_code == 403  # a reader
    owner = {"X-Owner-Key": client.cookies.get("cp_owner")}  # the secret saving handed out
    r = client.patch(base + "/progress", json={"done_tasks": ids[:2] + ["nope"]}, headers=owner)
    assert r.status_code == 200 and r.json()["done_tasks"] == sorted(ids[:2])
    r = client.patch(base + "/progress", json={"learned": []}, headers=owner)  # other set untouched
    assert r.json()["done_tasks"] == sorted(ids[:2])
    export = client.get(base + "/export").json()
    assert export == client.get(link + "/export").json()
    assert export["inputs"]["skills"] == SKILLS and export["guide"]["title"] == plan["guide"]["title"]
    assert {i["key"] for i in export["checked"]} == set(ids[:2]) and all(i["checked_at"] for i in export["checked"])
    assert export["created_at"] <= export["updated_at"] and export["progress"]["done_tasks"] == 2
    assert 'attachment; filename="careerpath-saved-plan-' in client.get(link + "/export").headers["content-disposition"]
    assert (
        client.delete(base).status_code == 403
        and client.delete(base, headers={"X-Owner-Key": "x" * 43}).status_code == 403
    )
    assert client.delete(base, headers=owner).status_code == 204
    assert client.delete(base, headers=owner).status_code == 404
    assert client.get(base).status_code == 404 and client.get(link).status_code == 404
    assert client.patch(base + "/progress", json={"done_tasks": []}, headers=owner).status_code == 404


def test_the_read_link_reads_and_only_the_owner_changes_or_deletes(client):
    token = csrf(client)
    link = save(client, token)
    secret = client.cookies.get("cp_owner")
    owner_page = client.get(link).text
    assert f"{link}/own/{secret}" in owner_page and 'id="progress-form"' in owner_page
    reader = TestClient(client.app, headers={"user-agent": UA})  # someone the link was shared with
    rtoken = csrf(reader)
    page = reader.get(link)
    assert page.status_code == 200 and "Your learning roadmap" in page.text
    assert 'id="progress-form"' not in page.text and 'name="task"' not in page.text and secret not in page.text
    assert reader.post(link + "/progress", data={"csrf_token": rtoken, "task": "x"}).status_code == 403
    assert reader.get(link + "/delete").status_code == 403
    assert reader.post(link + "/delete", data={"csrf_token": rtoken}).status_code == 403
    assert reader.get(f"{link}/own/{'x' * 43}", follow_redirects=False).status_code == 404
    assert client.get(link).status_code == 200  # still there
    # The owner link hands another browser the right to change it.
    r = reader.get(f"{link}/own/{secret}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == link
    assert 'id="progress-form"' in reader.get(link).text
    assert reader.post(link + "/delete", data={"csrf_token": rtoken}).status_code == 200
    assert client.get(link).status_code == 404


def test_plans_saved_before_owners_existed_keep_their_link_rights(client):
    store = client.app.state.ctx.store
    link = save(client, csrf(client))
    guide = client.get(link + ".json").json()
    legacy = store.save_guide(SLUG, {"hours_per_week": "10"}, guide)  # no owner hash, as before 0003
    reader = TestClient(client.app, headers={"user-agent": UA})
    assert 'id="progress-form"' in reader.get(f"/saved/{legacy}").text
    assert reader.delete(f"/api/v1/saved/{legacy}").status_code == 204


def test_delete_asks_first_then_removes_everything(client):
    store = client.app.state.ctx.store
    token = csrf(client)
    link = save(client, token)
    keep = save(client, token, skills="Python")
    client.post(
        link + "/progress",
        data={"csrf_token": token, "task": re.findall(r'name="task" value="([^"]+)"', client.get(link).text)[:3]},
    )
    confirm = client.get(link + "/delete")
    assert confirm.status_code == 200 and "Delete your saved plan?" in confirm.text and "3 ticked items" in confirm.text
    assert client.get(link).status_code == 200  # asking is not deleting
    assert MARKER in dump(store)
    done = client.post(link + "/delete", data={"csrf_token": token})
    assert done.status_code == 200 and "is deleted" in done.text
    for url in (link, link + ".json", link + ".pdf", link + "/export", link + "/delete"):
        assert client.get(url).status_code == 404, url
    rows = dump(store)
    assert MARKER not in rows and link.split("/")[-1] not in rows
    assert keep.split("/")[-1] in rows  # only that plan went
    if store.is_sqlite:  # nor in the file's free pages or the WAL
        path = Path(store.url.database)
        for f in (path, Path(f"{path}-wal")):
            assert not f.exists() or MARKER.encode() not in f.read_bytes(), f


def test_unsaved_skills_text_is_never_stored_or_logged(client, caplog):
    store = client.app.state.ctx.store
    caplog.set_level(logging.DEBUG)
    token = csrf(client)
    r = client.post(
        f"/pathways/{SLUG}/personalize", data={"csrf_token": token, "skills": SKILLS, "hours_per_week": "12"}
    )
    assert r.status_code == 200 and "Tailored to you" in r.text
    TestClient(client.app, headers={"user-agent": UA}, client=("198.51.100.3", 5000)).get(
        f"/pathways/{SLUG}"
    )  # a view row
    r = client.get("/api/v1/guide", params={"from": "Software Developer", "to": "Technical Writer", "skills": SKILLS})
    assert r.status_code == 200
    client.post(f"/pathways/{SLUG}/personalize", data={"csrf_token": token, "skills": MARKER * 200})  # too long: 422
    client.app.state.ctx.views.flush()  # views are written in batches
    rows = dump(store)
    assert SLUG in rows  # views were recorded ...
    assert MARKER not in rows  # ... but nothing of the text
    # The server's own records (the test client's request log lines, "httpx...", are the client's).
    assert not [r for r in caplog.records if not r.name.startswith("httpx") and MARKER in r.getMessage()]
    if store.is_sqlite:
        path = Path(store.url.database)
        for f in (path, Path(f"{path}-wal")):
            assert not f.exists() or MARKER.encode() not in f.read_bytes(), f


def test_private_pages_are_never_cached_and_post_keeps_skills_out_of_urls(client):
    r = client.post("/api/v1/guide", json={"from": "Software Developer", "to": "Technical Writer", "skills": SKILLS})
    recognised = r.json()["guide"]["personalization"]["skills_recognised"]
    assert r.status_code == 200 and any(s.startswith("Python") for s in recognised)
    assert any(MARKER in s for s in r.json()["guide"]["personalization"]["skills_not_recognised"])
    assert MARKER not in dump(client.app.state.ctx.store)
    token = csrf(client)
    r = client.post(f"/pathways/{SLUG}/personalize", data={"csrf_token": token, "skills": SKILLS})
    assert r.headers["cache-control"] == "no-store"
    assert "no-store" not in client.get(f"/pathways/{SLUG}").headers.get("cache-control", "")
    link = save(client, token)
    for url in (link, link + "/export", link + ".json", "/api/v1" + link, "/api/v1" + link + "/export"):
        assert client.get(url).headers["cache-control"] == "no-store", url
