"""Through the web app, on both databases: a restart keeps view counts and saved guides."""

from fastapi.testclient import TestClient

from careerpath.web.app import create_app
from careerpath.web.context import Settings

UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0"
SLUG = "registered-nurses-to-medical-and-health-services-managers"


def app_client(url):
    return TestClient(
        create_app(Settings(database_url=url, rate_per_minute=6000, rate_burst=1000), warm_up=False),
        headers={"user-agent": UA},
    )


def test_restart_keeps_counts_and_saved_guides(db_url):
    with app_client(db_url) as c:
        # The page is the same for everyone; app.js posts to /visit, which counts and hands out the token.
        live = c.post(f"/pathways/{SLUG}/visit").json()
        assert live["views"] == 1
        TestClient(c.app, headers={"user-agent": UA}, client=("198.51.100.2", 5000)).post(f"/pathways/{SLUG}/visit")
        token = live["csrf"]
        saved = c.post(
            f"/pathways/{SLUG}/save", data={"csrf_token": token, "hours_per_week": "15"}, follow_redirects=False
        ).headers["location"]
    with app_client(db_url) as c:
        assert c.get(f"/api/v1/views/{SLUG}").json()["views"] == 2
        assert "Saved." in c.get(saved).text
        # A same-day revisit after the restart is not counted again. (The new process does not
        # remember the visitor, so until the batch writer has met the unique constraint, at
        # most FLUSH_SECONDS, the page may show it; the stored count never does.)
        c.post(f"/pathways/{SLUG}/visit", headers={"user-agent": UA})
        c.app.state.ctx.views.flush()
        assert c.get(f"/api/v1/views/{SLUG}").json()["views"] == 2
        assert c.post(f"/pathways/{SLUG}/visit", headers={"user-agent": UA}).json()["views"] == 2
