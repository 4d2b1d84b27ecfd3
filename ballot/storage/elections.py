"""Store and load the database's one election (its canonical manifest and images)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ballot.errors import StorageError
from ballot.manifest import parse_canonical_manifest
from ballot.manifest_model import Election
from ballot.storage.models import AssetRow, ElectionRow


def save_election(session: Session, election: Election) -> bool:
    """Store the election and its images, once.

    Args:
        session: a write session.
        election: a validated election read from a file (images resolvable).

    Returns:
        True if it was stored now, False if this very election was already there.

    Raises:
        StorageError: if the database already holds a different election.
    """
    row = session.get(ElectionRow, 1)
    if row is not None:
        if row.fingerprint == election.fingerprint:
            return False
        raise StorageError(
            f"this database already holds election {row.election_id!r} "
            f"(fingerprint {row.fingerprint.hex()[:16]}); use another --db for {election.id!r}"
        )
    session.add(ElectionRow(singleton=1, fingerprint=election.fingerprint, election_id=election.id,
                            manifest=election.canonical_bytes()))
    for project in election.projects:
        image = project.image
        if image is None or session.get(AssetRow, image.sha256) is not None:
            continue
        if image.resolved is None:
            raise StorageError(f"project {project.id}: image {image.path} has no file to store")
        session.add(AssetRow(sha256=image.sha256, content=image.resolved.read_bytes()))
        session.flush()
    return True


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
