"""Strong Fiat-Shamir: the one challenge derivation every proof uses.

``c = int_le(SHA-512(frame(tag, SPEC_VERSION, fingerprint, statement,
commitments, [credential, district, label]))) mod L`` (docs/spec.md,
"Fiat-Shamir challenge").  The whole statement and the ballot context are
hashed; hashing less is the 2012 Helios attack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar, Self

from crypto import _group as g
from crypto.encoding import SPEC_VERSION, Frameable
from crypto.errors import EncodingError, InvalidProof

Rand = Callable[[], int]
"""A source of nonzero scalars; the OS CSPRNG (``random_scalar``) outside test vectors."""


@dataclass(frozen=True, slots=True)
class ProofContext:
    """The context bound into every challenge (docs/spec.md, "Proof context").

    Attributes:
        election_fingerprint: spec symbol ``F``, the election manifest
            fingerprint (bytes, normally 32).
        credential: spec symbol ``cred``, the voter's Ed25519 credential
            public key (32 bytes); empty for trustee proofs.
        district: spec symbol ``district``, the ballot style id ("" if none).
        label: spec symbol ``label``, which proof of the ballot or ceremony
            this is, e.g. ``"selection/3"`` or ``"trustee/2/coefficient/0"``.
    """

    election_fingerprint: bytes
    credential: bytes
    district: str
    label: str

    def with_label(self, label: str) -> ProofContext:
        """Return the same context with another label.

        Args:
            label: the new label.

        Returns:
            A new context.
        """
        return replace(self, label=label)


def challenge(
    tag: str,
    context: ProofContext,
    statement: Sequence[Frameable],
    commitments: Sequence[bytes],
) -> int:
    """Derive the challenge scalar.

    Args:
        tag: the proof's domain tag.
        context: the proof context.
        statement: every public input of the statement, in spec order.
        commitments: the prover's first messages, in spec order.

    Returns:
        c in ``[0, L)``.
    """
    return g.hash_to_scalar(
        tag,
        SPEC_VERSION,
        context.election_fingerprint,
        list(statement),
        list(commitments),
        [context.credential, context.district, context.label],
    )


def check_scalars(*values: int) -> None:
    """Raise InvalidProof unless every value is an int in ``[0, L)``.

    Args:
        *values: proof scalars.

    Raises:
        InvalidProof: otherwise.
    """
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < g.L:
            raise InvalidProof("proof does not verify")


def scalar_hex(s: int) -> str:
    """Return the 64-hex-digit encoding (32 bytes little-endian) of a scalar.

    Args:
        s: a scalar in ``[0, L)``.

    Returns:
        Lowercase hex.
    """
    return g.encode_scalar(s).hex()


def parse_scalar(value: object) -> int:
    """Parse :func:`scalar_hex` output, refusing anything non-canonical.

    Args:
        value: a JSON value.

    Returns:
        The scalar.

    Raises:
        EncodingError: bad type, length, case or a value >= L.
    """
    if not isinstance(value, str) or len(value) != 64 or value != value.lower():
        raise EncodingError("scalar: expected 64 lowercase hex digits")
    try:
        raw = bytes.fromhex(value)
    except ValueError:
        raise EncodingError("scalar: expected 64 lowercase hex digits") from None
    return g.decode_scalar(raw)


def parse_scalars(value: object) -> tuple[int, ...]:
    """Parse a JSON list of scalars.

    Args:
        value: a JSON value.

    Returns:
        The scalars.

    Raises:
        EncodingError: if not a list of canonical scalars.
    """
    if not isinstance(value, list):
        raise EncodingError("expected a list of scalars")
    return tuple(parse_scalar(v) for v in value)


@dataclass(frozen=True, slots=True)
class ChallengeResponse:
    """A proof made of one challenge and one response (Schnorr, Chaum-Pedersen).

    Attributes:
        challenge: spec symbol c.
        response: spec symbol z.
    """

    challenge: int
    response: int

    WHAT: ClassVar[str] = "proof"
    """Name used in error messages."""

    def to_json(self) -> dict[str, str]:
        """Return ``{"c": hex, "z": hex}``.

        Returns:
            The JSON form.
        """
        return {"c": scalar_hex(self.challenge), "z": scalar_hex(self.response)}

    @classmethod
    def from_json(cls, value: object) -> Self:
        """Parse the JSON form.

        Args:
            value: the JSON object.

        Returns:
            The proof.

        Raises:
            EncodingError: on any malformed field.
        """
        if not isinstance(value, dict) or set(value) != {"c", "z"}:
            raise EncodingError(f"{cls.WHAT}: need exactly 'c' and 'z'")
        return cls(parse_scalar(value["c"]), parse_scalar(value["z"]))
