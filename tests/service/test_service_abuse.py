"""The service under bad input and floods: 4xx answers, no crash, no echo, and honest residents still vote (issue 9).

Flooders and honest clients are told apart the way the service sees them,
by client address: the tests bind their sockets to other loopback
addresses (127.0.0.0/8 all reach the service on 127.0.0.1).
"""

from __future__ import annotations

import http.client
import json
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from ballot.box import Accepted
from ballot.remote import RemoteBallotBox
from crypto.canonical import canonical_json, parse_canonical_json
from tests.service.conftest import Served
from tests.service.harness import Instance, request, start_instance

pytestmark = pytest.mark.pg

INJECTED = "zz<script>alert(1)</script>"


def _post(url: str, body: bytes, kind: str = "application/json", path: str = "/v1/cast",
          source: str | None = None) -> tuple[int, dict[str, object]]:
    return request(url, "POST", path, body, {"Content-Type": kind}, source=source)


def test_oversized_bodies_are_refused_with_413_before_being_read(served: Served) -> None:
    host, port = "127.0.0.1", served.a.port
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.putrequest("POST", "/v1/cast")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(5 * 1024 * 1024))
    conn.endheaders()
    conn.send(b"{" * 1000)  # the rest never comes: the answer must not wait for it
    response = conn.getresponse()
    assert 413 == response.status
    assert "too_large" == json.loads(response.read())["result"]
    conn.close()

    chunks = iter([b" " * 65536] * 66)  # 4.125 MiB without a Content-Length: cut off while streaming
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("POST", "/v1/cast", body=chunks, headers={"Content-Type": "application/json"},
                     encode_chunked=True)
        response = conn.getresponse()
        assert 413 == response.status
    except (BrokenPipeError, ConnectionResetError):
        pass  # the service may close the connection while the client is still sending
    finally:
        conn.close()
    assert 200 == request(served.a.url, "GET", "/v1/health")[0]


def test_malformed_json_wrong_content_types_and_unknown_fields_get_4xx_without_echo(served: Served) -> None:
    url = served.a.url
    assert (422, "invalid_ballot") == _status(_post(url, b'{"credential": '))
    assert (415, "unsupported_media_type") == _status(_post(url, b"{}", kind="text/plain"))
    assert (415, "unsupported_media_type") == _status(_post(url, b"{}", kind="application/x-www-form-urlencoded"))
    (data,) = served.encrypt(served.take(1))
    ballot = parse_canonical_json(data)
    status, body = _post(url, canonical_json({**ballot, INJECTED: 1}))
    assert (422, "invalid_ballot") == (status, body["result"])
    assert "zz" not in json.dumps(body) and "script" not in json.dumps(body)
    status, body = _post(url, canonical_json({**ballot, "kiosk": INJECTED}))
    assert 422 == status and "script" not in json.dumps(body), body
    spoil = {"format": "pbvote-spoiled/1", "ballot": ballot, "values": [0], "nonces": ["00" * 32], INJECTED: 0}
    status, body = _post(url, canonical_json(spoil), path="/v1/spoil")
    assert 422 == status and "script" not in json.dumps(body)
    assert (400, "bad_request") == _status(request(url, "GET", f"/v1/board?from=0&{INJECTED}=1"))
    assert (400, "bad_request") == _status(request(url, "GET", "/v1/board?from=-1"))
    assert (400, "bad_request") == _status(request(url, "GET", "/v1/receipt/" + "Z" * 64))
    assert (404, "not_found") == _status(request(url, "GET", "/v1/receipt/" + "ab" * 32))
    assert (404, "not_found") == _status(request(url, "GET", f"/v1/{INJECTED}"))
    assert (405, "method_not_allowed") == _status(request(url, "GET", "/v1/cast"))
    # and the ballot itself, untouched, is still accepted
    assert isinstance(RemoteBallotBox(url).cast(data), Accepted)


