"""Secret files on disk: sealed with a passphrase, private from creation, replaced atomically.

The bytes are crypto.secretbox blobs (docs/spec.md, "Secret files").  This
module adds the file-system discipline: the file is created with mode 0600
(never briefly readable by others), written to a temporary file in the same
directory, flushed to disk, and only then moved into place, so a crash or
power cut leaves either the old file or the new one, never half of one.
Errors name the file; no message ever contains the passphrase.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Final

from crypto.errors import SecretFileError
from crypto.secretbox import INTERACTIVE, MODERATE, KdfLimits, seal, unseal

__all__ = ["KDF_ENV", "MAX_SECRET_FILE_BYTES", "default_limits", "read_secret_file", "seal_secret",
           "write_secret_file"]

MAX_SECRET_FILE_BYTES: Final = 16 * 1024 * 1024
"""Larger files are refused before reading: no secret of pbvote comes near this."""

KDF_ENV: Final = "PBVOTE_KDF"
"""``interactive`` lowers the Argon2id cost of new secrets (64 MiB); anything else keeps MODERATE."""


def default_limits() -> KdfLimits:
    """The Argon2id cost for newly sealed secrets.

    MODERATE (256 MiB, about a second) unless ``$PBVOTE_KDF`` is
    ``interactive``: test machines and small laptops seal hundreds of
    secrets.  Readers take the cost from each file's header, so files
    sealed either way open everywhere.
    """
    return INTERACTIVE if os.environ.get(KDF_ENV, "").strip().lower() == "interactive" else MODERATE


def seal_secret(passphrase: str, data: bytes, purpose: str, where: str) -> bytes:
    """Seal a secret kept somewhere other than a file (e.g. in the database) at the default cost.

    Raises:
        SecretFileError: if the passphrase is empty (the message names ``where``).
    """
    try:
        return seal(passphrase, data, purpose=purpose, limits=default_limits())
    except SecretFileError as exc:
        raise SecretFileError(f"{where}: {exc}") from None


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable; a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _move_without_overwrite(tmp: Path, target: Path) -> None:
    """Move tmp to target unless target exists, without a check-then-write race."""
    exists = f"{target}: already exists; refusing to overwrite a secret file"
    try:
        os.link(tmp, target)  # fails if target exists
    except FileExistsError:
        raise FileExistsError(exists) from None
    except OSError:
        # No hard links (FAT or exFAT USB sticks): reserve the name with O_EXCL, then
        # replace the empty reservation.  A crash in between leaves an empty file there.
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise FileExistsError(exists) from None
        os.close(fd)
        os.replace(tmp, target)
    else:
        os.unlink(tmp)


def write_secret_file(
    path: str | os.PathLike[str],
    passphrase: str,
    data: bytes,
    purpose: str,
    *,
    overwrite: bool = False,
    limits: KdfLimits | None = None,
) -> None:
    """Seal a secret under a passphrase and store it so that only its owner can read it.

    Args:
        path: where the file goes; its directory must exist.
        passphrase: the passphrase to seal with.
        data: the secret bytes.
        purpose: what the secret is, e.g. ``"trustee-share"``.
        overwrite: replace an existing file; otherwise an existing file is
            never touched.
        limits: Argon2id costs; default_limits() unless passed explicitly.

    Raises:
        FileExistsError: if the file exists and ``overwrite`` is false.
        SecretFileError: if the passphrase is empty (message names the file).
        OSError: if the directory is missing or not writable.
    """
    target = Path(path)
    try:
        blob = seal(passphrase, data, purpose=purpose, limits=limits or default_limits())
    except SecretFileError as exc:
        raise SecretFileError(f"{target}: {exc}") from None
    directory = target.parent
    tmp = directory / f".{target.name}.{secrets.token_hex(8)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            view = memoryview(blob)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, target)
        else:
            _move_without_overwrite(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)


def read_secret_file(path: str | os.PathLike[str], passphrase: str, purpose: str) -> bytes:
    """Open a secret file with its passphrase.

    Args:
        path: the file written by write_secret_file().
        passphrase: its passphrase.
        purpose: the purpose it must have been sealed for.

    Returns:
        The secret bytes.

    Raises:
        SecretFileError: ``"<path>: wrong passphrase or damaged file"``, or
            that it holds a secret for another purpose, or is too large.
        OSError: if the file cannot be read (the message names it).
    """
    target = Path(path)
    with open(target, "rb") as fh:
        blob = fh.read(MAX_SECRET_FILE_BYTES + 1)
    if len(blob) > MAX_SECRET_FILE_BYTES:
        raise SecretFileError(f"{target}: too large to be a pbvote secret file")
    try:
        return unseal(passphrase, blob, purpose=purpose)
    except SecretFileError as exc:
        raise SecretFileError(f"{target}: {exc}") from None
