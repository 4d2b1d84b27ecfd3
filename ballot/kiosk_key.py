"""A kiosk's device key file: the seed that signs every ballot cast at that kiosk, sealed by a passphrase.

The file says which election and which kiosk name it belongs to, so a
kiosk set up with last year's stick, or another kiosk's, refuses to start
with a message naming the file instead of casting ballots the ballot box
would reject.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Final

from ballot.secret_files import read_secret_file, write_secret_file
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.errors import EncodingError, SecretFileError
from crypto.signatures import SigningKey, signing_key_from_seed

__all__ = ["KIOSK_KEY_FORMAT", "KIOSK_KEY_PURPOSE", "KioskKey", "read_kiosk_key", "write_kiosk_key"]

KIOSK_KEY_PURPOSE: Final = "kiosk-key"
KIOSK_KEY_FORMAT: Final = "pbvote-kiosk-key/1"


@dataclass(frozen=True, slots=True)
class KioskKey:
    """A kiosk's name and device signing key for one election."""

    fingerprint: bytes
    name: str
    key: SigningKey = field(repr=False)


def write_kiosk_key(path: str | os.PathLike[str], kiosk: KioskKey, passphrase: str) -> None:
    """Seal a kiosk key into a new file (0600; never overwrites)."""
    plain = canonical_json({"format": KIOSK_KEY_FORMAT, "election": kiosk.fingerprint.hex(), "name": kiosk.name,
                            "seed": kiosk.key.secret_seed().hex()})
    write_secret_file(path, passphrase, plain, KIOSK_KEY_PURPOSE)


def read_kiosk_key(path: str | os.PathLike[str], passphrase: str, fingerprint: bytes) -> KioskKey:
    """Open a kiosk key file for this election.

    Raises:
        SecretFileError: wrong passphrase, damaged file, or a key for another election (naming the file).
    """
    plain = read_secret_file(path, passphrase, KIOSK_KEY_PURPOSE)
    try:
        value = parse_canonical_json(plain, "kiosk key")
        if not isinstance(value, dict) or set(value) != {"format", "election", "name", "seed"} \
                or value["format"] != KIOSK_KEY_FORMAT:
            raise EncodingError("unexpected members")
        election = bytes.fromhex(value["election"])
        key = signing_key_from_seed(bytes.fromhex(value["seed"]))
        name = str(value["name"])
    except (EncodingError, ValueError, TypeError):
        raise SecretFileError(f"{path}: not a pbvote kiosk key") from None
    if election != fingerprint:
        raise SecretFileError(f"{path}: this kiosk key belongs to another election ({election.hex()[:16]})")
    return KioskKey(election, name, key)
