"""A closed board of N ballots built in seconds, for tally tests and bench/tally_bench.py.

What is real and what is synthetic: the election (20 approval projects in
one district), the key ceremony (3 trustees, threshold 2), the hash chain,
the ``open`` and ``close`` entries and 64 ballots encrypted, proven and
signed by the real client code are real.  The N board entries of kind
``ballot`` are SYNTHETIC in one respect: entry i carries the exact bytes of
real ballot ``i mod 64`` (encrypting 100,000 ballots at 15 ms each would
take 25 minutes), so ciphertexts repeat and credentials are not unique;
they are written straight into the board table with their real chain
hashes, not through the ballot box.  The tally's cost per ballot (parse,
20 ciphertext additions) is the same as for distinct ballots, and proofs
are never verified by the tally (ballots are verified once, at cast).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import insert

from ballot.authority import create_authority, unlock_board_key
from ballot.board import lock_state
from ballot.ceremony_record import save_ceremony
from ballot.encrypt import encrypt_ballot
from ballot.manifest import load_manifest
from ballot.manifest_model import Election, ProjectId
from ballot.polls import close_polls, open_polls
from ballot.registry import issue_codes, store_credentials
from ballot.samples import sample_manifest
from ballot.selection import Selection
from ballot.storage import Store, save_election
from ballot.storage.models import BoardEntryRow
from crypto.codes import credential_keypair
from crypto.hashchain import Head, append
from tally.ceremony import run_in_room_ceremony, write_share_file

PASSPHRASE = "bench passphrase"
"""The ballot-box key's and every trustee share's passphrase."""
REAL_BALLOTS = 64
PROJECTS = 20


@dataclass(frozen=True)
class BigBoard:
    """A closed board: its database URL, the true counts per project (b00..b19) and the share file of trustee j."""

    url: str
    expected: list[int]
    folder: Path
    n: int

    def share_file(self, j: int) -> Path:
        return self.folder / f"bench-{self.n}-trustee-{j}.share"


def bench_election() -> Election:
    """The sample election reduced to one district of 20 approval projects (ids b00..b19)."""
    base = load_manifest(sample_manifest("taipei-daan"))
    north = base.districts[0]
    source = base.projects_in("north")
    projects = tuple(replace(source[i % len(source)], id=ProjectId(f"b{i:02d}"), image=None) for i in range(PROJECTS))
    district = replace(north, ballot=replace(north.ballot, min_picks=0, max_picks=PROJECTS))
    return replace(base, id="bench-tally-20", districts=(district,), projects=projects)


def picks(i: int) -> frozenset[str]:
    """Real ballot i's picks: a varying 1..6 projects."""
    return frozenset(f"b{(i * 7 + k * 3) % PROJECTS:02d}" for k in range(1 + i % 6))


def build_board(folder: Path, n: int) -> BigBoard:
    """A closed board with n ballot entries in ``folder`` (see the module docstring)."""
    url = f"sqlite:///{folder / f'bench-{n}.sqlite3'}"
    store = Store(url)
    store.upgrade()
    election = bench_election()
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, PASSPHRASE)
    record, shares = run_in_room_ceremony(election, 3, 2)
    board = BigBoard(url, [0] * PROJECTS, folder, n)
    for share in shares:
        write_share_file(board.share_file(share.trustee), share, PASSPHRASE)
    codes, credentials = issue_codes(REAL_BALLOTS, election.fingerprint)
    with store.write() as s:
        save_ceremony(s, record)
        store_credentials(s, sorted(credentials))
    with store.read() as s:
        key = unlock_board_key(s, PASSPHRASE)
    with store.write() as s:
        open_polls(s, key)
    payloads = [encrypt_ballot(election, record.public_key, Selection("north", picks(i)),
                               credential_keypair(code, election.fingerprint)[0]).to_bytes()
                for i, code in enumerate(codes)]
    with store.write() as s:
        state = lock_state(s)
        head = Head(election.fingerprint, state.size, state.head_hash)
        rows = []
        for i in range(n):
            entry, head = append(head, "ballot", payloads[i % REAL_BALLOTS])
            rows.append({"position": entry.index, "kind": "ballot", "payload": payloads[i % REAL_BALLOTS],
                         "entry_hash": entry.entry_hash})
            for p in picks(i % REAL_BALLOTS):
                board.expected[int(p[1:])] += 1
            if len(rows) == 5000:
                s.execute(insert(BoardEntryRow), rows)
                rows = []
        if rows:
            s.execute(insert(BoardEntryRow), rows)
        state.size, state.head_hash = head.size, head.head_hash
    with store.write() as s:
        close_polls(s, key)
    store.close()
    return board
