"""Exceptions raised by ballot/.

Expected voter outcomes (already voted, not eligible, polls closed) are
values, not exceptions; these are for bad input files, tampering and I/O.
"""


class BallotError(Exception):
    """Base class of every error raised by ballot/."""


class InvalidManifest(BallotError, ValueError):
    """Raised by parse_manifest when an election manifest is malformed.

    The message names the file, the line where known, the field and what
    is wrong, e.g. ``north.toml: projects[3].cost: must be a positive
    integer, got -5``.
    """


class PabulibError(BallotError, ValueError):
    """Raised when a .pb file is malformed; the message names file, line and field."""


class StorageError(BallotError, RuntimeError):
    """Raised when the database cannot be opened, migrated or written."""


class InvalidBallot(BallotError, ValueError):
    """A ballot that is malformed, for another election or district, or whose proofs or signatures fail.

    The message says which part (``proof selection/3``, ``credential
    signature``, ...), never which equation, and never a plaintext choice.
    """


class InvalidCeremony(BallotError, ValueError):
    """Raised when a key-ceremony transcript (``ceremony.json``) is malformed, for another election or fails to verify.

    The message names the transcript, the member or trustee index and what
    is wrong (e.g. ``ceremony.json: trustee 2: a commitment proof does not
    verify``); the transcript is public, so saying where it fails leaks nothing.
    """
