"""The wire format of the ballot box service: result names, HTTP statuses and JSON bodies (docs/spec.md 37).

Standard library (and ballot/) only: the server and the client
(ballot/remote.py) both use this one table, so a result can never be
mapped one way on the server and read back another way by a kiosk.

Every answer is a JSON object with ``result``.  Voter outcomes keep the
names ``pbvote cast`` prints; the receipt members are those of
``Receipt.to_json`` (docs/spec.md 29).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ballot.box import (
    Accepted,
    AlreadyVoted,
    CastResult,
    InvalidBallotResult,
    NotEligible,
    PollsClosed,
    Spoiled,
    SpoilResult,
)
from ballot.receipts import Receipt
from ballot.service.errors import ServiceRefused

__all__ = ["ERROR_STATUS", "RESULT_STATUS", "error_body", "receipt_from_json", "result_from_json",
           "result_to_json", "safe_reason"]

RESULT_STATUS: Final[Mapping[str, int]] = {
    "accepted": 200,
    "spoiled": 200,
    "already_voted": 409,
    "not_eligible": 403,
    "polls_closed": 423,
    "invalid_ballot": 422,
}
"""Voter outcomes (docs/spec.md 26.6, 27) -> HTTP status; each status names exactly one outcome."""

ERROR_STATUS: Final[Mapping[str, int]] = {
    "bad_request": 400,
    "not_found": 404,
    "method_not_allowed": 405,
    "timeout": 408,
    "too_large": 413,
    "unsupported_media_type": 415,
    "rate_limited": 429,
    "internal_error": 500,
    "unavailable": 503,
}
"""Request and service failures -> HTTP status; none of them is a voter outcome."""

_QUOTED: Final = re.compile(r"'[^']*'|\"[^\"]*\"")
_MAX_REASON: Final = 200


def safe_reason(text: str) -> str:
    """A refusal reason fit to send back: quoted input replaced by ``'…'``, printable ASCII, bounded.

    The ballot box's reasons name the failing part and sometimes quote what
    the ballot said (an unknown kiosk name, unknown member names).  Those
    quotes are the sender's unvalidated input: the service never echoes them.
    """
    redacted = _QUOTED.sub("'…'", text)
    printable = "".join(c if " " <= c <= "~" or c == "…" else "?" for c in redacted)
    return printable[:_MAX_REASON]


def error_body(result: str, reason: str) -> dict[str, Any]:
    """The JSON body of a request or service failure (``reason`` is one of the service's own texts)."""
    return {"result": result, "reason": reason}


def result_to_json(result: CastResult | SpoilResult) -> tuple[int, dict[str, Any]]:
    """A ballot box result as (HTTP status, JSON body)."""
    body: dict[str, Any]
    if isinstance(result, Accepted):
        body = {"result": "accepted", "duplicate": result.duplicate, **result.receipt.to_json()}
    elif isinstance(result, Spoiled):
        body = {"result": "spoiled", "duplicate": result.duplicate, "choices": dict(result.choices),
                **result.receipt.to_json()}
    elif isinstance(result, AlreadyVoted):
        body = {"result": "already_voted", "reason": "this voting code has already been used to vote"}
    elif isinstance(result, NotEligible):
        body = {"result": "not_eligible", "reason": safe_reason(result.reason)}
    elif isinstance(result, PollsClosed):
        body = {"result": "polls_closed", "state": result.state, "reason": "the polls are not open"}
    else:
        body = {"result": "invalid_ballot", "reason": safe_reason(result.reason)}
    return RESULT_STATUS[body["result"]], body


def _hex32(body: Mapping[str, Any], name: str, size: int = 32) -> bytes:
    value = body.get(name)
    if not isinstance(value, str) or len(value) != 2 * size:
        raise ServiceRefused(f"the ballot box's receipt has no valid '{name}'", 200)
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise ServiceRefused(f"the ballot box's receipt has no valid '{name}'", 200) from None


def receipt_from_json(body: Mapping[str, Any]) -> Receipt:
    """Read the receipt members of an answer (``Receipt.to_json``'s); the signature is NOT checked here.

    Raises:
        ServiceRefused: if a member is missing or malformed.
    """
    position = body.get("position")
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise ServiceRefused("the ballot box's receipt has no valid 'position'", 200)
    return Receipt(_hex32(body, "election"), _hex32(body, "tracking_hash"), position, _hex32(body, "head"),
                   _hex32(body, "signature", 64))


def _text(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    return value if isinstance(value, str) else ""


def result_from_json(status: int, body: Mapping[str, Any]) -> CastResult | SpoilResult:
    """Read a voter outcome back (client side); receipts are returned unverified.

    Raises:
        ServiceRefused: if the status and the ``result`` member disagree or the body is malformed.
    """
    name = body.get("result")
    if not isinstance(name, str) or RESULT_STATUS.get(name) != status:
        raise ServiceRefused(f"the ballot box answered HTTP {status} without a matching result", status)
    duplicate = body.get("duplicate") is True
    if name == "accepted":
        return Accepted(receipt_from_json(body), duplicate=duplicate)
    if name == "spoiled":
        choices = body.get("choices")
        if not isinstance(choices, dict) or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in choices.items()):
            raise ServiceRefused("the ballot box's spoil answer has no valid 'choices'", status)
        return Spoiled(receipt_from_json(body), dict(choices), duplicate=duplicate)
    if name == "already_voted":
        return AlreadyVoted()
    if name == "not_eligible":
        return NotEligible(_text(body, "reason"))
    if name == "polls_closed":
        return PollsClosed(_text(body, "state") or "closed")
    return InvalidBallotResult(_text(body, "reason"))
