"""A batch of voting codes: drawn, written to letters and cards, their public credentials stored.

One function for ``pbvote codes generate`` and the officials' console, so both
keep the same order: the files are written under temporary names first, the
credentials are committed, and only then do the files take their names.
Letters are never mailed for codes the ballot box does not know, and an
interrupted batch leaves no half-written file behind.  Nothing returned holds
a code: the codes live only in the files (mode 0600).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ballot.code_letters import render_code_cards, render_code_letters
from ballot.errors import BallotError
from ballot.registry import issue_codes, store_credentials
from ballot.storage import Store, load_election

__all__ = ["CODE_FILES", "CodeBatch", "generate_code_batch"]

CODE_FILES = ("codes.csv", "letters.pdf", "cards.pdf")
"""What a batch of codes writes into its folder (as ``pbvote codes generate``)."""


@dataclass(frozen=True, slots=True)
class CodeBatch:
    """A generated batch: how many codes, how many credentials were new, and the files (never the codes).

    Attributes:
        count: codes drawn.
        added: public credentials added to the election.
        files: codes.csv, letters.pdf and cards.pdf, in the chosen folder (mode 0600).
    """

    count: int
    added: int
    files: tuple[Path, ...]


def _private_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _codes_csv(codes: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code"])
    writer.writerows([c] for c in codes)
    return buffer.getvalue().encode("utf-8")


def generate_code_batch(store: Store, count: int, out: Path,
                        progress: Callable[[str], None] | None = None) -> CodeBatch:
    """Draw ``count`` codes, write the letters and cards, publish the credentials (``pbvote codes generate``).

    The files are written under temporary names first, the credentials are
    committed, and only then do the files take their names: letters are never
    mailed for codes the ballot box does not know.

    Args:
        store: the election's database (credentials are added to it).
        count: how many codes to draw (1 to 1,000,000).
        out: the batch's own folder (created if missing; must not hold a batch already).
        progress: told, in words, when the codes are drawn and the slow rendering starts.

    Raises:
        BallotError: a batch already in ``out``, a bad count, or the back end refused (polls opened).
        OSError: the folder cannot be written.
    """
    if not 1 <= count <= 1_000_000:
        raise BallotError(f"the number of codes must be 1 to 1,000,000, got {count}")
    targets = [out / n for n in CODE_FILES]
    for target in targets:
        if target.exists():
            raise BallotError(f"{target}: already exists; each batch of codes needs its own folder")
    with store.read() as s:
        election = load_election(s)
    codes, credentials = issue_codes(count, election.fingerprint)
    if progress is not None:
        progress(f"{len(codes)} codes drawn; rendering letters and cards")
    contents = [_codes_csv(codes), render_code_letters(codes, election), render_code_cards(codes, election)]
    del codes
    out.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(4)
    temps = [out / f".{n}.{token}.partial" for n in CODE_FILES]
    try:
        for tmp, data in zip(temps, contents, strict=True):
            _private_file(tmp, data)
        with store.write() as s:
            added = store_credentials(s, sorted(credentials))
        for tmp, target in zip(temps, targets, strict=True):
            os.link(tmp, target)
    finally:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return CodeBatch(count, added, tuple(targets))
