"""Store tests run against SQLite always and PostgreSQL when CAREERPATH_TEST_POSTGRES_URL is set
(.ci/run starts a real server and sets it; set CAREERPATH_REQUIRE_POSTGRES=1 to fail instead of skip)."""

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from careerpath.store import Store

POSTGRES = os.environ.get("CAREERPATH_TEST_POSTGRES_URL", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    if not POSTGRES:
        if os.environ.get("CAREERPATH_REQUIRE_POSTGRES") == "1":
            pytest.fail("CAREERPATH_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL: set CAREERPATH_TEST_POSTGRES_URL")
    # A fresh database per test, so migrations run from nothing each time.
    name = f"cp_{uuid.uuid4().hex[:12]}"
    admin = create_engine(Store(POSTGRES).url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = Store(POSTGRES).url.set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    s.upgrade()
    yield s
    s.dispose()
