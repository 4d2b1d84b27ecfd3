"""Voting-code letters and cards: how each resident receives the secret that lets them vote once.

Codes are secrets.  Nothing here logs them, puts them in the PDF's
metadata or quotes them in an error: a bad code is reported by its index
(``codes[17]``).  Every code is checked with ``crypto.codes.parse_code``
before anything is drawn, so a mistyped code is never mailed out.

Everything that is the same on every page (titles, dates, instructions,
cut lines) is drawn once as a PDF form and placed on each page, which
keeps a run of a thousand letters small and quick; only the code and its
QR code are drawn per page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

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
from crypto.codes import parse_code
from crypto.errors import CryptoError

__all__ = ["CARDS_PER_PAGE", "render_code_cards", "render_code_letters"]

CARD_WIDTH: Final = 85 * MM
CARD_HEIGHT: Final = 54 * MM
_COLUMNS: Final = 2
_ROWS: Final = 5
CARDS_PER_PAGE: Final = _COLUMNS * _ROWS
"""Credit-card-sized cards (85 x 54 mm) per A4 sheet: two columns of five."""

_PAGE_WIDTH: Final = float(A4[0])
_PAGE_HEIGHT: Final = float(A4[1])
_CARDS_LEFT: Final = (_PAGE_WIDTH - _COLUMNS * CARD_WIDTH) / 2
_CARDS_BOTTOM: Final = (_PAGE_HEIGHT - _ROWS * CARD_HEIGHT) / 2
_CARD_PAD: Final = 4 * MM
_CARD_QR: Final = 24 * MM
"""Room for a card's QR code; it is drawn 4 mm larger, its white quiet zone reaching into the padding."""
_MONTHS: Final = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")

_STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "doc": "Voting codes",
        "period": "Voting is open from {opens} to {closes}.",
        "code": "Your voting code",
        "how": "How to vote",
        "step1": "Go to a voting kiosk, or open the voting app.",
        "step2": "Scan this code, or type it in.",
        "step3": "Keep it secret: anyone who has it can vote in your place. It can be used once.",
        "card": "Scan or type this code at a voting kiosk or in the voting app. Keep it secret; it can be "
                "used once.",
        "fingerprint": "Election fingerprint",
        "fingerprint.check": "Before you vote, check that the kiosk or app shows this same fingerprint.",
    },
    "zh-TW": {
        "doc": "投票碼",
        "period": "投票期間：{opens} 至 {closes}。",
        "code": "您的投票碼",
        "how": "如何投票",
        "step1": "請前往投票機，或開啟投票 App。",
        "step2": "掃描或輸入此投票碼。",
        "step3": "請妥善保密：任何人取得此碼都能代替您投票。此碼只能使用一次。",
        "card": "請在投票機或投票 App 掃描或輸入此碼。請妥善保密，只能使用一次。",
        "fingerprint": "選舉識別碼",
        "fingerprint.check": "投票前，請確認投票機或 App 顯示相同的選舉識別碼。",
    },
}


@dataclass(frozen=True, slots=True)
class _Language:
    """One election language's texts and faces."""

    lang: str
    title: str
    text: dict[str, str]
    fonts: LangFonts


def _format_date(lang: str, when: datetime) -> str:
    """Write a date and time as residents read them (the election's local time, as in the manifest)."""
    if lang == "zh-TW":
        return f"{when.year} 年 {when.month} 月 {when.day} 日 {when:%H:%M}"
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}, {when:%H:%M}"


def _languages(election: Election) -> list[_Language]:
    out = []
    for lang in election.languages:
        if lang not in _STRINGS:
            raise PrintoutError(f"code letters: no texts for election language {lang!r} (known: {', '.join(_STRINGS)})")
        out.append(_Language(lang, election.title.get(lang), _STRINGS[lang], fonts_for(lang)))
    return out


def _checked(codes: Sequence[str]) -> list[str]:
    """Return the codes in display form; a bad one is named by index, never quoted."""
    if isinstance(codes, str):
        raise PrintoutError("codes: expected a sequence of voting codes, got one string")
    if not codes:
        raise PrintoutError("codes: nothing to print")
    out = []
    for i, code in enumerate(codes):
        try:
            out.append(parse_code(code))
        except CryptoError as exc:
            raise PrintoutError(f"codes[{i}]: not a voting code ({exc})") from None
    return out


