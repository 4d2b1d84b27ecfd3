"""Access to the files of an election record: a directory or its zip (spec section 31.1).

The zip is only a container: it holds every file under ``<DIR name>/<path>``
and the verifier checks those bytes exactly as in the directory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from tally.verify.errors import VerifyError

MAX_SMALL_FILE = 64 * 1024 * 1024
"""Largest non-board file read into memory (the manifest, the credential list...)."""


class RecordFiles:
    """Read-only view of the record's files by their record-relative path (``/`` separators)."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        if location.is_file():
            try:
                self._zip = zipfile.ZipFile(location)
            except (zipfile.BadZipFile, OSError) as exc:
                raise VerifyError(f"{location}: neither a record directory nor a readable zip ({exc})") from None
            names = [n for n in self._zip.namelist() if not n.endswith("/")]
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or any("/" not in n for n in names):
                raise VerifyError(f"{location}: the zip does not hold one record folder")
            self._prefix = tops.pop() + "/"
        elif not location.is_dir():
            raise VerifyError(f"{location}: no such record directory or zip")

    def exists(self, name: str) -> bool:
        """Whether the record holds the file ``name``."""
        if self._zip is not None:
            try:
                self._zip.getinfo(self._prefix + name)
            except KeyError:
                return False
            return True
        return (self.location / name).is_file()

    def size(self, name: str) -> int:
        """The file's size in bytes (uncompressed)."""
        if self._zip is not None:
            return self._zip.getinfo(self._prefix + name).file_size
        return (self.location / name).stat().st_size

    def read(self, name: str) -> bytes:
        """The bytes of a small file.

        Raises:
            VerifyError: the file is missing, unreadable or too large.
        """
        if not self.exists(name):
            raise VerifyError(f"{name}: missing from the record")
        if self.size(name) > MAX_SMALL_FILE:
            raise VerifyError(f"{name}: larger than {MAX_SMALL_FILE} bytes")
        try:
            if self._zip is not None:
                return self._zip.read(self._prefix + name)
            return (self.location / name).read_bytes()
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise VerifyError(f"{name}: cannot be read ({exc})") from None

    def lines(self, name: str) -> Iterator[bytes]:
        """The lines of a file, each with its line feed (the last may lack one), streamed.

        Raises:
            VerifyError: the file is missing or cannot be read.
        """
        if not self.exists(name):
            raise VerifyError(f"{name}: missing from the record")
        try:
            if self._zip is not None:
                with self._zip.open(self._prefix + name) as stream:
                    yield from stream
            else:
                with (self.location / name).open("rb") as stream:
                    yield from stream
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise VerifyError(f"{name}: cannot be read ({exc})") from None

    def listing(self, folder: str) -> list[str]:
        """Names of the files directly or indirectly under ``folder`` (relative to it)."""
        if self._zip is not None:
            start = self._prefix + folder + "/"
            return sorted(n[len(start):] for n in self._zip.namelist() if n.startswith(start) and not n.endswith("/"))
        base = self.location / folder
        if not base.is_dir():
            return []
        return sorted(p.relative_to(base).as_posix() for p in base.rglob("*") if not p.is_dir())

    def all_files(self) -> list[str]:
        """Every file of the record, relative paths."""
        if self._zip is not None:
            return sorted(n[len(self._prefix):] for n in self._zip.namelist() if not n.endswith("/"))
        return sorted(p.relative_to(self.location).as_posix() for p in self.location.rglob("*") if not p.is_dir())

    def close(self) -> None:
        """Release the zip, if any."""
        if self._zip is not None:
            self._zip.close()
