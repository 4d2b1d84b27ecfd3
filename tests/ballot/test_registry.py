"""The published credential list: batched storage, duplicates refused whole, nothing after the polls open."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.registry import RegistryError, count_credentials, credential_list, store_credentials
from crypto.signatures import generate_signing_key
from tests.ballot.box_setup import prepare_election


def _keys(n: int) -> list[bytes]:
    return [generate_signing_key().public_key for _ in range(n)]


@pytest.fixture
def ready(tmp_path: Path):  # type: ignore[no-untyped-def]
    return prepare_election(f"sqlite:///{tmp_path / 'r.sqlite3'}", 3, open_now=False)


def test_many_credentials_are_stored_in_batches_quickly(ready) -> None:  # type: ignore[no-untyped-def]
    keys = _keys(12_000)  # more than two batches of 5,000
    start = time.perf_counter()
    with ready.store.write() as s:
        assert store_credentials(s, keys) == 12_000
    assert time.perf_counter() - start < 20  # one query per key took ~17 ms each under load
    with ready.store.read() as s:
        assert count_credentials(s) == 12_003
        assert set(keys) <= set(credential_list(s))
        last = [e for e in read_audit_log(s) if e.event == "codes-generate"][-1]
        assert last.details == {"added": 12_000, "total": 12_003}


@pytest.mark.parametrize("where", ["first batch", "later batch", "within the input"])
def test_a_duplicate_refuses_the_whole_call(ready, where: str) -> None:  # type: ignore[no-untyped-def]
    keys = _keys(7_000)
    with ready.store.read() as s:
        listed = next(iter(credential_list(s)))
    if where == "first batch":
        keys[10] = listed
    elif where == "later batch":
        keys[6_500] = listed
    else:
        keys[6_900] = keys[3]
    with pytest.raises(RegistryError, match="already on the list; nothing was stored"), ready.store.write() as s:
        store_credentials(s, keys)
    with ready.store.read() as s:
        assert count_credentials(s) == 3
        assert [e.disposition for e in read_audit_log(s) if e.event == "codes-generate"][-1] == "failure"
