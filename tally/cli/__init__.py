"""``pbvote``: the officials' and observers' command line.

The commands, flags and exit codes are a public contract (docs/cli.md,
DESIGN.md "Interfaces"): officials script elections with them.  Errors
print one line to stderr and exit non-zero; a traceback appears only with
``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from tally.cli._common import EXIT_ERROR, EXIT_OK, CliError, check_own_packages

EPILOG = """exit status: 0 success, 1 error (the message says what and where), 2 bad command line;
'pbvote cast' also uses 3 already voted, 4 not eligible, 5 polls closed, 6 invalid ballot.
The database is --db URL, else $PBVOTE_DB, else SQLite in the user-data folder."""


def _version() -> str:
    try:
        return version("pbvote")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """Assemble the command tree (each command group registers itself)."""
    from tally.cli import (
        _audit,
        _demo,
        _election,
        _pabulib,
        _registry,
        _roll,
        _serve,
        _tally,
        _trustees,
        _verify,
        _voting,
    )

    parser = argparse.ArgumentParser(
        prog="pbvote", description="Verifiable participatory budgeting: run and check elections.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"pbvote {_version()}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")
    parser.add_argument("--db", metavar="URL", help="database URL (sqlite:///FILE or postgresql://...)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in (_election, _trustees, _registry, _roll, _voting, _tally, _pabulib, _demo, _verify, _serve, _audit):
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one pbvote command and return its exit status."""
    check_own_packages()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
        return status
    except CliError as exc:
        print(f"pbvote: error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("pbvote: interrupted; nothing was left half-written", file=sys.stderr)
        return 130
    except Exception as exc:  # the one place that turns any failure into one line
        if args.debug:
            raise
        from ballot.errors import BallotError
        from crypto.errors import CryptoError
        from tally.errors import TallyError

        if isinstance(exc, BallotError | CryptoError | TallyError | OSError):
            print(f"pbvote: error: {exc}", file=sys.stderr)
        else:
            print(f"pbvote: internal error ({type(exc).__name__}): {exc}; run with --debug for details",
                  file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["EXIT_OK", "build_parser", "main"]
