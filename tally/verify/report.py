"""The verification report: every check with its outcome, counts and reasons.

Fails closed (DESIGN.md, known pitfalls): the verdict is VALID only when
there is at least one check and every check passed; a check that could not
run is a failed check with the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

MAX_LISTED = 20
"""Reasons listed per check; the count says how many there were in all."""


@dataclass(frozen=True)
class Check:
    """The outcome of one check of docs/spec.md section 31.2 (or 29, or the tally)."""

    name: str
    """Short name, e.g. ``ballots``, ``chain``, ``receipt``."""
    ok: bool
    summary: str
    """One line with counts, e.g. ``20 valid, 2 INVALID``."""
    problems: tuple[str, ...] = ()
    """Up to MAX_LISTED reasons (each names the entry or file)."""
    problem_count: int = 0
    """How many problems there were in all (may exceed len(problems))."""


def failed(name: str, reason: str) -> Check:
    """A check that failed (or could not run) for one reason."""
    return Check(name, False, reason, (reason,), 1)


@dataclass
class Problems:
    """Collects the reasons of one check, keeping the first MAX_LISTED."""

    listed: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, reason: str) -> None:
        """Record one problem."""
        self.count += 1
        if len(self.listed) < MAX_LISTED:
            self.listed.append(reason)

    def check(self, name: str, summary: str) -> Check:
        """The check: passed iff no problem was recorded."""
        return Check(name, self.count == 0, summary, tuple(self.listed), self.count)


@dataclass(frozen=True)
class Report:
    """All checks of one verification run."""

    record: str
    checks: tuple[Check, ...]

    @property
    def valid(self) -> bool:
        """True only if there are checks and all passed."""
        return bool(self.checks) and all(c.ok for c in self.checks)

    def failures(self) -> list[Check]:
        """The failed checks, in report order."""
        return [c for c in self.checks if not c.ok]

    def to_json(self) -> dict[str, Any]:
        """The machine report of ``--json``."""
        return {
            "format": "pbvote-verify-report/1",
            "record": self.record,
            "verdict": "VALID" if self.valid else "INVALID",
            "checks": [{"name": c.name, "ok": c.ok, "summary": c.summary, "problems": list(c.problems),
                        "problem_count": c.problem_count} for c in self.checks],
        }

    def to_json_text(self) -> str:
        """``to_json`` as one line."""
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)

    def to_text(self) -> str:
        """The human report: one line per check, reasons indented below failed ones, the verdict last."""
        lines = [f"Election record {self.record}"]
        for c in self.checks:
            lines.append(f"  [{'ok' if c.ok else 'FAILED'}] {c.name}: {c.summary}")
            lines += [f"        - {p}" for p in c.problems if p != c.summary]
            if c.problem_count > len(c.problems):
                lines.append(f"        ... and {c.problem_count - len(c.problems):,} more")
        if self.valid:
            lines.append(f"VERDICT: VALID (all {len(self.checks)} checks hold)")
        else:
            names = ", ".join(c.name for c in self.failures()) or "no checks ran"
            lines.append(f"VERDICT: INVALID (failed: {names})")
        return "\n".join(lines)
