"""Exceptions raised by crypto/.

Verification failures are deliberately opaque: an exception says which
class of check failed (proof, signature, encoding) but never which equation,
so that an attacker probing a verifier learns nothing more than "no".
"""


class CryptoError(Exception):
    """Base class of every error raised by crypto/."""


class EncodingError(CryptoError, ValueError):
    """Raised when bytes or values from outside do not decode to a valid element.

    Covers non-canonical point or scalar encodings, small-order or
    off-subgroup points, wrong lengths and wrong types.
    """


class InvalidProof(CryptoError, ValueError):
    """Raised when a zero-knowledge proof does not verify."""


class InvalidSignature(CryptoError, ValueError):
    """Raised when an Ed25519 signature does not verify."""


class DecryptionError(CryptoError, ValueError):
    """Raised when a plaintext is out of the bounded discrete-log range."""


class InvalidCode(CryptoError, ValueError):
    """Raised when a voting code is malformed or fails its check character."""


class SecretFileError(CryptoError, ValueError):
    """Raised when a secret file cannot be opened (wrong passphrase or damaged)."""
