"""The ballot box's signing key: created once per election, sealed with a passphrase.

This key signs the bulletin board's polls entries and heads and every
receipt, so it is part of the election (its public half is published).  Its
seed is sealed (docs/spec.md, "Secret files", purpose ``board-key``) and
kept in the database beside the election: a copy of the database without
the passphrase cannot sign anything.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy.orm import Session

from ballot.errors import StorageError
from ballot.manifest_model import Election
from ballot.secret_files import seal_secret
from ballot.storage.models import AuthorityRow, BoardStateRow
from crypto.errors import SecretFileError
from crypto.hashchain import genesis
from crypto.secretbox import unseal
from crypto.signatures import SigningKey, generate_signing_key, signing_key_from_seed

__all__ = ["BOARD_KEY_PURPOSE", "board_public_key", "create_authority", "has_authority", "unlock_board_key"]

BOARD_KEY_PURPOSE: Final = "board-key"


def create_authority(session: Session, election: Election, passphrase: str) -> tuple[bytes, bool]:
    """Create the ballot box's key and an empty bulletin board, once.

    Args:
        session: a write session on a database holding ``election``.
        election: the stored election.
        passphrase: seals the key; officials need it to open and close the polls and to run the ballot box.

    Returns:
        ``(public key, created now)``; an existing key is kept.

    Raises:
        SecretFileError: if the passphrase is empty.
    """
    row = session.get(AuthorityRow, 1)
    if row is not None:
        return row.board_public_key, False
    key = generate_signing_key()
    sealed = seal_secret(passphrase, key.secret_seed(), BOARD_KEY_PURPOSE, "ballot-box key")
    session.add(AuthorityRow(singleton=1, board_public_key=key.public_key, board_sealed_key=sealed))
    if session.get(BoardStateRow, 1) is None:
        head = genesis(election.fingerprint)
        session.add(BoardStateRow(singleton=1, size=0, head_hash=head.head_hash, polls="before"))
    session.flush()
    return key.public_key, True


def board_public_key(session: Session) -> bytes:
    """The ballot box's public key.

    Raises:
        StorageError: if the election was initialised by an older pbvote without one.
    """
    row = session.get(AuthorityRow, 1)
    if row is None:
        raise StorageError("this database has no ballot-box key: run 'pbvote election init' again")
    return row.board_public_key


def unlock_board_key(session: Session, passphrase: str) -> SigningKey:
    """Open the ballot box's key with its passphrase.

    Raises:
        StorageError: if there is no key.
        SecretFileError: "ballot-box key: wrong passphrase or damaged key" (the passphrase is never shown).
    """
    row = session.get(AuthorityRow, 1)
    if row is None:
        raise StorageError("this database has no ballot-box key: run 'pbvote election init' again")
    try:
        seed = unseal(passphrase, row.board_sealed_key, purpose=BOARD_KEY_PURPOSE)
    except SecretFileError:
        raise SecretFileError("ballot-box key: wrong passphrase (PBVOTE_BOARD_PASSPHRASE) or damaged key") from None
    key = signing_key_from_seed(seed)
    if key.public_key != row.board_public_key:
        raise SecretFileError("ballot-box key: sealed key does not match the published public key")
    return key


def has_authority(session: Session) -> bool:
    """Whether the ballot box's key exists yet (``election init`` asks for a passphrase only then)."""
    return session.get(AuthorityRow, 1) is not None
