"""A remote ballot box: the same calls and typed results as BallotBox, over the service's HTTP API.

Kiosks in libraries, home desktops and ``pbvote cast --server`` use this
one client (docs/spec.md 37).  It needs only the standard library, so a
kiosk installs nothing of the server stack.

Nothing the service says is taken on trust, TLS or not:

* the election: the fingerprint is recomputed from the manifest and
  compared with the one the resident was given (full, or the short form
  printed on the code letter); the ceremony transcript is verified in full
  (every Schnorr proof, K recomputed), so ballots are never encrypted to a
  key the trustees did not make;
* every receipt: it must name this election and the very ballot sent, and
  its signature must verify with the ballot-box key of authority.json.

Network faults: a request whose answer is lost is sent again with the SAME
bytes (the service is idempotent: a duplicate gets the same receipt, and
the database never holds two ballots of one credential).  When every retry
fails, ServiceUnavailable says that the ballot may or may not be on the
board and that resending it is safe: nothing is ever silently dropped.

The ballot-box key itself comes from the service (authority.json is not
signed by anything the resident holds); pass ``expected_board_key`` to pin
it, e.g. from the published record.  Without a pin, a forged service can
still not cast anything in the resident's name: its fake receipt is
exposed when the tracking code is missing from the published record.
"""

from __future__ import annotations

import http.client
import json
import random
import ssl
import time
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any, Final

from ballot.box import Accepted, CastResult, Spoiled, SpoilResult
from ballot.ceremony_record import parse_ceremony
from ballot.errors import BallotError
from ballot.manifest import parse_canonical_manifest
from ballot.manifest_model import Election, short_fingerprint
from ballot.receipts import Receipt
from ballot.service.errors import ElectionMismatch, ForgedReceipt, ServiceRefused, ServiceUnavailable
from ballot.service.wire import RESULT_STATUS, receipt_from_json, result_from_json
from crypto.canonical import canonical_json
from crypto.errors import CryptoError
from crypto.tracking import tracking_hash

__all__ = ["RemoteBallotBox", "parse_expected_fingerprint"]

_RETRY_STATUS: Final = frozenset({408, 429, 502, 503, 504})
_MAX_ANSWER: Final = 64 * 1024 * 1024
_MAX_WAIT_S: Final = 30.0


def parse_expected_fingerprint(text: str) -> str:
    """Normalise a fingerprint a resident typed: 64 hex digits, or the short form ``xxxx-xxxx-xxxx-xxxx``.

    Returns:
        Lower-case hex digits (16 to 64 of them), compared as a prefix of the election's.

    Raises:
        ElectionMismatch: if it is neither form.
    """
    digits = "".join(text.split()).replace("-", "").lower()
    if not 16 <= len(digits) <= 64 or any(c not in "0123456789abcdef" for c in digits):
        raise ElectionMismatch("an election fingerprint is 64 hex digits, or its short form xxxx-xxxx-xxxx-xxxx")
    return digits


