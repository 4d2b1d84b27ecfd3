"""The observers' independent verifier of a pbvote election record (``python -m tally.verify RECORD``).

Written from docs/spec.md (pbvote-spec/1) alone: every module here imports
only the standard library, PyNaCl and tally.verify itself, never the
application it checks (tests/verify/test_independence.py enforces this).
"""

from __future__ import annotations

from tally.verify.report import Check, Report
from tally.verify.run import verify_record

__all__ = ["Check", "Report", "verify_record"]
