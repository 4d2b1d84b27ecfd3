"""The officials' audit log: chain, atomicity, concurrency (SQLite and real PostgreSQL), refusals, secrecy.

Real parts throughout: real databases, the bundled sample election with a
real ceremony and codes (tests/ballot/box_setup.py), real processes
appending at the same moment, and the published record read back.
"""

from __future__ import annotations

import json
import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ballot.audit import (
    AuditEntry,
    UndeclaredAuditEvent,
    append_audit,
    audit_events,
    audit_head,
    read_audit_log,
    record_audit,
)
from ballot.audit_chain import AUDIT_GENESIS_TAG, AUDIT_TAG
from ballot.authority import unlock_board_key
from ballot.box import Accepted, InvalidBallotResult
from ballot.errors import StorageError
from ballot.manifest import load_manifest
from ballot.polls import PollsError, close_polls, open_polls
from ballot.registry import RegistryError, revoke_kiosk
from ballot.samples import sample_manifest
from ballot.storage import Store, save_election
from crypto.canonical import canonical_json
from crypto.encoding import digest
from crypto.signatures import generate_signing_key
from tally.errors import TallyError
from tally.pipeline import tally_and_sign
from tests.ballot.audit_workers import append_many
from tests.ballot.box_setup import BOARD_PASSPHRASE, Ready, prepare_election

WORKERS = 8
PER_WORKER = 15


def _store(url: str) -> Store:
    store = Store(url)
    store.upgrade()
    return store


def _log(store: Store) -> list[AuditEntry]:
    with store.read() as s:
        return read_audit_log(s)


def _check_chain(entries: list[AuditEntry]) -> None:
    """Recompute the chain as spec section 38.1 says, independently of ballot/audit_chain."""
    previous = digest(AUDIT_GENESIS_TAG)
    for i, entry in enumerate(entries):
        assert i == entry.index
        assert previous.hex() == entry.previous
        h = digest(AUDIT_TAG, i, previous, entry.body_bytes())
        assert h.hex() == entry.hash
        previous = h


def _events(store: Store) -> list[tuple[str, str]]:
    return [(e.event, e.disposition) for e in _log(store)]