def _letter_form(canvas: Canvas, election: Election, langs: list[_Language]) -> float:
    """Draw everything a letter has besides its code; return where the code panel starts."""
    width, height = _PAGE_WIDTH, _PAGE_HEIGHT
    margin = 20 * MM
    inner = width - 2 * margin
    y = height - 18 * MM
    for i, lg in enumerate(langs):
        style = lg.fonts.style(18 if i == 0 else 14, bold=True)
        y = draw_paragraph(canvas, lg.title, margin, y - (0 if i == 0 else 1 * MM), inner, style)
    y -= 2 * MM
    opens, closes = election.opens, election.closes
    for lg in langs:
        period = lg.text["period"].format(opens=_format_date(lg.lang, opens), closes=_format_date(lg.lang, closes))
        y = draw_paragraph(canvas, period, margin, y - 1, inner, lg.fonts.style(10.5, gray=0.25))
    draw_rule(canvas, margin, width - margin, y - 3 * MM)
    y -= 9 * MM
    label = "  ·  ".join(lg.text["code"] for lg in langs)
    draw_paragraph(canvas, label, width / 2, y, inner, langs[0].fonts.style(13, bold=True), "centre")
    code_top = y - 8 * MM
    draw_box(canvas, margin, code_top - 22 * MM, inner, 22 * MM, fill=0.93)
    y = code_top - 22 * MM - 62 * MM  # the QR code sits between the panel and the instructions
    column = (inner - 10 * MM) / len(langs)
    lowest = y
    for i, lg in enumerate(langs):
        x = margin + i * (column + 10 * MM)
        yy = draw_paragraph(canvas, lg.text["how"], x, y, column, lg.fonts.style(13, bold=True))
        for n in (1, 2, 3):
            draw_paragraph(canvas, f"{n}.", x, yy - 2 * MM, 6 * MM, lg.fonts.style(11, bold=True))
            yy = draw_paragraph(canvas, lg.text[f"step{n}"], x + 6 * MM, yy - 2 * MM, column - 6 * MM,
                                lg.fonts.style(11, leading=15, bold=n == 3))
        lowest = min(lowest, yy)
    fingerprint = short_fingerprint(election.fingerprint)
    y = 36 * MM
    draw_rule(canvas, margin, width - margin, y + 4 * MM)
    names = " / ".join(lg.text["fingerprint"] for lg in langs)
    draw_paragraph(canvas, names, margin, y, inner * 0.6, langs[0].fonts.style(9.5, gray=0.3))
    draw_mono(canvas, width - margin, y - 10, fingerprint, 12, align="right")
    y -= 7 * MM
    for lg in langs:
        y = draw_paragraph(canvas, lg.text["fingerprint.check"], margin, y, inner, lg.fonts.style(9, gray=0.3))
    if lowest < 48 * MM:
        raise PrintoutError(f"code letters: the texts of election {election.id} do not fit on one A4 page")
    return code_top


def render_code_letters(codes: Sequence[str], election: Election) -> bytes:
    """Draw one A4 letter per voting code, in every language of the election.

    Each letter shows the election's title and voting period, the code in
    large grouped type and as a QR code (payload: exactly the grouped code
    text), how to vote, and the election's short fingerprint to compare
    with the kiosk.

    Args:
        codes: voting codes in display form, ``XXXX-XXXX-XXXX-XXXX-XXXX-XXXX``.
        election: the election they are for.

    Returns:
        The PDF bytes, one page per code in the order given.

    Raises:
        PrintoutError: an empty list, a string that is not a voting code
            (named by index only), or an election language without texts.
        FontMissing: the election has zh-TW and the font file is absent.
    """
    checked = _checked(codes)
    langs = _languages(election)
    buffer = io.BytesIO()
    title = " / ".join(f"{lg.text['doc']}: {lg.title}" for lg in langs)
    canvas = new_canvas(buffer, A4, title, compress_pages=True)
    canvas.beginForm("letter")
    code_top = _letter_form(canvas, election, langs)
    canvas.endForm()
    width = _PAGE_WIDTH
    qr_side = 58 * MM
    for code in checked:
        canvas.doForm("letter")
        draw_mono(canvas, width / 2, code_top - 13.8 * MM, code, 25, align="centre")
        draw_qr(canvas, code, (width - qr_side) / 2, code_top - 24 * MM - qr_side, qr_side)
        canvas.showPage()
    return save_pdf(canvas, buffer)


