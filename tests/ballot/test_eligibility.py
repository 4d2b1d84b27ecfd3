"""ballot.eligibility.check_code on SQLite: the three answers, a checked ballot keeps the code usable, no writes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ballot.eligibility import AlreadyVoted, Eligible, NotRegistered, check_code
from crypto.codes import credential_keypair
from crypto.signatures import generate_signing_key
from tests.ballot.box_setup import prepare_election


def fingerprint_files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("box.sqlite3*"))
            if not p.name.endswith("-shm")}


def test_check_code_answers_without_writing(tmp_path: Path) -> None:
    ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", 3)
    box = ready.box()
    public = [credential_keypair(code, ready.election.fingerprint)[1] for code in ready.codes]
    stranger = generate_signing_key().public_key
    assert [Eligible(), Eligible(), Eligible()] == [check_code(ready.store, p) for p in public]
    assert NotRegistered() == check_code(ready.store, stranger)
    box.cast(ready.ballot(ready.codes[0]).to_bytes())
    checked = ready.ballot(ready.codes[1])
    box.spoil(checked.to_bytes(), checked.values, checked.nonces)  # a Benaloh check spends nothing
    before = fingerprint_files(tmp_path)
    with ready.store.read() as session:  # a caller's own session works too
        answers = [check_code(session, p) for p in public] + [check_code(session, stranger)]
    answers += [check_code(ready.store, p) for p in public]
    assert [AlreadyVoted(), Eligible(), Eligible(), NotRegistered()] == answers[:4]
    assert answers[4:] == answers[:3]
    assert before == fingerprint_files(tmp_path)
    ready.store.close()
