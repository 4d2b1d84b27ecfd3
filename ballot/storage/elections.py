"""Store and load the database's one election (its canonical manifest and images)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ballot.errors import StorageError
from ballot.manifest import parse_canonical_manifest
from ballot.manifest_model import Election
from ballot.storage.models import (
    AssetRow,
    BoardStateRow,
    CredentialRow,
    ElectionRow,
    KioskRow,
    RecordFileRow,
    RollEntryRow,
)
from crypto.hashchain import genesis


class ManifestFrozen(StorageError):
    """The stored manifest cannot be replaced: the polls opened, or something already depends on its fingerprint."""


def _dependents(session: Session) -> list[str]:
    """What already names the stored election's fingerprint (and would be orphaned by another manifest)."""
    found = []
    for what, model in (("a key ceremony", RecordFileRow), ("voting codes", CredentialRow),
                        ("registered kiosks", KioskRow), ("a voter roll", RollEntryRow)):
        if session.scalar(select(func.count()).select_from(model)):
            found.append(what)
    return found


def save_election(session: Session, election: Election) -> bool:
    """Store the election and its images; replace an edited manifest only while nothing depends on it.

    Officials may correct the manifest (a cost, a text) until the first
    thing bound to its fingerprint exists: the key ceremony, voting codes,
    kiosk keys or a voter roll.  After that, and always once the polls
    opened, a different manifest is refused with the reason, and the refusal
    is in the audit log.

    Args:
        session: a write session (made by ``Store.write``, so a refusal is audited).
        election: a validated election read from a file (images resolvable).

    Returns:
        True if it was stored (or replaced) now, False if this very election was already there.

    Raises:
        ManifestFrozen: if the database holds a different election that can no longer change.
        StorageError: if an image file is missing.
    """
    from ballot.audit import append_audit, audit_refusal  # ballot.audit imports this package

    row = session.get(ElectionRow, 1)
    details: dict[str, str | int] = {"election": election.id, "fingerprint": election.fingerprint.hex()}
    if row is not None:
        if row.fingerprint == election.fingerprint:
            return False
        details["previous"] = row.fingerprint.hex()
        state = session.scalar(select(BoardStateRow).where(BoardStateRow.singleton == 1).with_for_update())
        if state is not None and state.polls != "before":
            raise audit_refusal(session, "election-replace", ManifestFrozen(
                f"the polls are {state.polls}: the manifest of election {row.election_id!r} is frozen once the "
                "polls open; nothing was changed"), details=details)
        dependents = _dependents(session)
        if dependents or (state is not None and state.size):
            raise audit_refusal(session, "election-replace", ManifestFrozen(
                f"this database's election {row.election_id!r} already has {', '.join(dependents) or 'a board'} "
                f"bound to its fingerprint {row.fingerprint.hex()[:16]}; a changed manifest needs a new database "
                "(another --db)"), details=details)
        row.fingerprint, row.election_id = election.fingerprint, election.id
        row.manifest = election.canonical_bytes()
        if state is not None:
            state.head_hash = genesis(election.fingerprint).head_hash
        _store_images(session, election)
        append_audit(session, "election-replace", details=details)
        return True
    session.add(ElectionRow(singleton=1, fingerprint=election.fingerprint, election_id=election.id,
                            manifest=election.canonical_bytes()))
    _store_images(session, election)
    append_audit(session, "election-init", details=details)
    return True


def _store_images(session: Session, election: Election) -> None:
    for project in election.projects:
        image = project.image
        if image is None or session.get(AssetRow, image.sha256) is not None:
            continue
        if image.resolved is None:
            raise StorageError(f"project {project.id}: image {image.path} has no file to store")
        session.add(AssetRow(sha256=image.sha256, content=image.resolved.read_bytes()))
        session.flush()
    session.flush()


def load_election(session: Session) -> Election:
    """Return the database's election.

    Raises:
        StorageError: if none was initialised, or the stored manifest is damaged.
    """
    row = session.get(ElectionRow, 1)
    if row is None:
        raise StorageError("the database holds no election: run 'pbvote election init MANIFEST.toml' first")
    election = parse_canonical_manifest(row.manifest, source="stored manifest")
    if election.fingerprint != row.fingerprint:
        raise StorageError("the stored manifest does not match its fingerprint: the database was altered")
    return election


def load_asset(session: Session, sha256: str) -> bytes | None:
    """Return an image's bytes by hash, or None."""
    return session.scalar(select(AssetRow.content).where(AssetRow.sha256 == sha256))
