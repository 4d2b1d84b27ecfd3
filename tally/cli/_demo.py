"""``pbvote demo``: the election lifecycle so far, end to end, on the bundled sample.

It is the headless "main job" the README points to where no display exists.
It grows with the product: each lifecycle step is added here as it lands
(DESIGN.md "Interfaces" fixes the final layout: DIR/record, DIR/receipts,
DIR/results.pdf).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ballot.manifest import load_manifest
from ballot.samples import DEFAULT_SAMPLE, sample_manifest
from ballot.storage import Store, save_election
from crypto.canonical import canonical_json
from tally.cli._common import EXIT_OK
from tally.cli._election import describe


def register(commands: Any) -> None:
    """Add the ``demo`` command."""
    p = commands.add_parser("demo", help="run the election lifecycle on the bundled sample election")
    p.add_argument("--voters", type=int, default=50, metavar="N", help="simulated residents (default 50)")
    p.add_argument("--out", type=Path, default=Path("pbvote-demo"), metavar="DIR",
                   help="output folder (default ./pbvote-demo)")
    p.add_argument("--sample", default=DEFAULT_SAMPLE, help=f"bundled sample election (default {DEFAULT_SAMPLE})")
    p.set_defaults(handler=demo)


def demo(args: argparse.Namespace) -> int:
    """Validate the sample, initialise its own SQLite store, start the record."""
    out: Path = args.out
    manifest = sample_manifest(args.sample)
    election = load_manifest(manifest)
    print(f"1. manifest {manifest} is valid; fingerprint {election.fingerprint_hex}")
    out.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{(out / 'pbvote.sqlite3').resolve()}")
    store.upgrade()
    with store.write() as session:
        save_election(session, election)
    store.close()
    print(f"2. election initialised in {out / 'pbvote.sqlite3'} (SQLite, WAL)")
    record = out / "record"
    record.mkdir(exist_ok=True)
    (record / "manifest.json").write_bytes(canonical_json(election.canonical()))
    print(f"3. record started: {record / 'manifest.json'} (canonical JSON; its SHA-256 is the fingerprint)")
    print("   Not yet in this build: key ceremony, voting codes, casting, tally, receipts, verification.")
    print()
    print("\n".join(describe(election, election.languages[0])))
    return EXIT_OK
