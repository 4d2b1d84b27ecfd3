"""The ballot box service: an ASGI app over one Store and the unlocked ballot-box key (docs/spec.md 37).

Why Starlette on uvicorn: Starlette is a small, typed, well-kept ASGI
toolkit with no model layer of its own (the ballot box already has its
typed results and canonical JSON, which pydantic would only duplicate),
and it runs synchronous calls in a bounded thread pool, which is exactly
what BallotBox needs: its checks and its PostgreSQL transaction are
blocking code and stay the ONE implementation (ballot/box.py) that the
in-process kiosk also runs.  uvicorn is the reference ASGI server, with
TLS, worker processes and connection limits built in.

Instances keep no state beyond caches of immutable data (the election
document, registered kiosks inside BallotBox) and their rate-limit
buckets, so any number of them can run over one PostgreSQL database
behind a load balancer: the database's row lock and unique keys make the
one-ballot-per-credential rule hold across instances.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Awaitable, Callable
from typing import Final

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ballot.ballot_check import parse_spoiled
from ballot.box import BallotBox, CastResult, SpoilResult
from ballot.encrypt import BALLOT_SIGNATURE_TAG
from ballot.encrypted_ballot import parse_ballot
from ballot.errors import BallotError, InvalidBallot, StorageError
from ballot.service import reads
from ballot.service.access import AccessLayer
from ballot.service.limits import ServiceLimits, TokenBuckets
from ballot.service.wire import ERROR_STATUS, error_body, result_to_json, safe_reason
from ballot.storage import Store
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.errors import CryptoError, EncodingError
from crypto.signatures import SigningKey, verify

__all__ = ["create_app"]

log = logging.getLogger(__name__)
_JSON: Final = "application/json"
_TRACKING_RE: Final = re.compile(r"[0-9a-f]{64}")
_DIGITS_RE: Final = re.compile(r"[0-9]{1,12}")


class _Refusal(Exception):
    """A request the service turns away before the ballot box sees it (name of ERROR_STATUS, own text)."""

    def __init__(self, result: str, reason: str) -> None:
        super().__init__(reason)
        self.result = result
        self.reason = reason


def _answer(request: Request, status: int, body: dict[str, object], headers: dict[str, str] | None = None) -> Response:
    request.state.result = body.get("result", "-")
    return JSONResponse(body, status_code=status, headers=headers)


def _refusal(request: Request, result: str, reason: str) -> Response:
    return _answer(request, ERROR_STATUS[result], error_body(result, reason))


async def _read_body(request: Request, limit: int, timeout: float) -> bytes:
    """The request body, refused early when too large, of the wrong type, or sent too slowly."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != _JSON:
        raise _Refusal("unsupported_media_type", "the body must be sent as application/json")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _Refusal("too_large", f"the body must be at most {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _Refusal("too_large", f"the body must be at most {limit} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise _Refusal("timeout", "the body was not received in time") from None
    return b"".join(chunks)


def _signed_credential(data: bytes) -> bytes | None:
    """The ballot's credential if its credential signature verifies (the rate-limit key), else None.

    Not a check of the ballot: the ballot box checks everything again.  It
    only stops people without the voting code from draining a resident's bucket.
    """
    try:
        ballot = parse_ballot(data)
        verify(ballot.credential, ballot.credential_signature, BALLOT_SIGNATURE_TAG, ballot.body_bytes())
    except (InvalidBallot, CryptoError):
        return None
    return ballot.credential


class _Service:
    """The endpoints, holding their dependencies (passed in, never global)."""

    def __init__(self, box: BallotBox, limits: ServiceLimits) -> None:
        self.box = box
        self.limits = limits
        self.election_bytes = reads.election_document(box.store, box.election)
        self.credentials = TokenBuckets(limits.credential_rate, limits.credential_burst, limits.tracked_keys)

    async def election(self, request: Request) -> Response:
        request.state.result = "ok"
        return Response(self.election_bytes, media_type=_JSON)

    async def board(self, request: Request) -> Response:
        params = dict(request.query_params)
        if set(params) - {"from", "limit"} or not all(_DIGITS_RE.fullmatch(v) for v in params.values()):
            raise _Refusal("bad_request", "query parameters: only 'from' and 'limit', as decimal numbers")
        start = int(params.get("from", "0"))
        limit = min(int(params.get("limit", str(self.limits.board_page_max))), self.limits.board_page_max)
        body = await run_in_threadpool(reads.board_page, self.box.store, self.box.fingerprint, self.box.board_key,
                                       start, max(limit, 1))
        request.state.result = "ok"
        return Response(body, media_type=_JSON)

    async def _limited(self, request: Request, data: bytes) -> Response | None:
        credential = await run_in_threadpool(_signed_credential, data)
        if credential is None:
            return None
        wait = self.credentials.take(credential)
        if wait <= 0:
            return None
        return _answer(request, 429, error_body("rate_limited", "too many attempts for this voting code; retry later"),
                       {"retry-after": str(max(1, int(wait + 0.999)))})

    async def cast(self, request: Request) -> Response:
        data = await _read_body(request, self.limits.max_ballot_bytes, self.limits.body_timeout_s)
        limited = await self._limited(request, data)
        if limited is not None:
            return limited
        result: CastResult = await run_in_threadpool(self.box.cast, data)
        return _answer(request, *result_to_json(result))

    async def spoil(self, request: Request) -> Response:
        body = await _read_body(request, self.limits.max_spoil_bytes, self.limits.body_timeout_s)
        try:
            spoiled = parse_spoiled(parse_canonical_json(body, "spoil request"))
        except (InvalidBallot, EncodingError, ValueError) as exc:
            return _answer(request, 422, {"result": "invalid_ballot", "reason": safe_reason(str(exc))})
        data = canonical_json(spoiled.ballot.to_json())
        limited = await self._limited(request, data)
        if limited is not None:
            return limited
        result: SpoilResult = await run_in_threadpool(self.box.spoil, data, spoiled.values, spoiled.nonces)
        return _answer(request, *result_to_json(result))

    async def receipt(self, request: Request) -> Response:
        text = request.path_params["tracking"]
        if not _TRACKING_RE.fullmatch(text):
            raise _Refusal("bad_request", "a tracking hash is 64 lower-case hex digits")
        found = await run_in_threadpool(reads.lookup_receipt, self.box.store, self.box.fingerprint,
                                        self.box.board_key, bytes.fromhex(text))
        if found is None:
            return _refusal(request, "not_found", "no ballot with this tracking hash is on the board")
        return _answer(request, 200, {"result": "found", "kind": found.kind, **found.receipt.to_json()})

    async def health(self, request: Request) -> Response:
        body = await run_in_threadpool(reads.health, self.box.store, self.box.fingerprint)
        return _answer(request, 200, body)


Endpoint = Callable[[Request], Awaitable[Response]]


def _guarded(endpoint: Endpoint) -> Endpoint:
    """Turn refusals and failures into JSON answers; the details of a failure go to the log only."""

    async def run(request: Request) -> Response:
        try:
            return await endpoint(request)
        except _Refusal as refusal:
            return _refusal(request, refusal.result, refusal.reason)
        except StorageError:
            log.exception("ballot box service: the database failed")
            return _refusal(request, "unavailable", "the ballot box cannot reach its database; retry later")
        except (BallotError, CryptoError, OSError):
            log.exception("ballot box service: request failed")
            return _refusal(request, "internal_error", "the ballot box failed; retry later")

    return run


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 404:
        return _refusal(request, "not_found", "no such endpoint")
    if status == 405:
        return _refusal(request, "method_not_allowed", "method not allowed for this endpoint")
    log.error("ballot box service: unexpected failure (%s)", type(exc).__name__)
    return _refusal(request, "internal_error", "the ballot box failed; retry later")


def create_app(store: Store, board_key: SigningKey, *, limits: ServiceLimits | None = None,
               instance: str | None = None) -> Starlette:
    """Build the service for one election.

    Args:
        store: the election's database (PostgreSQL for several instances; SQLite works for one).
        board_key: the unlocked ballot-box key (ballot.authority.unlock_board_key).
        limits: sizes, timeouts and rates (defaults: ServiceLimits()).
        instance: a name for the access logs (default: host name and process id).

    Returns:
        The ASGI application.

    Raises:
        StorageError: if the database lacks the election, its ceremony or its board, or the key is not its own.
    """
    limits = limits or ServiceLimits()
    service = _Service(BallotBox(store, board_key), limits)
    routes = [
        Route("/v1/election", _guarded(service.election), methods=["GET"]),
        Route("/v1/board", _guarded(service.board), methods=["GET"]),
        Route("/v1/cast", _guarded(service.cast), methods=["POST"]),
        Route("/v1/spoil", _guarded(service.spoil), methods=["POST"]),
        Route("/v1/receipt/{tracking}", _guarded(service.receipt), methods=["GET"]),
        Route("/v1/health", _guarded(service.health), methods=["GET"]),
    ]
    name = instance or f"{os.uname().nodename}:{os.getpid()}"
    buckets = TokenBuckets(limits.ip_rate, limits.ip_burst, limits.tracked_keys)
    return Starlette(routes=routes, middleware=[Middleware(AccessLayer, buckets=buckets, instance=name)],
                     exception_handlers={HTTPException: _http_error, Exception: _http_error})
