"""The view counter: once per person per pathway per day, never storing an address.

A visitor is sha256(salt, day, address, user agent): the same person on the same day maps to
the same value, and nothing links it back to the address or across days. Bots are ignored
by user agent. Counts are cached briefly and repeat visits skip the database, so a busy
page costs a dictionary lookup, not a write.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from datetime import date, datetime, timezone

from careerpath.store import Store, StoreUnavailable

BOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|scrape|fetch|monitor|preview|facebookexternalhit|embedly|"
    r"curl|wget|httpie|python-requests|python-urllib|httpx|aiohttp|go-http-client|java/|okhttp|libwww|"
    r"node-fetch|axios|headless|phantomjs|lighthouse|pagespeed|wrk|ab/|apachebench|hey/|locust|k6/",
    re.IGNORECASE)
COUNT_TTL_SECONDS = 2.0
MAX_REMEMBERED = 200_000


def is_bot(user_agent: str | None) -> bool:
    # No user agent at all is a script, not a person with a browser.
    return not user_agent or len(user_agent) > 512 or bool(BOT.search(user_agent))


def today() -> date:
    return datetime.now(timezone.utc).date()


class ViewCounter:
    def __init__(self, store: Store):
        self.store = store
        self._salt: str | None = None
        self._counts: dict[str, tuple[int, float]] = {}
        self._seen: set[tuple[str, str]] = set()
        self._seen_day = today()
        self._lock = threading.Lock()

    def visitor(self, address: str, user_agent: str, day: date) -> str:
        if self._salt is None:
            self._salt = self.store.view_salt()
        raw = "\x1f".join((self._salt, day.isoformat(), address, user_agent[:512]))
        return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()

    def cached(self, slug: str) -> int | None:
        """The count if known recently, without touching the database."""
        entry = self._counts.get(slug)
        if entry and time.monotonic() - entry[1] < COUNT_TTL_SECONDS:
            return entry[0]
        return None

    def needs_database(self, slug: str, address: str, user_agent: str | None) -> bool:
        """False when the page can be served from memory alone (the fast path)."""
        if self.cached(slug) is None:
            return True
        if is_bot(user_agent):
            return False
        return (slug, self._key(address, user_agent)) not in self._seen

    def _key(self, address: str, user_agent: str | None) -> str:
        # Memory-only dedupe key; the salted hash is what reaches the database.
        return f"{address}\x1f{user_agent}"

    def visit(self, slug: str, address: str, user_agent: str | None) -> int | None:
        """Record a visit (unless a bot or a repeat today) and return the count; None if unavailable."""
        try:
            day = today()
            with self._lock:
                if day != self._seen_day or len(self._seen) > MAX_REMEMBERED:
                    self._seen.clear()
                    self._seen_day = day
            if not is_bot(user_agent):
                key = (slug, self._key(address, user_agent))
                if key not in self._seen:
                    self.store.record_view(slug, self.visitor(address, user_agent, day), day)
                    self._seen.add(key)
                    self._counts.pop(slug, None)
            return self.count(slug)
        except StoreUnavailable:
            return None

    def count(self, slug: str) -> int | None:
        cached = self.cached(slug)
        if cached is not None:
            return cached
        try:
            views = self.store.views(slug)
        except StoreUnavailable:
            return None
        self._counts[slug] = (views, time.monotonic())
        return views
