"""Everything a request handler needs, built once per app: settings, store, caches, templates."""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock

from fastapi import Request

from careerpath.render.html import environment
from careerpath.store import Store, default_url

from .pathways import GuideCache
from .security import RateLimiter
from .views import ViewCounter

TEMPLATES = Path(__file__).parent / "templates"


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def _proxy_hops() -> int:
    """CAREERPATH_TRUST_PROXY: how many reverse proxies in front of the app add to X-Forwarded-For
    ("1" for one nginx/Caddy; "2" for a CDN in front of that). Unset or "0": none, the header is ignored."""
    value = os.environ.get("CAREERPATH_TRUST_PROXY", "").strip().lower()
    if value in ("true", "yes", "on"):
        return 1
    try:
        return max(0, min(int(value or 0), 16))
    except ValueError:
        return 0


@dataclass
class Settings:
    database_url: str = field(default_factory=default_url)
    rate_per_minute: float = field(default_factory=lambda: _env_float("CAREERPATH_RATE_PER_MINUTE", 30))
    rate_burst: int = field(default_factory=lambda: int(_env_float("CAREERPATH_RATE_BURST", 10)))
    # Behind `proxy_hops` trusted reverse proxies, the client is the address the outermost of them
    # added to X-Forwarded-For; without a proxy that header is whatever the client says, so it is ignored.
    proxy_hops: int = field(default_factory=_proxy_hops)
    # Secure cookies and HSTS are on for every request that arrived over HTTPS (the ASGI scheme,
    # or X-Forwarded-Proto from a trusted proxy); CAREERPATH_SECURE_COOKIES=1 forces Secure
    # cookies everywhere. CAREERPATH_HSTS_SECONDS=0 turns HSTS off.
    secure_cookies: bool = field(default_factory=lambda: os.environ.get("CAREERPATH_SECURE_COOKIES") == "1")
    hsts_seconds: int = field(default_factory=lambda: int(_env_float("CAREERPATH_HSTS_SECONDS", 31_536_000)))
    page_cache_size: int = 512
    # Views the database could not take before the app stopped wait here for the next start;
    # None: $CAREERPATH_VIEW_SPILL, else a file named after the database in the data directory.
    view_spill: Path | None = None


def _spill_path(database_url: str) -> Path:
    """$CAREERPATH_VIEW_SPILL, else a file per database in the careerpath data directory."""
    explicit = os.environ.get("CAREERPATH_VIEW_SPILL", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("CAREERPATH_DATA_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "careerpath"
    )
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:12]
    return Path(base) / f"views-pending-{digest}.jsonl"


def forwarded_client(forwarded_for: str, peer: str, hops: int) -> str:
    """The client address behind `hops` trusted proxies.

    Each proxy appends the address it received the request from, so the right-most `hops`
    entries were written by our proxies and everything left of them by the client (who may
    write anything there). The client is the entry the outermost trusted proxy added: the
    `hops`-th from the right. Fewer entries than hops means every entry came from a proxy,
    so the left-most is the furthest we can see."""
    if hops <= 0:
        return peer
    entries = [e.strip() for e in forwarded_for.split(",") if e.strip()]
    if not entries:
        return peer
    return entries[-hops if hops <= len(entries) else 0][:64]


class LRU:
    """A small thread-safe LRU for rendered fragments and PDFs."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class Context:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.store = Store(settings.database_url)
        self.views = ViewCounter(self.store, spill=settings.view_spill or _spill_path(settings.database_url))
        self.limiter = RateLimiter(settings.rate_per_minute, settings.rate_burst)
        self.guides = GuideCache(settings.page_cache_size)
        self.bodies = LRU(settings.page_cache_size)  # rendered guide sections by slug
        self.pdfs = LRU(32)
        self.env = environment(str(TEMPLATES))

    def client(self, request: Request) -> str:
        peer = request.client.host if request.client else "unknown"
        if not self.settings.proxy_hops:
            return peer
        return forwarded_client(",".join(request.headers.getlist("x-forwarded-for")), peer, self.settings.proxy_hops)

    def is_https(self, scope) -> bool:
        """Whether the person's browser is talking HTTPS: to us, or to our trusted proxy."""
        if scope.get("scheme") == "https":
            return True
        if self.settings.proxy_hops:
            for name, value in scope.get("headers", ()):
                if name == b"x-forwarded-proto":
                    # The outermost proxy (the one the browser talks to) writes the first value.
                    return value.split(b",")[0].strip().lower() == b"https"
        return False

    def secure_cookies(self, request: Request) -> bool:
        return self.settings.secure_cookies or self.is_https(request.scope)


def ctx(request: Request) -> Context:
    return request.app.state.ctx
