"""``pbvote election validate|show|init``: check a manifest and set up the database."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ballot.authority import create_authority, has_authority
from ballot.manifest import load_manifest
from ballot.manifest_model import Election, short_fingerprint
from ballot.storage import Store, save_election
from tally.cli._common import BOARD_PASSPHRASE_ENV, EXIT_OK, add_db_option, db_url, existing_file, read_passphrase


def register(commands: Any) -> None:
    """Add the ``election`` command group."""
    group = commands.add_parser("election", help="validate, show or initialise an election manifest")
    sub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("validate", help="check a manifest; prints its fingerprint")
    p.add_argument("manifest", type=existing_file, metavar="MANIFEST.toml")
    p.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    p.set_defaults(handler=validate)
    p = sub.add_parser("show", help="fingerprint, districts, projects, costs and rules")
    p.add_argument("manifest", type=existing_file, metavar="MANIFEST.toml")
    p.add_argument("--json", action="store_true", help="print the canonical manifest and fingerprint as JSON")
    p.add_argument("--lang", help="language of the texts (default: the election's first)")
    p.set_defaults(handler=show)
    p = sub.add_parser("init", help="store the election in the database (created and migrated as needed)")
    p.add_argument("manifest", type=existing_file, metavar="MANIFEST.toml")
    add_db_option(p)
    p.set_defaults(handler=init)


def validate(args: argparse.Namespace) -> int:
    """Validate a manifest (errors raise InvalidManifest, reported by main)."""
    election = load_manifest(args.manifest)
    if args.json:
        print(json.dumps({"valid": True, "election": election.id, "fingerprint": election.fingerprint_hex}))
    else:
        print(f"{args.manifest}: valid; election {election.id}, fingerprint {election.fingerprint_hex}")
    return EXIT_OK


def show(args: argparse.Namespace) -> int:
    """Print the election as officials check it before initialising it."""
    election = load_manifest(args.manifest)
    if args.json:
        print(json.dumps({"fingerprint": election.fingerprint_hex, "manifest": election.canonical()},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = args.lang or election.languages[0]
    print("\n".join(describe(election, lang)))
    return EXIT_OK


def describe(election: Election, lang: str) -> list[str]:
    """Human-readable summary lines of an election in one language."""
    lines = [
        election.title.get(lang),
        f"  election id   {election.id}",
        f"  fingerprint   {election.fingerprint_hex}",
        f"  short form    {short_fingerprint(election.fingerprint)}",
        f"  polls         {election.opens.isoformat()} to {election.closes.isoformat()}",
        f"  languages     {', '.join(election.languages)}",
        f"  trustees      {election.threshold} of {election.trustees} needed to decrypt",
        f"  eligibility   {'voting codes' if election.eligibility == 'codes' else 'voter roll'}",
    ]
    for d in election.districts:
        b, o = d.ballot, d.outcome
        if b.type == "cumulative":
            ballot = f"cumulative, {b.points} points, at most {b.max_per_project} per project"
        else:
            ballot = f"{b.type}, {b.min_picks} to {b.max_picks} picks"
            if b.type == "knapsack":
                ballot += ", total cost within the budget"
        outcome = o.rule + (f", at least {o.threshold:,} votes" if o.threshold else "")
        if o.rule == "equal-shares":
            outcome += f", completion {o.completion}, then {o.fill}"
        lines += ["", f"District {d.id}: {d.name.get(lang)}",
                  f"  budget {d.budget:,} {d.currency}; ballot: {ballot}; outcome: {outcome}",
                  f"  {'project':<10} {'cost':>14}  {'category':<14} title"]
        for p in election.projects_in(d.id):
            lines.append(f"  {p.id:<10} {p.cost:>14,}  {p.category or '-':<14} {p.title.get(lang)}")
    return lines


def init(args: argparse.Namespace) -> int:
    """Create/migrate the database and store the election in it."""
    election = load_manifest(args.manifest)
    store = Store(db_url(args))
    store.upgrade()
    with store.read() as session:
        has_key = has_authority(session)
    passphrase = "" if has_key else read_passphrase(
        BOARD_PASSPHRASE_ENV, "the ballot-box key (choose one; officials need it to open and close the polls)",
        confirm=True)
    with store.write() as session:
        created = save_election(session, election)
        board_key, _ = create_authority(session, election, passphrase)
    state = "initialised" if created else "already initialised"
    print(f"election {election.id} {state} in {store.describe()}; fingerprint {election.fingerprint_hex}")
    print(f"ballot-box key {board_key.hex()} (its seed is sealed in the database by the passphrase)")
    store.close()
    return EXIT_OK
