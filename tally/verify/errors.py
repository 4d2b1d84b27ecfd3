"""The one exception of the verifier.

The verifier keeps its own error type instead of tally.errors so that it
imports nothing of the application it checks (issue 7, independence).
"""

from __future__ import annotations


class VerifyError(ValueError):
    """A published file or value breaks a rule of docs/spec.md.

    Raised by the decoders and checks of tally.verify; the message names the
    rule that failed (never an equation of a proof) and becomes the reason of
    a failed check in the report.
    """
