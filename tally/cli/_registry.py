"""``pbvote codes generate`` and ``pbvote kiosks register``: who may vote, and where.

Codes are written to files first under temporary names, the public
credentials are committed to the database, and only then are the files
moved into place: letters are never mailed for codes the ballot box does
not know.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ballot.kiosk_key import KioskKey, write_kiosk_key
from ballot.registry import register_kiosk, revoke_kiosk
from ballot.storage import load_election
from crypto.signatures import generate_signing_key
from tally.cli._common import EXIT_OK, CliError, add_db_option, open_store, read_passphrase

KIOSK_PASSPHRASE_ENV = "PBVOTE_PASSPHRASE"


def register(commands: Any) -> None:
    """Add the ``codes`` and ``kiosks`` command groups."""
    codes = commands.add_parser("codes", help="voting codes: generate codes, letters and the credential list")
    sub = codes.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("generate", help="N new codes: DIR/codes.csv (mail merge), DIR/letters.pdf, DIR/cards.pdf",
                       description="Draw N voting codes, publish their public credentials in the election, and "
                                   "write DIR/codes.csv (column 'code'), DIR/letters.pdf (one letter per page) and "
                                   "DIR/cards.pdf (a sheet of cards). The codes are secrets: the database keeps "
                                   "only the public credentials.")
    p.add_argument("--count", type=int, required=True, metavar="N")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    add_db_option(p)
    p.set_defaults(handler=generate_codes)
    kiosks = commands.add_parser("kiosks", help="register or revoke kiosks (device signing keys)")
    sub = kiosks.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("register", help="create a kiosk's key file and register its public key",
                       description="Create a device signing key for kiosk NAME, seal it into KEYFILE with a "
                                   f"passphrase (${KIOSK_PASSPHRASE_ENV} or typed twice) and register its public "
                                   "key in the election.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--out", type=Path, required=True, metavar="KEYFILE")
    add_db_option(p)
    p.set_defaults(handler=register_kiosk_cmd)
    p = sub.add_parser("revoke", help="revoke a kiosk: the ballot box refuses its ballots from now on",
                       description="Revoke kiosk NAME (a lost or stolen device): the ballot box refuses every "
                                   "ballot it signs from now on; ballots it signed before stay valid. The record "
                                   "marks it revoked with the board height, and the revocation is audited.")
    p.add_argument("name", metavar="NAME")
    add_db_option(p)
    p.set_defaults(handler=revoke_kiosk_cmd)


def _say(line: str) -> None:
    print(line, flush=True)


def generate_codes(args: argparse.Namespace) -> int:
    """Generate codes, letters and cards; publish the credentials."""
    from ballot.code_batch import generate_code_batch

    store = open_store(args)
    try:
        with store.read() as s:
            election = load_election(s)
        batch = generate_code_batch(store, args.count, args.out, progress=_say)
    finally:
        store.close()
    added, targets = batch.added, batch.files
    print(f"{added} public credentials added to election {election.id}")
    for target in targets:
        print(f"  {target} (mode 0600: it holds secret codes)")
    return EXIT_OK


def register_kiosk_cmd(args: argparse.Namespace) -> int:
    """Create a kiosk key file and register the kiosk."""
    target: Path = args.out
    if target.exists():
        raise CliError(f"{target}: already exists; refusing to overwrite a key file")
    store = open_store(args)
    try:
        with store.read() as s:
            election = load_election(s)
        passphrase = read_passphrase(KIOSK_PASSPHRASE_ENV, f"kiosk {args.name}'s key file", confirm=True)
        key = generate_signing_key()
        write_kiosk_key(target, KioskKey(election.fingerprint, args.name, key), passphrase)
        try:
            with store.write() as s:
                register_kiosk(s, args.name, key.public_key)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    finally:
        store.close()
    print(f"kiosk {args.name} registered; public key {key.public_key.hex()}")
    print(f"  key file {target} (mode 0600, sealed by its passphrase)")
    return EXIT_OK


def revoke_kiosk_cmd(args: argparse.Namespace) -> int:
    """Revoke a registered kiosk."""
    store = open_store(args)
    try:
        with store.write() as s:
            height = revoke_kiosk(s, args.name)
    finally:
        store.close()
    print(f"kiosk {args.name} revoked at board height {height}: its ballots are refused from now on")
    return EXIT_OK
