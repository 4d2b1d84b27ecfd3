"""
The record's zip: a member past zipfile's 2 GiB limit, and a zip that cannot be written.

A city-wide record's board.jsonl passes 2 GiB (Łódź: 5.8 GB), which a
streamed zip member may only do when opened with ``force_zip64``.  Writing
gigabytes here would take minutes, so the tests lower zipfile's limit: the
same code path refuses a small member exactly as it refused Łódź's board.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ballot.polls import close_polls
from ballot.record import RecordError, publish_record
from tests.ballot.box_setup import Ready, prepare_election

LIMIT = 4096
"""zipfile.ZIP64_LIMIT for these tests: the board and the manifest are larger, authority.json is not."""


@pytest.fixture
def closed(tmp_path: Path) -> Ready:
    ready = prepare_election(f"sqlite:///{tmp_path}/e.sqlite3", 2)
    box = ready.box()
    box.cast(ready.ballot(ready.codes[0]).to_bytes())
    with ready.store.write() as s:
        close_polls(s, box.board_key)
    return ready


def test_members_past_the_zip64_limit_are_written_and_read_back(closed: Ready, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", LIMIT)
    published = publish_record(closed.store, tmp_path / "record", closed.box().board_key)
    monkeypatch.undo()
    board = published.directory / "board.jsonl"
    assert board.stat().st_size > LIMIT
    files = sorted(p for p in published.directory.rglob("*") if p.is_file())
    with zipfile.ZipFile(published.zip_path) as zf:
        assert [f"record/{p.relative_to(published.directory).as_posix()}" for p in files] == zf.namelist()
        for path in files:
            assert path.read_bytes() == zf.read(f"record/{path.relative_to(published.directory).as_posix()}")
        assert zf.testzip() is None
    assert [] == list(tmp_path.glob(".record.zip.partial-*"))


def test_a_zip_that_cannot_be_written_is_named_and_leaves_no_partial_file(closed: Ready, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    copy = shutil.copyfileobj
    calls = []

    def disk_full(src: Any, dst: Any, length: int = 0) -> None:
        calls.append(src)
        if len(calls) == 3:  # a few members in: the partial zip exists and holds data
            raise OSError(28, "No space left on device")
        copy(src, dst, length)

    monkeypatch.setattr(shutil, "copyfileobj", disk_full)
    with pytest.raises(RecordError) as raised:
        publish_record(closed.store, tmp_path / "record", closed.box().board_key)
    message = str(raised.value)
    assert str(tmp_path / "record.zip") in message and "No space left on device" in message
    assert [] == list(tmp_path.glob(".record.zip.partial-*"))
    assert not (tmp_path / "record.zip").exists()
    assert (tmp_path / "record" / "board.jsonl").is_file()
    monkeypatch.undo()
    again = publish_record(closed.store, tmp_path / "record", closed.box().board_key)
    with zipfile.ZipFile(again.zip_path) as zf:
        assert zf.testzip() is None
