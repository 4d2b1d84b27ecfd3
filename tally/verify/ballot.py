"""Checking one ballot and one spoiled ballot (spec sections 26 and 27).

Runs in worker processes: everything here is a pure function of the ballot
bytes and an :class:`Election` built from published bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tally.verify.codes import tracking_hash
from tally.verify.encoding import array, canonical, frame, hex_bytes, integer, members, parse_canonical, string
from tally.verify.errors import VerifyError
from tally.verify.group import L, add, base_mul, decode_public_key, decode_scalar, mul, signature_verifies
from tally.verify.proofs import (
    Ciphertext,
    Context,
    KnapsackProof,
    verify_count,
    verify_knapsack,
    verify_points,
    verify_selection,
)

MAX_BALLOT_BYTES = 4 * 1024 * 1024
_BALLOT_MEMBERS = {"credential", "district", "election", "format", "proofs", "selections", "signatures"}


@dataclass(frozen=True)
class DistrictRule:
    """What section 26.2 needs of one district of the canonical manifest."""

    id: str
    type: str
    """``ballot.type``: approval, knapsack or cumulative."""
    costs: tuple[int, ...]
    """``cost`` of the district's projects in manifest order (``n`` = their number)."""
    budget: int
    count_bounds: tuple[int, int] | None
    """``(lo, hi)`` of the count proof, None when the ballot carries none."""
    max_per_project: int
    """``P`` of cumulative ballots (0 otherwise)."""


@dataclass(frozen=True)
class Election:
    """The published facts a ballot is checked against."""

    fingerprint: bytes
    public_key: bytes
    districts: dict[str, DistrictRule]
    kiosks: dict[str, bytes]


@dataclass(frozen=True)
class BallotFacts:
    """What the record-wide checks need of a ballot that passed section 26.5."""

    tracking: bytes
    credential: bytes
    district: str
    kiosk: str | None
    alphas: tuple[bytes, ...]
    selections: tuple[Ciphertext, ...]


def _scalars(value: Any, size: int, what: str) -> list[int]:
    return [decode_scalar(hex_bytes(s, 32, what), what) for s in array(value, what, size)]


def _ciphertext(value: Any, what: str) -> Ciphertext:
    """32 + 32 bytes, not yet decoded: the proof that multiplies them validates them (proofs.py docstring)."""
    a, b = array(value, what, 2)
    return hex_bytes(a, 32, what), hex_bytes(b, 32, what)


def _disjunctive(value: Any, size: int, what: str) -> tuple[list[int], list[int]]:
    proof = members(value, {"c", "z"}, what)
    return _scalars(proof["c"], size, what), _scalars(proof["z"], size, what)


def _knapsack(value: Any, k: int) -> KnapsackProof:
    proof = members(value, {"bits", "c", "z"}, "proof knapsack")
    bits = tuple(_ciphertext(b, "proof knapsack") for b in array(proof["bits"], "proof knapsack", k))
    cs = tuple((c[0], c[1]) for c in (_scalars(p, 2, "proof knapsack") for p in array(proof["c"], "knapsack", k)))
    zs = tuple((z[0], z[1]) for z in (_scalars(p, 2, "proof knapsack") for p in array(proof["z"], "knapsack", k)))
    return KnapsackProof(bits, cs, zs)


def check_ballot(data: bytes, election: Election) -> BallotFacts:
    """Section 26.5, every step: bytes, shape, signatures, proofs.

    The points of the selections and of the knapsack bits are decoded by the
    proofs' first multiplications (proofs.py docstring), after the
    signatures: a bad point is still refused, with decode_point's reason and
    the part's name (``selection/3: not a point of the prime-order
    subgroup``), before it is summed or hashed.

    Raises:
        VerifyError: naming the part that failed (e.g. ``proof selection/3 does not verify``).
    """
    if len(data) > MAX_BALLOT_BYTES:
        raise VerifyError("ballot longer than 4 MiB")
    return check_parsed_ballot(parse_canonical(data, "ballot"), data, election)


