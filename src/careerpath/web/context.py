"""Everything a request handler needs, built once per app: settings, store, caches, templates."""

from __future__ import annotations

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


@dataclass
class Settings:
    database_url: str = field(default_factory=default_url)
    rate_per_minute: float = field(default_factory=lambda: _env_float("CAREERPATH_RATE_PER_MINUTE", 30))
    rate_burst: int = field(default_factory=lambda: int(_env_float("CAREERPATH_RATE_BURST", 10)))
    # Behind a reverse proxy the client is the first X-Forwarded-For address; otherwise that
    # header is whatever the client says, so it is ignored.
    trust_proxy: bool = field(default_factory=lambda: os.environ.get("CAREERPATH_TRUST_PROXY") == "1")
    secure_cookies: bool = field(default_factory=lambda: os.environ.get("CAREERPATH_SECURE_COOKIES") == "1")
    page_cache_size: int = 512


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
        self.views = ViewCounter(self.store)
        self.limiter = RateLimiter(settings.rate_per_minute, settings.rate_burst)
        self.guides = GuideCache(settings.page_cache_size)
        self.bodies = LRU(settings.page_cache_size)   # rendered guide sections by slug
        self.pdfs = LRU(32)
        self.env = environment(str(TEMPLATES))

    def client(self, request: Request) -> str:
        if self.settings.trust_proxy:
            forwarded = request.headers.get("x-forwarded-for", "")
            if forwarded:
                return forwarded.split(",")[0].strip()[:64]
        return request.client.host if request.client else "unknown"


def ctx(request: Request) -> Context:
    return request.app.state.ctx