def _status(answer: tuple[int, dict[str, object]]) -> tuple[int, object]:
    return answer[0], answer[1].get("result")


@pytest.fixture
def strict(served: Served, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instance]:
    """A third instance with a tight per-address limit (5/s, burst 10)."""
    log = tmp_path_factory.mktemp("strict") / "c.log"
    instance = start_instance(served.ready.url, log, "--rate-per-ip", "5", "--burst-per-ip", "10", name="c")
    try:
        yield instance
    finally:
        instance.stop()


@pytest.mark.slow
def test_a_flood_beyond_the_rate_limit_gets_429_while_honest_residents_still_vote(
        served: Served, strict: Instance) -> None:
    honest = served.encrypt(served.take(12))
    stop = time.monotonic() + 60

    def flood(i: int) -> list[int]:
        seen = []
        for n in range(40):
            if time.monotonic() > stop:
                break
            body = b"{" * 100 if n % 2 else b"[]"
            seen.append(_post(strict.url, body, source="127.0.0.9")[0])
        return seen

    def vote(data: bytes) -> tuple[str, float]:
        started = time.monotonic()
        result = RemoteBallotBox(strict.url).cast(data)
        return type(result).__name__, time.monotonic() - started

    with ThreadPoolExecutor(12) as pool:
        floods = [pool.submit(flood, i) for i in range(8)]
        time.sleep(0.2)
        votes = list(pool.map(vote, honest))
        statuses = Counter(s for f in floods for s in f.result())
    assert {"Accepted"} == {name for name, _ in votes}
    assert max(seconds for _, seconds in votes) < 20
    assert statuses[429] > 200, statuses  # 320 requests at a 10 burst + 5/s
    assert set(statuses) <= {422, 429}, statuses
    assert 200 == request(strict.url, "GET", "/v1/health", source="127.0.0.10")[0]


def test_the_per_credential_limit_counts_only_signed_ballots(served: Served, strict: Instance) -> None:
    mine, victim = served.encrypt(served.take(2))
    # 20 ballots naming the victim's (public) credential with a broken signature, each from its own address
    forged = parse_canonical_json(victim)
    forged["signatures"]["credential"] = "00" * 64
    for i in range(20):
        assert 422 == _post(strict.url, canonical_json(forged), source=f"127.0.1.{i + 1}")[0]
    # the victim is not locked out by them
    assert isinstance(RemoteBallotBox(strict.url).cast(victim), Accepted)
    # a signed ballot resent again and again is limited per credential, whatever the address
    answers = [_post(strict.url, mine, source=f"127.0.2.{i + 1}")[0] for i in range(13)]
    assert [200] * 10 == answers[:10]
    assert 429 in answers[10:]


def test_access_logs_are_json_lines_without_codes_ballots_credentials_or_tracking_hashes(served: Served) -> None:
    (code,) = served.take(1)
    (data,) = served.encrypt([code])
    result = RemoteBallotBox(served.b.url).cast(data)
    assert isinstance(result, Accepted)
    RemoteBallotBox(served.b.url).lookup(result.receipt.tracking_hash)
    time.sleep(0.2)
    text = served.b.log.read_text(encoding="utf-8")
    ballot = parse_canonical_json(data)
    for secret in (code, code.replace("-", ""), ballot["credential"], result.receipt.tracking_hash.hex(),
                   ballot["selections"][0][0], ballot["signatures"]["credential"]):
        assert secret not in text
    lines = served.b.access_lines()
    assert {"/v1/cast", "/v1/receipt/{tracking}", "/v1/election"} <= {line["route"] for line in lines}
    cast = [line for line in lines if line["route"] == "/v1/cast" and line["result"] == "accepted"]
    assert cast and {"t", "instance", "client", "method", "route", "status", "result", "ms", "bytes_in"} == set(cast[0])
    assert not any("127.0.0.1" in json.dumps(line) for line in lines)  # addresses only as keyed hashes
