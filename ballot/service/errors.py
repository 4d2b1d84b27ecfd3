"""Exceptions of the ballot box service and its client (ballot/remote.py).

Expected voter outcomes (already voted, polls closed, ...) stay values, as
in ballot/box.py; these are for the network failing, the service answering
something no honest ballot box would, and answers that do not check out
cryptographically.  Every message tells the resident or official what to
do next, and none contains a voting code, a ballot or a choice.
"""

from __future__ import annotations

from ballot.errors import BallotError

__all__ = ["ElectionMismatch", "ForgedReceipt", "RemoteError", "ServiceRefused", "ServiceUnavailable"]


class RemoteError(BallotError):
    """Base class of everything the remote ballot box client raises."""


class ServiceUnavailable(RemoteError, ConnectionError):
    """The ballot box did not answer after every retry (network down, timeouts, overload).

    Raised by RemoteBallotBox when the outcome of a cast is unknown: the
    ballot may or may not be on the board.  Resending the SAME ballot bytes
    is always safe (the service answers a duplicate with the same receipt);
    encrypting the choices again is not (the new ballot would be refused as
    "already voted" if the first one got through).
    """


class ElectionMismatch(RemoteError, ValueError):
    """The service's election is not the expected one.

    Raised when the manifest's fingerprint differs from the one the resident
    was given (code letter, ``--fingerprint``), or when the manifest, the
    ceremony transcript or the authority file the service sent do not agree
    with one another.  The message names both fingerprints (short forms).
    """


class ForgedReceipt(RemoteError, ValueError):
    """A receipt the service returned does not check out.

    Raised when the signature does not verify with the election's ballot-box
    key, or the receipt names another election or another ballot than the
    one sent.  The message names which of these differs.
    """


class ServiceRefused(RemoteError, RuntimeError):
    """The service answered with an error that is not a voter outcome.

    Raised for malformed answers, 4xx answers to requests the client built
    itself (a client bug or a version mismatch) and 5xx answers that persist
    after the retries.  Carries the HTTP status.
    """

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
