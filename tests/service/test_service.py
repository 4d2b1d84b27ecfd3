"""The ballot box service end to end: real PostgreSQL, two ``pbvote serve`` instances, clients over HTTP (issue 9).

Residents cast through ballot/remote.py from many threads across both
instances; every receipt is checked by the client, then found on the
board the service pages out, and the record published afterwards passes
the verifier's board checks.  The same credential sent through both
instances at once is accepted exactly once, and a client that loses its
connection after sending gets the same receipt on retry.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ballot.box import Accepted, CastResult
from ballot.polls import close_polls
from ballot.record import publish_record
from ballot.remote import RemoteBallotBox
from ballot.service.errors import ElectionMismatch, ForgedReceipt
from crypto.canonical import parse_canonical_json
from crypto.tracking import tracking_hash
from tally.ceremony import share_file_name, write_share_file
from tally.pipeline import decrypt_as_trustee, tally_and_sign
from tests.service.conftest import Served
from tests.service.fakes import tampering_proxy
from tests.service.harness import REPO

pytestmark = pytest.mark.pg

RESIDENTS = 500
CLIENTS = 16


def _board(box_url: str) -> list[dict[str, object]]:
    """Every board entry, page by page, as the service serves them (and each page's head checked)."""
    from tests.service.harness import request

    entries: list[dict[str, object]] = []
    start: int | None = 0
    while start is not None:
        status, page = request(box_url, "GET", f"/v1/board?from={start}&limit=200")
        assert 200 == status
        assert page["head"]["size"] >= start + len(page["entries"])
        entries += page["entries"]
        start = page["next"]
    return entries


@pytest.mark.slow
def test_500_residents_from_16_clients_across_two_instances_all_receipts_verify_and_are_on_the_board(
        served: Served, tmp_path: Path) -> None:
    codes = served.take(RESIDENTS)
    ballots = served.encrypt(codes)
    local = threading.local()

    def cast(i: int) -> CastResult:
        if not hasattr(local, "boxes"):
            local.boxes = (RemoteBallotBox(served.a.url), RemoteBallotBox(served.b.url))
        return local.boxes[i % 2].cast(ballots[i])  # type: ignore[no-any-return]

    with ThreadPoolExecutor(CLIENTS) as clients:
        results = list(clients.map(cast, range(RESIDENTS)))
    assert {"Accepted": RESIDENTS} == dict(Counter(type(r).__name__ for r in results))
    receipts = [r.receipt for r in results if isinstance(r, Accepted)]
    assert [tracking_hash(b) for b in ballots] == [r.tracking_hash for r in receipts]

    entries = _board(served.b.url)
    by_position = {e["index"]: e for e in entries}
    for receipt in receipts:  # signatures were checked by the client; here: the board holds each one
        line = by_position[receipt.position]
        assert "ballot" == line["kind"]
        assert receipt.head_hash.hex() == line["hash"]
        assert receipt.tracking_hash == tracking_hash(json.dumps(line["payload"], separators=(",", ":"),
                                                                 sort_keys=True, ensure_ascii=False).encode())
    assert len(entries) == len(by_position) == max(by_position) + 1

    # the same ballots sent again (a client that never got its answers) change nothing
    again = RemoteBallotBox(served.a.url).cast(ballots[0])
    assert Accepted(receipts[0], duplicate=True) == again


@pytest.mark.slow
def test_the_same_credential_through_both_instances_at_once_is_accepted_exactly_once(served: Served) -> None:
    codes = served.take(6)
    first, second = served.encrypt(codes, pick=0), served.encrypt(codes, pick=1)
    boxes = (RemoteBallotBox(served.a.url), RemoteBallotBox(served.b.url))
    for one, other in zip(first, second, strict=True):
        go = threading.Barrier(2)

        def send(box: RemoteBallotBox, data: bytes, go: threading.Barrier = go) -> CastResult:
            go.wait()
            return box.cast(data)

        with ThreadPoolExecutor(2) as pair:
            outcomes = list(pair.map(send, boxes, (one, other)))
        assert ["Accepted", "AlreadyVoted"] == sorted(type(o).__name__ for o in outcomes)
        winner = one if isinstance(outcomes[0], Accepted) else other
        status, found = _lookup(served, tracking_hash(winner))
        assert 200 == status and "ballot" == found["kind"]
        assert 404 == _lookup(served, tracking_hash(other if winner is one else one))[0]


def _lookup(served: Served, t: bytes) -> tuple[int, dict[str, object]]:
    from tests.service.harness import request

    return request(served.a.url, "GET", f"/v1/receipt/{t.hex()}")


class _DroppingConnection(http.client.HTTPConnection):
    """Sends the whole request, then closes its socket before reading the reply (a dropped connection)."""

    def getresponse(self) -> http.client.HTTPResponse:
        assert self.sock is not None
        self.sock.close()
        raise http.client.RemoteDisconnected("connection dropped after sending (simulated)")


class _DropFirstCast(RemoteBallotBox):
    drops = 0

    def _connection(self) -> http.client.HTTPConnection:
        if self.drops == 0 and getattr(self, "arm", False):
            self.drops += 1
            return _DroppingConnection(self._host, self._port, timeout=30)
        return super()._connection()


def test_a_client_whose_connection_drops_after_sending_retries_and_gets_the_same_receipt(served: Served) -> None:
    (data,) = served.encrypt(served.take(1))
    box = _DropFirstCast(served.a.url, sleep=lambda _s: None)
    box.arm = True  # type: ignore[attr-defined]
    result = box.cast(data)
    assert 1 == box.drops
    assert isinstance(result, Accepted)
    assert result.receipt == RemoteBallotBox(served.b.url).lookup(tracking_hash(data))
    credential = parse_canonical_json(data)["credential"]
    holding = [e for e in _board(served.a.url) if e["kind"] == "ballot" and e["payload"]["credential"] == credential]
    assert 1 == len(holding)


def test_a_tampered_manifest_is_refused_by_the_client_with_a_clear_message(served: Served) -> None:
    real = RemoteBallotBox(served.a.url)

    def retitle(path: str, body: bytes) -> bytes:
        if path != "/v1/election":
            return body
        doc = json.loads(body)
        doc["manifest"]["projects"][0]["cost"] += 1  # a different election: its fingerprint changes
        return json.dumps(doc).encode()

    with tampering_proxy(served.a.port, retitle) as url:
        with pytest.raises(ElectionMismatch, match="another fingerprint than its manifest"):
            RemoteBallotBox(url)
        with pytest.raises(ElectionMismatch, match="another fingerprint than its manifest"):
            RemoteBallotBox(url, real.fingerprint.hex())
    with pytest.raises(ElectionMismatch, match="not the expected 0000-0000-0000-0000"):
        RemoteBallotBox(served.a.url, "0000-0000-0000-0000")
    assert RemoteBallotBox(served.a.url, real.fingerprint.hex()[:16]).fingerprint == real.fingerprint


def test_a_forged_receipt_signature_is_refused_by_the_client(served: Served) -> None:
    (data,) = served.encrypt(served.take(1))

    def forge(path: str, body: bytes) -> bytes:
        if path != "/v1/cast":
            return body
        doc = json.loads(body)
        doc["signature"] = ("00" if doc["signature"][:2] != "00" else "11") + doc["signature"][2:]
        return json.dumps(doc).encode()

    with tampering_proxy(served.a.port, forge) as url, pytest.raises(ForgedReceipt, match="signature does not verify"):
        RemoteBallotBox(url).cast(data)
    # the ballot did reach the board: the honest service gives the real receipt for the same bytes
    assert isinstance(RemoteBallotBox(served.b.url).cast(data), Accepted)


def test_cast_cli_with_server_prints_a_verified_receipt_and_uses_the_cast_exit_codes(served: Served) -> None:
    (code,) = served.take(1)
    district = served.ready.election.districts[0].id
    pick = served.ready.election.projects_in(district)[0].id
    cmd: list[str] = [sys.executable, "-m", "tally.cli", "cast", "--server", served.b.url, "--code", code, "--choices", pick,
                      "--district", district]
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=60)
    assert 0 == first.returncode, first.stderr
    assert "accepted" == json.loads(first.stdout)["result"]
    assert served.ready.election.fingerprint.hex() in first.stderr  # shown for the resident to compare
    fp = ["--fingerprint", served.ready.election.fingerprint.hex()]
    again = subprocess.run(cmd + fp, capture_output=True, text=True, cwd=REPO, timeout=60)
    assert 3 == again.returncode and "already_voted" == json.loads(again.stdout)["result"]
    wrong = subprocess.run([*cmd, "--fingerprint", "0123-4567-89ab-cdef"], capture_output=True, text=True,
                           cwd=REPO, timeout=60)
    assert 1 == wrong.returncode and "not the expected 0123-4567-89ab-cdef" in wrong.stderr


@pytest.mark.slow
def test_zz_the_record_published_after_the_tally_verifies(served: Served, tmp_path: Path) -> None:
    """Runs last in this module (name): closes the polls, two trustees decrypt, tally, publish, verify VALID."""
    key = served.ready.box().board_key
    with served.ready.store.write() as s:
        close_polls(s, key)
    for share in served.ready.shares[:served.ready.election.threshold]:
        path = tmp_path / share_file_name(share.trustee)
        write_share_file(path, share, "trustee passphrase for tests")
        decrypt_as_trustee(served.ready.store, path, "trustee passphrase for tests")
    results = tally_and_sign(served.ready.store, key)
    assert RESIDENTS <= sum(d.ballots for d in results.districts)
    record = publish_record(served.ready.store, tmp_path / "record", key)
    assert record.ballots >= RESIDENTS
    run = subprocess.run([sys.executable, "-m", "tally.cli", "verify", str(record.directory), "--json"],
                         capture_output=True, text=True, cwd=REPO, timeout=300)
    report = json.loads(run.stdout)
    assert [] == [c for c in report["checks"] if c.get("ok") is False], run.stdout[:2000]
    assert 0 == run.returncode
