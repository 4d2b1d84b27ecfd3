"""Pieces every pbvote command shares: exit codes, the database, printing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
