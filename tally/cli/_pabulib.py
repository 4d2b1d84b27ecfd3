"""``pbvote pabulib import|outcome``: real pabulib elections in and out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ballot.pabulib import read_pb
from ballot.pabulib_manifest import import_pb
from tally.cli._common import EXIT_OK, existing_file
from tally.pabulib_outcome import PB_RULE_NAMES


def register(commands: Any) -> None:
    """Add the ``pabulib`` command group."""
    group = commands.add_parser("pabulib", help="import pabulib .pb files and compute their outcomes")
    sub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("import", help="write a pbvote manifest for a .pb file")
    p.add_argument("file", type=existing_file, metavar="FILE.pb")
    p.add_argument("--out", type=Path, required=True, metavar="MANIFEST.toml")
    p.set_defaults(handler=import_)
    p = sub.add_parser("outcome", help="compute the winners from the file's plaintext votes (one JSON line)")
    p.add_argument("file", type=existing_file, metavar="FILE.pb")
    p.add_argument("--rule", choices=PB_RULE_NAMES, metavar="RULE",
                   help=f"outcome rule (default: the file's META rule); one of: {', '.join(PB_RULE_NAMES)}")
    p.set_defaults(handler=outcome)


def import_(args: argparse.Namespace) -> int:
    """Convert a .pb file into a manifest and validate it."""
    election = import_pb(read_pb(args.file), args.file, args.out)
    print(f"{args.out}: {len(election.projects)} projects; election {election.id}, "
          f"fingerprint {election.fingerprint_hex}")
    return EXIT_OK


def outcome(args: argparse.Namespace) -> int:
    """Print the outcome of a .pb file's votes under its rule (or --rule)."""
    from tally.pabulib_outcome import pabulib_outcome

    result = pabulib_outcome(read_pb(args.file), args.rule)
    print(json.dumps({"selected": list(result.selected), "rule": result.rule}))
    return EXIT_OK
