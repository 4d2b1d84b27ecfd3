"""
PB outcome rules: pure functions from counts or profiles to funded projects.

``RULES`` maps the manifest's outcome-rule names to their entry points:
``greedy`` and ``greedy-no-skip`` take ``(projects, budget, scores)``,
``greedy-threshold`` also ``threshold=``; ``equal-shares`` takes
``(projects, budget, ballots)`` plus ``completion=`` and ``fill=``. Import
an entry point from its module (``tally.rules.greedy.greedy``); this package
deliberately does not rebind the module names to the functions.
"""

from collections.abc import Callable, Mapping
from types import MappingProxyType

from tally.rules import equal_shares as _equal_shares
from tally.rules import greedy as _greedy
from tally.rules.model import EqualSharesRound, GreedyStep, Outcome, RuleProject

__all__ = ["RULES", "EqualSharesRound", "GreedyStep", "Outcome", "RuleProject"]

RULES: Mapping[str, Callable[..., Outcome]] = MappingProxyType(
    {
        "greedy": _greedy.greedy,
        "greedy-no-skip": _greedy.greedy_no_skip,
        "greedy-threshold": _greedy.greedy_threshold,
        "equal-shares": _equal_shares.equal_shares,
    }
)
