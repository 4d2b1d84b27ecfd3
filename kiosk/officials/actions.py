"""What the console's eligibility and kiosks pages do, step for step as the CLI commands do it (no Qt here).

``pbvote codes generate``, ``pbvote roll import`` and ``pbvote kiosks register``
keep their steps inside argparse handlers; these functions repeat the same
ballot/ calls in the same order for the console, returning counts instead of
printing.  Secrets (codes, keys, passphrases) go only into the files they are
written to: nothing returned here holds one.  They run on the console's
worker thread.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ballot.code_batch import CODE_FILES, CodeBatch, generate_code_batch
from ballot.errors import BallotError, StorageError
from ballot.kiosk_key import KioskKey, write_kiosk_key
from ballot.registry import register_kiosk
from ballot.roll import import_roll, new_roll_key, read_roll_csv, write_roll_key
from ballot.storage import Store, load_asset, load_election
from crypto.signatures import generate_signing_key

__all__ = ["CODE_FILES", "CodeBatch", "generate_code_batch", "import_voter_roll", "register_kiosk_key",
           "stored_manifest"]


def import_voter_roll(store: Store, roll_csv: Path, key_out: Path, passphrase: str) -> int:
    """Store keyed hashes of the roll and seal its key in ``key_out`` (``pbvote roll import``); return the entries.

    Raises:
        BallotError: not a voter-roll election, a key file already there, or a bad roll file.
        OSError: a file cannot be read or written.
    """
    entries = read_roll_csv(roll_csv)
    if key_out.exists():
        raise BallotError(f"{key_out}: already exists; refusing to overwrite a key file")
    with store.read() as s:
        election = load_election(s)
    if election.eligibility != "roll":
        raise BallotError(f"election {election.id} uses eligibility mode {election.eligibility!r}, not 'roll'")
    key = new_roll_key(election.fingerprint)
    write_roll_key(key_out, key, passphrase)
    try:
        with store.write() as s:
            return import_roll(s, key, entries)
    except BaseException:
        key_out.unlink(missing_ok=True)
        raise


def register_kiosk_key(store: Store, name: str, key_out: Path, passphrase: str) -> bytes:
    """Create a kiosk's device key, seal it in ``key_out`` and register it (``pbvote kiosks register``).

    Returns:
        The kiosk's public key.

    Raises:
        BallotError: a key file already there, a bad or taken name, or the back end refused.
        OSError: the key file cannot be written.
    """
    if key_out.exists():
        raise BallotError(f"{key_out}: already exists; refusing to overwrite a key file")
    with store.read() as s:
        election = load_election(s)
    key = generate_signing_key()
    write_kiosk_key(key_out, KioskKey(election.fingerprint, name, key), passphrase)
    try:
        with store.write() as s:
            register_kiosk(s, name, key.public_key)
    except BaseException:
        key_out.unlink(missing_ok=True)
        raise
    return key.public_key


def stored_manifest(store: Store, workdir: Path) -> tuple[dict[str, Any], Path] | None:
    """The stored election as manifest tables to edit, and the folder its image paths are relative to.

    The canonical manifest names each picture by its path and hash; the pictures
    are written from the store under ``workdir`` at those very paths (a folder
    deep enough for "../" to stay inside), so re-reading the tables unchanged
    gives the same election, fingerprint included.  None when nothing is stored.
    """
    with store.read() as s:
        try:
            election = load_election(s)
        except StorageError:
            return None
        pictures = {p.image.path: load_asset(s, p.image.sha256) for p in election.projects if p.image is not None}
    data: dict[str, Any] = json.loads(election.canonical_bytes())
    for key in ("opens", "closes"):
        data["election"][key] = datetime.fromisoformat(data["election"][key])
    ups = 0
    for project in data.get("projects", []):
        if isinstance(project.get("image"), dict):
            project["image"] = project["image"]["path"]
            ups = max(ups, project["image"].count(".."))
    base = workdir.joinpath(*["manifest"] * max(ups, 1))
    base.mkdir(parents=True, exist_ok=True)
    root = workdir.resolve()
    for path, content in pictures.items():
        target = (base / path).resolve()
        if content is None or not target.is_relative_to(root):
            continue  # the parser then says which picture is missing
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return data, base

