"""The signed polls report: what the board said when the polls opened or closed, on paper.

Poll workers print it at the opening (zero ballots, the list of voting
codes frozen) and at the close (ballots cast, the final board head), sign it
by hand and post it at the polling place, as paper polls reports are posted
in elections everywhere.  Its figures come from the signed ``open``/``close``
board entry itself, and the ballot box's key signs the report's canonical
text, so an observer can check the paper against the published record
(``board.jsonl`` holds the same entry at the same position, ``head.json``
ends the same chain) without trusting the printer.

The signature is Ed25519 by the ballot-box key with tag
``pbvote/1/polls-report`` over ``(F, U)``, ``U`` the canonical JSON of the
report without ``signature``; the QR code holds the signed JSON.  The PDF is
reproducible (reportlab's invariant mode) and names nothing about any voter.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from ballot.authority import board_public_key
from ballot.board import count_kind, current_head
from ballot.errors import StorageError
from ballot.manifest_model import Election, short_fingerprint
from ballot.pdf_common import (
    MM,
    LangFonts,
    PrintoutError,
    draw_box,
    draw_mono,
    draw_paragraph,
    draw_qr,
    draw_rule,
    fonts_for,
    new_canvas,
    save_pdf,
)
from ballot.registry import count_credentials, kiosk_list
from ballot.storage.models import BoardEntryRow
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.signatures import SigningKey, sign, verify

__all__ = ["POLLS_REPORT_FORMAT", "POLLS_REPORT_TAG", "PollsReport", "polls_report", "render_polls_report_pdf"]

POLLS_REPORT_FORMAT: Final = "pbvote-polls-report/1"
POLLS_REPORT_TAG: Final = "pbvote/1/polls-report"
_ACTIONS: Final = ("open", "close")

_TEXTS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "doc.open": "Polls opened: report", "doc.close": "Polls closed: report",
        "lead.open": "The polls of this election were opened by the signed board entry below. No ballot "
                     "had been cast; the list of voting codes is frozen from now on.",
        "lead.close": "The polls of this election were closed by the signed board entry below. No ballot "
                      "is accepted after it; these are the final totals before the tally.",
        "fingerprint": "Election fingerprint", "position": "Board entry (position)", "time": "Time",
        "ballots": "Ballots cast", "spoiled": "Ballots checked (spoiled)", "credentials": "Voting codes on the list",
        "kiosks": "Kiosks registered", "size": "Board entries in total", "entry": "Entry hash",
        "head": "Board head hash", "key": "Ballot-box public key", "signature": "Signature of this report",
        "check.title": "How to check this report",
        "check.body": "The QR code holds this report as signed JSON. The signature is the ballot box's "
                      "(Ed25519, tag pbvote/1/polls-report) over the report without its signature. In the "
                      "published record, board.jsonl holds this entry at this position, and its chain "
                      "continues from the board head printed here.",
        "signed.by": "Poll worker (name and signature)", "witness": "Witness (name and signature)",
        "secrecy": "This report holds totals only: no code, no choice and no voter.",
    },
    "zh-TW": {
        "doc.open": "開始投票報告", "doc.close": "結束投票報告",
        "lead.open": "本選舉已依下列經簽章的公告板紀錄開始投票。當時尚無任何選票；投票碼名單自此凍結。",
        "lead.close": "本選舉已依下列經簽章的公告板紀錄結束投票。此後不再接受任何選票；以下為開票前的最終總數。",
        "fingerprint": "選舉識別碼", "position": "公告板紀錄（序號）", "time": "時間",
        "ballots": "已投選票", "spoiled": "已查核（作廢）選票", "credentials": "名單上的投票碼",
        "kiosks": "已登記的投票機", "size": "公告板紀錄總數", "entry": "紀錄雜湊值",
        "head": "公告板最新雜湊值", "key": "投票箱公開金鑰", "signature": "本報告的簽章",
        "check.title": "如何查核本報告",
        "check.body": "QR 碼內含經簽章的本報告（JSON）。簽章由投票箱金鑰製作（Ed25519，標籤 "
                      "pbvote/1/polls-report），涵蓋不含簽章的報告內容。公告的選舉紀錄中，board.jsonl "
                      "在此序號有同一筆紀錄，其雜湊鏈由此處印出的公告板最新雜湊值接續。",
        "signed.by": "投票所工作人員（姓名及簽名）", "witness": "見證人（姓名及簽名）",
        "secrecy": "本報告只含總數：沒有任何投票碼、選擇或選民資料。",
    },
}


@dataclass(frozen=True, slots=True)
class PollsReport:
    """What one polls report states (docs: the ``open``/``close`` entry, spec section 28).

    Attributes:
        fingerprint: spec symbol F.
        action: "open" or "close".
        position: the entry's index i on the board.
        entry_hash: the entry's hash (the head right after it).
        at: when the report was made (the console's clock; the board keeps no times).
        ballots: ballots on the board when it was made (0 at the opening).
        spoiled: spoiled (checked) ballots on the board.
        credentials: public credentials on the list (frozen since the opening).
        kiosks: kiosks registered.
        board_size: entries on the board when it was made.
        head_hash: the board head then.
        board_key: the ballot box's public key (which signs).
        signature: Ed25519 by the ballot-box key (64 bytes; empty before signing).
    """

    fingerprint: bytes
    action: str
    position: int
    entry_hash: bytes
    at: datetime
    ballots: int
    spoiled: int
    credentials: int
    kiosks: int
    board_size: int
    head_hash: bytes
    board_key: bytes
    signature: bytes = b""

    def unsigned_json(self) -> dict[str, Any]:
        """The report without its signature: what the signature covers."""
        return {"action": self.action, "at": self.at.isoformat(timespec="seconds"), "ballots": self.ballots,
                "board_key": self.board_key.hex(), "credentials": self.credentials,
                "election": self.fingerprint.hex(), "entry": self.entry_hash.hex(), "format": POLLS_REPORT_FORMAT,
                "head": self.head_hash.hex(), "kiosks": self.kiosks, "position": self.position,
                "size": self.board_size, "spoiled": self.spoiled}

    def signed(self, key: SigningKey) -> PollsReport:
        """A copy signed by the ballot-box key.

        Raises:
            ValueError: if ``key`` is not the ballot box's key this report names.
        """
        if key.public_key != self.board_key:
            raise ValueError("polls report: this is not the ballot box's key")
        signature = sign(key, POLLS_REPORT_TAG, self.fingerprint, canonical_json(self.unsigned_json()))
        return _replace_signature(self, signature)

    def to_canonical_bytes(self) -> bytes:
        """The signed JSON (what the QR code holds)."""
        return canonical_json({**self.unsigned_json(), "signature": self.signature.hex()})

    def verify_signature(self) -> None:
        """Check the signature with the public key the report names.

        Raises:
            InvalidSignature: unsigned or altered.
        """
        verify(self.board_key, self.signature, POLLS_REPORT_TAG, self.fingerprint,
               canonical_json(self.unsigned_json()))


def _replace_signature(report: PollsReport, signature: bytes) -> PollsReport:
    return PollsReport(report.fingerprint, report.action, report.position, report.entry_hash, report.at,
                       report.ballots, report.spoiled, report.credentials, report.kiosks, report.board_size,
                       report.head_hash, report.board_key, signature)


def polls_report(session: Session, election: Election, action: str, at: datetime) -> PollsReport:
    """Build the (unsigned) report of the polls' latest ``open`` or ``close`` entry.

    Args:
        session: a read session on the election's database.
        election: the stored election.
        action: "open" or "close".
        at: the time to print (timezone-aware).

    Returns:
        The report, to be signed with :meth:`PollsReport.signed`.

    Raises:
        StorageError: the board has no such entry (the polls were never opened, or not closed yet).
        ValueError: an unknown action.
    """
    if action not in _ACTIONS:
        raise ValueError(f"polls report: action must be 'open' or 'close', not {action!r}")
    row = session.scalar(select(BoardEntryRow).where(BoardEntryRow.kind == action)
                         .order_by(BoardEntryRow.position.desc()).limit(1))
    if row is None:
        raise StorageError(f"polls report: the board has no '{action}' entry yet")
    body = parse_canonical_json(row.payload, f"board entry {row.position}")
    head, _polls = current_head(session, election.fingerprint)
    ballots, spoiled = _counts(session)
    if action == "close":
        ballots, spoiled = int(body["ballots"]), int(body["spoiled"])
    return PollsReport(election.fingerprint, action, row.position, row.entry_hash, at, ballots, spoiled,
                       count_credentials(session), len(kiosk_list(session)), head.size, head.head_hash,
                       board_public_key(session))


def _counts(session: Session) -> tuple[int, int]:
    return count_kind(session, "ballot"), count_kind(session, "spoiled")


def _rows(report: PollsReport, t: dict[str, str]) -> list[tuple[str, str]]:
    return [(t["position"], f"{report.position:,}"), (t["time"], report.at.strftime("%Y-%m-%d %H:%M:%S %Z").strip()),
            (t["ballots"], f"{report.ballots:,}"), (t["spoiled"], f"{report.spoiled:,}"),
            (t["credentials"], f"{report.credentials:,}"), (t["kiosks"], f"{report.kiosks:,}"),
            (t["size"], f"{report.board_size:,}")]


def _hex_block(canvas: Canvas, fonts: LangFonts, label: str, value: bytes, x: float, y: float,
               width: float) -> float:
    """A label and a hash in hex, 32 digits a line (so a line can be read aloud and compared)."""
    y = draw_paragraph(canvas, label, x, y, width, fonts.style(9, gray=0.3))
    digits = value.hex()
    for i in range(0, len(digits), 32):
        draw_mono(canvas, x, y - 9, " ".join(digits[j:j + 8] for j in range(i, min(i + 32, len(digits)), 8)), 9,
                  bold=False)
        y -= 11
    return y - 2 * MM


def render_polls_report_pdf(report: PollsReport, election: Election, lang: str) -> bytes:
    """Draw the signed polls report as one A4 page.

    Args:
        report: the signed report.
        election: its election (title, fingerprint).
        lang: "en" or "zh-TW".

    Returns:
        The PDF bytes: the same report, election and language give the same bytes.

    Raises:
        PrintoutError: unknown language, unsigned report, or a report of another election.
        FontMissing: zh-TW without the Traditional Chinese font.
    """
    if lang not in _TEXTS:
        raise PrintoutError(f"polls report: no texts for language {lang!r} (known: {', '.join(_TEXTS)})")
    if report.fingerprint != election.fingerprint:
        raise PrintoutError("polls report: it belongs to another election (the fingerprints differ)")
    if not report.signature:
        raise PrintoutError("polls report: not signed yet")
    t, fonts = _TEXTS[lang], fonts_for(lang)
    width, height = A4
    margin = 18 * MM
    inner = width - 2 * margin
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, f"{t['doc.' + report.action]}: {election.title.get(lang)}", compress_pages=True)
    y = draw_paragraph(canvas, election.title.get(lang), margin, height - 16 * MM, inner,
                       fonts.style(12, gray=0.3), balanced=True) - 1 * MM
    y = draw_paragraph(canvas, t["doc." + report.action], margin, y, inner, fonts.style(24, bold=True)) - 2 * MM
    y = draw_paragraph(canvas, t["lead." + report.action], margin, y, inner, fonts.style(10.5, leading=14)) - 3 * MM
    draw_rule(canvas, margin, width - margin, y)
    y -= 5 * MM
    qr = 58 * MM
    top = y
    col = inner - qr - 6 * MM
    y = draw_paragraph(canvas, t["fingerprint"], margin, y, col, fonts.style(9, gray=0.3))
    draw_mono(canvas, margin, y - 14, short_fingerprint(report.fingerprint), 14)
    y -= 14 + 4 * MM
    for name, value in _rows(report, t):
        draw_paragraph(canvas, name, margin, y, col * 0.55, fonts.style(10.5))
        draw_paragraph(canvas, value, margin + col, y, col * 0.45, fonts.style(10.5, bold=True), "right")
        y -= 10.5 * 1.3 + 2.2 * MM
        draw_rule(canvas, margin, margin + col, y + 1.2 * MM, gray=0.85, width=0.4)
    draw_qr(canvas, report.to_canonical_bytes().decode(), width - margin - qr, top - qr, qr, quiet=2)
    y = min(y, top - qr) - 4 * MM
    for key, digest in (("entry", report.entry_hash), ("head", report.head_hash), ("key", report.board_key),
                        ("signature", report.signature)):
        y = _hex_block(canvas, fonts, t[key], digest, margin, y, inner)
    y -= 1 * MM
    box_top = y
    y = draw_paragraph(canvas, t["check.title"], margin + 4 * MM, y - 3 * MM, inner - 8 * MM,
                       fonts.style(11, bold=True))
    y = draw_paragraph(canvas, t["check.body"], margin + 4 * MM, y - 1, inner - 8 * MM, fonts.style(9, leading=12))
    y -= 3 * MM
    draw_box(canvas, margin, y, inner, box_top - y, fill=None, stroke=0.6)
    y -= 14 * MM
    half = (inner - 10 * MM) / 2
    for i, key in enumerate(("signed.by", "witness")):
        x = margin + i * (half + 10 * MM)
        draw_rule(canvas, x, x + half, y, gray=0.2, width=0.7)
        draw_paragraph(canvas, t[key], x, y - 1.5 * MM, half, fonts.style(8.5, gray=0.3))
    draw_rule(canvas, margin, width - margin, 16 * MM)
    draw_paragraph(canvas, t["secrecy"], margin, 14 * MM, inner * 0.75, fonts.style(8.5, gray=0.3))
    draw_paragraph(canvas, "pbvote", width - margin, 14 * MM, inner * 0.2, fonts.style(8.5, gray=0.3), "right")
    canvas.showPage()
    return save_pdf(canvas, buffer)
