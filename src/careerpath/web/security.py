"""Good manners at the edge: security headers, body size limits, CSRF tokens, rate limits.

Plain ASGI middleware rather than BaseHTTPMiddleware: it costs nothing per request, which
matters for the pathway page's load target.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
import time

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The interactive API docs (Swagger UI, served from the package): the same origin only, with
# the inline styles Swagger UI sets on its elements.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
MAX_BODY_BYTES = 128 * 1024  # a pasted résumé, percent-encoded, with room to spare
PRIVATE_PREFIXES = ("/saved/", "/api/v1/saved/")


class SecurityHeaders:
    """The headers every answer carries; HSTS too when the request came over HTTPS (`https(scope)`)."""

    def __init__(self, app, docs_prefix: str = "/api/docs", https=None, hsts_seconds: int = 31_536_000):
        self.app = app
        self.docs_prefix = docs_prefix
        self.https = https or (lambda scope: scope.get("scheme") == "https")
        self.hsts = f"max-age={hsts_seconds}".encode() if hsts_seconds > 0 else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        csp = (DOCS_CSP if path.startswith(self.docs_prefix) else CSP).encode()
        # Pages that carry a person's own answers (skills text) or a secret link: never cached.
        private = path.startswith(PRIVATE_PREFIXES) or path.endswith("/personalize") or path.endswith("/save")
        # HSTS over plain HTTP means nothing to a browser and could pin a test host: HTTPS only.
        hsts = self.hsts if self.hsts and self.https(scope) else None

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                if b"content-security-policy" not in names:
                    extra.append((b"content-security-policy", csp))
                if hsts and b"strict-transport-security" not in names:
                    extra.append((b"strict-transport-security", hsts))
                if private:
                    extra = [(k, v) for k, v in extra if k != b"cache-control"]
                    message["headers"] = [
                        (k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"
                    ]
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over MAX_BODY_BYTES (413), whether or not Content-Length is sent."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                return await _too_large(send, self.limit)
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except BodyTooLarge:
            await _too_large(send, self.limit)


class BodyTooLarge(Exception):
    pass


def size_label(limit: int) -> str:
    return f"{limit // 1024} KiB" if limit % 1024 == 0 else f"{limit:,} bytes"


async def _too_large(send, limit: int = MAX_BODY_BYTES):
    message = f"request body is larger than {size_label(limit)}"
    body = json.dumps({"error": {"status": 413, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


# -- CSRF: double-submit token ---------------------------------------------------------------
# The token lives in a SameSite=Strict cookie and is repeated in each form; a forged
# cross-site post can neither read the cookie nor send it.

CSRF_COOKIE = "cp_csrf"
CSRF_FIELD = "csrf_token"


def csrf_token(cookies: dict) -> tuple[str, bool]:
    """(token, is_new): the client's token, or a fresh one to set as a cookie."""
    token = cookies.get(CSRF_COOKIE, "")
    if 20 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum():
        return token, False
    return secrets.token_urlsafe(24), True


def csrf_ok(cookies: dict[str, str], submitted: str | None) -> bool:
    token = cookies.get(CSRF_COOKIE)
    if not token or not submitted:
        return False
    return hmac.compare_digest(token.encode(), submitted.encode())


def set_csrf_cookie(response, token: str, secure: bool = False) -> None:
    response.set_cookie(
        CSRF_COOKIE, token, max_age=60 * 60 * 24 * 7, httponly=True, samesite="strict", secure=secure, path="/"
    )


# -- rate limit: a token bucket per client ---------------------------------------------------


class RateLimiter:
    """Allow `burst` guide generations at once, refilled at `per_minute` a minute, per client.

    In memory, per process: enough to stop one client from monopolising the CPU; a shared
    limit across processes would need the store and is not worth a write per request."""

    def __init__(self, per_minute: float = 30, burst: int = 10, max_clients: int = 50_000):
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> tuple[bool, float]:
        """(allowed, seconds until the next token) for one generation by this client."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                allowed, wait = True, 0.0
            else:
                self._buckets[client] = (tokens, now)
                allowed, wait = False, (1 - tokens) / self.rate if self.rate else 60.0
            if len(self._buckets) > self.max_clients:  # forget the idlest half
                for key, _ in sorted(self._buckets.items(), key=lambda kv: kv[1][1])[: self.max_clients // 2]:
                    del self._buckets[key]
        return allowed, wait
