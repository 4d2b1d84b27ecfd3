"""Pieces every pbvote command shares: exit codes, the database, printing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ballot.storage import Store
    from crypto.signatures import SigningKey

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A failure to report as one line on stderr, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


def check_own_packages() -> None:
    """Stop with a clear message if ``crypto`` & co. are other PyPI packages of the same name.

    The names crypto, ballot, tally and kiosk exist on PyPI; installing pbvote
    outside its own virtual environment could silently import the wrong one.
    """
    import crypto

    if not getattr(crypto, "__pbvote__", False):
        where = getattr(crypto, "__file__", "?")
        print(f"pbvote: error: the module 'crypto' at {where} is not pbvote's; "
              "install pbvote in its own virtual environment", file=sys.stderr)
        sys.exit(EXIT_ERROR)


def db_url(args: argparse.Namespace) -> str | None:
    """The --db given anywhere on the command line (None: $PBVOTE_DB or the default)."""
    value = getattr(args, "db", None)
    return value if isinstance(value, str) else None


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """Accept --db after the subcommand too (``pbvote election init X --db URL``)."""
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL (default: $PBVOTE_DB or SQLite in the user-data folder)")


def existing_file(text: str) -> Path:
    """argparse type: a file that exists (a clear message otherwise)."""
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{text}: no such file")
    return path


BOARD_PASSPHRASE_ENV = "PBVOTE_BOARD_PASSPHRASE"
"""The ballot-box key's passphrase, for scripts (officials type it otherwise)."""
_PASSPHRASE_ATTEMPTS = 3


def interactive() -> bool:
    """Whether passphrases can be typed (a terminal on stdin)."""
    return sys.stdin is not None and sys.stdin.isatty()


def read_passphrase(env: str, who: str, *, confirm: bool) -> str:
    """A passphrase from ``$env``, else typed at a terminal (twice when ``confirm``).

    Args:
        env: the variable scripts set, e.g. ``PBVOTE_BOARD_PASSPHRASE``.
        who: whose passphrase, for prompts and errors, e.g. ``"the ballot-box key"``.
        confirm: ask twice (when choosing a new passphrase).

    Raises:
        CliError: if it is empty, never confirmed, or there is neither the
            variable nor a terminal (the message names the variable, never the value).
    """
    import getpass
    import os

    value = os.environ.get(env)
    if value is not None:
        if not value:
            raise CliError(f"${env} is empty: {who} needs a non-empty passphrase")
        return value
    if not interactive():
        raise CliError(f"no passphrase for {who}: set ${env} or run at a terminal to type it")
    for _ in range(_PASSPHRASE_ATTEMPTS):
        first = getpass.getpass(f"{who[:1].upper()}{who[1:]}, {'choose your' if confirm else 'your'} passphrase: ")
        if not first:
            print("  The passphrase cannot be empty.", file=sys.stderr)
            continue
        if not confirm or getpass.getpass(f"{who[:1].upper()}{who[1:]}, type it again: ") == first:
            return first
        print("  The two entries differ; please start again.", file=sys.stderr)
    raise CliError(f"{who}: no passphrase confirmed after {_PASSPHRASE_ATTEMPTS} attempts; nothing was written")


def open_store(args: argparse.Namespace) -> Store:
    """The database of ``--db``, checked to be at the current schema with an election in it."""
    from ballot.storage import Store

    store = Store(db_url(args))
    store.require_current()
    return store


def unlock_board(store: Store) -> SigningKey:
    """The ballot-box key, unlocked with ``$PBVOTE_BOARD_PASSPHRASE`` or a typed passphrase."""
    from ballot.authority import unlock_board_key

    passphrase = read_passphrase(BOARD_PASSPHRASE_ENV, "the ballot-box key", confirm=False)
    with store.read() as s:
        return unlock_board_key(s, passphrase)