def check_parsed_ballot(value: Any, data: bytes, election: Election) -> BallotFacts:
    """check_ballot of a ballot already parsed, so a board line's payload is not parsed twice.

    Args:
        value: the parsed ballot.
        data: exactly ``canonical(value)`` (a payload of a line that passed
            parse_canonical is), at most 4 MiB.

    Raises:
        VerifyError: as check_ballot.
    """
    if len(data) > MAX_BALLOT_BYTES:
        raise VerifyError("ballot longer than 4 MiB")
    ballot = members(value, _BALLOT_MEMBERS, "ballot", frozenset({"kiosk"}))
    if ballot["format"] != "pbvote-ballot/1":
        raise VerifyError("ballot: format is not pbvote-ballot/1")
    if ballot["election"] != election.fingerprint.hex():
        raise VerifyError("ballot: for another election")
    credential = decode_public_key(hex_bytes(ballot["credential"], 32, "credential"), "credential")
    district_id = string(ballot["district"], "district")
    rule = election.districts.get(district_id)
    if rule is None:
        raise VerifyError("ballot: district is not in the manifest")
    n = len(rule.costs)
    if n == 0:
        raise VerifyError("ballot: the district has no projects")
    kiosk = ballot.get("kiosk")
    if kiosk is not None and (not isinstance(kiosk, str) or not 1 <= len(kiosk) <= 64):
        raise VerifyError("ballot: kiosk is not a name of 1 to 64 characters")
    selections = tuple(_ciphertext(ct, "selection") for ct in array(ballot["selections"], "selections", n))
    wanted = {"selections"} | ({"count"} if rule.count_bounds else set()) | (
        {"knapsack"} if rule.type == "knapsack" else set())
    proofs = members(ballot["proofs"], wanted, "proofs")
    width = rule.max_per_project + 1 if rule.type == "cumulative" else 2
    per_selection = [_disjunctive(p, width, "proof") for p in array(proofs["selections"], "proofs.selections", n)]
    count = None
    if rule.count_bounds is not None:
        count = _disjunctive(proofs["count"], rule.count_bounds[1] - rule.count_bounds[0] + 1, "proof count")
    knapsack = _knapsack(proofs["knapsack"], rule.budget.bit_length()) if rule.type == "knapsack" else None
    signatures = members(ballot["signatures"], {"credential"} | ({"kiosk"} if kiosk is not None else set()),
                         "signatures")
    credential_signature = hex_bytes(signatures["credential"], 64, "signature")
    kiosk_signature = hex_bytes(signatures["kiosk"], 64, "signature") if kiosk is not None else b""
    # B = canonical(ballot without "signatures"): data is canonical and "signatures" sorts after every other
    # allowed member, so B is data up to that member (whose value holds only the hex strings checked above)
    body = data[:data.rindex(b',"signatures":{')] + b"}"
    if not signature_verifies(credential, credential_signature, frame("pbvote/1/ballot", body)):
        raise VerifyError("credential signature does not verify")
    if kiosk is not None:
        kiosk_key = election.kiosks.get(kiosk)
        if kiosk_key is None:
            raise VerifyError(f"kiosk {kiosk!r} is not registered for this election")
        if not signature_verifies(kiosk_key, kiosk_signature, frame("pbvote/1/ballot-kiosk", body)):
            raise VerifyError("kiosk signature does not verify")
    context = Context(election.fingerprint, credential, district_id)
    key = election.public_key
    for j, (ct, (cs, zs)) in enumerate(zip(selections, per_selection, strict=True)):
        if rule.type == "cumulative":
            ok = verify_points(key, ct, rule.max_per_project, cs, zs, context, f"points/{j}")
        else:
            ok = verify_selection(key, ct, cs, zs, context, f"selection/{j}")
        if not ok:
            raise VerifyError(f"proof {'points' if rule.type == 'cumulative' else 'selection'}/{j} does not verify")
    if count is not None and rule.count_bounds is not None and not verify_count(
            key, selections, *rule.count_bounds, *count, context):
        raise VerifyError("proof count does not verify")
    if knapsack is not None and not verify_knapsack(key, selections, rule.costs, rule.budget, knapsack, context):
        raise VerifyError("proof knapsack does not verify")
    return BallotFacts(tracking_hash(data), credential, district_id, kiosk, tuple(a for a, _ in selections),
                       selections)


def check_spoiled(payload: Any, election: Election) -> BallotFacts:
    """Section 27: the inner ballot passes 26.5 and the Benaloh audit holds.

    ``payload`` is a parsed payload of a line that passed parse_canonical.

    Returns:
        The inner ballot's facts (its tracking hash is of the inner ballot bytes).

    Raises:
        VerifyError: naming what failed.
    """
    spoiled = members(payload, {"ballot", "format", "nonces", "values"}, "spoiled entry")
    if spoiled["format"] != "pbvote-spoiled/1":
        raise VerifyError("spoiled entry: format is not pbvote-spoiled/1")
    facts = check_parsed_ballot(spoiled["ballot"], canonical(spoiled["ballot"]), election)
    n = len(facts.selections)
    values = [integer(m, "spoiled value", 0, 100) for m in array(spoiled["values"], "spoiled values", n)]
    nonces = []
    for r_hex in array(spoiled["nonces"], "spoiled nonces", n):
        r = int.from_bytes(hex_bytes(r_hex, 32, "spoiled nonce"), "big")
        if not 0 < r < L:
            raise VerifyError("spoiled nonce: not in [1, L)")
        nonces.append(r)
    for j, ((alpha, beta), m, r) in enumerate(zip(facts.selections, values, nonces, strict=True)):
        if alpha != base_mul(r) or beta != add(base_mul(m), mul(r, election.public_key)):
            raise VerifyError(f"Benaloh audit: selection {j} does not encrypt the published value")
    return facts
