"""Checking a ballot: what the ballot box does before accepting, and what the verifier redoes.

Cheap checks run first (election, district, shape, signatures), the
proofs last.  A failure names the part that failed (``proof selection/3``,
``kiosk signature``), never an equation and never a plaintext.  Spoiled
ballots get one more check: the revealed plaintexts and nonces must
re-create exactly the published ciphertexts (the Benaloh audit).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ballot.encrypt import BALLOT_SIGNATURE_TAG, KIOSK_SIGNATURE_TAG, ballot_context, count_bounds
from ballot.encrypted_ballot import EncryptedBallot, parse_ballot_json
from ballot.errors import InvalidBallot
from ballot.manifest_model import Election
from crypto import elgamal
from crypto.errors import CryptoError
from crypto.proofs.count import verify_count
from crypto.proofs.knapsack import verify_knapsack
from crypto.proofs.points import verify_points
from crypto.proofs.selection import verify_selection
from crypto.signatures import verify

_NONCE_RE: Final = re.compile(r"[0-9a-f]{64}")

__all__ = ["SpoiledBallot", "check_ballot", "check_proofs", "check_signatures", "parse_spoiled", "spoiled_choices"]


def check_signatures(ballot: EncryptedBallot, kiosk_keys: Mapping[str, bytes]) -> None:
    """Check the credential's signature and, if the ballot names a kiosk, the kiosk's.

    Raises:
        InvalidBallot: naming the signature that fails or the unknown kiosk.
    """
    body = ballot.body_bytes()
    try:
        verify(ballot.credential, ballot.credential_signature, BALLOT_SIGNATURE_TAG, body)
    except CryptoError:
        raise InvalidBallot("credential signature does not verify") from None
    if ballot.kiosk is None:
        return
    key = kiosk_keys.get(ballot.kiosk)
    if key is None:
        raise InvalidBallot(f"kiosk {ballot.kiosk!r} is not registered for this election")
    try:
        verify(key, ballot.kiosk_signature or b"", KIOSK_SIGNATURE_TAG, body)
    except CryptoError:
        raise InvalidBallot("kiosk signature does not verify") from None


def _check_shape(ballot: EncryptedBallot, election: Election) -> None:
    if ballot.fingerprint != election.fingerprint:
        raise InvalidBallot("the ballot is for another election")
    try:
        district = election.district(ballot.district)
    except KeyError:
        raise InvalidBallot(f"district {ballot.district!r} is not in this election") from None
    n = len(election.projects_in(district.id))
    if len(ballot.selections) != n or len(ballot.selection_proofs) != n:
        raise InvalidBallot(f"district {district.id!r} needs {n} selections with {n} proofs")
    if len(set(ballot.alphas())) != n:
        raise InvalidBallot("the ballot repeats a ciphertext (a nonce used twice)")
    if (ballot.count_proof is None) != (count_bounds(district, n) is None):
        raise InvalidBallot("count proof missing or not expected for this district's rule")
    if (ballot.knapsack_proof is None) != (district.ballot.type != "knapsack"):
        raise InvalidBallot("knapsack proof missing or not expected for this district's rule")


def check_proofs(ballot: EncryptedBallot, election: Election, public_key: bytes) -> None:
    """Verify every proof of a well-shaped ballot (the expensive part).

    Raises:
        InvalidBallot: naming the first proof that does not verify.
    """
    district = election.district(ballot.district)
    projects = election.projects_in(district.id)
    pk = elgamal.decode_public_key(public_key)
    context = ballot_context(ballot.fingerprint, ballot.credential, district.id)
    rule = district.ballot
    label = ""
    try:
        for j, (ct, proof) in enumerate(zip(ballot.selections, ballot.selection_proofs, strict=True)):
            if rule.type == "cumulative":
                label = f"points/{j}"
                verify_points(pk, ct, rule.max_per_project or rule.points or 0, proof, context.with_label(label))
            else:
                label = f"selection/{j}"
                verify_selection(pk, ct, proof, context.with_label(label))
        bounds = count_bounds(district, len(projects))
        if bounds is not None and ballot.count_proof is not None:
            label = "count"
            verify_count(pk, ballot.selections, bounds[0], bounds[1], ballot.count_proof, context.with_label(label))
        if ballot.knapsack_proof is not None:
            label = "knapsack"
            verify_knapsack(pk, ballot.selections, [p.cost for p in projects], district.budget,
                            ballot.knapsack_proof, context.with_label(label))
    except CryptoError:
        raise InvalidBallot(f"proof {label} does not verify") from None


def check_ballot(ballot: EncryptedBallot, election: Election, public_key: bytes,
                 kiosk_keys: Mapping[str, bytes]) -> None:
    """Everything about one ballot that needs no database: election, shape, signatures, proofs.

    Raises:
        InvalidBallot: naming what fails.
    """
    _check_shape(ballot, election)
    check_signatures(ballot, kiosk_keys)
    check_proofs(ballot, election, public_key)


@dataclass(frozen=True, slots=True)
class SpoiledBallot:
    """A challenged ballot as published: the ballot and its revealed plaintexts and nonces."""

    ballot: EncryptedBallot
    values: tuple[int, ...]
    nonces: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        """The board payload of a ``spoiled`` entry."""
        return {"format": "pbvote-spoiled/1", "ballot": self.ballot.to_json(), "values": list(self.values),
                "nonces": [f"{r:064x}" for r in self.nonces]}


def parse_spoiled(value: object) -> SpoiledBallot:
    """Read a ``spoiled`` entry's payload.

    Raises:
        InvalidBallot: naming the member that is wrong.
    """
    if not isinstance(value, dict) or set(value) != {"format", "ballot", "values", "nonces"}:
        raise InvalidBallot("spoiled ballot: members must be format, ballot, values, nonces")
    if value["format"] != "pbvote-spoiled/1":
        raise InvalidBallot("spoiled ballot: format must be 'pbvote-spoiled/1'")
    ballot = parse_ballot_json(value["ballot"])
    values, nonces = value["values"], value["nonces"]
    if (not isinstance(values, list) or not isinstance(nonces, list)
            or len(values) != len(ballot.selections) or len(nonces) != len(ballot.selections)):
        raise InvalidBallot("spoiled ballot: one value and one nonce per selection")
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 100 for v in values):
        raise InvalidBallot("spoiled ballot: values must be integers 0..100")
    if not all(isinstance(r, str) and _NONCE_RE.fullmatch(r) for r in nonces):
        raise InvalidBallot("spoiled ballot: nonces must be 64 lower-case hex digits")
    parsed_nonces = tuple(int(r, 16) for r in nonces)
    return SpoiledBallot(ballot, tuple(values), parsed_nonces)


def spoiled_choices(spoiled: SpoiledBallot, election: Election, public_key: bytes) -> dict[str, int]:
    """Audit a challenged ballot and say what it encrypted, project by project.

    Returns:
        project id -> value (1 picked / points), only non-zero values.

    Raises:
        InvalidBallot: if a revealed value or nonce does not re-create its ciphertext.
    """
    _check_shape(spoiled.ballot, election)
    n = len(spoiled.ballot.selections)
    if len(spoiled.values) != n or len(spoiled.nonces) != n:
        raise InvalidBallot("spoiled ballot: one value and one nonce per selection")
    pk = elgamal.decode_public_key(public_key)
    projects = election.projects_in(spoiled.ballot.district)
    for j, (ct, m, r) in enumerate(zip(spoiled.ballot.selections, spoiled.values, spoiled.nonces, strict=True)):
        if not elgamal.encryption_matches(pk, ct, m, r):
            raise InvalidBallot(f"spoiled ballot: selection {j} does not match its revealed value")
    return {p.id: m for p, m in zip(projects, spoiled.values, strict=True) if m}

