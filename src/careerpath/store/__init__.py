"""User-side data (views, saved guides) behind one small class, on SQLite or PostgreSQL.

    store = Store.from_env()          # DATABASE_URL, else a SQLite file in the user data dir
    store.upgrade()                   # Alembic migrations shipped in this package
    store.record_view(slug, visitor, day)
    store.record_views([(slug, visitor, day), ...])   # a batch, one transaction

Every method raises StoreUnavailable (never a driver error) when the database cannot be
reached, so callers can degrade: the guide still renders, only the counter is missing.
After a failure the store stays "down" for a few seconds instead of making every request
wait on a dead connection.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import create_engine, delete, event, func, select, update
from sqlalchemy.engine import CursorResult, Engine, Result, make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from .models import PathwayCount, PathwayView, PlanItem, SavedGuide, Setting

__all__ = ["Store", "StoreUnavailable", "default_url"]

MIGRATIONS = Path(__file__).parent / "migrations"
RETRY_AFTER_SECONDS = 5.0
CONNECT_TIMEOUT_SECONDS = 3
BATCH_ROWS = 300  # rows per INSERT: 900 bound parameters, under SQLite's oldest limit (999)


class StoreUnavailable(RuntimeError):
    """The database cannot be reached or written; the message says why, for the log."""


def default_url() -> str:
    """DATABASE_URL, else careerpath.sqlite in $CAREERPATH_DATA_DIR or the XDG data dir."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    base = os.environ.get("CAREERPATH_DATA_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "careerpath"
    )
    return f"sqlite:///{os.path.join(base, 'careerpath.sqlite')}"


def _normalise(url: str) -> str:
    # Hosting platforms hand out postgres:// URLs; we ship psycopg 3, not psycopg2.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes for DateTime(timezone=True); we always store UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE touched (its result is a CursorResult)."""
    return cast(CursorResult[Any], result).rowcount


