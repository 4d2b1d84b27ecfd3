"""Voting codes: the printed secret from which a resident's Ed25519 credential is derived.

A voting code is 23 random symbols of the human-code alphabet (115 bits from
the OS CSPRNG) followed by one check character, shown as six groups of
four: ``XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`` (docs/spec.md, "Voting codes").  The
credential key is a deterministic function of the code and the election
fingerprint, so the credential authority can publish the public
credentials, print the codes, and then forget both.
"""

from __future__ import annotations

from typing import Final

import nacl.utils

from crypto import human_code
from crypto.encoding import digest
from crypto.errors import EncodingError
from crypto.signatures import SigningKey, signing_key_from_seed

__all__ = [
    "CODE_LENGTH",
    "CODE_RANDOM_SYMBOLS",
    "CREDENTIAL_TAG",
    "credential_keypair",
    "credential_seed",
    "generate_code",
    "parse_code",
]

CODE_RANDOM_SYMBOLS: Final = 23
"""Random symbols per code: 23 * 5 = 115 bits of entropy."""
CODE_LENGTH: Final = CODE_RANDOM_SYMBOLS + 1
"""Symbols per code including the check character."""
CREDENTIAL_TAG: Final = "pbvote/1/credential"
_RANDOM_BYTES: Final = 15  # 120 bits; the leading 115 are used
_FINGERPRINT_BYTES: Final = 32


def _code_from_bytes(data: bytes) -> str:
    """Build the display form of a code from 15 bytes (leading 115 bits used); for vectors."""
    return human_code.group(human_code.with_check(human_code.encode_bits(data, CODE_RANDOM_SYMBOLS)))


def generate_code() -> str:
    """Draw a fresh voting code for one eligible resident.

    Returns:
        The display form, six groups of four symbols joined by ``-``; the
        last symbol is the check character.
    """
    return _code_from_bytes(nacl.utils.random(_RANDOM_BYTES))


def parse_code(text: str) -> str:
    """Read a typed or scanned voting code, telling a typo apart from text that is no code.

    Args:
        text: what the resident typed; case, spaces, hyphens and the
            look-alikes O, I, L are forgiven.

    Returns:
        The display form, e.g. ``"7K3Q-9XM2-..."``.

    Raises:
        MalformedCode: (an InvalidCode) wrong characters or length.
        CodeTypo: (an InvalidCode) right shape, failed check character.
    """
    return human_code.group(human_code.parse(text, CODE_LENGTH, "voting code"))


def credential_seed(code: str, election_fingerprint: bytes) -> bytes:
    """Derive the 32-byte Ed25519 seed of a resident's credential for one election.

    The KDF is ``digest("pbvote/1/credential", fingerprint, symbols)``:
    SHA-256 over the framed election fingerprint and the 24 normalised
    symbols (no hyphens, check character included).  A fast hash is the
    right KDF because the code carries 115 bits from the CSPRNG: a slow,
    memory-hard KDF buys nothing against exhaustive search at that
    entropy, while it would make generating and checking 100,000
    credentials take hours.  The fingerprint salts it, so the same code
    gives unrelated credentials in different elections and no precomputed
    table spans elections.

    Args:
        code: the voting code in any form parse_code() accepts.
        election_fingerprint: the 32-byte election fingerprint.

    Returns:
        The 32-byte seed.

    Raises:
        InvalidCode: if the code is malformed or has a typo.
        EncodingError: if the fingerprint is not 32 bytes.
    """
    symbols = human_code.parse(code, CODE_LENGTH, "voting code")
    if not isinstance(election_fingerprint, bytes) or len(election_fingerprint) != _FINGERPRINT_BYTES:
        raise EncodingError("election fingerprint must be 32 bytes")
    return digest(CREDENTIAL_TAG, election_fingerprint, symbols)


def credential_keypair(code: str, election_fingerprint: bytes) -> tuple[SigningKey, bytes]:
    """Rebuild a resident's credential key pair from the code on their letter.

    Args:
        code: the voting code in any form parse_code() accepts.
        election_fingerprint: the 32-byte election fingerprint.

    Returns:
        ``(signing_key, public_key)``: the Ed25519 key for the seed of
        credential_seed() and its 32-byte public credential.

    Raises:
        InvalidCode: if the code is malformed or has a typo.
        EncodingError: if the fingerprint is not 32 bytes.
    """
    key = signing_key_from_seed(credential_seed(code, election_fingerprint))
    return key, key.public_key
