"""The verifier's command line (``python -m tally.verify``; ``pbvote verify`` wraps it).

Exit status: 0 only when every check holds, 1 when the record (or the
receipt) is INVALID, 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from tally.verify.board import Progress
from tally.verify.run import verify_record

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options shared by ``python -m tally.verify`` and ``pbvote verify``."""
    parser.add_argument("record", type=Path, metavar="RECORD", help="the election record directory (or its zip)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable JSON report")
    parser.add_argument("--receipt", metavar="CODE",
                        help="also look up a receipt: its short tracking code or its QR text PBV1:...")
    parser.add_argument("--jobs", type=int, metavar="N", default=None,
                        help="worker processes for the ballot proofs (default: every core; 1: serial)")


def progress_bar(stream: TextIO) -> Progress:
    """A one-line progress bar with ETA on ``stream`` (redrawn at most ten times a second)."""
    start = time.monotonic()
    last = 0.0

    def show(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last < 0.1 and done < total:
            return
        last = now
        fraction = done / total if total else 1.0
        eta = (now - start) * (1 - fraction) / fraction if fraction > 0 else 0.0
        bar = "#" * int(30 * fraction)
        stream.write(f"\rboard.jsonl [{bar:<30}] {100 * fraction:5.1f}%  ETA {int(eta) // 60}:{int(eta) % 60:02d} ")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def run(args: argparse.Namespace, receipt: str | None = None) -> int:
    """Verify, print the report and return the exit status."""
    if args.jobs is not None and args.jobs < 1:
        print("verify: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    progress = progress_bar(sys.stderr) if sys.stderr is not None and sys.stderr.isatty() else None
    report = verify_record(args.record, jobs=args.jobs, receipt=receipt if receipt is not None else args.receipt,
                           progress=progress)
    print(report.to_json_text() if args.json else report.to_text())
    return EXIT_VALID if report.valid else EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tally.verify RECORD [--json] [--receipt CODE] [--jobs N]``."""
    parser = argparse.ArgumentParser(prog="python -m tally.verify",
                                     description="Independently verify a pbvote election record.")
    add_arguments(parser)
    return run(parser.parse_args(argv))