class Store:
    def __init__(self, url: str):
        self.url = make_url(_normalise(url))
        self.engine = self._make_engine()
        self._down_until = 0.0
        self._ready = False
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls) -> Store:
        return cls(default_url())

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def _make_engine(self) -> Engine:
        if self.is_sqlite:
            path = self.url.database
            if path and path != ":memory:":
                try:
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                except OSError:
                    pass  # reported as unavailable on first use, not at construction
            engine = create_engine(
                self.url, connect_args={"timeout": CONNECT_TIMEOUT_SECONDS, "check_same_thread": False}
            )

            @event.listens_for(engine, "connect")
            def _pragmas(conn, _record):  # WAL: readers do not wait for the one writer
                cursor = conn.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.execute("PRAGMA foreign_keys=ON")
                # Deleted rows (a person's saved plan and skills text) are overwritten, not left
                # in free pages of the file.
                cursor.execute("PRAGMA secure_delete=ON")
                cursor.close()

            return engine
        return create_engine(
            self.url,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=5,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
        )

    # -- availability ----------------------------------------------------------------------

    def _guard(self):
        """Fail fast while the database is known to be down; migrate on first contact."""
        if time.monotonic() < self._down_until:
            raise StoreUnavailable("database unavailable (retrying shortly)")
        if not self._ready:
            self.upgrade()

    def _failed(self, exc: Exception) -> StoreUnavailable:
        self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        return StoreUnavailable(f"database unavailable: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")

    @property
    def available(self) -> bool:
        try:
            self._guard()
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return True
        except (StoreUnavailable, SQLAlchemyError):
            return False

    def upgrade(self, revision: str = "head") -> None:
        """Apply the shipped Alembic migrations (idempotent)."""
        from alembic import command
        from alembic.config import Config

        with self._lock:
            if self._ready and revision == "head":
                return
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.set_main_option("sqlalchemy.url", self.url.render_as_string(hide_password=False))
            try:
                with self.engine.begin() as conn:
                    config.attributes["connection"] = conn
                    command.upgrade(config, revision)
            except SQLAlchemyError as exc:
                raise self._failed(exc) from None
            except OSError as exc:  # e.g. a SQLite directory we may not create
                raise self._failed(exc) from None
            self._ready = True

    def _run(self, work):
        self._guard()
        try:
            with Session(self.engine) as session, session.begin():
                return work(session)
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None

    # -- settings --------------------------------------------------------------------------

    def setting(self, key: str, make) -> str:
        """The stored value for key, creating it with make() the first time (race-safe)."""

        def read(session: Session):
            return session.scalar(select(Setting.value).where(Setting.key == key))

        value = self._run(read)
        if value is not None:
            return value
        try:
            self._run(lambda s: s.add(Setting(key=key, value=make())))
        except StoreUnavailable:
            pass  # another process won the race, or the DB went away; read decides
        value = self._run(read)
        if value is None:
            raise StoreUnavailable(f"could not store setting {key}")
        return value

    def view_salt(self) -> str:
        """Salt for visitor hashes: $CAREERPATH_VIEW_SALT, else generated once and kept in the DB."""
        return os.environ.get("CAREERPATH_VIEW_SALT") or self.setting("view_salt", lambda: secrets.token_hex(32))

    # -- views -----------------------------------------------------------------------------

    def record_view(self, slug: str, visitor: str, day: date) -> bool:
        """Count a visitor once per pathway per day. True when this visit was new."""
        self._guard()
        try:
            with Session(self.engine) as session, session.begin():
                session.add(PathwayView(slug=slug, day=day, visitor=visitor))
                session.flush()
                bumped = _rowcount(
                    session.execute(
                        update(PathwayCount).where(PathwayCount.slug == slug).values(views=PathwayCount.views + 1)
                    )
                )
                if not bumped:
                    session.add(PathwayCount(slug=slug, views=1))
            return True
        except IntegrityError:
            # Already counted today. (A concurrent first view of a brand-new pathway can also
            # land here after losing the PathwayCount insert; one view in a race is acceptable.)
            return False
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None

    def record_views(self, visits: list[tuple[str, str, date]]) -> dict[str, int]:
        """Record a batch of (slug, visitor, day) visits in one transaction; {slug: views added}.

        Exactly once per visitor per pathway per day, as record_view: rows already stored (or
        repeated in the batch) are skipped by the unique constraint (ON CONFLICT DO NOTHING),
        and each pathway's total grows by the rows actually inserted, in an upsert that is
        safe against other processes doing the same."""
        visits = list(dict.fromkeys(visits))  # the batch itself may repeat a visit
        if not visits:
            return {}
        insert = self._insert()
        self._guard()
        added: dict[str, int] = {}
        try:
            with Session(self.engine) as session, session.begin():
                for start in range(0, len(visits), BATCH_ROWS):
                    chunk = visits[start : start + BATCH_ROWS]
                    rows = session.execute(
                        insert(PathwayView)
                        .values([{"slug": s, "visitor": v, "day": d} for s, v, d in chunk])
                        .on_conflict_do_nothing(index_elements=["slug", "day", "visitor"])
                        .returning(PathwayView.slug)
                    )
                    for (slug,) in rows:
                        added[slug] = added.get(slug, 0) + 1
                if added:
                    stmt = insert(PathwayCount).values([{"slug": s, "views": n} for s, n in sorted(added.items())])
                    session.execute(
                        stmt.on_conflict_do_update(
                            index_elements=["slug"], set_={"views": PathwayCount.views + stmt.excluded.views}
                        )
                    )
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None
        return added

    def _insert(self) -> Any:
        """The dialect's INSERT, which has ON CONFLICT (both dialects spell it the same)."""
        if self.is_sqlite:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            return sqlite_insert
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert

    def prune_views(self, before: date) -> int:
        """Delete per-visitor rows for days before `before`; the number deleted.

        They exist only to count a visitor once a day; each pathway's total lives on in
        pathway_count, so once a day is over its rows are dead weight (and the table would
        otherwise grow by one row per visitor per pathway per day, forever)."""
        return self._run(lambda s: s.execute(delete(PathwayView).where(PathwayView.day < before)).rowcount)

    def views(self, slug: str) -> int:
        return self._run(lambda s: s.scalar(select(PathwayCount.views).where(PathwayCount.slug == slug))) or 0

    def popular(self, limit: int = 10) -> list[tuple[str, int]]:
        def work(session: Session):
            rows = session.execute(
                select(PathwayCount.slug, PathwayCount.views)
                .order_by(PathwayCount.views.desc(), PathwayCount.slug)
                .limit(limit)
            )
            return [(slug, views) for slug, views in rows]

        return self._run(work)

    def total_views(self) -> int:
        return self._run(lambda s: s.scalar(select(func.coalesce(func.sum(PathwayCount.views), 0)))) or 0

    # -- saved guides ----------------------------------------------------------------------

    def save_guide(self, slug: str, params: dict, guide: dict, owner_hash: str | None = None) -> str:
        """Keep a tailored guide; the token is the only way back to it (256 bits, unguessable).
        `owner_hash` (sha256 hex of a secret the caller keeps) is what changing or deleting it takes."""
        token = secrets.token_urlsafe(32)
        self._run(
            lambda s: s.add(
                SavedGuide(
                    token=token,
                    slug=slug,
                    params=params,
                    guide=guide,
                    created_at=datetime.now(UTC),
                    owner_hash=owner_hash,
                )
            )
        )
        return token

    def saved_guide(self, token: str) -> SavedGuide | None:
        def work(session: Session):
            row = session.get(SavedGuide, token)
            if row is not None:
                session.expunge(row)
            return row

        return self._run(work)

    def plan_items(self, token: str) -> dict[tuple[str, str], datetime]:
        """What is ticked off on a saved plan: {(kind, key): checked_at}."""

        def work(session: Session):
            rows = session.execute(
                select(PlanItem.kind, PlanItem.key, PlanItem.checked_at).where(PlanItem.token == token)
            )
            return {(kind, key): _utc(at) for kind, key, at in rows}

        return self._run(work)

    def set_plan_items(self, token: str, kind: str, keys: set[str]) -> bool:
        """Make `keys` the ticked items of this kind, keeping when each was first ticked.
        False when there is no saved guide with this token."""
        now = datetime.now(UTC)

        def work(session: Session):
            if session.get(SavedGuide, token) is None:
                return False
            have = set(session.scalars(select(PlanItem.key).where(PlanItem.token == token, PlanItem.kind == kind)))
            gone = have - keys
            if gone:
                session.execute(
                    delete(PlanItem).where(PlanItem.token == token, PlanItem.kind == kind, PlanItem.key.in_(gone))
                )
            session.add_all(PlanItem(token=token, kind=kind, key=k, checked_at=now) for k in sorted(keys - have))
            return True

        self._guard()
        for attempt in (1, 2):
            try:
                with Session(self.engine) as session, session.begin():
                    return work(session)
            except IntegrityError:
                # The same item ticked by two submissions at once: the other one stored it; the
                # second attempt sees it. (Or the guide was deleted meanwhile: then it reports False.)
                if attempt == 2:
                    return False
            except SQLAlchemyError as exc:
                raise self._failed(exc) from None
        return False

    def delete_saved(self, token: str) -> bool:
        """Delete a saved guide, its progress and the profile text it holds. False if there was none."""

        def work(session: Session):
            session.execute(delete(PlanItem).where(PlanItem.token == token))
            return _rowcount(session.execute(delete(SavedGuide).where(SavedGuide.token == token))) > 0

        deleted = self._run(work)
        if deleted and self.is_sqlite:
            # secure_delete zeroed the rows in the pages; move those pages out of the WAL into
            # the file and empty the WAL, so no copy of the old rows stays on disk (best effort:
            # a concurrent reader can keep old WAL frames alive until the next checkpoint).
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except SQLAlchemyError:
                pass
        return deleted

    def dispose(self) -> None:
        self.engine.dispose()
