"""Exporting the election record: the directory (and zip) observers verify (docs/spec.md, "Election record").

The export streams: board entries and credentials are read from the
database in batches and written line by line, so 100,000 ballots never sit
in memory.  It is written into a temporary sibling directory and moved into
place only when complete, so a crash or a full disk never leaves a record
that looks whole but is not.  The zip is deterministic (fixed timestamps,
sorted names): publishing the same board twice gives the same bytes.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session

from ballot.audit import append_audit, audit_head, read_audit_log, reason_text, record_audit
from ballot.audit_chain import AUDIT_HEAD_FORMAT, sign_audit_head
from ballot.authority import board_public_key
from ballot.board import BoardRecord, board_entries, current_head
from ballot.errors import BallotError
from ballot.registry import credential_list, kiosks
from ballot.roll import count_roll
from ballot.storage import Store, load_asset, load_election
from ballot.storage.record_files import load_record_file
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.hashchain import Head, sign_head
from crypto.signatures import SigningKey

__all__ = ["RECORD_FILES", "PublishedRecord", "RecordError", "board_line", "publish_record"]

RECORD_FILES: Final = ("manifest.json", "ceremony.json", "authority.json", "credentials.jsonl", "kiosks.json",
                       "board.jsonl", "head.json", "audit.jsonl", "audit-head.json")
TALLY_FILE: Final = "tally.json"
RESULTS_FILE: Final = "results.json"
_ZIP_TIME: Final = (2020, 1, 1, 0, 0, 0)
HEAD_FORMAT: Final = "pbvote-head/1"


class RecordError(BallotError, OSError):
    """The record cannot be written where asked (the message names the path)."""


@dataclass(frozen=True, slots=True)
class PublishedRecord:
    """Where the record went and what it holds."""

    directory: Path
    zip_path: Path
    entries: int
    ballots: int
    spoiled: int
    credentials: int


def board_line(entry: BoardRecord) -> bytes:
    """One line of board.jsonl: index, kind, the payload as a JSON value, and the entry hash."""
    payload = parse_canonical_json(entry.payload, f"board entry {entry.position}")
    return canonical_json({"index": entry.position, "kind": entry.kind, "payload": payload,
                           "hash": entry.entry_hash.hex()}) + b"\n"


def _write_lines(path: Path, lines: Iterator[bytes]) -> int:
    count = 0
    with open(path, "wb") as fh:
        for line in lines:
            fh.write(line)
            count += 1
        fh.flush()
        os.fsync(fh.fileno())
    return count


def _write_json(path: Path, value: Any) -> None:
    _write_lines(path, iter([canonical_json(value) + b"\n"]))


def _prepare_target(directory: Path) -> Path:
    if directory.exists():
        if not directory.is_dir():
            raise RecordError(f"{directory}: exists and is not a directory")
        if any(directory.iterdir()) and not (directory / "manifest.json").is_file():
            raise RecordError(f"{directory}: not empty and not a pbvote record; choose another --out")
    parent = directory.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = parent / f".{directory.name}.partial-{secrets.token_hex(4)}"
        tmp.mkdir()
    except OSError as exc:
        raise RecordError(f"{directory}: cannot write the record: {exc.strerror}") from None
    return tmp


def _write_zip(directory: Path, zip_path: Path) -> None:
    """Write the record's zip beside it, whole or not at all (a failure removes the partial file).

    Members are streamed, so zipfile cannot know their size up front: a
    member that may pass 2 GiB (board.jsonl of a city-wide election: 5.8 GB
    for Łódź's 90,494 ballots of 160 projects) must be opened with
    ``force_zip64`` or zipfile refuses it when it is closed.  Smaller members
    keep the plain headers, so a small record's zip is byte-for-byte as before.
    """
    tmp = zip_path.with_name(f".{zip_path.name}.partial-{secrets.token_hex(4)}")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(p for p in directory.rglob("*") if p.is_file()):
                name = f"{directory.name}/{path.relative_to(directory).as_posix()}"
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                # Half the limit: deflate can grow incompressible data slightly, never twofold.
                large = path.stat().st_size >= zipfile.ZIP64_LIMIT // 2
                with open(path, "rb") as src, zf.open(info, "w", force_zip64=large) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(tmp, zip_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def publish_record(store: Store, directory: Path, board_key: SigningKey,
                   progress: Callable[[str], None] | None = None) -> PublishedRecord:
    """Write the election record to ``directory`` and ``directory``.zip.

    Args:
        store: the election's database.
        directory: the record directory (replaced if it holds an older record).
        board_key: the ballot-box key, which signs the head the record ends at.
        progress: called with one line per step, for the command line.

    Returns:
        What was written.

    Raises:
        RecordError: if the target cannot be written.
        StorageError: if the database lacks the election, ceremony or board.
    """
    say = progress or (lambda _line: None)
    directory = Path(directory)
    try:
        tmp = _prepare_target(directory)
    except RecordError as exc:
        record_audit(store, "record-publish", disposition="failure", details={"reason": reason_text(exc)})
        raise
    try:
        _audit_publication(store)
        with store.read() as s:
            election = load_election(s)
            ceremony = load_record_file(s, "ceremony.json")
            if ceremony is None:
                raise RecordError("no key ceremony yet: run 'pbvote trustees ceremony' before publishing")
            (tmp / "manifest.json").write_bytes(election.canonical_bytes())
            (tmp / "ceremony.json").write_bytes(ceremony)
            _write_json(tmp / "authority.json", {"format": "pbvote-authority/1",
                                                 "election": election.fingerprint_hex,
                                                 "board_key": board_public_key(s).hex()})
            credentials = _write_lines(tmp / "credentials.jsonl",
                                       (json.dumps(k.hex()).encode() + b"\n" for k in credential_list(s)))
            say(f"credentials.jsonl: {credentials} public credentials")
            _write_json(tmp / "kiosks.json", [_kiosk_json(k.name, k.public_key, k.revoked_at) for k in kiosks(s)])
            if election.eligibility == "roll":
                entries_on_roll, check_ins = count_roll(s)
                _write_json(tmp / "roll.json", {"format": "pbvote-roll/1", "election": election.fingerprint_hex,
                                                "entries": entries_on_roll, "check_ins": check_ins})
            head, _polls = current_head(s, election.fingerprint)
            counts = {"ballot": 0, "spoiled": 0}

            def lines() -> Iterator[bytes]:
                for entry in board_entries(s):
                    if entry.position >= head.size:
                        return
                    counts[entry.kind] = counts.get(entry.kind, 0) + 1
                    if entry.position % 10_000 == 9_999:
                        say(f"board.jsonl: {entry.position + 1} of {head.size} entries")
                    yield board_line(entry)

            entries = _write_lines(tmp / "board.jsonl", lines())
            _write_head(tmp / "head.json", head, board_key)
            images = tmp / "images"
            for project in election.projects:
                if project.image is not None and not (images / f"{project.image.sha256}").exists():
                    content = load_asset(s, project.image.sha256)
                    if content is not None:
                        images.mkdir(exist_ok=True)
                        (images / project.image.sha256).write_bytes(content)
            _write_tally_files(s, tmp, say)
            audit_entries = _write_audit(s, tmp, election.fingerprint, board_key)
        say(f"board.jsonl: {entries} entries ({counts['ballot']} ballots, {counts['spoiled']} spoiled)")
        say(f"audit.jsonl: {audit_entries} officials' audit entries")
        _swap_into_place(tmp, directory)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, BallotError | OSError):
            record_audit(store, "record-publish", disposition="failure", details={"reason": reason_text(exc)})
        raise
    zip_path = directory.with_name(directory.name + ".zip")
    say(f"{directory}: complete; writing {zip_path}")
    try:
        _write_zip(directory, zip_path)
    except OSError as exc:
        raise RecordError(f"{zip_path}: cannot write the record's zip ({exc.strerror or exc}); the record "
                          f"directory {directory} is complete; publish again to write the zip") from None
    say(f"{zip_path}: written")
    return PublishedRecord(directory, zip_path, entries, counts["ballot"], counts["spoiled"], credentials)


def _write_tally_files(session: Session, tmp: Path, say: Callable[[str], None]) -> None:
    """Add tally.json, the used partial decryptions and results.json once results exist (spec 36).

    The trustees whose files belong in the record are those results.json
    names: a stored file that was not combined (invalid, or one too many)
    stays out.  ballot/ cannot import tally/, so the names are read from the
    JSON directly.
    """
    results = load_record_file(session, RESULTS_FILE)
    if results is None:
        return
    value = parse_canonical_json(results, RESULTS_FILE)
    trustees = value.get("trustees") if isinstance(value, dict) else None
    if not isinstance(trustees, list) or not all(isinstance(j, int) and not isinstance(j, bool) for j in trustees):
        raise RecordError(f"{RESULTS_FILE}: stored results do not name their trustees")
    names = [TALLY_FILE, *(f"decryptions/trustee-{j}.json" for j in trustees), RESULTS_FILE]
    for name in names:
        content = load_record_file(session, name)
        if content is None:
            raise RecordError(f"{name}: missing from the database although {RESULTS_FILE} is stored")
        (tmp / name).parent.mkdir(exist_ok=True)
        (tmp / name).write_bytes(content)
    say(f"{RESULTS_FILE}: with {TALLY_FILE} and the partial decryptions of trustees {', '.join(map(str, trustees))}")


def _kiosk_json(name: str, public_key: bytes, revoked_at: int | None) -> dict[str, Any]:
    """One kiosks.json item; a revoked kiosk carries ``revoked``, the board height at revocation."""
    item: dict[str, Any] = {"name": name, "public_key": public_key.hex()}
    if revoked_at is not None:
        item["revoked"] = revoked_at
    return item


def _audit_publication(store: Store) -> None:
    """Append "record-publish" unless the log already ends with one for this very board and results.

    So publishing an unchanged election again adds nothing and gives the
    same bytes (the zip stays deterministic), while any later action makes
    the next publication a new, audited one.
    """
    with store.write(read_committed=True) as s:
        if load_record_file(s, "ceremony.json") is None:
            return  # nothing to publish yet: the export refuses, and that refusal is what gets logged
        head, _polls = current_head(s, load_election(s).fingerprint)
        details: dict[str, str | int] = {"board_size": head.size,
                                         "results": int(load_record_file(s, RESULTS_FILE) is not None)}
        log = read_audit_log(s)
        last = log[-1] if log else None
        if last is not None and last.event == "record-publish" and last.disposition == "success" \
                and dict(last.details) == details:
            return
        append_audit(s, "record-publish", details=details)


def _write_audit(session: Session, tmp: Path, fingerprint: bytes, key: SigningKey) -> int:
    """Write audit.jsonl and its signed head audit-head.json (docs/spec.md section 38)."""
    size, head = audit_head(session)
    entries = _write_lines(tmp / "audit.jsonl", (e.to_line() for e in read_audit_log(session)[:size]))
    _write_json(tmp / "audit-head.json", {
        "election": fingerprint.hex(), "format": AUDIT_HEAD_FORMAT, "head": head.hex(),
        "signature": sign_audit_head(key, fingerprint, size, head).hex(), "size": size})
    return entries


def _write_head(path: Path, head: Head, key: SigningKey) -> None:
    _write_json(path, {"format": HEAD_FORMAT, "election": head.fingerprint.hex(), "size": head.size,
                       "head": head.head_hash.hex(), "signature": sign_head(key, head).hex()})


def _swap_into_place(tmp: Path, directory: Path) -> None:
    old = None
    if directory.exists():
        old = directory.with_name(f".{directory.name}.old-{secrets.token_hex(4)}")
        os.replace(directory, old)
    os.replace(tmp, directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
