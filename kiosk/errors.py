"""Exceptions raised by kiosk/, and the one error presenter: a calm message for the resident, a log line for officials.

Every failure of a session step (checking a code, encrypting, casting,
checking a ballot, printing) goes through ``show_error``: it classifies the
failure, writes one log line (type and reason, never a choice or a code),
and opens the error notice with a translated message that says what
happened to the ballot and what to do next.  No traceback ever reaches the
screen, and the notice always offers a way on (try again, or go back), so
the resident's place is never lost silently.
"""

from __future__ import annotations

import logging
from typing import Protocol

from kiosk.qt import QCoreApplication

__all__ = ["STAGES", "STOPPING_KINDS", "ErrorSink", "KioskError", "classify", "error_texts", "show_error"]

log = logging.getLogger("kiosk.errors")

STAGES = ("eligibility", "encrypt", "cast", "check", "print")
"""The session steps that can fail."""

STOPPING_KINDS = frozenset({"mismatch", "forged"})
"""Kinds that offer no "try again": the ballot box could not be trusted, the resident is sent to the officials."""


class KioskError(Exception):
    """Base class of every error raised by kiosk/."""


class ErrorSink(Protocol):
    """What shows the message (kiosk.widgets.ErrorNotice)."""

    def open(self, stage: str, kind: str, *, retry: bool) -> None:
        """Show the message for ``stage`` and ``kind``; offer "try again" when ``retry``."""


def classify(problem: object) -> tuple[str, str]:
    """Return ``(kind, detail)``: kind "unreachable", "unanswered", "refused", "mismatch", "forged" or
    "unexpected", detail for the log only.

    A problem is an exception a step raised, or a ballot-box result that is
    not an outcome the screens handle themselves (InvalidBallotResult).  The
    remote ballot box (home mode) adds three: "unanswered" (ServiceUnavailable:
    a cast's outcome is unknown, resending the same bytes is safe), "mismatch"
    (ElectionMismatch) and "forged" (ForgedReceipt); the last two stop the
    session (no "try again").
    """
    from ballot.box import InvalidBallotResult
    from ballot.errors import StorageError
    from ballot.service.errors import ElectionMismatch, ForgedReceipt, ServiceUnavailable

    if isinstance(problem, InvalidBallotResult):
        return "refused", problem.reason
    if isinstance(problem, ForgedReceipt):
        return "forged", f"ForgedReceipt: {problem}"
    if isinstance(problem, ElectionMismatch):
        return "mismatch", f"ElectionMismatch: {problem}"
    if isinstance(problem, ServiceUnavailable):
        return "unanswered", f"ServiceUnavailable: {problem}"
    if isinstance(problem, StorageError | OSError | TimeoutError):
        return "unreachable", f"{type(problem).__name__}: {problem}"
    return "unexpected", type(problem).__name__


def show_error(sink: ErrorSink, stage: str, problem: object, *, retry: bool = True) -> str:
    """Log ``problem`` for officials and show the resident the calm message for it; return its kind."""
    kind, detail = classify(problem)
    retry = retry and kind not in STOPPING_KINDS
    if kind == "unexpected" and isinstance(problem, BaseException):
        log.error("kiosk: %s failed unexpectedly: %s", stage, detail, exc_info=problem)
    else:
        log.error("kiosk: %s failed (%s): %s", stage, kind, detail)
    sink.open(stage, kind, retry=retry)
    return kind


def error_texts(stage: str, kind: str) -> tuple[str, str]:
    """The title and message for a failed ``stage`` of ``kind``, in the installed language.

    Casting failures say the ballot was not cast and the choices are kept;
    the other stages say nothing was recorded or sent. Each source text is
    literal, so lupdate finds it.
    """
    if kind == "forged":
        return (QCoreApplication.translate("Errors", "The ballot box could not be verified"),
                QCoreApplication.translate("Errors", "The ballot box's answer did not check out, so this kiosk has "
                                                     "stopped here. Please contact the election officials and tell "
                                                     "them what happened. Do not use this receipt as proof of "
                                                     "voting."))
    if kind == "mismatch":
        return (QCoreApplication.translate("Errors", "The ballot box could not be verified"),
                QCoreApplication.translate("Errors", "This kiosk is connected to a ballot box for another election, "
                                                     "or one that does not check out, so it has stopped here. Please "
                                                     "contact the election officials."))
    if stage == "print":
        return (QCoreApplication.translate("Errors", "The receipt did not print"),
                QCoreApplication.translate("Errors", "Your ballot was cast and counts. The receipt could not be "
                                                     "printed: try again, or write down the tracking code shown on "
                                                     "the screen."))
    if stage != "cast":
        title = QCoreApplication.translate("Errors", "Something went wrong")
        if stage == "eligibility":
            return title, QCoreApplication.translate("Errors", "The kiosk could not check your code just now. "
                                                               "Nothing was recorded. Please try again.")
        if stage == "check":
            return title, QCoreApplication.translate("Errors", "Your ballot could not be checked just now. Nothing "
                                                               "was cast. Please try again.")
        return title, QCoreApplication.translate("Errors", "Your ballot could not be prepared. Nothing was sent. "
                                                           "Please try again.")
    title = QCoreApplication.translate("Errors", "Your ballot was not cast")
    if kind == "refused":
        return title, QCoreApplication.translate("Errors", "The ballot box did not accept this ballot, so it was "
                                                           "not cast. Your choices are kept: please try again. If "
                                                           "it happens again, ask a poll worker for help.")
    if kind == "unanswered":
        return (QCoreApplication.translate("Errors", "The ballot box did not answer"),
                QCoreApplication.translate("Errors", "We do not know yet whether your ballot was recorded. Please "
                                                     "try again: the very same ballot is sent again, and it can "
                                                     "never count twice."))
    if kind == "unreachable":
        return title, QCoreApplication.translate("Errors", "The ballot box cannot be reached. Your ballot was not "
                                                           "cast. Your choices are kept: please try again in a "
                                                           "moment.")
    return title, QCoreApplication.translate("Errors", "Something unexpected happened and your ballot was not "
                                                       "cast. Your choices are kept: please try again, or ask a "
                                                       "poll worker for help.")
