"""The service's pure parts: the result <-> HTTP table, reason redaction and the token buckets (no server)."""

from __future__ import annotations

import pytest

from ballot.box import Accepted, AlreadyVoted, InvalidBallotResult, NotEligible, PollsClosed
from ballot.receipts import sign_receipt
from ballot.service.errors import ServiceRefused
from ballot.service.limits import TokenBuckets
from ballot.service.wire import RESULT_STATUS, result_from_json, result_to_json, safe_reason
from crypto.signatures import generate_signing_key


def test_every_result_maps_to_one_status_and_reads_back_the_same() -> None:
    receipt = sign_receipt(generate_signing_key(), b"F" * 32, b"T" * 32, 7, b"H" * 32)
    for result in (Accepted(receipt), Accepted(receipt, duplicate=True), AlreadyVoted(), NotEligible("not on the list"),
                   PollsClosed("closed"), InvalidBallotResult("proof selection/3 does not verify")):
        status, body = result_to_json(result)
        assert RESULT_STATUS[body["result"]] == status
        back = result_from_json(status, body)
        assert type(result) is type(back)
        if isinstance(result, Accepted):
            assert result == back
    assert 5 == len(set(RESULT_STATUS.values()))  # accepted and spoiled share 200; each refusal has its own


def test_a_status_that_disagrees_with_the_result_name_is_refused() -> None:
    with pytest.raises(ServiceRefused):
        result_from_json(200, {"result": "already_voted"})


def test_reasons_never_echo_quoted_input() -> None:
    assert "kiosk '…' is not registered for this election" == safe_reason(
        "kiosk '<script>' is not registered for this election")
    assert "'…'" in safe_reason('ballot members must be [...], got ["zz\\u0000evil"]')
    assert 200 >= len(safe_reason("x" * 10_000))
    assert "?" == safe_reason("\x00")


def test_token_buckets_refill_at_their_rate_and_forget_the_least_recent_key() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=3.0, max_keys=2, clock=lambda: now[0])
    assert [0.0, 0.0, 0.0] == [buckets.take("a") for _ in range(3)]
    assert 0.5 == pytest.approx(buckets.take("a"))
    now[0] += 0.5
    assert 0.0 == buckets.take("a")
    buckets.take("b")
    buckets.take("c")  # "a" is forgotten: it starts full again
    assert 0.0 == buckets.take("a")
