"""Running every check of a record in order and collecting the report (spec section 31.2).

The checks are a list of functions.  Each runs inside a guard: a check that
raises (a missing file, a malformed value, a prerequisite that failed, or
any unexpected exception) becomes a failed check with the reason, so the
verifier never stops early and never shows a traceback for bad input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tally.verify.audit import check_audit, check_revocations
from tally.verify.board import BoardFacts, Progress, check_board, check_head, default_jobs
from tally.verify.errors import VerifyError
from tally.verify.files import RecordFiles
from tally.verify.group import self_test
from tally.verify.receipt import check_receipt
from tally.verify.record import (
    RecordState,
    Unavailable,
    check_authority,
    check_ceremony,
    check_credentials,
    check_fingerprint,
    check_images,
    check_kiosks,
)
from tally.verify.report import Check, Report, failed
from tally.verify.tally_checks import TALLY_CHECKS, tally_published

STATIC_CHECKS: tuple[tuple[str, Callable[[RecordState], Check]], ...] = (
    ("fingerprint", check_fingerprint),
    ("ceremony", check_ceremony),
    ("authority", check_authority),
    ("credentials", check_credentials),
    ("kiosks", check_kiosks),
    ("images", check_images),
)
"""Items 1-4 and 11 of section 31.2, in order (each may rely on the ones before)."""


def guarded(name: str, run: Callable[[], Check]) -> Check:
    """Run one check; anything it raises is that check's failure."""
    try:
        return run()
    except (VerifyError, Unavailable) as exc:
        return failed(name, str(exc))
    except Exception as exc:  # fail closed, never a traceback
        return failed(name, f"could not run ({type(exc).__name__}: {exc})")


def _libsodium() -> Check:
    self_test()
    return Check("libsodium", True, "refuses points outside the subgroup; group arithmetic self-test passed")


ReceiptLookup = Callable[[str], Check]
"""Answers one receipt (short tracking code or QR text) against a finished run (section 29)."""


def verify_record(location: Path, *, jobs: int | None = None, receipt: str | None = None,
                  progress: Progress | None = None) -> Report:
    """Verify the election record at ``location`` (directory or zip).

    Args:
        location: the record directory or its zip.
        jobs: worker processes for the ballots (1: serial, in this process; None: every core).
        receipt: a short tracking code or QR text to look up (section 29).
        progress: called with (bytes of board.jsonl done, total).

    Returns:
        The report; ``report.valid`` only when every check passed.
    """
    report, lookup = verify_with_receipts(location, jobs=jobs, progress=progress)
    if receipt is None or lookup is None:
        return report
    return Report(report.record, (*report.checks, lookup(receipt)))


def verify_with_receipts(location: Path, *, jobs: int | None = None,
                         progress: Progress | None = None) -> tuple[Report, ReceiptLookup | None]:
    """Verify the record and keep what receipts are looked up in, for any number of receipts afterwards.

    The observer screen checks receipt after receipt against one run: the board pass (minutes for a
    large record) is not repeated for each.

    Args:
        location: the record directory or its zip.
        jobs: worker processes for the ballots (1: serial, in this process; None: every core).
        progress: called with (bytes of board.jsonl done, total); whatever it raises that is not an
            Exception (a cancel) stops the run and propagates.

    Returns:
        The report, and the receipt lookup (None when the record could not be opened at all).
    """
    checks: list[Check] = [guarded("libsodium", _libsodium)]
    try:
        files = RecordFiles(location)
    except VerifyError as exc:
        return Report(str(location), (*checks, failed("record", str(exc)))), None
    try:
        state = RecordState(files)
        for name, check in STATIC_CHECKS:
            checks.append(guarded(name, lambda check=check: check(state)))  # type: ignore[misc]
        facts = BoardFacts()
        try:
            board_checks, facts = check_board(state, jobs or default_jobs(), progress)
            checks += board_checks
        except Exception as exc:  # fail closed
            checks.append(failed("board", f"could not run ({type(exc).__name__}: {exc})"))
        checks.append(guarded("head", lambda: check_head(state, facts)))
        checks.append(guarded("audit", lambda: check_audit(state, facts)))
        checks.append(guarded("revocations", lambda: check_revocations(state)))
        for name, tally_check in TALLY_CHECKS:
            checks.append(guarded(name, lambda tally_check=tally_check: tally_check(state, facts)))  # type: ignore[misc]
            if not tally_published(state):
                break  # one failed check says it: "no tally published"
    finally:
        files.close()

    def lookup(text: str) -> Check:
        return guarded("receipt", lambda: check_receipt(text, state, facts))

    return Report(str(location), tuple(checks)), lookup
