"""The printed receipt a resident takes home: tracking code, QR code, how to check, nothing more.

``ballot.receipts`` decides what a receipt says; this module only draws
it.  Three properties are tested, not just intended:

* No choices: the receipt record holds none and nothing here adds any.
* Reproducible: the same receipt, election, language and layout give the
  same bytes (reportlab's invariant mode, fixed metadata).
* Indistinguishable by size: every receipt of one election in one
  language and layout is a file of the same length.  The variable parts
  (tracking code, position, QR code) are drawn with the same number of
  bytes whatever their value: the code and position in the standard
  Courier-Bold font (never embedded, so no font subset changes), the
  position padded to the 20 digits of the largest u64, the QR code with
  every module drawn; and page content is left uncompressed, since
  deflate would make the length depend on the data.  The page height of
  the roll layout follows from the election's texts, never the receipt's.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Final

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from ballot.manifest_model import Election, short_fingerprint
from ballot.pdf_common import (
    MM,
    MONO_BOLD,
    LangFonts,
    PrintoutError,
    TextStyle,
    draw_box,
    draw_mono,
    draw_paragraph,
    draw_qr,
    draw_rule,
    fonts_for,
    new_canvas,
    save_pdf,
    text_width,
)
from ballot.receipts import Receipt

__all__ = ["LAYOUTS", "POSITION_WIDTH", "ROLL80_WIDTH", "receipt_texts", "render_receipt_pdf"]

LAYOUTS: Final = ("roll80", "a4", "letter")
ROLL80_WIDTH: Final = 80 * MM
POSITION_WIDTH: Final = 20
"""Characters the board position is padded to: the digits of 2**64 - 1."""
_SHEETS: Final[dict[str, tuple[float, float]]] = {"a4": A4, "letter": LETTER}

_STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "doc": "Ballot receipt",
        "cast": "Your ballot was cast",
        "code": "Tracking code",
        "qr": "The QR code holds this receipt, signed by the ballot box.",
        "position": "Position on the bulletin board",
        "fingerprint": "Election fingerprint",
        "check.title": "How to check your ballot",
        "check.body": "Your ballot is published, encrypted, in the election record. Look up your tracking "
                      "code there, on the observer screen or with the pbvote program:",
        "check.command": "pbvote verify RECORD --receipt CODE",
        "check.note": "RECORD is the published record; CODE is the tracking code above.",
        "secret.title": "This receipt does not show your choices.",
        "secret.body": "It proves that your sealed ballot is in the record, and nothing about how you voted. "
                       "You can keep it or show it without giving your vote away.",
        "keep": "Keep this receipt until the results are published.",
    },
    "zh-TW": {
        "doc": "投票收據",
        "cast": "您的選票已投出",
        "code": "追蹤碼",
        "qr": "QR 碼內含本收據及投票箱的數位簽章。",
        "position": "公告板序號",
        "fingerprint": "選舉識別碼",
        "check.title": "如何查核您的選票",
        "check.body": "您的選票已加密公告於選舉紀錄中。請在紀錄中查詢您的追蹤碼："
                      "可使用觀察員畫面，或執行 pbvote 程式：",
        "check.command": "pbvote verify RECORD --receipt CODE",
        "check.note": "RECORD 為公告的選舉紀錄，CODE 為上方的追蹤碼。",
        "secret.title": "本收據不會顯示您的選擇。",
        "secret.body": "它只證明您密封的選票已列入紀錄，看不出您投給哪些提案；保留或出示本收據都不會洩漏您的投票內容。",
        "keep": "請保留本收據，直到投票結果公布。",
    },
}


@dataclass(frozen=True, slots=True)
class _Content:
    """What one receipt shows, already resolved to one language."""

    title: str
    text: dict[str, str]
    fonts: LangFonts
    code: str
    position: str
    fingerprint: str
    qr: str


def _check_mark(canvas: Canvas, cx: float, cy: float, r: float) -> None:
    """Draw a white tick in a black disc (the fonts at hand have no ✓ glyph)."""
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.circle(cx, cy, r, stroke=0, fill=1)
    canvas.setStrokeGray(1)
    canvas.setLineWidth(r * 0.22)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    tick = canvas.beginPath()
    tick.moveTo(cx - r * 0.45, cy + r * 0.02)
    tick.lineTo(cx - r * 0.12, cy - r * 0.32)
    tick.lineTo(cx + r * 0.48, cy + r * 0.34)
    canvas.drawPath(tick, stroke=1, fill=0)
    canvas.restoreState()


def _draw_roll(canvas: Canvas, c: _Content, top: float, *, with_qr: bool = True) -> float:
    """Draw the 80 mm roll receipt from ``top`` down; return the lowest y used.

    ``with_qr=False`` leaves out the QR code (whose size is fixed) when
    only measuring the height.
    """
    width = ROLL80_WIDTH
    margin = 5 * MM
    inner = width - 2 * margin
    mid = width / 2
    f, t = c.fonts, c.text
    y = top - 5 * MM
    y = draw_paragraph(canvas, c.title, mid, y, inner, f.style(10.5, bold=True, leading=13), "centre", balanced=True)
    y = draw_paragraph(canvas, t["doc"], mid, y - 1, inner, f.style(8, gray=0.35), "centre")
    draw_rule(canvas, margin, width - margin, y - 2 * MM)
    y -= 5 * MM
    _check_mark(canvas, mid, y - 9, 9)
    y -= 20 + 2 * MM
    y = draw_paragraph(canvas, t["cast"], mid, y, inner, f.style(15, bold=True), "centre")
    y -= 3 * MM
    y = draw_paragraph(canvas, t["code"], mid, y, inner, f.style(8.5, gray=0.25), "centre")
    size = 21.0
    first, second = c.code[:14], c.code[15:]  # XXXX-XXXX-XXXX / XXXX-XXXX-X
    left = mid - text_width(first, TextStyle(MONO_BOLD, size, size)) / 2  # both lines start here
    draw_mono(canvas, left, y - size, first, size)
    draw_mono(canvas, left, y - 2.1 * size, second, size)
    y -= 2.1 * size + 4 * MM
    qr_side = 50 * MM
    if with_qr:
        draw_qr(canvas, c.qr, mid - qr_side / 2, y - qr_side, qr_side)
    y -= qr_side
    y = draw_paragraph(canvas, t["qr"], mid, y, inner, f.style(6.5, gray=0.3), "centre")
    draw_rule(canvas, margin, width - margin, y - 2 * MM)
    y -= 4 * MM
    label = f.style(7.5, gray=0.25)
    for name, value in (("position", c.position.rjust(POSITION_WIDTH)), ("fingerprint", c.fingerprint)):
        draw_paragraph(canvas, t[name], margin, y, inner * 0.5, label)
        draw_mono(canvas, width - margin, y - 8, value, 9, align="right")
        y -= 13
    y -= 2 * MM
    y = draw_paragraph(canvas, t["check.title"], margin, y, inner, f.style(9, bold=True))
    y = draw_paragraph(canvas, t["check.body"], margin, y - 1, inner, f.style(7.5, leading=9.5))
    draw_box(canvas, margin, y - 14, inner, 12, fill=0.92, stroke=None, radius=1.5)
    draw_mono(canvas, mid, y - 10.5, t["check.command"], 8, bold=False, align="centre")
    y = draw_paragraph(canvas, t["check.note"], margin, y - 16, inner, f.style(6.5, gray=0.3, leading=8.5))
    y -= 3 * MM
    secret_title, secret_body = f.style(8.5, bold=True, leading=11), f.style(7.5, leading=9.5)
    box_top = y
    y = draw_paragraph(canvas, t["secret.title"], margin + 3 * MM, y - 3 * MM, inner - 6 * MM, secret_title)
    y = draw_paragraph(canvas, t["secret.body"], margin + 3 * MM, y - 1, inner - 6 * MM, secret_body)
    y -= 2.5 * MM
    draw_box(canvas, margin, y, inner, box_top - y, fill=None, stroke=0)
    y -= 3 * MM
    y = draw_paragraph(canvas, t["keep"], mid, y, inner, f.style(7.5, gray=0.25), "centre")
    return y - 8 * MM  # room above the cutter


def _draw_sheet(canvas: Canvas, c: _Content, pagesize: tuple[float, float]) -> None:
    """Draw the A4 or US Letter receipt, for a home or office printer."""
    width, height = pagesize
    margin = 22 * MM
    inner = width - 2 * margin
    f, t = c.fonts, c.text
    y = height - 20 * MM
    y = draw_paragraph(canvas, c.title, margin, y, inner, f.style(17, bold=True, leading=21))
    y = draw_paragraph(canvas, t["doc"], margin, y - 1, inner, f.style(11, gray=0.35))
    draw_rule(canvas, margin, width - margin, y - 3 * MM)
    y -= 10 * MM
    _check_mark(canvas, margin + 12, y - 12, 12)
    draw_paragraph(canvas, t["cast"], margin + 32, y - 1, inner - 32, f.style(22, bold=True))
    y -= 24 + 7 * MM
    panel = 30 * MM
    draw_box(canvas, margin, y - panel, inner, panel, fill=0.93, stroke=None)
    draw_paragraph(canvas, t["code"], width / 2, y - 4 * MM, inner, f.style(11, gray=0.25), "centre")
    draw_mono(canvas, width / 2, y - panel + 9 * MM, c.code, 26, align="centre")
    y -= panel + 8 * MM
    qr_side = 62 * MM
    draw_qr(canvas, c.qr, margin - 4 * MM, y - qr_side, qr_side)  # its quiet zone hangs into the margin
    col = margin + qr_side + 4 * MM
    col_width = width - margin - col
    row = y - 5 * MM
    label = f.style(10, gray=0.3)
    row = draw_paragraph(canvas, t["position"], col, row, col_width, label)
    draw_mono(canvas, col, row - 15, c.position.ljust(POSITION_WIDTH), 15)
    row -= 15 + 7 * MM
    row = draw_paragraph(canvas, t["fingerprint"], col, row, col_width, label)
    draw_mono(canvas, col, row - 15, c.fingerprint, 15)
    row -= 15 + 7 * MM
    draw_paragraph(canvas, t["qr"], col, row, col_width, f.style(9.5, gray=0.3))
    y -= qr_side + 6 * MM
    y = draw_paragraph(canvas, t["check.title"], margin, y, inner, f.style(14, bold=True))
    y = draw_paragraph(canvas, t["check.body"], margin, y - 2, inner, f.style(11, leading=15))
    draw_box(canvas, margin, y - 24, inner, 20, fill=0.93, stroke=None, radius=3)
    draw_mono(canvas, margin + 4 * MM, y - 17.5, t["check.command"], 12, bold=False)
    y = draw_paragraph(canvas, t["check.note"], margin, y - 28, inner, f.style(9.5, gray=0.3))
    y -= 6 * MM
    box_top = y
    y = draw_paragraph(canvas, t["secret.title"], margin + 5 * MM, y - 5 * MM, inner - 10 * MM,
                       f.style(13, bold=True))
    y = draw_paragraph(canvas, t["secret.body"], margin + 5 * MM, y - 2, inner - 10 * MM,
                       f.style(11, leading=15))
    y -= 4 * MM
    draw_box(canvas, margin, y, inner, box_top - y, fill=None, stroke=0, radius=3)
    draw_rule(canvas, margin, width - margin, 22 * MM)
    draw_paragraph(canvas, t["keep"], margin, 20 * MM, inner * 0.7, f.style(9.5, gray=0.3))
    draw_paragraph(canvas, "pbvote", width - margin, 20 * MM, inner * 0.3, f.style(9.5, gray=0.3), "right")


def receipt_texts(lang: str) -> dict[str, str]:
    """The receipt's texts in ``lang``, for other renderers of the same receipt (the kiosk's QPrinter).

    Raises:
        PrintoutError: no texts for this language.
    """
    if lang not in _STRINGS:
        raise PrintoutError(f"receipt: no texts for language {lang!r} (known: {', '.join(_STRINGS)})")
    return dict(_STRINGS[lang])


def _content(receipt: Receipt, election: Election, lang: str) -> _Content:
    if lang not in _STRINGS:
        raise PrintoutError(f"receipt: no texts for language {lang!r} (known: {', '.join(_STRINGS)})")
    if receipt.fingerprint != election.fingerprint:
        raise PrintoutError(
            f"receipt: it is for election {short_fingerprint(receipt.fingerprint)}, "
            f"not {election.id} ({short_fingerprint(election.fingerprint)})"
        )
    return _Content(
        title=election.title.get(lang),
        text=_STRINGS[lang],
        fonts=fonts_for(lang),
        code=receipt.tracking_code.short,
        position=str(receipt.position),
        fingerprint=short_fingerprint(election.fingerprint),
        qr=receipt.qr_payload(),
    )


def _roll_height(content: _Content) -> float:
    """Measure the roll receipt on a scratch canvas; it depends on the election's texts only."""
    scratch = Canvas(io.BytesIO(), pagesize=(ROLL80_WIDTH, 2000 * MM))
    return 2000 * MM - _draw_roll(scratch, content, 2000 * MM, with_qr=False)


