"""Turn a resident's plaintext selection into an encrypted, proven, signed ballot.

The plaintext is checked against the district's rule first, so a resident
hears "over budget by 12,000" rather than a failed proof.  Then every
project of the district gets one ciphertext (0/1, or points), each with its
proof, plus the count and knapsack proofs the rule needs; every proof is
bound to the election, the district and the credential (docs/spec.md,
"Proof labels in a ballot"), so it cannot be copied into anyone else's
ballot.  The nonces stay with the prepared ballot: they are destroyed when
it is cast, or published when the resident challenges it (Benaloh).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from ballot.encrypted_ballot import EncryptedBallot
from ballot.errors import BallotError
from ballot.manifest_model import District, Election, Project
from ballot.selection import Problem, Selection, check_selection
from crypto import elgamal
from crypto.proofs import DisjunctiveProof, ProofContext
from crypto.proofs.count import prove_count
from crypto.proofs.knapsack import KnapsackProof, prove_knapsack
from crypto.proofs.points import prove_points
from crypto.proofs.selection import prove_selection
from crypto.signatures import SigningKey, sign
from crypto.tracking import TrackingCode, tracking_code

__all__ = [
    "BALLOT_SIGNATURE_TAG",
    "KIOSK_SIGNATURE_TAG",
    "InvalidSelection",
    "PreparedBallot",
    "ballot_context",
    "ballot_values",
    "count_bounds",
    "describe_problem",
    "encrypt_ballot",
]

BALLOT_SIGNATURE_TAG: Final = "pbvote/1/ballot"
KIOSK_SIGNATURE_TAG: Final = "pbvote/1/ballot-kiosk"


class InvalidSelection(BallotError, ValueError):
    """The plaintext selection breaks the district's rule; ``problems`` says how, as values."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(describe_problem(p) for p in self.problems))


def describe_problem(problem: Problem) -> str:
    """A plain English reason for the command line (the kiosk renders its own translations)."""
    money = f" {problem.currency}" if problem.currency else ""
    match problem.code:
        case "too_many":
            return f"too many picks: {problem.value}, at most {problem.limit}"
        case "too_few":
            return f"too few picks: {problem.value}, at least {problem.limit}"
        case "over_budget":
            return (f"over budget by {problem.value - problem.limit:,}{money} "
                    f"(total {problem.value:,} of {problem.limit:,}{money})")
        case "points_exceeded":
            return f"too many points: {problem.value}, at most {problem.limit}"
        case "project_points_exceeded":
            return f"too many points on {problem.project}: {problem.value}, at most {problem.limit}"
        case "negative_points":
            return f"negative points on {problem.project}"
        case "unknown_project":
            return f"no project {problem.project!r} in this district"
        case "unknown_district":
            return "no such district"
        case _:
            return "this ballot takes points, not picks (or the other way round)"


def ballot_context(fingerprint: bytes, credential: bytes, district: str) -> ProofContext:
    """The proof context of one ballot; proofs differ only by label."""
    return ProofContext(fingerprint, credential, district, "")


def count_bounds(district: District, n: int) -> tuple[int, int] | None:
    """The range the count proof must show, or None when the rule cannot be broken.

    Approval and knapsack: min..max picks, unless that is 0..n (any 0/1
    vector fits).  Cumulative: 0..points total, unless n·max_per_project
    cannot exceed the points.
    """
    rule = district.ballot
    if rule.type == "cumulative":
        points = rule.points or 0
        per = rule.max_per_project or points
        return None if n * per <= points else (0, points)
    return None if (rule.min_picks, rule.max_picks) == (0, n) else (rule.min_picks, rule.max_picks)


def ballot_values(projects: Sequence[Project], district: District, selection: Selection) -> list[int]:
    """The plaintext per project, manifest order: 0/1 picks, or points."""
    if district.ballot.type == "cumulative":
        return [selection.points.get(p.id, 0) for p in projects]
    return [1 if p.id in selection.picks else 0 for p in projects]


