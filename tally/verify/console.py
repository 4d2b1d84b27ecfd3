"""The verifier's command line (``python -m tally.verify``; ``pbvote verify`` wraps it).

Exit status: 0 only when every check holds, 1 when the record (or the
receipt) is INVALID (or the ``--report`` file cannot be written), 2 for a
bad command line.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from tally.verify.board import Progress
from tally.verify.report_html import write_html_report
from tally.verify.run import verify_record
from tally.verify.summary import summarize_record

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
    parser.add_argument("--report", type=Path, metavar="FILE.html",
                        help="also write a self-contained HTML report (verdict, every check, fingerprints, "
                             "results, files' SHA-256, how to reproduce) for people and for print")


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
    report_path: Path | None = getattr(args, "report", None)
    if report_path is not None and not report_path.parent.is_dir():
        print(f"verify: --report {report_path}: no such folder {report_path.parent}", file=sys.stderr)
        return EXIT_USAGE
    progress = progress_bar(sys.stderr) if sys.stderr is not None and sys.stderr.isatty() else None
    report = verify_record(args.record, jobs=args.jobs, receipt=receipt if receipt is not None else args.receipt,
                           progress=progress)
    print(report.to_json_text() if args.json else report.to_text())
    if report_path is not None:
        try:
            write_html_report(report_path, report, summarize_record(args.record), generated_at=datetime.now(UTC))
        except OSError as exc:
            print(f"verify: cannot write the report {report_path}: {exc}", file=sys.stderr)
            return EXIT_INVALID
    return EXIT_VALID if report.valid else EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tally.verify RECORD [--json] [--receipt CODE] [--jobs N] [--report FILE.html]``."""
    parser = argparse.ArgumentParser(prog="python -m tally.verify",
                                     description="Independently verify a pbvote election record.")
    add_arguments(parser)
    return run(parser.parse_args(argv))
