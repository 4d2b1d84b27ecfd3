"""Outcome rules over counts (spec section 35): greedy, greedy-no-skip, greedy-threshold.

Re-implemented from the spec's text (not from tally/rules): projects in the
order score descending, cost ascending, id ascending (code points); one
explanation step per project.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tally.verify.encoding import integer, members, string
from tally.verify.errors import VerifyError

GREEDY_RULES = ("greedy", "greedy-no-skip", "greedy-threshold")


class IndividualBallotsNeeded(VerifyError):
    """The district's rule (Equal Shares) cannot be computed from a homomorphic tally (section 35)."""


def rule_of(district_id: str, outcome: Any) -> tuple[str, int]:
    """The canonical manifest's ``outcome`` object (section 24) as ``(R, t)``.

    Raises:
        IndividualBallotsNeeded: for ``equal-shares``.
        VerifyError: an unknown rule or a malformed object.
    """
    if not isinstance(outcome, dict):
        raise VerifyError(f"manifest: district {district_id!r} has no outcome object")
    rule = outcome.get("rule")
    if rule == "equal-shares":
        raise IndividualBallotsNeeded(
            f"district {district_id!r} uses equal-shares, which needs individual ballots: pbvote-spec/1 "
            "publishes no results for an election with such a district (section 35)")
    if rule not in GREEDY_RULES:
        raise VerifyError(f"manifest: district {district_id!r} has an unknown outcome rule {rule!r}")
    members(outcome, {"rule", "threshold"}, f"district {district_id!r} outcome")
    return str(rule), integer(outcome["threshold"], f"district {district_id!r} threshold")


def rule_name(rule: str, threshold: int) -> str:
    """Section 35's ``rule`` member of the outcome."""
    if rule == "greedy-no-skip":
        return "greedy-no-skip-threshold" if threshold > 0 else "greedy-no-skip"
    if rule == "greedy-threshold" or threshold > 0:
        return "greedy-threshold"
    return "greedy"


def greedy_outcome(rule: str, threshold: int, budget: int, projects: Sequence[tuple[str, int]],
                   counts: Sequence[int]) -> dict[str, Any]:
    """The ``outcome`` object of section 35 for projects ``(id, cost)`` and their counts (same order)."""
    order = sorted(zip(projects, counts, strict=True), key=lambda pc: (-pc[1], pc[0][1], pc[0][0]))
    remaining = budget
    stopped = False
    steps: list[dict[str, Any]] = []
    selected: list[str] = []
    for (project, cost), score in order:
        funded = False
        if stopped:
            reason = "stopped"
        elif score < threshold:
            reason = "below threshold"
        elif cost <= remaining:
            reason, funded = "fits", True
            remaining -= cost
            selected.append(project)
        else:
            reason = "does not fit"
            stopped = rule == "greedy-no-skip"
        steps.append({"cost": cost, "funded": funded, "project": project, "reason": reason,
                      "remaining": remaining, "score": score})
    return {"explanation": steps, "notes": [], "rule": rule_name(rule, threshold), "selected": selected,
            "spent": budget - remaining}


def projects_of(manifest: dict[str, Any], district_id: str) -> list[tuple[str, int]]:
    """The district's projects ``(id, cost)`` in manifest order (section 26.1)."""
    return [(string(p["id"], "project id"), integer(p["cost"], "project cost"))
            for p in manifest["projects"] if isinstance(p, dict) and p.get("district") == district_id]
