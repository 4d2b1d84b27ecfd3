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


class MalformedCode(InvalidCode):
    """Raised when text is not a code at all: a character outside the alphabet or wrong length."""


class CodeTypo(InvalidCode):
    """Raised when text has a code's shape but its check character fails: a typing mistake."""


class BrokenChain(CryptoError, ValueError):
    """Raised by verify_chain when entries do not form an unbroken chain.

    The message names the index of the first bad entry and what is wrong
    (gap, previous hash, entry hash, kind); the chain is public, so saying
    where it breaks helps observers and leaks nothing.
    """


class SecretFileError(CryptoError, ValueError):
    """Raised when a secret file cannot be opened (wrong passphrase or damaged)."""


class UnsealError(CryptoError, ValueError):
    """Raised when a sealed box cannot be opened: addressed to another key, or altered in transit."""