@dataclass(frozen=True, slots=True)
class PreparedBallot:
    """An encrypted ballot with the secrets a Benaloh challenge would reveal.

    Attributes:
        ballot: the signed ballot, ready to cast or to challenge.
        values: the plaintext per selection (hidden from repr).
        nonces: the encryption nonces (hidden from repr).
    """

    ballot: EncryptedBallot
    values: tuple[int, ...] = field(repr=False)
    nonces: tuple[int, ...] = field(repr=False)

    def to_bytes(self) -> bytes:
        """The ballot's canonical bytes."""
        return self.ballot.to_bytes()

    @property
    def tracking_code(self) -> TrackingCode:
        """The tracking code the receipt will show."""
        return tracking_code(self.to_bytes())

    def spoil_reveal(self) -> dict[str, Any]:
        """What a challenged ballot publishes beside itself: every plaintext and nonce."""
        return {"values": list(self.values), "nonces": [f"{r:064x}" for r in self.nonces]}


def encrypt_ballot(
    election: Election,
    public_key: bytes,
    selection: Selection,
    credential_key: SigningKey,
    *,
    kiosk: tuple[str, SigningKey] | None = None,
) -> PreparedBallot:
    """Encrypt, prove and sign a resident's selection.

    Args:
        election: the validated election.
        public_key: the joint election key K (from the ceremony record).
        selection: the plaintext choices, for ``selection.district``.
        credential_key: the resident's credential key (from the voting code).
        kiosk: the kiosk's name and device key, when cast at a kiosk.

    Returns:
        The prepared ballot.

    Raises:
        InvalidSelection: if the selection breaks the rule (nothing is encrypted).
    """
    problems = check_selection(election, selection.district, selection)
    if problems:
        raise InvalidSelection(problems)
    district = election.district(selection.district)
    projects = list(election.projects_in(district.id))
    pk = elgamal.decode_public_key(public_key)
    values = ballot_values(projects, district, selection)
    context = ballot_context(election.fingerprint, credential_key.public_key, district.id)
    encrypted = [elgamal.encrypt(pk, m) for m in values]
    cts = [ct for ct, _ in encrypted]
    nonces = [r for _, r in encrypted]
    proofs: list[DisjunctiveProof] = []
    for j, (ct, m, r) in enumerate(zip(cts, values, nonces, strict=True)):
        if district.ballot.type == "cumulative":
            per = district.ballot.max_per_project or district.ballot.points or 0
            proofs.append(prove_points(pk, ct, m, r, per, context.with_label(f"points/{j}")))
        else:
            proofs.append(prove_selection(pk, ct, m, r, context.with_label(f"selection/{j}")))
    bounds = count_bounds(district, len(projects))
    count = None
    if bounds is not None:
        count = prove_count(pk, cts, values, nonces, bounds[0], bounds[1], context.with_label("count"))
    knapsack: KnapsackProof | None = None
    if district.ballot.type == "knapsack":
        knapsack = prove_knapsack(pk, cts, values, nonces, [p.cost for p in projects], district.budget,
                                  context.with_label("knapsack"))
    unsigned = EncryptedBallot(
        fingerprint=election.fingerprint, district=district.id, credential=credential_key.public_key,
        kiosk=kiosk[0] if kiosk else None, selections=tuple(cts), selection_proofs=tuple(proofs),
        count_proof=count, knapsack_proof=knapsack, credential_signature=b"", kiosk_signature=None)
    body = unsigned.body_bytes()
    signed = replace(unsigned, credential_signature=sign(credential_key, BALLOT_SIGNATURE_TAG, body),
                     kiosk_signature=sign(kiosk[1], KIOSK_SIGNATURE_TAG, body) if kiosk else None)
    return PreparedBallot(signed, tuple(values), tuple(nonces))