class RemoteBallotBox:
    """One election's ballot box behind ``pbvote serve``.

    Args:
        url: the service's base URL, ``http://host:port`` or ``https://host:port`` (a path prefix is kept).
        expected_fingerprint: the election fingerprint the resident was given (full or short form);
            None accepts the service's election (callers then show its fingerprint to the resident).
        expected_board_key: pin the ballot-box public key (32 bytes), e.g. from a published record.
        timeout: seconds per request (connect, send, answer).
        attempts: tries per request before ServiceUnavailable.
        ssl_context: for https, e.g. one trusting the city's own CA (default: the system's).
        source_address: bind the client socket (tests use other loopback addresses).
        sleep: waits between retries (injected by tests).

    Raises:
        ServiceUnavailable: if the service cannot be reached.
        ElectionMismatch: if its election is not the expected one or does not check out.
    """

    def __init__(self, url: str, expected_fingerprint: str | None = None, *,
                 expected_board_key: bytes | None = None, timeout: float = 30.0, attempts: int = 5,
                 ssl_context: ssl.SSLContext | None = None, source_address: tuple[str, int] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("the ballot box URL must look like https://host:port")
        self.url = url
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port or (443 if self._https else 80)
        self._prefix = parts.path.rstrip("/")
        self._timeout = timeout
        self._attempts = max(1, attempts)
        self._ssl = ssl_context
        self._source = source_address
        self._sleep = sleep
        self.election, self.public_key, self.board_key = self._fetch_election(
            None if expected_fingerprint is None else parse_expected_fingerprint(expected_fingerprint),
            expected_board_key)
        self.fingerprint: bytes = self.election.fingerprint

    # -- the BallotBox calls -------------------------------------------------------------

    def cast(self, data: bytes) -> CastResult:
        """Cast a ballot's canonical bytes; an Accepted result carries a verified receipt.

        Raises:
            ServiceUnavailable: the outcome is unknown; resend the SAME bytes later.
            ForgedReceipt: the receipt does not check out (do not show it as proof of voting).
            ServiceRefused: any other failure of the service.
        """
        status, body = self._request("POST", "/v1/cast", data)
        result = self._outcome(status, body, ("accepted", "already_voted", "not_eligible", "polls_closed",
                                              "invalid_ballot"))
        if isinstance(result, Accepted):
            self._check_receipt(result.receipt, data)
        return result  # type: ignore[return-value]  # the names above are exactly CastResult's

    def spoil(self, data: bytes, values: tuple[int, ...], nonces: tuple[int, ...]) -> SpoilResult:
        """Challenge a ballot (Benaloh): publish it with its plaintexts and nonces; the code stays usable.

        The choices the service reports are compared with the revealed values.

        Raises:
            ServiceUnavailable, ForgedReceipt, ServiceRefused: as for ``cast``.
        """
        ballot = json.loads(data)
        payload = canonical_json({"format": "pbvote-spoiled/1", "ballot": ballot, "values": list(values),
                                  "nonces": [f"{r:064x}" for r in nonces]})
        status, body = self._request("POST", "/v1/spoil", payload)
        result = self._outcome(status, body, ("spoiled", "already_voted", "not_eligible", "polls_closed",
                                              "invalid_ballot"))
        if isinstance(result, Spoiled):
            self._check_receipt(result.receipt, data)
            district = ballot.get("district") if isinstance(ballot, dict) else None
            projects = self.election.projects_in(str(district))
            expected = {p.id: v for p, v in zip(projects, values, strict=False) if v}
            if dict(result.choices) != expected:
                raise ForgedReceipt("the ballot box reports other choices than the ballot revealed")
        return result  # type: ignore[return-value]  # the names above are exactly SpoilResult's

    def receipt_for(self, data: bytes) -> Receipt | None:
        """The verified receipt of a ballot on the board (by its bytes), or None."""
        return self.lookup(tracking_hash(data))

    def lookup(self, tracking: bytes) -> Receipt | None:
        """The verified receipt of the ballot with this tracking hash, or None if it is not on the board."""
        status, body = self._request("GET", f"/v1/receipt/{tracking.hex()}", None)
        if status == 404 and body.get("result") == "not_found":
            return None
        if status != 200 or body.get("result") != "found":
            raise ServiceRefused(f"the ballot box answered HTTP {status} to a receipt lookup", status)
        receipt = receipt_from_json(body)
        self._check_receipt(receipt, None, tracking)
        return receipt

    def health(self) -> dict[str, Any]:
        """The service's health answer (polls state, board size)."""
        status, body = self._request("GET", "/v1/health", None)
        if status != 200:
            raise ServiceRefused(f"the ballot box is not healthy (HTTP {status})", status)
        return body

    # -- checks ----------------------------------------------------------------------------

    def _fetch_election(self, expected: str | None, pinned_key: bytes | None) -> tuple[Election, bytes, bytes]:
        status, doc = self._request("GET", "/v1/election", None)
        if status != 200 or doc.get("format") != "pbvote-service-election/1":
            raise ServiceRefused(f"the ballot box did not send its election (HTTP {status})", status)
        try:
            election = parse_canonical_manifest(canonical_json(doc.get("manifest")), source="the served manifest")
        except (BallotError, CryptoError, TypeError, ValueError) as exc:
            raise ElectionMismatch(f"the ballot box sent an invalid election manifest: {exc}") from None
        actual = election.fingerprint_hex
        if doc.get("fingerprint") != actual:
            raise ElectionMismatch(f"the ballot box states another fingerprint than its manifest's "
                                   f"({short_fingerprint(election.fingerprint)}): refusing it")
        if expected is not None and not actual.startswith(expected):
            raise ElectionMismatch(f"this ballot box serves election {short_fingerprint(election.fingerprint)}, "
                                   f"not the expected {'-'.join(expected[i:i + 4] for i in range(0, 16, 4))}: "
                                   "check the address and your code letter")
        try:
            ceremony = parse_ceremony(canonical_json(doc.get("ceremony")), election.fingerprint, election.trustees,
                                      election.threshold, what="the served ceremony.json")
        except (BallotError, CryptoError, TypeError, ValueError) as exc:
            raise ElectionMismatch(f"the ballot box sent a key ceremony that does not verify: {exc}") from None
        return election, bytes(ceremony.public_key), self._board_key(doc.get("authority"), actual, pinned_key)

    @staticmethod
    def _board_key(authority: object, fingerprint_hex: str, pinned: bytes | None) -> bytes:
        if (not isinstance(authority, dict) or authority.get("format") != "pbvote-authority/1"
                or authority.get("election") != fingerprint_hex or not isinstance(authority.get("board_key"), str)):
            raise ElectionMismatch("the ballot box sent no valid authority.json for this election")
        try:
            key = bytes.fromhex(authority["board_key"])
        except ValueError:
            key = b""
        if len(key) != 32:
            raise ElectionMismatch("the ballot box sent no valid ballot-box key")
        if pinned is not None and key != pinned:
            raise ElectionMismatch("the ballot box's key is not the expected one (pinned): refusing it")
        return key

    def _check_receipt(self, receipt: Receipt, data: bytes | None, tracking: bytes | None = None) -> None:
        if receipt.fingerprint != self.fingerprint:
            raise ForgedReceipt(f"the receipt names election {short_fingerprint(receipt.fingerprint)}, "
                                f"not {short_fingerprint(self.fingerprint)}")
        wanted = tracking if tracking is not None else tracking_hash(data or b"")
        if receipt.tracking_hash != wanted:
            raise ForgedReceipt("the receipt is for another ballot (its tracking hash differs from the ballot sent)")
        try:
            receipt.verify(self.board_key)
        except CryptoError:
            raise ForgedReceipt("the receipt's signature does not verify with this election's ballot-box key: "
                                "it was not issued by the ballot box") from None

    @staticmethod
    def _outcome(status: int, body: Mapping[str, Any], allowed: tuple[str, ...]) -> CastResult | SpoilResult:
        name = body.get("result")
        if name in allowed and RESULT_STATUS.get(str(name)) == status:
            return result_from_json(status, body)
        reason = body.get("reason") if isinstance(body.get("reason"), str) else ""
        raise ServiceRefused(f"the ballot box refused the request (HTTP {status}, {name!s:.40}): {reason:.200}",
                             status)

    # -- transport ---------------------------------------------------------------------------

    def _connection(self) -> http.client.HTTPConnection:
        if self._https:
            return http.client.HTTPSConnection(self._host, self._port, timeout=self._timeout,
                                               source_address=self._source,
                                               context=self._ssl or ssl.create_default_context())
        return http.client.HTTPConnection(self._host, self._port, timeout=self._timeout, source_address=self._source)

    def _request(self, method: str, path: str, body: bytes | None) -> tuple[int, dict[str, Any]]:
        """One request, retried with the same bytes on network faults, 408, 429 and 5xx-unavailable answers."""
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        last = "no answer"
        for attempt in range(self._attempts):
            wait = min(_MAX_WAIT_S, 0.25 * 2 ** attempt) * random.uniform(0.5, 1.0)
            conn = self._connection()
            try:
                conn.request(method, self._prefix + path, body=body, headers=headers)
                response = conn.getresponse()
                raw = response.read(_MAX_ANSWER + 1)
                status = response.status
                retry_after = response.getheader("Retry-After", "")
            except (OSError, http.client.HTTPException) as exc:
                last = f"{type(exc).__name__}"
                if attempt + 1 < self._attempts:
                    self._sleep(wait)
                continue
            finally:
                conn.close()
            if status in _RETRY_STATUS:
                last = f"HTTP {status}"
                if retry_after.isdigit():
                    wait = min(_MAX_WAIT_S, float(retry_after))
                if attempt + 1 < self._attempts:
                    self._sleep(wait)
                continue
            return status, self._json(status, raw)
        raise ServiceUnavailable(
            f"the ballot box at {self._host}:{self._port} did not answer after {self._attempts} attempts ({last}). "
            "If a ballot was being sent it may or may not be recorded: send the SAME ballot again later "
            "(that is safe), or look its tracking code up; do not prepare a new ballot")

    @staticmethod
    def _json(status: int, raw: bytes) -> dict[str, Any]:
        if len(raw) > _MAX_ANSWER:
            raise ServiceRefused("the ballot box's answer is too large", status)
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise ServiceRefused(f"the ballot box answered HTTP {status} without a JSON object", status)
        return value
