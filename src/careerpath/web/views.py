"""The view counter: once per person per pathway per day, never storing an address.

A visitor is sha256(salt, day, address): the same address on the same day maps to the same
value, and nothing links it back to the address or across days. The user agent is not part
of it: a client chooses its user agent freely, so rotating it would count one address many
times (people sharing one address, behind one NAT, count once a day instead: an undercount
is the honest side to err on). Behind a reverse proxy the address is the one the trusted
proxy saw (Context.client). Bots are ignored by user agent. Counts are cached briefly, repeat visits skip the database, and new visits
are written in batches by a background thread, so a busy page costs a dictionary lookup
and at most a hash, not a write.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from careerpath.store import Store, StoreUnavailable

log = logging.getLogger("careerpath.web")

BOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|scrape|fetch|monitor|preview|facebookexternalhit|embedly|"
    r"curl|wget|httpie|python-requests|python-urllib|httpx|aiohttp|go-http-client|java/|okhttp|libwww|"
    r"node-fetch|axios|headless|phantomjs|lighthouse|pagespeed|wrk|ab/|apachebench|hey/|locust|k6/",
    re.IGNORECASE,
)
COUNT_TTL_SECONDS = 2.0
MAX_REMEMBERED = 200_000
FLUSH_SECONDS = 0.5  # new visits are written at least this often ...
FLUSH_ROWS = 500  # ... or as soon as this many are waiting
MAX_PENDING = 200_000  # while the database is down; beyond this, visits are not counted
PRUNE_SECONDS = 3600  # how often the writer deletes per-visitor rows of days that are over


def is_bot(user_agent: str | None) -> bool:
    # No user agent at all is a script, not a person with a browser.
    return not user_agent or len(user_agent) > 512 or bool(BOT.search(user_agent))


def today() -> date:
    return datetime.now(UTC).date()


class ViewCounter:
    """Counts views; new visits wait in memory and a background thread writes them in batches.

    A new visitor costs a hash and a list append, not a transaction: every FLUSH_SECONDS, or
    as soon as FLUSH_ROWS visits are waiting, one transaction stores them all (Store.record_views,
    which keeps the once-per-visitor-per-pathway-per-day rule exact with the unique constraint).
    Counts shown are the stored count plus this process's visits not yet written, so a person
    sees their own view at once. close() (the app's shutdown) writes what is still waiting.
    If the database is down, visits wait (up to MAX_PENDING) and are written when it is back;
    if it is still down when the app stops, they go to `spill` (JSON lines of the salted visitor
    hash, never an address) and start() reads them back, so a restart during an outage loses none.
    """

    def __init__(
        self,
        store: Store,
        flush_seconds: float = FLUSH_SECONDS,
        flush_rows: int = FLUSH_ROWS,
        spill: Path | None = None,
    ):
        self.store = store
        self.spill = spill
        self.flush_seconds = flush_seconds
        self.flush_rows = flush_rows
        self._salt: str | None = None
        self._counts: dict[str, tuple[int, float]] = {}
        self._seen: set[tuple[str, str]] = set()
        self._seen_day = today()
        self._lock = threading.Lock()
        self._pending: list[tuple[str, str, date]] = []
        self._pending_by_slug: dict[str, int] = {}  # waiting or being written, per pathway
        self._flush_lock = threading.Lock()  # one writer at a time
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._generation = 0
        self.dropped = 0
        self._pruned_at = 0.0

    # -- background writer ------------------------------------------------------------------

    def start(self) -> None:
        self._replay_spill()
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="careerpath-view-writer", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Stop the writer and store every visit still waiting (clean shutdown loses nothing)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        try:
            self.flush()
        except StoreUnavailable as exc:
            kept = self._spill_pending()
            log.warning(
                "%d views not stored at shutdown (%s); %s",
                len(self._pending),
                exc,
                f"kept in {self.spill} for the next start" if kept else "they are lost",
            )

    # -- the spill file: visits that outlive a database outage --------------------------------

    def _spill_pending(self) -> bool:
        if self.spill is None:
            return False
        with self._lock:
            batch = list(self._pending)
        if not batch:
            return True
        lines = "".join(json.dumps([slug, visitor, day.isoformat()]) + "\n" for slug, visitor, day in batch)
        try:
            self.spill.parent.mkdir(parents=True, exist_ok=True)
            # One append per process: several workers stopping at once add whole lines each.
            fd = os.open(self.spill, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, lines.encode())
            finally:
                os.close(fd)
        except OSError as exc:
            log.warning("cannot keep views in %s: %s", self.spill, exc)
            return False
        return True

    def _replay_spill(self) -> int:
        """Queue the visits an earlier process spilled; the unique constraint keeps them exact."""
        if self.spill is None:
            return 0
        claimed = self.spill.with_name(f"{self.spill.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            os.replace(self.spill, claimed)  # atomic: of several workers starting, one takes it
        except FileNotFoundError:
            return 0
        except OSError as exc:
            log.warning("cannot read spilled views from %s: %s", self.spill, exc)
            return 0
        visits = []
        for line in claimed.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                slug, visitor, day = json.loads(line)
                visits.append((str(slug), str(visitor), date.fromisoformat(day)))
            except (ValueError, TypeError):
                continue  # a torn last line from a crash: skip it
        with self._lock:
            visits = visits[: max(0, MAX_PENDING - len(self._pending))]
            self._pending.extend(visits)
            for slug, _, _ in visits:
                self._pending_by_slug[slug] = self._pending_by_slug.get(slug, 0) + 1
        claimed.unlink(missing_ok=True)
        if visits:
            log.info("%d views kept from an earlier run are queued for the database", len(visits))
        return len(visits)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.flush_seconds)
            self._wake.clear()
            try:
                self.flush()
                if time.monotonic() - self._pruned_at > PRUNE_SECONDS:
                    self.prune()
            except StoreUnavailable:
                self._stop.wait(1.0)  # the store retries on its own schedule; visits keep waiting
            except Exception:  # never let the writer die silently
                log.exception("view writer failed; retrying")
                self._stop.wait(1.0)

    def flush(self) -> int:
        """Write the waiting visits now; the number of new views stored."""
        with self._flush_lock:
            with self._lock:
                batch, self._pending = self._pending, []
            if not batch:
                return 0
            self._generation += 1  # odd: a write is in flight (see count())
            try:
                added = self.store.record_views(batch)
            except BaseException:
                with self._lock:  # put them back, oldest first, for the next attempt
                    self._pending[:0] = batch
                    self._generation += 1
                raise
            with self._lock:
                for slug, _, _ in batch:
                    left = self._pending_by_slug.get(slug, 0) - 1
                    if left > 0:
                        self._pending_by_slug[slug] = left
                    else:
                        self._pending_by_slug.pop(slug, None)
                for slug, n in added.items():
                    entry = self._counts.get(slug)
                    if entry is not None:  # read before this write (count() guarantees it): add, don't re-read
                        self._counts[slug] = (entry[0] + n, entry[1])
                self._generation += 1
            return sum(added.values())

    def prune(self) -> int:
        """Delete stored visitor rows from before yesterday: once a day is over they cannot
        dedupe anything (totals live in pathway_count). Yesterday stays for batches written
        just after midnight. Every instance may do this; the delete is idempotent."""
        self._pruned_at = time.monotonic()
        return self.store.prune_views(today() - timedelta(days=1))

    # -- visits -------------------------------------------------------------------------------

    def visitor(self, address: str, day: date) -> str:
        if self._salt is None:
            self._salt = self.store.view_salt()
        raw = "\x1f".join((self._salt, day.isoformat(), address))
        return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()

    def cached(self, slug: str) -> int | None:
        """The count if known recently, without touching the database."""
        entry = self._counts.get(slug)
        if entry and time.monotonic() - entry[1] < COUNT_TTL_SECONDS:
            return entry[0] + self._pending_by_slug.get(slug, 0)
        return None

    def needs_database(self, slug: str, address: str, user_agent: str | None) -> bool:
        """False when the page can be served from memory alone (the fast path): the count is
        cached and the salt known. New visitors are recorded in memory either way."""
        return self.cached(slug) is None or (self._salt is None and not is_bot(user_agent))

    def visit(self, slug: str, address: str, user_agent: str | None) -> int | None:
        """Record a visit (unless a bot or a repeat today) and return the count; None if unavailable."""
        try:
            day = today()
            if not is_bot(user_agent):
                key = (slug, address)  # memory-only dedupe; the salted hash is what is stored
                if key not in self._seen or day != self._seen_day:
                    visitor = self.visitor(address, day)
                    with self._lock:
                        if day != self._seen_day or len(self._seen) > MAX_REMEMBERED:
                            self._seen.clear()
                            self._seen_day = day
                        if key not in self._seen:
                            self._seen.add(key)
                            if len(self._pending) < MAX_PENDING:
                                self._pending.append((slug, visitor, day))
                                self._pending_by_slug[slug] = self._pending_by_slug.get(slug, 0) + 1
                            else:
                                self.dropped += 1
                            if len(self._pending) >= self.flush_rows:
                                self._wake.set()
                if self._thread is None and not self._stop.is_set():
                    self.start()  # the app starts it at startup; this covers other uses
            return self.count(slug)
        except StoreUnavailable:
            return None

    def count(self, slug: str) -> int | None:
        cached = self.cached(slug)
        if cached is not None:
            return cached
        generation = self._generation
        try:
            views = self.store.views(slug)
        except StoreUnavailable:
            return None
        with self._lock:
            # Cache only a read that no batch write overlapped, so flush() can keep the cache
            # current by adding what it stored (a seqlock: odd = write in flight).
            if generation == self._generation and generation % 2 == 0:
                self._counts[slug] = (views, time.monotonic())
            return views + self._pending_by_slug.get(slug, 0)
