"""
Recompute a pabulib election's outcome from its plaintext votes, to check our rules.

The rule defaults to the file's META ``rule``. Scores follow the vote type:
approval and choose-1 count voters; cumulative and scoring sum points;
ordinal gives ``L - position`` points to the project ranked at ``position``
(0-based), where ``L`` is META ``max_length`` or else the longest ballot
(Kraków 2019: 3, 2, 1 points, which reproduces its ``score`` column).
Equal Shares reads every vote as the approval set of the projects it names.

Rule names (pabulib spelling):

* ``greedy``, ``greedy-no-skip`` (alias ``greedy_no_skip``);
* ``greedy-threshold``: the threshold is META ``min_project_score_threshold``;
* ``greedy-custom``: Poznań's rule from its META comment: greedy without
  skipping, then the first project that does not fit is funded from reserve
  money too when the money left covers at least 80 % of its cost;
* ``equalshares`` (no completion), ``equalshares/add1`` (add-one completion,
  as Świecie and Assen publish it: no greedy fill, which is what reproduces
  Assen's winners) and ``equalshares/add1/greedy`` (add-one then greedy fill;
  alias ``equal-shares``, the manifest's rule).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ballot.errors import PabulibError
from ballot.pabulib import PbFile
from tally.errors import RuleError
from tally.rules.equal_shares import equal_shares
from tally.rules.greedy import greedy, greedy_order
from tally.rules.model import GreedyStep, Outcome, RuleProject

__all__ = ["PB_RULE_NAMES", "pabulib_outcome", "pabulib_scores"]

PB_RULE_NAMES: tuple[str, ...] = (
    "greedy",
    "greedy-no-skip",
    "greedy-threshold",
    "greedy-custom",
    "equalshares",
    "equalshares/add1",
    "equalshares/add1/greedy",
)
_ALIASES = {
    "greedy_no_skip": "greedy-no-skip",
    "equal-shares": "equalshares/add1/greedy",
    "greedy_threshold": "greedy-threshold",
}
_RESERVE_SHARE = (4, 5)  # Poznań: reserve money funds a project if 80 % of it is left


def pabulib_scores(pb: PbFile) -> dict[str, int]:
    """
    Score every project the way the file's vote type says the city counted.

    Args:
        pb: the parsed file.

    Returns:
        Score per project id (every project present, 0 when nobody voted for it).

    Raises:
        RuleError: the vote type is unknown, or points are missing for a points vote.
    """
    scores: Counter[str] = Counter({p.id: 0 for p in pb.projects})
    kind = pb.vote_type
    if kind in ("approval", "choose-1"):
        for vote in pb.votes:
            scores.update(vote.projects)
    elif kind in ("cumulative", "scoring"):
        for vote in pb.votes:
            if vote.points is None:
                raise RuleError(f"voter {vote.voter_id!r}: {kind} vote without points")
            for project_id, points in zip(vote.projects, vote.points, strict=True):
                scores[project_id] += points
    elif kind == "ordinal":
        length = (
            _meta_int(pb, "max_length")
            if "max_length" in pb.meta
            else max((len(v.projects) for v in pb.votes), default=0)
        )
        for vote in pb.votes:
            for position, project_id in enumerate(vote.projects):
                scores[project_id] += max(length - position, 0)
    else:
        raise RuleError(f"unsupported vote_type {kind!r}")
    return dict(scores)


def _meta_int(pb: PbFile, key: str) -> int:
    """Read an integral META value, as a RuleError when it is missing or malformed."""
    if key not in pb.meta:
        raise RuleError(f"META {key} is required by rule {pb.meta.get('rule', '?')!r}")
    raw = pb.meta[key].strip()
    try:
        return int(raw)
    except ValueError:
        raise RuleError(f"META {key} must be an integer, got {raw!r}") from None


def pabulib_outcome(pb: PbFile, rule: str | None = None) -> Outcome:
    """
    Compute who wins a pabulib election, to compare with its ``selected`` column.

    Args:
        pb: the parsed file.
        rule: a name from ``PB_RULE_NAMES`` (or an alias); None uses META ``rule``.

    Returns:
        The outcome; its ``rule`` is the canonical pabulib name used.

    Raises:
        RuleError: the rule is unknown or unsupported (e.g. ``unknown``), or
            META lacks what the rule needs.
    """
    name = rule if rule is not None else pb.meta.get("rule", "")
    name = _ALIASES.get(name.strip(), name.strip())
    if name not in PB_RULE_NAMES:
        raise RuleError(f"unsupported rule {name!r}; choose one of {', '.join(PB_RULE_NAMES)}")
    projects = [RuleProject(p.id, p.cost) for p in pb.projects]
    try:
        budget = pb.budget
    except PabulibError as exc:
        raise RuleError(str(exc)) from exc
    if name.startswith("equalshares"):
        ballots = (frozenset(v.projects) for v in pb.votes)
        completion = "add1" if "/add1" in name else "none"
        fill = "greedy" if name.endswith("/greedy") else "none"
        outcome = equal_shares(projects, budget, ballots, completion=completion, fill=fill)
    else:
        scores = pabulib_scores(pb)
        if name == "greedy":
            outcome = greedy(projects, budget, scores)
        elif name == "greedy-no-skip":
            outcome = greedy(projects, budget, scores, skip=False)
        elif name == "greedy-threshold":
            threshold = _meta_int(pb, "min_project_score_threshold")
            outcome = greedy(projects, budget, scores, threshold=threshold)
        else:
            outcome = _greedy_custom(projects, budget, scores)
    return replace(outcome, rule=name)


def _greedy_custom(projects: list[RuleProject], budget: int, scores: dict[str, int]) -> Outcome:
    """
    Poznań's greedy-custom: no-skip greedy, then maybe the next project from reserve money.

    Args:
        projects: the candidates.
        budget: the district budget.
        scores: votes per project.

    Returns:
        The outcome; a reserve-funded project has a GreedyStep with reason
        ``"reserve"``, and ``spent`` may then exceed ``budget``.
    """
    base = greedy(projects, budget, scores, skip=False)
    misfit = next(
        (s for s in base.explanation if isinstance(s, GreedyStep) and s.reason == "does not fit"),
        None,
    )
    if misfit is None:
        return base
    left = budget - base.spent
    num, den = _RESERVE_SHARE
    if den * left < num * misfit.cost:
        return base
    order = [p.id for p in greedy_order(projects, scores)]
    steps = [
        s
        if not isinstance(s, GreedyStep) or s.project != misfit.project
        else replace(s, funded=True, reason="reserve", remaining=left - misfit.cost)
        for s in base.explanation
    ]
    selected = tuple(pid for pid in order if pid in set(base.selected) | {misfit.project})
    return replace(
        base,
        selected=selected,
        spent=base.spent + misfit.cost,
        explanation=tuple(steps),
        notes=(
            f"{misfit.project} funded from reserve: {left} left covers at least "
            f"{num * 100 // den} % of its cost {misfit.cost}",
        ),
    )
