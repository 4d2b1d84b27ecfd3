"""Files the commands write whole or not at all, so an interrupt or a crash never leaves a truncated one."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

__all__ = ["write_whole"]


def write_whole(path: Path, data: bytes, *, overwrite: bool) -> None:
    """
    Write ``data`` to ``path`` through a temporary file in the same folder (fsynced, then renamed or linked).

    A rerun after an interrupt finds either no ``path`` or the complete file,
    never a truncated one; the temporary file is removed whatever happens.

    Args:
        path: the file to write.
        data: its bytes.
        overwrite: replace an existing ``path`` (rename); otherwise refuse it (link).

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false (it is not touched).
        OSError: the folder is missing or not writable.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # the new name itself durable (POSIX; not possible on Windows)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