def render_receipt_pdf(receipt: Receipt, election: Election, lang: str, layout: str) -> bytes:
    """Draw a receipt as a one-page PDF, ready for the kiosk's printer.

    Args:
        receipt: the signed receipt (it holds no choices, and none are drawn).
        election: the election it belongs to, for its title and fingerprint.
        lang: "en" or "zh-TW".
        layout: "roll80" (80 mm thermal roll), "a4" or "letter".

    Returns:
        The PDF bytes: the same for the same input, and of the same length
        for every receipt of this election, language and layout.

    Raises:
        PrintoutError: unknown language or layout, or a receipt of another election.
        FontMissing: zh-TW asked for and the font file is absent.
    """
    if layout not in LAYOUTS:
        raise PrintoutError(f"receipt: unknown layout {layout!r} (known: {', '.join(LAYOUTS)})")
    content = _content(receipt, election, lang)
    pagesize = (ROLL80_WIDTH, _roll_height(content)) if layout == "roll80" else _SHEETS[layout]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, pagesize, f"{content.text['doc']}: {content.title}", compress_pages=False)
    if layout == "roll80":
        _draw_roll(canvas, content, pagesize[1])
    else:
        _draw_sheet(canvas, content, pagesize)
    canvas.showPage()
    return save_pdf(canvas, buffer)
