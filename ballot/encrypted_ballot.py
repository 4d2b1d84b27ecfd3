"""The encrypted ballot as it travels and as the bulletin board stores it.

One canonical-JSON object (docs/spec.md, "Ballots"): the election
fingerprint, the district, the public credential, the kiosk's name when
cast at a kiosk, one ciphertext per project of the district in manifest
order, the proofs the district's ballot rule needs, and the signatures.
Its exact bytes are what the tracking code hashes, so parsing is strict:
anything that does not re-serialise to the same bytes is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ballot.errors import InvalidBallot
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.elgamal import Ciphertext
from crypto.errors import EncodingError
from crypto.proofs import DisjunctiveProof
from crypto.proofs.knapsack import KnapsackProof
from crypto.signatures import decode_public_key

__all__ = ["BALLOT_FORMAT", "MAX_BALLOT_BYTES", "EncryptedBallot", "parse_ballot", "parse_ballot_json"]

BALLOT_FORMAT: Final = "pbvote-ballot/1"
MAX_BALLOT_BYTES: Final = 4 * 1024 * 1024
"""Refused unread above this: a 500-project knapsack ballot is far below."""
_MEMBERS: Final = {"format", "election", "district", "credential", "kiosk", "selections", "proofs", "signatures"}
_OPTIONAL: Final = {"kiosk"}


@dataclass(frozen=True, slots=True)
class EncryptedBallot:
    """A ballot: encrypted selections, their proofs and signatures, bound to one credential.

    Attributes:
        fingerprint: F, the election it is for.
        district: the ballot style (district id).
        credential: the voter's public credential A (32 bytes).
        kiosk: the registered kiosk that signed it, or None (home desktop).
        selections: one ciphertext per project of the district, manifest order
            (0/1 for approval and knapsack, points for cumulative).
        selection_proofs: per selection: 0/1 proof (label ``selection/j``) or
            0..max_per_project proof (label ``points/j``).
        count_proof: min..max picks or 0..points total (label ``count``), when the rule bounds it.
        knapsack_proof: cost within budget (label ``knapsack``), knapsack ballots only.
        credential_signature: Ed25519 by the credential over the body.
        kiosk_signature: Ed25519 by the kiosk's device key over the body, or None.
    """

    fingerprint: bytes
    district: str
    credential: bytes
    kiosk: str | None
    selections: tuple[Ciphertext, ...]
    selection_proofs: tuple[DisjunctiveProof, ...]
    count_proof: DisjunctiveProof | None
    knapsack_proof: KnapsackProof | None
    credential_signature: bytes
    kiosk_signature: bytes | None

    def body(self) -> dict[str, Any]:
        """The signed part: every member but ``signatures``."""
        proofs: dict[str, Any] = {"selections": [p.to_json() for p in self.selection_proofs]}
        if self.count_proof is not None:
            proofs["count"] = self.count_proof.to_json()
        if self.knapsack_proof is not None:
            proofs["knapsack"] = self.knapsack_proof.to_json()
        out: dict[str, Any] = {
            "format": BALLOT_FORMAT,
            "election": self.fingerprint.hex(),
            "district": self.district,
            "credential": self.credential.hex(),
            "selections": [c.to_json() for c in self.selections],
            "proofs": proofs,
        }
        if self.kiosk is not None:
            out["kiosk"] = self.kiosk
        return out

    def body_bytes(self) -> bytes:
        """The canonical bytes both signatures cover."""
        return canonical_json(self.body())

    def to_json(self) -> dict[str, Any]:
        """The whole ballot as a JSON object."""
        out = self.body()
        signatures = {"credential": self.credential_signature.hex()}
        if self.kiosk_signature is not None:
            signatures["kiosk"] = self.kiosk_signature.hex()
        out["signatures"] = signatures
        return out

    def to_bytes(self) -> bytes:
        """The canonical bytes stored on the board and hashed by the tracking code."""
        return canonical_json(self.to_json())

    def alphas(self) -> tuple[bytes, ...]:
        """The first halves of the selection ciphertexts (the ballot box refuses any it has seen)."""
        return tuple(bytes(c.alpha) for c in self.selections)


def _hex_bytes(value: object, size: int, where: str) -> bytes:
    if not isinstance(value, str) or len(value) != 2 * size or value != value.lower():
        raise InvalidBallot(f"{where}: must be {2 * size} lower-case hex digits")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise InvalidBallot(f"{where}: must be {2 * size} lower-case hex digits") from None


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        raise InvalidBallot(f"{where}: must be a string of 1 to 64 characters")
    return value


def parse_ballot_json(value: object) -> EncryptedBallot:
    """Build a ballot from its JSON object, checking shape and encodings (not proofs).

    Raises:
        InvalidBallot: naming the member that is wrong.
    """
    if not isinstance(value, dict):
        raise InvalidBallot("a ballot must be a JSON object")
    keys = set(value)
    if not keys <= _MEMBERS or not (_MEMBERS - _OPTIONAL) <= keys:
        raise InvalidBallot(f"ballot members must be {sorted(_MEMBERS)} (kiosk optional), got {sorted(keys)}")
    if value["format"] != BALLOT_FORMAT:
        raise InvalidBallot(f"format: expected {BALLOT_FORMAT!r}")
    fingerprint = _hex_bytes(value["election"], 32, "election")
    district = _text(value["district"], "district")
    try:
        credential = decode_public_key(_hex_bytes(value["credential"], 32, "credential"))
    except EncodingError:
        raise InvalidBallot("credential: not a valid public key") from None
    kiosk = _text(value["kiosk"], "kiosk") if "kiosk" in value else None
    raw_selections = value["selections"]
    if not isinstance(raw_selections, list) or not raw_selections:
        raise InvalidBallot("selections: must be a non-empty list of ciphertexts")
    try:
        selections = tuple(Ciphertext.from_json(c) for c in raw_selections)
    except EncodingError as exc:
        raise InvalidBallot(f"selections: {exc}") from None
    proofs = value["proofs"]
    if not isinstance(proofs, dict) or "selections" not in proofs or not set(proofs) <= {
            "selections", "count", "knapsack"}:
        raise InvalidBallot("proofs: must hold 'selections' and optionally 'count' and 'knapsack'")
    try:
        if not isinstance(proofs["selections"], list):
            raise EncodingError("must be a list")
        selection_proofs = tuple(DisjunctiveProof.from_json(p) for p in proofs["selections"])
        count = DisjunctiveProof.from_json(proofs["count"]) if "count" in proofs else None
        knapsack = KnapsackProof.from_json(proofs["knapsack"]) if "knapsack" in proofs else None
    except EncodingError as exc:
        raise InvalidBallot(f"proofs: {exc}") from None
    signatures = value["signatures"]
    wanted = {"credential", "kiosk"} if kiosk is not None else {"credential"}
    if not isinstance(signatures, dict) or set(signatures) != wanted:
        raise InvalidBallot(f"signatures: must be exactly {sorted(wanted)}")
    return EncryptedBallot(
        fingerprint=fingerprint,
        district=district,
        credential=credential,
        kiosk=kiosk,
        selections=selections,
        selection_proofs=selection_proofs,
        count_proof=count,
        knapsack_proof=knapsack,
        credential_signature=_hex_bytes(signatures["credential"], 64, "signatures.credential"),
        kiosk_signature=_hex_bytes(signatures["kiosk"], 64, "signatures.kiosk") if kiosk is not None else None,
    )


def parse_ballot(data: bytes) -> EncryptedBallot:
    """Parse a ballot's bytes strictly: canonical JSON that re-serialises to exactly these bytes.

    Raises:
        InvalidBallot: if the bytes are not one well-formed canonical ballot.
    """
    if not isinstance(data, bytes) or len(data) > MAX_BALLOT_BYTES:
        raise InvalidBallot(f"a ballot must be at most {MAX_BALLOT_BYTES} bytes")
    try:
        value = parse_canonical_json(data, "ballot")
    except (EncodingError, ValueError) as exc:
        raise InvalidBallot(str(exc)) from None
    ballot = parse_ballot_json(value)
    if ballot.to_bytes() != data:
        raise InvalidBallot("ballot is not in canonical form")
    return ballot
