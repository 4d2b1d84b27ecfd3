"""
The published results of an election (``results.json``): counts, winners and why, signed.

One record serves every consumer: the tally writes it, the ballot box's key
signs it, the results PDF, the CSV and the pabulib export render it, and
observers recompute it.  Keeping the model, its canonical JSON and its
signature in one module means the renderers can never show a figure the
signed file does not hold.

Format (docs/spec.md, "Results"): canonical JSON, members in byte order::

    {"districts":[{"ballots":B,"budget":b,"counts":[{"count":c,"project":"<id>"},...],
                   "currency":"<code>","district":"<id>",
                   "outcome":{"explanation":[...],"notes":[...],"rule":"<rule>",
                              "selected":["<id>",...],"spent":s}}],
     "election":"<hex(F)>","format":"pbvote-results/1","signature":"<128 hex>",
     "tally":"<hex>","trustees":[j,...]}

Districts appear in manifest order and counts in the district's manifest
project order.  The signature is Ed25519 by the ballot box's key with the
tag ``pbvote/1/results`` over ``(F, U)``, ``U`` the canonical bytes of the
object without its ``signature`` member.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from crypto.canonical import canonical_json, parse_canonical_json
from crypto.errors import CryptoError
from crypto.signatures import SigningKey, sign, verify
from tally.errors import InvalidResults, RuleError
from tally.rules.greedy import greedy
from tally.rules.model import EqualSharesRound, Explanation, GreedyStep, Outcome, RuleProject

if TYPE_CHECKING:
    from ballot.manifest_model import District, Project

__all__ = [
    "RESULTS_FILE",
    "RESULTS_FORMAT",
    "RESULTS_TAG",
    "DistrictResult",
    "IndividualBallotsNeeded",
    "InvalidResults",
    "ProjectCount",
    "Results",
    "district_outcome",
    "outcome_from_json",
    "outcome_to_json",
    "parse_results",
]

RESULTS_FILE: Final = "results.json"
RESULTS_FORMAT: Final = "pbvote-results/1"
RESULTS_TAG: Final = "pbvote/1/results"

_GREEDY_MEMBERS: Final = frozenset({"project", "cost", "score", "funded", "reason", "remaining"})
_MES_MEMBERS: Final = frozenset({"project", "cost", "rho", "supporters", "per_voter_budget"})


@dataclass(frozen=True, slots=True)
class ProjectCount:
    """
    One project's decrypted total: approvals (approval, knapsack) or points (cumulative).

    Fields: ``project`` (manifest id); ``count`` (the sum over the district's cast ballots).
    """

    project: str
    count: int


@dataclass(frozen=True, slots=True)
class DistrictResult:
    """
    One district's tally and outcome.

    Fields: ``district`` (manifest id); ``ballots`` (cast ballots counted);
    ``budget`` and ``currency`` (from the manifest); ``counts`` (manifest
    project order); ``outcome`` (the district's outcome rule applied to ``counts``).
    """

    district: str
    ballots: int
    budget: int
    currency: str
    counts: tuple[ProjectCount, ...]
    outcome: Outcome

    def count_of(self, project: str) -> int:
        """The count of ``project`` (KeyError if the district has no such project)."""
        for item in self.counts:
            if item.project == project:
                return item.count
        raise KeyError(project)


@dataclass(frozen=True, slots=True)
class Results:
    """
    The whole election's results, as signed and published.

    Fields: ``election`` (``F``, 32 bytes); ``tally`` (hash of the encrypted
    tally the counts were decrypted from, 32 bytes); ``trustees`` (the indices
    whose partial decryptions were combined, ascending); ``districts`` (manifest
    order); ``signature`` (64 bytes, or empty before signing).
    """

    election: bytes
    tally: bytes
    trustees: tuple[int, ...]
    districts: tuple[DistrictResult, ...]
    signature: bytes = b""

    def unsigned_json(self) -> dict[str, Any]:
        """The JSON object without ``signature``: what the signature covers."""
        return {
            "districts": [_district_to_json(d) for d in self.districts],
            "election": self.election.hex(),
            "format": RESULTS_FORMAT,
            "tally": self.tally.hex(),
            "trustees": list(self.trustees),
        }

    def signed(self, key: SigningKey) -> Results:
        """A copy signed by the ballot box's key (``pbvote/1/results`` over ``(F, U)``)."""
        unsigned = canonical_json(self.unsigned_json())
        return Results(self.election, self.tally, self.trustees, self.districts,
                       sign(key, RESULTS_TAG, self.election, unsigned))

    def verify_signature(self, board_key: bytes) -> None:
        """
        Check the signature with the ballot box's public key.

        Raises:
            InvalidResults: unsigned, or the signature does not verify.
        """
        if not self.signature:
            raise InvalidResults("the results are not signed")
        try:
            verify(board_key, self.signature, RESULTS_TAG, self.election, canonical_json(self.unsigned_json()))
        except CryptoError:
            raise InvalidResults("the results signature does not verify") from None

    def to_canonical_bytes(self) -> bytes:
        """The published bytes of ``results.json`` (canonical JSON, no trailing newline)."""
        if not self.signature:
            raise InvalidResults("only signed results are published")
        return canonical_json({**self.unsigned_json(), "signature": self.signature.hex()})

    def district(self, district_id: str) -> DistrictResult:
        """The result of one district (KeyError if there is none)."""
        for d in self.districts:
            if d.district == district_id:
                return d
        raise KeyError(district_id)


def outcome_to_json(outcome: Outcome) -> dict[str, Any]:
    """An Outcome as the ``outcome`` member of a district result (budget is the district's)."""
    return {
        "explanation": [_step_to_json(step) for step in outcome.explanation],
        "notes": list(outcome.notes),
        "rule": outcome.rule,
        "selected": list(outcome.selected),
        "spent": outcome.spent,
    }


def _step_to_json(step: Explanation) -> dict[str, Any]:
    if isinstance(step, GreedyStep):
        return {"cost": step.cost, "funded": step.funded, "project": step.project, "reason": step.reason,
                "remaining": step.remaining, "score": step.score}
    return {"cost": step.cost, "per_voter_budget": step.per_voter_budget, "project": step.project,
            "rho": step.rho, "supporters": step.supporters}


def _district_to_json(d: DistrictResult) -> dict[str, Any]:
    return {
        "ballots": d.ballots,
        "budget": d.budget,
        "counts": [{"count": c.count, "project": c.project} for c in d.counts],
        "currency": d.currency,
        "district": d.district,
        "outcome": outcome_to_json(d.outcome),
    }


def _members(value: Any, members: frozenset[str] | set[str], where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict) or set(value) != set(members):
        raise InvalidResults(f"{where}: expected exactly the members {', '.join(sorted(members))}")
    return value


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidResults(f"{where}: expected a non-negative integer")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidResults(f"{where}: expected a non-empty string")
    return value


def _hex32(value: Any, where: str, size: int = 32) -> bytes:
    if not isinstance(value, str) or len(value) != 2 * size or value != value.lower():
        raise InvalidResults(f"{where}: expected {2 * size} lower-case hex digits")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise InvalidResults(f"{where}: expected {2 * size} lower-case hex digits") from None


def _list(value: Any, where: str) -> Sequence[Any]:
    if not isinstance(value, list):
        raise InvalidResults(f"{where}: expected an array")
    return value


def _step_from_json(value: Any, where: str) -> Explanation:
    if isinstance(value, dict) and set(value) == _GREEDY_MEMBERS:
        if not isinstance(value["funded"], bool):
            raise InvalidResults(f"{where}.funded: expected true or false")
        return GreedyStep(_str(value["project"], where), _int(value["cost"], where), _int(value["score"], where),
                          value["funded"], _str(value["reason"], where), _int(value["remaining"], where))
    v = _members(value, _MES_MEMBERS, where)
    return EqualSharesRound(_str(v["project"], where), _int(v["cost"], where), _str(v["rho"], where),
                            _int(v["supporters"], where), _str(v["per_voter_budget"], where))


def outcome_from_json(value: Any, budget: int, where: str = "outcome") -> Outcome:
    """Parse an ``outcome`` member (the inverse of ``outcome_to_json``)."""
    v = _members(value, {"explanation", "notes", "rule", "selected", "spent"}, where)
    notes = tuple(_str(n, f"{where}.notes") for n in _list(v["notes"], f"{where}.notes"))
    selected = tuple(_str(s, f"{where}.selected") for s in _list(v["selected"], f"{where}.selected"))
    steps = tuple(_step_from_json(s, f"{where}.explanation[{i}]")
                  for i, s in enumerate(_list(v["explanation"], f"{where}.explanation")))
    return Outcome(_str(v["rule"], f"{where}.rule"), selected, budget, _int(v["spent"], f"{where}.spent"),
                   steps, notes)


def _district_from_json(value: Any, where: str) -> DistrictResult:
    v = _members(value, {"ballots", "budget", "counts", "currency", "district", "outcome"}, where)
    counts = []
    for i, item in enumerate(_list(v["counts"], f"{where}.counts")):
        c = _members(item, {"count", "project"}, f"{where}.counts[{i}]")
        counts.append(ProjectCount(_str(c["project"], f"{where}.counts[{i}].project"),
                                   _int(c["count"], f"{where}.counts[{i}].count")))
    budget = _int(v["budget"], f"{where}.budget")
    return DistrictResult(_str(v["district"], f"{where}.district"), _int(v["ballots"], f"{where}.ballots"), budget,
                          _str(v["currency"], f"{where}.currency"), tuple(counts),
                          outcome_from_json(v["outcome"], budget, f"{where}.outcome"))


def parse_results(data: bytes) -> Results:
    """
    Parse published ``results.json`` bytes (the signature is parsed, not verified).

    Raises:
        InvalidResults: not canonical JSON, a member missing, extra or of the wrong type.
    """
    try:
        value = parse_canonical_json(data, RESULTS_FILE)
    except (CryptoError, ValueError) as exc:
        raise InvalidResults(str(exc)) from None
    v = _members(value, {"districts", "election", "format", "signature", "tally", "trustees"}, RESULTS_FILE)
    if v["format"] != RESULTS_FORMAT:
        raise InvalidResults(f"{RESULTS_FILE}: format must be {RESULTS_FORMAT!r}")
    trustees = tuple(_int(t, "trustees") for t in _list(v["trustees"], "trustees"))
    districts = tuple(_district_from_json(d, f"districts[{i}]") for i, d in enumerate(_list(v["districts"],
                                                                                           "districts")))
    return Results(_hex32(v["election"], "election"), _hex32(v["tally"], "tally"), trustees, districts,
                   _hex32(v["signature"], "signature", 64))


class IndividualBallotsNeeded(RuleError):
    """The district's rule (Equal Shares) needs individual ballots, which a homomorphic tally never reveals."""


def district_outcome(district: District, projects: Sequence[Project], counts: Sequence[int]) -> Outcome:
    """Apply a district's greedy-type rule to its counts (docs/spec.md 35, "Outcome rules over counts").

    Args:
        district: the manifest district (its ``outcome`` rule and ``budget``).
        projects: its projects in manifest order.
        counts: one count per project, same order.

    Raises:
        IndividualBallotsNeeded: for ``equal-shares``, until a verifiable mix-net exists.
    """
    rule = district.outcome
    if rule.rule == "equal-shares":
        raise IndividualBallotsNeeded(
            f"district {district.id!r} uses Equal Shares, which needs individual ballots; a homomorphic tally "
            "only reveals per-project totals, so its results cannot be computed until a verifiable mix-net exists")
    if rule.rule not in ("greedy", "greedy-no-skip", "greedy-threshold"):
        raise RuleError(f"district {district.id!r}: unknown outcome rule {rule.rule!r}")
    scores: dict[str, int] = {p.id: c for p, c in zip(projects, counts, strict=True)}
    return greedy([RuleProject(p.id, p.cost) for p in projects], district.budget, scores,
                  skip=rule.rule != "greedy-no-skip", threshold=rule.threshold)
