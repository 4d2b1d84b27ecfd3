"""The voter roll (Taipei style): ID number + birth date, checked in once at a kiosk.

The database holds only keyed hashes of the entries,
``HMAC-SHA256(roll key, frame("pbvote/1/roll-entry", F, id, birth date))``;
the roll key lives in a passphrase-sealed file the officials keep (never in
the database), so a stolen database does not reveal who is on the roll,
and ID numbers (little entropy) cannot be guessed against it.

A check-in marks its entry with the day only.  Nothing links it to the
ballot that follows: no timestamp finer than the day, no shared sequence,
no foreign key.  The ballot itself is signed by the kiosk with a one-time
credential; the record publishes the number of check-ins so anyone can
check ballots = check-ins.
"""

from __future__ import annotations

import csv
import io
import os
import re
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ballot.audit import append_audit, audit_refusal
from ballot.board import lock_state
from ballot.errors import BallotError
from ballot.secret_files import read_secret_file, write_secret_file
from ballot.storage.models import RollEntryRow
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.encoding import keyed_digest
from crypto.errors import EncodingError, SecretFileError

__all__ = [
    "AlreadyCheckedIn",
    "CheckInResult",
    "CheckedIn",
    "NotOnRoll",
    "RollError",
    "RollKey",
    "check_in",
    "count_roll",
    "import_roll",
    "new_roll_key",
    "read_roll_csv",
    "read_roll_key",
    "roll_hash",
    "write_roll_key",
]

ROLL_TAG: Final = "pbvote/1/roll-entry"
ROLL_KEY_PURPOSE: Final = "roll-key"
_ID_RE: Final = re.compile(r"[A-Z0-9]{4,20}")


class RollError(BallotError, ValueError):
    """A roll file, entry or key that cannot be used; the message names file, line and field."""


@dataclass(frozen=True, slots=True)
class RollKey:
    """The election's roll key (32 secret bytes) and the election it belongs to."""

    fingerprint: bytes
    key: bytes


@dataclass(frozen=True, slots=True)
class CheckedIn:
    """The resident was on the roll and not yet checked in: they may vote now."""


@dataclass(frozen=True, slots=True)
class AlreadyCheckedIn:
    """This resident already checked in (and so already voted or walked away)."""


@dataclass(frozen=True, slots=True)
class NotOnRoll:
    """No entry matches this ID number and birth date."""


CheckInResult = CheckedIn | AlreadyCheckedIn | NotOnRoll


def _normalise_id(text: str) -> str:
    value = re.sub(r"[\s-]", "", text).upper()
    if _ID_RE.fullmatch(value) is None:
        raise RollError("ID number: 4 to 20 letters and digits")
    return value


def _normalise_birth(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise RollError("birth date: use YYYY-MM-DD") from None


def roll_hash(roll_key: RollKey, id_number: str, birth_date: str) -> bytes:
    """The keyed hash stored for one roll entry.

    Raises:
        RollError: for an ID number or birth date that cannot be read.
    """
    return keyed_digest(roll_key.key, ROLL_TAG, roll_key.fingerprint, _normalise_id(id_number),
                        _normalise_birth(birth_date))


def read_roll_csv(path: Path) -> list[tuple[str, str]]:
    """Read a roll CSV with columns ``id`` and ``birth_date`` (header required).

    Raises:
        RollError: naming the file, line and field of the first bad row, or a duplicate.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RollError(f"{path}: cannot read the roll: {exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not {"id", "birth_date"} <= set(reader.fieldnames):
        raise RollError(f"{path}:1: the header must name the columns 'id' and 'birth_date'")
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for row in reader:
        line = reader.line_num
        try:
            entry = (_normalise_id(row["id"] or ""), _normalise_birth(row["birth_date"] or ""))
        except RollError as exc:
            raise RollError(f"{path}:{line}: {exc}") from None
        if entry in seen:
            raise RollError(f"{path}:{line}: id: the same person appears twice")
        seen.add(entry)
        rows.append(entry)
    if not rows:
        raise RollError(f"{path}: the roll is empty")
    return rows


def import_roll(session: Session, roll_key: RollKey, entries: list[tuple[str, str]]) -> int:
    """Store the keyed hashes of the roll's entries (before the polls open only).

    Returns:
        How many entries were added (entries already present are skipped).

    Raises:
        RollError: if the polls have opened.
    """
    state = lock_state(session)
    if state.polls != "before":
        raise audit_refusal(session, "roll-import", RollError(
            f"roll import: the polls are already {state.polls}; the roll is frozen once they open"))
    added = 0
    for id_number, birth in entries:
        digest = roll_hash(roll_key, id_number, birth)
        if session.get(RollEntryRow, digest) is None:
            session.add(RollEntryRow(id_hash=digest, checked_in_on=None))
            added += 1
    session.flush()
    append_audit(session, "roll-import", details={"added": added, "total": count_roll(session)[0]})
    return added


def check_in(session: Session, roll_key: RollKey, id_number: str, birth_date: str,
             today: date | None = None) -> CheckInResult:
    """Mark a resident's entry used, recording only the day.

    Run inside a write transaction; its commit is the check-in.

    Raises:
        RollError: if the ID number or birth date cannot be read, or the polls are not open.
    """
    digest = roll_hash(roll_key, id_number, birth_date)
    state = lock_state(session)
    if state.polls != "open":
        raise RollError("check-in: the polls are not open")
    row = session.get(RollEntryRow, digest)
    if row is None:
        return NotOnRoll()
    if row.checked_in_on is not None:
        return AlreadyCheckedIn()
    row.checked_in_on = (today or date.today()).isoformat()
    session.flush()
    return CheckedIn()


def count_roll(session: Session) -> tuple[int, int]:
    """``(entries, check-ins)`` on the roll."""
    entries = session.scalar(select(func.count()).select_from(RollEntryRow)) or 0
    used = session.scalar(select(func.count()).select_from(RollEntryRow)
                          .where(RollEntryRow.checked_in_on.is_not(None))) or 0
    return int(entries), int(used)


def new_roll_key(fingerprint: bytes) -> RollKey:
    """Draw a fresh roll key for an election."""
    return RollKey(fingerprint, secrets.token_bytes(32))


def write_roll_key(path: str | os.PathLike[str], roll_key: RollKey, passphrase: str) -> None:
    """Seal the roll key into a new file (0600, never overwrites)."""
    plain = canonical_json({"format": "pbvote-roll-key/1", "election": roll_key.fingerprint.hex(),
                            "key": roll_key.key.hex()})
    write_secret_file(path, passphrase, plain, ROLL_KEY_PURPOSE)


def read_roll_key(path: str | os.PathLike[str], passphrase: str, fingerprint: bytes) -> RollKey:
    """Open the roll key file for this election.

    Raises:
        SecretFileError: wrong passphrase, damaged file, or another election's key (naming the file).
    """
    plain = read_secret_file(path, passphrase, ROLL_KEY_PURPOSE)
    try:
        value = parse_canonical_json(plain, "roll key")
        if not isinstance(value, dict) or value.get("format") != "pbvote-roll-key/1":
            raise EncodingError("format")
        election, key = bytes.fromhex(value["election"]), bytes.fromhex(value["key"])
    except (EncodingError, ValueError, KeyError, TypeError):
        raise SecretFileError(f"{path}: not a pbvote roll key") from None
    if election != fingerprint or len(key) != 32:
        raise SecretFileError(f"{path}: this roll key belongs to another election ({election.hex()[:16]})")
    return RollKey(election, key)