def test_entries_chain_and_read_back_in_order(tmp_path: Path) -> None:
    store = _store(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    at = datetime(2027, 3, 1, 8, 30, 15, 999, tzinfo=UTC)
    with store.write() as s:
        first = append_audit(s, "tally-init", at=at)
        append_audit(s, "polls-turnout", role="system", details={"ballots": 3, "kiosks": "a=1;b=2"})
    record_audit(store, "auth-logout", role="attendant")
    entries = _log(store)
    assert ["tally-init", "polls-turnout", "auth-logout"] == [e.event for e in entries]
    assert first == entries[0]
    assert "2027-03-01T08:30:15Z" == entries[0].at
    _check_chain(entries)
    with store.read() as s:
        assert (3, bytes.fromhex(entries[-1].hash)) == audit_head(s)


def test_undeclared_events_keys_and_values_raise_before_anything_is_written(tmp_path: Path) -> None:
    store = _store(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    bad = [("ballot-cast", {}, "official"), ("polls-open", {"code": "3MWX-T43K"}, "official"),
           ("polls-open", {"position": True}, "official"), ("polls-open", {"position": "0"}, "official"),
           ("polls-open", {"position": -1}, "official"), ("polls-open", {}, "resident"),
           ("polls-open", {"reason": "only on failures"}, "official")]
    for event, details, role in bad:
        with pytest.raises(UndeclaredAuditEvent), store.write() as s:
            append_audit(s, event, role=role, details=details)
    with pytest.raises(UndeclaredAuditEvent):
        record_audit(store, "polls-open", disposition="maybe")
    assert [] == _log(store)


def test_every_declared_event_is_kebab_case_and_typed() -> None:
    events = audit_events()
    assert {"polls-open", "polls-close", "polls-turnout", "auth-login", "auth-lockout", "kiosk-refused"} <= set(events)
    for event in events.values():
        assert event.type in ("election", "eligibility", "kiosk", "ceremony", "polls", "tally", "record", "auth")
    assert {"ballots": "int", "kiosks": "str"} == dict(events["polls-turnout"].details)
    assert not any(word in key for event in events.values() for key in event.details
                   for word in ("code", "passphrase", "secret", "share", "choice", "selection", "voter"))


def test_an_action_rolled_back_leaves_no_entry(tmp_path: Path) -> None:
    store = _store(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    with pytest.raises(RuntimeError), store.write() as s:
        append_audit(s, "tally-init")
        raise RuntimeError("the action failed after its audit entry")
    assert [] == _log(store)
    record_audit(store, "tally-init")
    assert [0] == [e.index for e in _log(store)]


def test_concurrent_appenders_form_one_chain(db_url: str) -> None:
    _store(db_url).close()
    ctx = multiprocessing.get_context("spawn")
    go = ctx.Barrier(WORKERS)
    workers = [ctx.Process(target=append_many, args=(db_url, w, PER_WORKER, go)) for w in range(WORKERS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert 0 == w.exitcode
    entries = _log(Store(db_url))
    assert WORKERS * PER_WORKER == len(entries)
    _check_chain(entries)
    per_worker = {f"worker-{w}=1": 0 for w in range(WORKERS)}
    for e in entries:
        per_worker[str(e.details["kiosks"])] += 1
    assert {k: PER_WORKER for k in per_worker} == per_worker


@pytest.fixture
def ready(db_url: str) -> Ready:
    """A ready election on each engine: ceremony, 6 codes, kiosk-1, polls not yet open."""
    return prepare_election(db_url, 6, open_now=False)


def _key(ready: Ready):  # type: ignore[no-untyped-def]
    with ready.store.read() as s:
        return unlock_board_key(s, BOARD_PASSPHRASE)


def test_setup_steps_are_audited_in_order(ready: Ready) -> None:
    assert [("election-init", "success"), ("ceremony-complete", "success"), ("codes-generate", "success"),
            ("kiosk-register", "success")] == _events(ready.store)
    codes, kiosk = _log(ready.store)[2:4]
    assert {"added": 6, "total": 6} == dict(codes.details)
    assert "kiosk-1" == kiosk.details["kiosk"]
    assert ready.kiosk_key.public_key.hex() not in kiosk.to_line().decode()


def test_polls_refusals_are_refused_with_a_message_and_audited(ready: Ready) -> None:
    key = _key(ready)
    with pytest.raises(PollsError, match="not open yet"), ready.store.write() as s:
        close_polls(s, key)
    with ready.store.write() as s:
        open_polls(s, key)
    with pytest.raises(PollsError, match="already open"), ready.store.write() as s:
        open_polls(s, key)
    with pytest.raises(TallyError, match="closed"):
        tally_and_sign(ready.store, key)
    with ready.store.write() as s:
        close_polls(s, key)
    with pytest.raises(PollsError, match="can never be reopened"), ready.store.write() as s:
        open_polls(s, key)
    events = _events(ready.store)[4:]
    assert [("polls-close", "failure"), ("polls-open", "success"), ("polls-open", "failure"),
            ("tally-init", "success"), ("tally-complete", "failure"),
            ("polls-close", "success"), ("polls-open", "failure")] == events
    reopen = _log(ready.store)[-1]
    assert "can never be reopened" in str(reopen.details["reason"])


def test_a_manifest_edit_is_stored_before_anything_depends_on_it_and_refused_after(tmp_path: Path) -> None:
    store = _store(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    election = load_manifest(sample_manifest("taipei-daan"))
    edited = load_manifest(sample_manifest("riverside-knapsack"))
    with store.write() as s:
        assert save_election(s, election)
    with store.write() as s:
        assert save_election(s, edited)
    assert [("election-init", "success"), ("election-replace", "success")] == _events(store)


def test_a_manifest_edit_after_the_polls_opened_is_refused_and_audited(ready: Ready) -> None:
    with ready.store.write() as s:
        open_polls(s, _key(ready))
    edited = load_manifest(sample_manifest("riverside-knapsack"))
    with pytest.raises(StorageError, match="frozen once the polls open"), ready.store.write() as s:
        save_election(s, edited)
    refusal = _log(ready.store)[-1]
    assert ("election-replace", "failure") == (refusal.event, refusal.disposition)
    assert edited.fingerprint.hex() == refusal.details["fingerprint"]
    with ready.store.read() as s:
        from ballot.storage import load_election
        assert ready.election.fingerprint == load_election(s).fingerprint


def test_a_manifest_edit_after_the_ceremony_is_refused_naming_why(ready: Ready) -> None:
    edited = load_manifest(sample_manifest("riverside-knapsack"))
    with pytest.raises(StorageError, match="a key ceremony, voting codes, registered kiosks"), \
            ready.store.write() as s:
        save_election(s, edited)
    assert ("election-replace", "failure") == _events(ready.store)[-1]


def test_the_box_refuses_unregistered_and_revoked_kiosks_with_one_audit_entry_each(ready: Ready) -> None:
    with ready.store.write() as s:
        open_polls(s, _key(ready))
    box = ready.box()
    assert isinstance(box.cast(ready.ballot(ready.codes[0], kiosk=True).to_bytes()), Accepted)
    with ready.store.write() as s:
        assert 2 == revoke_kiosk(s, "kiosk-1")
    with pytest.raises(RegistryError, match="already revoked"), ready.store.write() as s:
        revoke_kiosk(s, "kiosk-1")
    refused = box.cast(ready.ballot(ready.codes[1], kiosk=True).to_bytes())
    assert isinstance(refused, InvalidBallotResult)
    assert "revoked" in refused.reason
    assert isinstance(box.cast(ready.ballot(ready.codes[2]).to_bytes()), Accepted)  # a home desktop still casts
    from ballot.encrypt import encrypt_ballot
    from ballot.selection import Selection
    from crypto.codes import credential_keypair
    rogue = generate_signing_key()
    district = ready.election.districts[0].id
    credential, _ = credential_keypair(ready.codes[3], ready.election.fingerprint)
    stranger = encrypt_ballot(ready.election, ready.public_key,
                              Selection(district, frozenset({ready.election.projects_in(district)[0].id})),
                              credential, kiosk=("kiosk-9", rogue)).to_bytes()
    assert "not registered" in str(getattr(box.cast(stranger), "reason", ""))
    forged = json.loads(stranger)
    forged["kiosk"] = "kiosk-8"  # the credential signature no longer verifies: refused, but not logged
    refused_forged = box.cast(canonical_json(forged))
    assert isinstance(refused_forged, InvalidBallotResult) and "kiosk-8" in refused_forged.reason
    tail = _log(ready.store)[-4:]
    assert [("kiosk-revoke", "success"), ("kiosk-revoke", "failure"), ("kiosk-refused", "failure"),
            ("kiosk-refused", "failure")] == [(e.event, e.disposition) for e in tail]
    assert ("kiosk-1", 2) == (tail[0].details["kiosk"], tail[0].details["height"])
    assert ("kiosk-9", "") == (tail[3].details["kiosk"], tail[3].details["key_fingerprint"])
    assert tail[2].details["key_fingerprint"] == tail[0].details["key_fingerprint"]
    for entry in tail:
        assert "system" == entry.role or entry.event == "kiosk-revoke"
        assert stranger.hex()[:64] not in entry.to_line().decode()


def test_publication_is_audited_once_and_republishing_gives_the_same_bytes(ready: Ready, tmp_path: Path) -> None:
    from ballot.record import RecordError, publish_record

    key = _key(ready)
    with ready.store.write() as s:
        open_polls(s, key)
    box = ready.box()
    assert isinstance(box.cast(ready.ballot(ready.codes[0], kiosk=True).to_bytes()), Accepted)
    with ready.store.write() as s:
        close_polls(s, key)
    first = publish_record(ready.store, tmp_path / "record", key)
    zip_bytes = first.zip_path.read_bytes()
    audit_bytes = (first.directory / "audit.jsonl").read_bytes()
    again = publish_record(ready.store, tmp_path / "record", key)
    assert zip_bytes == again.zip_path.read_bytes()
    assert audit_bytes == (again.directory / "audit.jsonl").read_bytes()
    last = _log(ready.store)[-1]
    assert ("record-publish", {"board_size": 3, "results": 0}) == (last.event, dict(last.details))
    (tmp_path / "not-a-dir").write_text("a file", encoding="utf-8")
    with pytest.raises(RecordError):
        publish_record(ready.store, tmp_path / "not-a-dir", key)
    assert ("record-publish", "failure") == _events(ready.store)[-1]
    lines = audit_bytes.decode("utf-8")
    for code in ready.codes:
        assert code not in lines
    assert BOARD_PASSPHRASE not in lines
