"""
Time the homomorphic tally and its threshold decryption for 10,000 and 100,000 ballots, and Equal Shares on Łódź.

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

Timed: ``compute_tally`` from the closed board (streamed), the partial
decryptions of trustees 1 and 2 (with proofs), their verification, the
combination and the discrete logarithms; run in a child process whose peak
RSS is reported (``tally_100k_peak_mb``, the whole Python process).
``mes_add1_lodz_s`` is bench/rules_bench.py's method: Equal Shares with
add-one on Poland_Lodz_2022.pb read as approval ballots.

Usage: ``.venv/bin/python bench/tally_bench.py [--sizes 10000,100000]``; ends with one JSON line.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import insert

from ballot.authority import create_authority, unlock_board_key
from ballot.board import lock_state
from ballot.ceremony_record import load_ceremony, save_ceremony
from ballot.encrypt import encrypt_ballot
from ballot.manifest import load_manifest
from ballot.manifest_model import Election, ProjectId
from ballot.pabulib import read_pb
from ballot.polls import close_polls, open_polls
from ballot.registry import issue_codes, store_credentials
from ballot.samples import sample_manifest
from ballot.selection import Selection
from ballot.storage import Store, load_election, save_election
from ballot.storage.models import BoardEntryRow
from crypto.codes import credential_keypair
from crypto.hashchain import Head, append
from tally.ceremony import TrusteeShare, read_share_file, run_in_room_ceremony, write_share_file
from tally.decryption import combine, decrypt_tally, select_valid
from tally.homomorphic import compute_tally
from tally.pabulib_outcome import pabulib_outcome

PASSPHRASE = "bench passphrase"
REAL_BALLOTS = 64
PROJECTS = 20


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


def build(folder: Path, n: int) -> tuple[str, list[int]]:
    """A closed board with n ballot entries (see the module docstring); returns its URL and the true counts."""
    url = f"sqlite:///{folder / f'bench-{n}.sqlite3'}"
    store = Store(url)
    store.upgrade()
    election = bench_election()
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, PASSPHRASE)
    record, shares = run_in_room_ceremony(election, 3, 2)
    for share in shares:
        write_share_file(folder / f"bench-{n}-trustee-{share.trustee}.share", share, PASSPHRASE)
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
    expected = [0] * PROJECTS
    with store.write() as s:
        state = lock_state(s)
        head = Head(election.fingerprint, state.size, state.head_hash)
        rows = []
        for i in range(n):
            entry, head = append(head, "ballot", payloads[i % REAL_BALLOTS])
            rows.append({"position": entry.index, "kind": "ballot", "payload": payloads[i % REAL_BALLOTS],
                         "entry_hash": entry.entry_hash})
            for p in picks(i % REAL_BALLOTS):
                expected[int(p[1:])] += 1
            if len(rows) == 5000:
                s.execute(insert(BoardEntryRow), rows)
                rows = []
        if rows:
            s.execute(insert(BoardEntryRow), rows)
        state.size, state.head_hash = head.size, head.head_hash
    with store.write() as s:
        close_polls(s, key)
    store.close()
    return url, expected


def measure(url: str, folder: Path, n: int) -> dict[str, object]:
    """Child process: tally, two trustees decrypt, verify and combine; time and peak RSS."""
    store = Store(url)
    with store.read() as s:
        election = load_election(s)
        ceremony = load_ceremony(s)
    shares: list[TrusteeShare] = [read_share_file(folder / f"bench-{n}-trustee-{j}.share", PASSPHRASE,
                                                  election.fingerprint, ceremony=ceremony) for j in (1, 2)]
    _reset_peak()  # the shares' Argon2id unsealing is not part of the tally's memory
    start = time.perf_counter()
    with store.read() as s:
        tally = compute_tally(s, election)
    tallied = time.perf_counter()
    files = [(f"trustee {sh.trustee}", decrypt_tally(tally, election, sh).to_canonical_bytes()) for sh in shares]
    valid = select_valid(files, tally, election, ceremony, lambda line: print(line, file=sys.stderr))
    counts = combine(tally, election, valid, 2)
    done = time.perf_counter()
    return {"seconds": done - start, "tally_only_s": tallied - start, "counts": list(counts.of("north")),
            "peak_mb": _peak_mb()}


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    """Peak resident memory since ``_reset_peak`` (VmHWM), else the process's ru_maxrss."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Build each board, measure it in a fresh process, then time Equal Shares on Łódź; one JSON line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--child", nargs=3, metavar=("URL", "DIR", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], Path(args.child[1]), int(args.child[2]))))
        return
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="pbvote-tally-bench-") as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            start = time.perf_counter()
            url, expected = build(Path(tmp), n)
            print(f"{n}: board built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
            out = subprocess.run([sys.executable, __file__, "--child", url, tmp, str(n)], check=True,
                                 capture_output=True, text=True).stdout
            result = json.loads(out.strip().splitlines()[-1])
            assert result["counts"] == expected, "decrypted counts differ from the plaintext counts"
            label = f"{n // 1000}k"
            figures[f"tally_{label}_s"] = round(result["seconds"], 2)
            figures[f"tally_{label}_sum_only_s"] = round(result["tally_only_s"], 2)
            figures[f"tally_{label}_peak_mb"] = round(result["peak_mb"], 1)
            print(f"{n}: tally + decryption {result['seconds']:.1f} s, peak RSS {result['peak_mb']:.0f} MB, "
                  "counts correct", file=sys.stderr)
    lodz = Path(__file__).resolve().parents[2] / "shared" / "data" / "pabulib" / "Poland_Lodz_2022.pb"
    if lodz.is_file():
        pb = read_pb(lodz)
        start = time.perf_counter()
        pabulib_outcome(pb, "equalshares/add1")
        figures["mes_add1_lodz_s"] = round(time.perf_counter() - start, 2)
    figures["synthetic"] = (f"ballot entries cycle through the bytes of {REAL_BALLOTS} real encrypted ballots, "
                            "inserted directly with real chain hashes; election, ceremony, open/close, "
                            "decryption and proofs real")
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
