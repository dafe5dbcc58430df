"""The store on SQLite and PostgreSQL: migrations, counting, saved guides, survival of restarts."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import inspect, text

from careerpath.store import Store, StoreUnavailable

DAY = date(2025, 6, 1)


def test_migrations_create_the_tables_and_are_idempotent(db_url):
    s = Store(db_url)
    s.upgrade()
    s._ready = False
    s.upgrade()
    tables = set(inspect(s.engine).get_table_names())
    assert {"pathway_view", "pathway_count", "saved_guide", "plan_item", "setting", "alembic_version"} <= tables
    s.dispose()


def test_a_visitor_counts_once_per_pathway_per_day(store):
    assert store.record_view("a-to-b", "v1", DAY) is True
    assert store.record_view("a-to-b", "v1", DAY) is False
    assert store.record_view("a-to-b", "v1", DAY + timedelta(days=1)) is True
    assert store.record_view("a-to-c", "v1", DAY) is True
    assert store.record_view("a-to-b", "v2", DAY) is True
    assert store.views("a-to-b") == 3 and store.views("a-to-c") == 1 and store.views("none") == 0
    assert store.popular(5) == [("a-to-b", 3), ("a-to-c", 1)]


def test_concurrent_visits_are_all_counted_once(store):
    store.record_view("warm-to-up", "first", DAY)
    visitors = [f"v{i % 40}" for i in range(200)]  # 40 people, 5 requests each
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda v: store.record_view("warm-to-up", v, DAY), visitors))
    assert store.views("warm-to-up") == 41


def test_salt_is_generated_once_and_kept(store, db_url, monkeypatch):
    monkeypatch.delenv("CAREERPATH_VIEW_SALT", raising=False)
    salt = store.view_salt()
    assert len(salt) == 64
    assert Store(db_url).view_salt() == salt
    monkeypatch.setenv("CAREERPATH_VIEW_SALT", "from-env")
    assert store.view_salt() == "from-env"


def test_saved_guides_round_trip_and_tokens_are_unguessable(store):
    guide = {"title": "From A to B", "nested": {"list": [1, 2, "ü"]}}
    token = store.save_guide("a-to-b", {"hours_per_week": "20"}, guide)
    assert len(token) == 43 and token != store.save_guide("a-to-b", {}, guide)
    row = store.saved_guide(token)
    assert row.guide == guide and row.params == {"hours_per_week": "20"} and row.slug == "a-to-b"
    assert store.saved_guide("x" * 43) is None


def test_plan_items_replace_per_kind_keep_first_tick_time_and_go_with_the_guide(store):
    token = store.save_guide("a-to-b", {"skills": "secret"}, {"title": "t"})
    other = store.save_guide("a-to-b", {}, {"title": "u"})
    assert store.plan_items(token) == {}
    assert store.set_plan_items(token, "task", {"t1", "t2"}) is True
    first = store.plan_items(token)[("task", "t1")]
    assert first.tzinfo is not None
    assert store.set_plan_items(token, "task", {"t1", "t3"}) and store.set_plan_items(token, "learned", {"skill:x"})
    items = store.plan_items(token)
    assert set(items) == {("task", "t1"), ("task", "t3"), ("learned", "skill:x")} and items[("task", "t1")] == first
    assert store.set_plan_items("x" * 43, "task", {"t1"}) is False
    store.set_plan_items(other, "task", {"t1"})
    assert store.delete_saved(token) is True and store.delete_saved(token) is False
    assert store.saved_guide(token) is None and store.plan_items(token) == {}
    assert set(store.plan_items(other)) == {("task", "t1")}


def test_a_database_from_the_first_release_upgrades_and_keeps_its_guides(db_url):
    s = Store(db_url)
    s.upgrade("0001")
    assert "plan_item" not in inspect(s.engine).get_table_names()
    token = "t" * 43  # a row as release 0001 wrote it (its table had no owner_hash yet)
    with s.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO saved_guide (token, slug, created_at, params, guide) "
                "VALUES (:t, 'a-to-b', :at, '{}', '{\"title\": \"old\"}')"
            ),
            {"t": token, "at": datetime(2026, 11, 1, tzinfo=UTC)},
        )
    s._ready = False
    s.upgrade()
    assert "plan_item" in inspect(s.engine).get_table_names()
    old = s.saved_guide(token)
    assert old.guide == {"title": "old"} and old.owner_hash is None and s.set_plan_items(token, "task", {"t"})
    s.dispose()


def test_a_restart_keeps_counts_and_saved_guides(db_url):
    first = Store(db_url)
    first.upgrade()
    first.record_view("a-to-b", "v1", DAY)
    token = first.save_guide("a-to-b", {}, {"title": "kept"})
    first.dispose()
    second = Store(db_url)
    assert second.views("a-to-b") == 1 and second.saved_guide(token).guide == {"title": "kept"}
    second.dispose()


@pytest.mark.parametrize("url", ["postgresql://nobody:x@127.0.0.1:9/none", "sqlite:////proc/no-such-dir/x.sqlite"])
def test_an_unreachable_database_raises_store_unavailable_quickly(url):
    s = Store(url)
    with pytest.raises(StoreUnavailable):
        s.views("a-to-b")
    with pytest.raises(StoreUnavailable, match="retrying"):  # fails fast while down
        s.record_view("a-to-b", "v", DAY)
    assert s.available is False


def test_a_batch_of_visits_counts_each_visitor_once_per_pathway_per_day(store):
    store.record_view("a-to-b", "v1", DAY)
    added = store.record_views(
        [
            ("a-to-b", "v1", DAY),
            ("a-to-b", "v2", DAY),
            ("a-to-b", "v2", DAY),
            ("a-to-b", "v1", DAY + timedelta(days=1)),
            ("a-to-c", "v1", DAY),
        ]
    )
    assert added == {"a-to-b": 2, "a-to-c": 1}
    assert store.views("a-to-b") == 3 and store.views("a-to-c") == 1
    assert store.record_views([]) == {} and store.record_views([("a-to-c", "v1", DAY)]) == {}
    big = [("big-to-one", f"v{i}", DAY) for i in range(1000)]  # more rows than one INSERT holds
    assert store.record_views(big + big[:10]) == {"big-to-one": 1000} and store.views("big-to-one") == 1000


def test_concurrent_batches_from_several_processes_stay_exact(store, db_url):
    others = [Store(db_url) for _ in range(3)]  # separate pools, like workers
    for o in others:
        o.upgrade()  # Alembic's context is process-global: not from threads at once
    batches = [[("new-to-path", f"v{(i * 7 + j) % 120}", DAY) for j in range(60)] for i in range(12)]
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda ib: (others + [store])[ib[0] % 4].record_views(ib[1]), enumerate(batches)))
    assert store.views("new-to-path") == len({v for b in batches for _, v, _ in b})
    for o in others:
        o.dispose()


def test_pruning_views_keeps_totals_and_todays_dedupe(store):
    from careerpath.web.views import ViewCounter, today

    day = today()
    old = [("a-to-b", f"v{i}", day - timedelta(days=5)) for i in range(30)]
    store.record_views(old + [("a-to-b", "v0", day - timedelta(days=1)), ("a-to-b", "v0", day)])
    assert store.views("a-to-b") == 32
    assert store.prune_views(day - timedelta(days=1)) == 30
    assert store.views("a-to-b") == 32  # the total is untouched
    assert store.record_views([("a-to-b", "v0", day)]) == {}  # today's visitor still deduped
    assert ViewCounter(store).prune() == 0  # yesterday and today stay
