"""What the observer screen says in plain language: check names and the outcomes of a receipt check.

The verifier reports in English and in its own terms (tally.verify); this
module turns its check names into translated titles and sorts a receipt
check into the outcomes a resident needs told apart: on the board and
counted, a checked (spoiled) ballot, NOT on the board, not a valid code, or
another problem.  The verifier's own line stays on screen below as detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from kiosk.i18n import fill
from kiosk.qt import QCoreApplication
from tally.verify.report import Check

__all__ = [
    "ReceiptAnswer", "ReceiptOutcome", "check_title", "check_titles", "classify_receipt", "receipt_message",
]


def check_titles() -> dict[str, str]:
    """A readable title for each check of tally.verify, in the installed language (others keep their own name)."""
    return {
        "libsodium": QCoreApplication.translate("ObserverTexts", "Cryptography library self-test"),
        "record": QCoreApplication.translate("ObserverTexts", "Reading the record"),
        "fingerprint": QCoreApplication.translate("ObserverTexts", "Election fingerprint"),
        "ceremony": QCoreApplication.translate("ObserverTexts", "Trustees' key ceremony"),
        "authority": QCoreApplication.translate("ObserverTexts", "Ballot box key"),
        "credentials": QCoreApplication.translate("ObserverTexts", "Voter credentials"),
        "kiosks": QCoreApplication.translate("ObserverTexts", "Registered kiosks"),
        "images": QCoreApplication.translate("ObserverTexts", "Project pictures"),
        "board": QCoreApplication.translate("ObserverTexts", "Bulletin board"),
        "chain": QCoreApplication.translate("ObserverTexts", "Bulletin board hash chain"),
        "entry kinds": QCoreApplication.translate("ObserverTexts", "Kinds of board entries"),
        "polls": QCoreApplication.translate("ObserverTexts", "Opening and closing of the polls"),
        "ballots": QCoreApplication.translate("ObserverTexts", "Ballots: signatures, proofs, one per voter"),
        "spoiled": QCoreApplication.translate("ObserverTexts", "Checked (spoiled) ballots"),
        "ciphertexts": QCoreApplication.translate("ObserverTexts", "No encrypted choice reused"),
        "head": QCoreApplication.translate("ObserverTexts", "Signed head of the board"),
        "audit": QCoreApplication.translate("ObserverTexts", "Officials' audit log"),
        "revocations": QCoreApplication.translate("ObserverTexts", "No ballots from revoked kiosks"),
        "tally": QCoreApplication.translate("ObserverTexts", "Encrypted tally"),
        "decryptions": QCoreApplication.translate("ObserverTexts", "Trustees' partial decryptions"),
        "counts": QCoreApplication.translate("ObserverTexts", "Vote counts"),
        "outcomes": QCoreApplication.translate("ObserverTexts", "Funded projects (outcome rule)"),
        "results": QCoreApplication.translate("ObserverTexts", "Signed results"),
        "receipt": QCoreApplication.translate("ObserverTexts", "Receipt"),
    }


def check_title(name: str) -> str:
    """The translated title of a verifier check (its own name when the observer screen does not know it)."""
    return check_titles().get(name, name)


class ReceiptOutcome(Enum):
    """The answers a receipt check can give, as a resident needs them told apart."""

    COUNTED = "counted"
    """On the board and included in the verified tally."""
    ON_BOARD = "on board"
    """On the board, valid; no tally published yet."""
    SPOILED = "spoiled"
    """A ballot the resident checked (Benaloh): published, not counted."""
    NOT_ON_BOARD = "not on board"
    TYPO = "typo"
    PROBLEM = "problem"
    """Anything else: another election, a forged receipt, an invalid ballot, a tally that does not verify."""


@dataclass(frozen=True)
class ReceiptAnswer:
    """A receipt check sorted for people: its outcome, the board position if any, and the verifier's words."""

    outcome: ReceiptOutcome
    position: int | None
    detail: str

    @property
    def good(self) -> bool:
        """Whether the receipt checks out (the ballot is where it should be)."""
        return self.outcome in (ReceiptOutcome.COUNTED, ReceiptOutcome.ON_BOARD, ReceiptOutcome.SPOILED)


_POSITION = re.compile(r"at position (\d+)")


def classify_receipt(check: Check) -> ReceiptAnswer:
    """Sort the verifier's receipt check (tally/verify/receipt.py's wording) into a :class:`ReceiptOutcome`."""
    summary = check.summary
    match = _POSITION.search(summary)
    position = int(match.group(1)) if match else None
    if summary.startswith("not a valid code"):
        outcome = ReceiptOutcome.TYPO
    elif "NOT on the board" in summary:
        outcome = ReceiptOutcome.NOT_ON_BOARD
    elif check.ok and "spoiled (checked) ballot" in summary:
        outcome = ReceiptOutcome.SPOILED
    elif check.ok and summary.endswith("included in the tally"):
        outcome = ReceiptOutcome.COUNTED
    elif check.ok and "no tally has been published yet" in summary:
        outcome = ReceiptOutcome.ON_BOARD
    else:
        outcome = ReceiptOutcome.PROBLEM
    return ReceiptAnswer(outcome, position, summary)


def _messages() -> dict[ReceiptOutcome, tuple[str, str]]:
    """Heading and explanation of each outcome, in the installed language (``%1``: the board position)."""
    return {
        ReceiptOutcome.COUNTED: (
            QCoreApplication.translate("ObserverTexts", "Found and counted"),
            QCoreApplication.translate(
                "ObserverTexts",
                "This ballot is on the bulletin board at position %1 and is included in the verified tally.")),
        ReceiptOutcome.ON_BOARD: (
            QCoreApplication.translate("ObserverTexts", "Found on the board"),
            QCoreApplication.translate(
                "ObserverTexts",
                "This ballot is on the bulletin board at position %1. No tally has been published yet: check again "
                "after the results.")),
        ReceiptOutcome.SPOILED: (
            QCoreApplication.translate("ObserverTexts", "A checked ballot"),
            QCoreApplication.translate(
                "ObserverTexts",
                "This is a ballot that was checked (spoiled) at position %1: it is published with its secrets and "
                "not counted. The ballot cast afterwards has a receipt of its own.")),
        ReceiptOutcome.NOT_ON_BOARD: (
            QCoreApplication.translate("ObserverTexts", "NOT on the board"),
            QCoreApplication.translate(
                "ObserverTexts",
                "This ballot is not in the published record. Keep your receipt and contact the election officials "
                "and the observers: every ballot with a receipt must be on the board.")),
        ReceiptOutcome.TYPO: (
            QCoreApplication.translate("ObserverTexts", "Not a valid code"),
            QCoreApplication.translate(
                "ObserverTexts",
                "This is not a valid tracking code, probably a typing mistake. Compare it with the receipt "
                "character by character and try again.")),
        ReceiptOutcome.PROBLEM: (
            QCoreApplication.translate("ObserverTexts", "This receipt does not check out"),
            QCoreApplication.translate(
                "ObserverTexts",
                "Keep your receipt and contact the election officials and the observers. The verifier's reason is "
                "below.")),
    }


def receipt_message(answer: ReceiptAnswer) -> tuple[str, str]:
    """The translated heading and explanation for ``answer`` (the position filled in)."""
    heading, body = _messages()[answer.outcome]
    return heading, fill(body, str(answer.position or 0))