def _card_form(canvas: Canvas, election: Election, langs: list[_Language]) -> None:
    """Draw the cut lines and every card's fixed text on one sheet.

    Raises:
        PrintoutError: if the election's titles or instructions overflow a card.
    """
    canvas.saveState()
    canvas.setStrokeGray(0.55)
    canvas.setLineWidth(0.4)
    canvas.setDash([3, 3])
    for col in range(_COLUMNS + 1):  # across the whole sheet, for a guillotine
        x = _CARDS_LEFT + col * CARD_WIDTH
        canvas.line(x, 0, x, _PAGE_HEIGHT)
    for row in range(_ROWS + 1):
        y = _CARDS_BOTTOM + row * CARD_HEIGHT
        canvas.line(0, y, _PAGE_WIDTH, y)
    canvas.restoreState()
    fingerprint = short_fingerprint(election.fingerprint)
    pad = _CARD_PAD
    text_x = 2 * pad + _CARD_QR
    first, *others = langs
    label = " · ".join(lg.text["code"] for lg in langs)
    label_top = pad + _CARD_QR + 10.5 * MM
    for slot in range(CARDS_PER_PAGE):
        x0, y0 = _card_origin(slot)
        y = draw_paragraph(canvas, first.title, x0 + pad, y0 + CARD_HEIGHT - pad, CARD_WIDTH - 2 * pad,
                           first.fonts.style(8.5, bold=True))
        for lg in others:
            y = draw_paragraph(canvas, lg.title, x0 + pad, y, CARD_WIDTH - 2 * pad, lg.fonts.style(7, gray=0.3))
        if y < y0 + label_top:
            raise PrintoutError(f"code cards: the titles of election {election.id} do not fit on a card")
        draw_paragraph(canvas, label, x0 + CARD_WIDTH / 2, y0 + label_top, CARD_WIDTH - 2 * pad,
                       first.fonts.style(6.5, gray=0.3), "centre")
        y = y0 + pad + _CARD_QR - 1 * MM
        for lg in langs:
            y = draw_paragraph(canvas, lg.text["card"], x0 + text_x, y, CARD_WIDTH - text_x - pad,
                               lg.fonts.style(6.3, leading=7.6)) - 1.2 * MM
        if y < y0 + pad + 2 * MM:
            raise PrintoutError("code cards: the instructions do not fit on a card")
        draw_mono(canvas, x0 + CARD_WIDTH - pad, y0 + pad, fingerprint, 6, bold=False, align="right")


def _card_origin(slot: int) -> tuple[float, float]:
    """Return the lower-left corner of card ``slot`` (0 top left, row by row)."""
    row, col = divmod(slot, _COLUMNS)
    return _CARDS_LEFT + col * CARD_WIDTH, _CARDS_BOTTOM + (_ROWS - 1 - row) * CARD_HEIGHT


def render_code_cards(codes: Sequence[str], election: Election) -> bytes:
    """Draw voting codes as cut-out cards, ten to an A4 sheet, for handing out in person.

    Each 85 x 54 mm card shows the election title in every language, the
    code in grouped type and as a QR code (payload: exactly the grouped code
    text), a one-line instruction in each language and the short
    fingerprint.  Dashed cut lines run across the sheet.

    Args:
        codes: voting codes in display form.
        election: the election they are for.

    Returns:
        The PDF bytes, cards in the order given, row by row.

    Raises:
        PrintoutError: an empty list, a string that is not a voting code
            (named by index only), or an election language without texts.
        FontMissing: the election has zh-TW and the font file is absent.
    """
    checked = _checked(codes)
    langs = _languages(election)
    buffer = io.BytesIO()
    title = " / ".join(f"{lg.text['doc']}: {lg.title}" for lg in langs)
    canvas = new_canvas(buffer, A4, title, compress_pages=True)
    canvas.beginForm("cards")
    _card_form(canvas, election, langs)
    canvas.endForm()
    pad = _CARD_PAD
    for start in range(0, len(checked), CARDS_PER_PAGE):
        canvas.doForm("cards")
        for slot, code in enumerate(checked[start : start + CARDS_PER_PAGE]):
            x0, y0 = _card_origin(slot)
            draw_mono(canvas, x0 + CARD_WIDTH / 2, y0 + pad + _CARD_QR + 3.5 * MM, code, 11.5, align="centre")
            draw_qr(canvas, code, x0 + pad - 2 * MM, y0 + pad - 2 * MM, _CARD_QR + 4 * MM)
        canvas.showPage()
    return save_pdf(canvas, buffer)
