"""Checks of the published tally (spec sections 32 and later, when they exist).

Fails closed: until the record carries a tally that these checks verify,
the verdict is INVALID with the reason "no tally published".
"""

from __future__ import annotations

from tally.verify.board import BoardFacts
from tally.verify.record import RecordState
from tally.verify.report import Check, failed

TALLY_FILES = ("tally.json", "results.json")


def check_tally(state: RecordState, facts: BoardFacts) -> Check:
    """The tally: not specified yet in pbvote-spec/1 sections 1-31, so never passes yet."""
    present = [name for name in TALLY_FILES if state.files.exists(name)]
    if not present:
        return failed("tally", "no tally published")
    return failed("tally", f"{', '.join(present)} present, but this verifier has no tally check yet (fail closed)")


TALLY_CHECKS = (check_tally,)
"""Functions ``(state, board facts) -> Check`` run after the board; the tally's checks slot in here."""
