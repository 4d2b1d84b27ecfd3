"""``pbvote roll import|check-in``: the voter-roll eligibility mode (ID number + birth date).

``import`` creates the roll key (sealed in KEYFILE with ``$PBVOTE_PASSPHRASE``
or a typed passphrase; never stored in the database) and stores only keyed
hashes of the roll.  ``check-in`` is what an attendant's kiosk does before a
resident votes: exit 0 checked in, 3 already checked in, 4 not on the roll.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ballot.roll import (
    AlreadyCheckedIn,
    CheckedIn,
    check_in,
    import_roll,
    new_roll_key,
    read_roll_csv,
    read_roll_key,
    write_roll_key,
)
from ballot.storage import load_election
from tally.cli._common import EXIT_OK, CliError, add_db_option, existing_file, open_store, read_passphrase

ROLL_PASSPHRASE_ENV = "PBVOTE_PASSPHRASE"


def register(commands: Any) -> None:
    """Add the ``roll`` command group."""
    roll = commands.add_parser("roll", help="voter roll: import it (keyed hashes only) and check residents in")
    sub = roll.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("import", help="store keyed hashes of ROLL.csv (columns id, birth_date); key to KEYFILE")
    p.add_argument("roll", type=existing_file, metavar="ROLL.csv")
    p.add_argument("--key-out", type=Path, required=True, metavar="KEYFILE")
    add_db_option(p)
    p.set_defaults(handler=import_cmd)
    p = sub.add_parser("check-in", help="check a resident in (exit 0 ok, 3 already checked in, 4 not on the roll)")
    p.add_argument("--key", type=existing_file, required=True, metavar="KEYFILE")
    p.add_argument("--id", required=True, dest="id_number", metavar="ID")
    p.add_argument("--birth-date", required=True, metavar="YYYY-MM-DD")
    add_db_option(p)
    p.set_defaults(handler=check_in_cmd)


def import_cmd(args: argparse.Namespace) -> int:
    """Import the roll and create its key file."""
    entries = read_roll_csv(args.roll)
    if args.key_out.exists():
        raise CliError(f"{args.key_out}: already exists; refusing to overwrite a key file")
    store = open_store(args)
    try:
        with store.read() as s:
            election = load_election(s)
        if election.eligibility != "roll":
            raise CliError(f"election {election.id} uses eligibility mode {election.eligibility!r}, not 'roll'")
        passphrase = read_passphrase(ROLL_PASSPHRASE_ENV, "the roll key file", confirm=True)
        key = new_roll_key(election.fingerprint)
        write_roll_key(args.key_out, key, passphrase)
        try:
            with store.write() as s:
                added = import_roll(s, key, entries)
        except BaseException:
            args.key_out.unlink(missing_ok=True)
            raise
    finally:
        store.close()
    print(f"{added} roll entries stored as keyed hashes; roll key sealed in {args.key_out} (mode 0600)")
    return EXIT_OK


def check_in_cmd(args: argparse.Namespace) -> int:
    """Check one resident in."""
    store = open_store(args)
    try:
        with store.read() as s:
            election = load_election(s)
        key = read_roll_key(args.key, read_passphrase(ROLL_PASSPHRASE_ENV, "the roll key file", confirm=False),
                            election.fingerprint)
        with store.write() as s:
            result = check_in(s, key, args.id_number, args.birth_date)
    finally:
        store.close()
    if isinstance(result, CheckedIn):
        print("checked in: the resident may vote now")
        return EXIT_OK
    if isinstance(result, AlreadyCheckedIn):
        print("already checked in today or earlier: this resident has already voted")
        return 3
    print("not on the roll: check the ID number and birth date")
    return 4
