"""Checking a voter's receipt against the record (spec section 29).

The voter gives either the short tracking code typed from paper or the QR
text; the answer says where the ballot is, that it is NOT on the board (and
what to do), or that the code is not valid (a typo), never mixing these up.
"""

from __future__ import annotations

from tally.verify.board import BoardFacts
from tally.verify.codes import ALPHABET, CodeMalformed, CodeTypo, display, parse_qr, parse_tracking_code
from tally.verify.encoding import frame
from tally.verify.group import signature_verifies
from tally.verify.record import RecordState
from tally.verify.report import Check
from tally.verify.tally_checks import tally_published

NOT_ON_BOARD = ("NOT on the board. Keep your receipt and contact the election officials and the observers: "
                "a ballot with a receipt must be in the published record")


def _found(position: int, kind: str, ok: bool, code: str, state: RecordState, facts: BoardFacts) -> Check:
    """The answer for a receipt whose entry is on the board.

    "included in the tally" only when tally.json verified (section 36 item
    13) and the ballot is one of the counted ballots it sums (section 32).
    """
    where = f"{display(code)}: on the board at position {position}"
    if kind == "spoiled":
        return Check("receipt", ok, f"{display(code)}: a spoiled (checked) ballot at position {position}, "
                     "not counted" + ("" if ok else ", but the entry fails its checks (see spoiled)"))
    if not ok:
        return Check("receipt", False, f"{where}, but the ballot is INVALID and not counted (see ballots)",
                     (f"position {position}",), 1)
    if position not in facts.counted:
        return Check("receipt", False, f"{where}, but after the close of the polls: not counted (see polls)",
                     (f"position {position}",), 1)
    if not tally_published(state):
        return Check("receipt", True, f"{where}, valid; no tally has been published yet")
    if not state.extra.get("tally verified"):
        return Check("receipt", False, f"{where}, valid, but the published tally does not verify, so it is not "
                     "shown to include this ballot (see tally)", ("tally does not verify",), 1)
    return Check("receipt", True, f"{where}, included in the tally")


def check_receipt(text: str, state: RecordState, facts: BoardFacts) -> Check:
    """A receipt given as a short tracking code or as the ``PBV1:`` QR text."""
    stripped = text.strip()
    if stripped.upper().startswith("PBV1:"):
        return _check_qr(stripped, state, facts)
    try:
        code = parse_tracking_code(stripped)
    except CodeTypo:
        return Check("receipt", False, "not a valid code (typo?): the check character does not match; "
                     "compare it with the receipt again", ("not a valid code",), 1)
    except CodeMalformed as exc:
        return Check("receipt", False, f"not a valid code (typo?): {exc}", ("not a valid code",), 1)
    wanted = 0
    for ch in code[:20]:
        wanted = wanted * 32 + ALPHABET.index(ch)
    for t, (position, kind, ok) in facts.tracking.items():
        if int.from_bytes(t, "big") >> 156 == wanted:
            return _found(position, kind, ok, code, state, facts)
    return Check("receipt", False, f"{display(code)}: {NOT_ON_BOARD}", ("not on the board",), 1)


def _check_qr(text: str, state: RecordState, facts: BoardFacts) -> Check:
    try:
        receipt = parse_qr(text)
    except CodeMalformed as exc:
        return Check("receipt", False, f"not a valid code (typo?): {exc}", ("not a valid code",), 1)
    from tally.verify.codes import short_code

    code = short_code(receipt.tracking)
    if receipt.fingerprint != state.fingerprint:
        return Check("receipt", False, f"{display(code)}: the receipt is for another election "
                     f"({receipt.fingerprint.hex()[:16]})", ("another election",), 1)
    if state.board_key is None or not signature_verifies(
            state.board_key, receipt.signature,
            frame("pbvote/1/receipt", receipt.fingerprint, receipt.tracking, receipt.position, receipt.entry_hash)):
        return Check("receipt", False, f"{display(code)}: the receipt's signature does not verify with the "
                     "ballot box's key: it was not issued by this ballot box", ("bad signature",), 1)
    entry = facts.tracking.get(receipt.tracking)
    position = receipt.position
    if entry is None or entry[0] != position or facts.hashes[32 * position:32 * position + 32] != receipt.entry_hash:
        return Check("receipt", False, f"{display(code)}: signed receipt for position {position}, but that ballot is "
                     + NOT_ON_BOARD, ("not on the board",), 1)
    return _found(entry[0], entry[1], entry[2], code, state, facts)
