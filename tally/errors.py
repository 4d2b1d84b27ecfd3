"""Exceptions raised by tally/."""


class TallyError(Exception):
    """Base class of every error raised by tally/."""


class RuleError(TallyError, ValueError):
    """Raised when an outcome rule is given inconsistent input (unknown project, negative cost)."""


class InvalidResults(TallyError, ValueError):
    """Raised when a results document is not canonical, misses or adds a member, or its signature fails."""
