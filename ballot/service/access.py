"""The service's outer layer: per-address rate limit and structured access logs.

A plain ASGI middleware (no per-request task or body buffering), first
in line, so a flood is turned away before any routing, body reading or
database work.

Access logs are JSON lines on the ``pbvote.service.access`` logger.  They
hold what operators need (route, status, result name, latency, body size)
and nothing that identifies a voter or a vote: no voting codes, ballots,
selections, credentials or tracking hashes (receipt lookups are logged as
the route ``/v1/receipt/{tracking}``), no query strings, and the client
address only as a keyed hash whose key is drawn per process, so one
instance's log can group a flood's requests but a log line cannot be tied
to a household.  Timestamps are whole seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import secrets
import time
from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ballot.service.limits import TokenBuckets

__all__ = ["ACCESS_LOGGER", "AccessLayer", "route_of"]

ACCESS_LOGGER: Final = "pbvote.service.access"
_ROUTES: Final = frozenset({"/v1/election", "/v1/board", "/v1/cast", "/v1/spoil", "/v1/health"})
_RECEIPT_PREFIX: Final = "/v1/receipt/"


def route_of(path: str) -> str:
    """The route template a path belongs to (the only form of a path that is logged)."""
    if path in _ROUTES:
        return path
    if path.startswith(_RECEIPT_PREFIX):
        return _RECEIPT_PREFIX + "{tracking}"
    return "-"


class AccessLayer:
    """Rate-limit every request by client address, then log it as one JSON line.

    Args:
        app: the application behind it.
        buckets: the per-address token buckets.
        instance: this instance's name, logged so N instances' logs can be merged.
    """

    def __init__(self, app: ASGIApp, buckets: TokenBuckets, instance: str) -> None:
        self.app = app
        self.buckets = buckets
        self.instance = instance
        self._key = secrets.token_bytes(32)
        self._log = logging.getLogger(ACCESS_LOGGER)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        client = scope.get("client")
        address = client[0] if client else "-"
        status = 0

        async def send_logged(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        wait = self.buckets.take(address)
        try:
            if wait > 0:
                scope.setdefault("state", {})["result"] = "rate_limited"
                await _too_many(send_logged, wait)
            else:
                await self.app(scope, receive, send_logged)
        finally:
            self._write(scope, address, status or 500, started)

    def _write(self, scope: Scope, address: str, status: int, started: float) -> None:
        state = scope.get("state") or {}
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        line = {
            "t": int(time.time()),
            "instance": self.instance,
            "client": hmac.new(self._key, address.encode(), hashlib.sha256).hexdigest()[:12],
            "method": scope.get("method", "-"),
            "route": route_of(scope.get("path", "")),
            "status": status,
            "result": state.get("result", "-"),
            "ms": round((time.monotonic() - started) * 1000, 1),
            "bytes_in": int(length) if length.isdigit() else -1,
        }
        self._log.info(json.dumps(line, sort_keys=True))


async def _too_many(send: Send, wait: float) -> None:
    body = json.dumps({"result": "rate_limited", "reason": "too many requests from this address; retry later"},
                      sort_keys=True).encode()
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"retry-after", str(max(1, math.ceil(wait))).encode())]})
    await send({"type": "http.response.body", "body": body})
