"""
The results report residents read: an A4 PDF drawn from the signed results.json.

Why it looks the way it does:

* Everything printed comes from ``Results`` (the signed file) and the
  manifest it names; the report refuses results of another election, so
  the PDF can never show a figure the signed file does not hold.
* Funded or not is shown by a symbol *and* a word, never by colour alone
  (grey-scale printers, colour-blind readers); the chart marks funded bars
  with a check mark as well as a colour.
* Each district explains its decision in the rule's own terms: the order
  greedy considered the projects and why each was funded or skipped, or the
  Equal Shares rounds with what each supporter paid.
* Chinese is drawn with the embedded AR PL UMing TW (ballot/pdf_common.py);
  the canvas is ``invariant``, so the same results give the same bytes and
  anyone can re-render the published report and compare.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from ballot.manifest_model import District, Election, short_fingerprint
from ballot.pdf_common import (
    MM,
    Align,
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
    style_for_text,
    text_width,
    wrap_text,
)
from ballot.record import RECORD_FILES
from tally._results_texts import TEXTS, text
from tally.results import RESULTS_FILE, DistrictResult, Results
from tally.results_export import ranked
from tally.rules.model import EqualSharesRound, GreedyStep

__all__ = ["CHART_BAR_X", "FUNDED_RGB", "ranked", "render_results_pdf"]

PAGE_W, PAGE_H = A4
MARGIN: Final = 16 * MM
CONTENT_W: Final = PAGE_W - 2 * MARGIN
_BOTTOM: Final = MARGIN + 8 * MM  # room for the footer
FUNDED_RGB: Final = (0.05, 0.45, 0.33)
"""Fill of a funded bar (always with a check mark beside it: colour is never the only sign)."""
_BUDGET_RGB: Final = (0.22, 0.33, 0.55)
_UNFUNDED_GRAY: Final = 0.78
_CHART_LABEL_W: Final = 64 * MM
CHART_BAR_X: Final = MARGIN + _CHART_LABEL_W + 2 * MM
"""Where the chart's bars start, in points from the left edge (tests look for bar colours there)."""
_CHART_VALUE_W: Final = 24 * MM
Cell = str | bool  # a bool cell is the funded mark: symbol and word


def money(amount: int, currency: str) -> str:
    """An amount with thousands separators and its currency code, the same in every language."""
    return f"{currency} {amount:,}"


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: heading, width in points (0: whatever the others leave) and alignment."""

    title: str
    width: float
    align: Align


class Flow:
    """
    A cursor running down A4 pages: blocks ask for room and get a fresh page when there is none.

    Every page gets the same footer (short fingerprint, page number), so a
    loose page of a printed report still says which election it belongs to.
    """

    def __init__(self, canvas: Canvas, fonts: LangFonts, lang: str, fingerprint: str) -> None:
        self.c, self.fonts, self.lang, self.fingerprint = canvas, fonts, lang, fingerprint
        self.page, self.y = 1, PAGE_H - MARGIN

    def need(self, height: float) -> bool:
        """Start a new page unless ``height`` points fit above the footer; True if a page was started."""
        if self.y - height >= _BOTTOM:
            return False
        self._footer()
        self.c.showPage()
        self.page, self.y = self.page + 1, PAGE_H - MARGIN
        return True

    def _footer(self) -> None:
        style = self.fonts.style(7.5, gray=0.4)
        draw_paragraph(self.c, f"{text(self.lang, 'doc_title')} · {self.fingerprint}", MARGIN, MARGIN,
                       CONTENT_W / 2, style)
        draw_paragraph(self.c, text(self.lang, "page", n=self.page), PAGE_W - MARGIN, MARGIN, CONTENT_W / 2,
                       style, "right")

    def finish(self) -> None:
        """Close the last page (its footer); the canvas is then ready to save."""
        self._footer()

    def paragraph(self, words: str, style: TextStyle, *, after: float = 0, indent: float = 0) -> None:
        """Wrapped text, line by line, so a long paragraph continues on the next page."""
        style = style_for_text(words, style)  # every line in the same faces
        for line in wrap_text(words, style, CONTENT_W - indent):
            self.need(style.leading)
            draw_paragraph(self.c, line, MARGIN + indent, self.y, CONTENT_W - indent, style)
            self.y -= style.leading
        self.y -= after

    def mono(self, command: str, size: float) -> None:
        """A command to type, in Courier on a grey band."""
        self.need(size * 2.6)
        draw_box(self.c, MARGIN, self.y - size * 2, CONTENT_W, size * 2, fill=0.92, radius=1 * MM)
        draw_mono(self.c, MARGIN + 3 * MM, self.y - size * 1.35, command, size)
        self.y -= size * 2 + 3 * MM

    def rule_line(self) -> None:
        """A thin rule that separates sections."""
        draw_rule(self.c, MARGIN, MARGIN + CONTENT_W, self.y, gray=0.7)
        self.y -= 5 * MM


def _check_mark(c: Canvas, x: float, y: float, r: float, funded: bool) -> None:
    """The funded symbol at centre (x, y): a green disc with a white tick, or a grey ring with a dash."""
    c.saveState()
    if funded:
        c.setFillColorRGB(*FUNDED_RGB)
        c.circle(x, y, r, stroke=0, fill=1)
        c.setStrokeGray(1)
        c.setLineWidth(r * 0.32)
        c.setLineCap(1)
        c.setLineJoin(1)
        path = c.beginPath()
        path.moveTo(x - 0.5 * r, y + 0.02 * r)
        path.lineTo(x - 0.12 * r, y - 0.4 * r)
        path.lineTo(x + 0.52 * r, y + 0.42 * r)
        c.drawPath(path, stroke=1, fill=0)
    else:
        c.setStrokeGray(0.45)
        c.setLineWidth(r * 0.22)
        c.circle(x, y, r * 0.9, stroke=1, fill=0)
        c.line(x - 0.45 * r, y, x + 0.45 * r, y)
    c.restoreState()


def draw_table(flow: Flow, columns: list[Column], rows: list[list[Cell]]) -> None:
    """A table whose cells wrap; rows never split, and the heading repeats on every new page."""
    head, body, pad = flow.fonts.style(8, bold=True), flow.fonts.style(8.5), 1.5 * MM
    rest = CONTENT_W - sum(col.width for col in columns)
    widths = [col.width or rest for col in columns]

    def cell(value: str, x: float, w: float, top: float, style: TextStyle, align: Align) -> None:
        anchor = {"left": x + pad, "right": x + w - pad, "centre": x + w / 2}[align]
        draw_paragraph(flow.c, value, anchor, top, w - 2 * pad, style, align)

    def heading() -> None:
        lines = max(len(wrap_text(col.title, head, w - 2 * pad)) for col, w in zip(columns, widths, strict=True))
        h = lines * head.leading + 2 * pad
        flow.need(h + body.leading + 2 * pad)  # never a heading alone at the foot of a page
        draw_box(flow.c, MARGIN, flow.y - h, CONTENT_W, h, fill=0.87, radius=0)
        x = MARGIN
        for col, w in zip(columns, widths, strict=True):
            cell(col.title, x, w, flow.y - pad, head, col.align)
            x += w
        flow.y -= h

    heading()
    for i, row in enumerate(rows):
        lines = max(len(wrap_text(v, body, w - 2 * pad)) if isinstance(v, str) else 1
                    for v, w in zip(row, widths, strict=True))
        h = lines * body.leading + 2 * pad
        if flow.need(h):
            heading()
        if i % 2:
            draw_box(flow.c, MARGIN, flow.y - h, CONTENT_W, h, fill=0.96, radius=0)
        x = MARGIN
        for value, col, w in zip(row, columns, widths, strict=True):
            if isinstance(value, bool):
                _check_mark(flow.c, x + pad + body.size * 0.5, flow.y - pad - body.size * 0.6, body.size * 0.55,
                            value)
                cell(text(flow.lang, "funded_yes" if value else "funded_no"), x + body.size * 1.6, w - body.size * 1.6,
                     flow.y - pad, body, "left")
            else:
                cell(value, x, w, flow.y - pad, body, col.align)
            x += w
        flow.y -= h
    draw_rule(flow.c, MARGIN, MARGIN + CONTENT_W, flow.y, gray=0.5)


def draw_budget_bar(flow: Flow, budget: int, spent: int, currency: str) -> None:
    """Budget available, used (with its share) and left, over a bar filled by the part used."""
    c, lang, fonts = flow.c, flow.lang, flow.fonts
    flow.need(24 * MM)
    third = CONTENT_W / 3
    tenths = spent * 1000 // budget if budget else 0
    for i, (key, amount) in enumerate((("budget_available", budget), ("budget_used", spent),
                                       ("budget_left", budget - spent))):
        y = draw_paragraph(c, text(lang, key), MARGIN + i * third, flow.y, third - 2 * MM, fonts.style(8.5, gray=0.3))
        shown = money(amount, currency) + (f" ({tenths // 10}.{tenths % 10}%)" if key == "budget_used" else "")
        draw_paragraph(c, shown, MARGIN + i * third, y - 0.5 * MM, third - 2 * MM, fonts.style(10.5, bold=True))
    flow.y -= 12 * MM
    bar_h = 4 * MM
    draw_box(c, MARGIN, flow.y - bar_h, CONTENT_W, bar_h, fill=0.9, radius=1 * MM)
    if budget and spent:
        c.saveState()
        c.setFillColorRGB(*_BUDGET_RGB)
        c.roundRect(MARGIN, flow.y - bar_h, CONTENT_W * min(spent, budget) / budget, bar_h, 1 * MM, stroke=0, fill=1)
        c.restoreState()
    flow.y -= bar_h + 6 * MM


def draw_chart(flow: Flow, title: str, bars: list[tuple[str, int, bool]]) -> None:
    """
    Horizontal bars of votes per project, most first, funded bars green with a tick.

    Labels wrap in their column and each row grows to fit them, so long
    titles stay whole; rows never split, so the chart continues cleanly on
    the next page.  Every bar carries its count, so no scale is needed.
    """
    c, lang, fonts = flow.c, flow.lang, flow.fonts
    label, value = fonts.style(8), fonts.style(8, bold=True)
    flow.need(24 * MM)
    after = draw_paragraph(c, title, MARGIN, flow.y, CONTENT_W / 2, fonts.style(12, bold=True))
    x = MARGIN + CONTENT_W
    for funded in (False, True):  # the legend, right-aligned on the title's line
        word = text(lang, "legend_funded" if funded else "legend_not_funded")
        draw_paragraph(c, word, x, flow.y - 3, 40 * MM, label, "right")
        x -= text_width(word, label) + 6 * MM
        c.saveState()
        if funded:
            c.setFillColorRGB(*FUNDED_RGB)
        else:
            c.setFillGray(_UNFUNDED_GRAY)
        c.rect(x, flow.y - 3 - label.size * 0.95, 4.5 * MM, label.size * 0.85, stroke=0, fill=1)
        c.restoreState()
        if funded:
            _check_mark(c, x + 2.25 * MM, flow.y - 3 - label.size * 0.52, label.size * 0.4, True)
        x -= 6 * MM
    flow.y = after - 3 * MM
    area = CONTENT_W - (CHART_BAR_X - MARGIN) - _CHART_VALUE_W
    top = max((count for _, count, _ in bars), default=0) or 1
    bar_h = 4 * MM
    for words, count, funded in bars:
        lines = len(wrap_text(words, label, _CHART_LABEL_W))
        h = max(lines * label.leading, bar_h) + 2.4 * MM
        flow.need(h)
        mid = flow.y - h / 2
        draw_paragraph(c, words, CHART_BAR_X - 2 * MM, mid + lines * label.leading / 2 + 1, _CHART_LABEL_W,
                       label, "right")
        c.saveState()
        c.setStrokeGray(0.3)
        c.setLineWidth(0.6)
        c.line(CHART_BAR_X, flow.y, CHART_BAR_X, flow.y - h)
        width = area * count / top
        if funded:
            c.setFillColorRGB(*FUNDED_RGB)
        else:
            c.setFillGray(_UNFUNDED_GRAY)
        c.rect(CHART_BAR_X, mid - bar_h / 2, width, bar_h, stroke=0, fill=1)
        c.restoreState()
        shown = f"{count:,}"
        draw_paragraph(c, shown, CHART_BAR_X + width + 1.5 * MM, mid + value.size * 0.6, _CHART_VALUE_W, value)
        if funded:
            _check_mark(c, CHART_BAR_X + width + 3.5 * MM + text_width(shown, value), mid, 1.7 * MM, True)
        flow.y -= h
    flow.y -= 2 * MM


def _decimal(value: str) -> str:
    """An exact fraction ``"p/q"`` as a number with two decimals (display only; results.json stays exact)."""
    f = Fraction(value)
    if f.denominator == 1:
        return f"{f.numerator:,}"
    cents = round(f * 100)
    return f"{cents // 100:,}.{cents % 100:02d}"


def _rule_words(district: District, lang: str) -> list[str]:
    """The ballot and the outcome rule as sentences, with their parameters."""
    ballot = district.ballot
    words = [text(lang, f"ballot_rule_{ballot.type}", min=ballot.min_picks, max=ballot.max_picks,
                  points=ballot.points or 0)]
    rule = district.outcome
    words.append(text(lang, f"rule_{rule.rule}"))
    if rule.threshold > 0:
        words.append(text(lang, "rule_threshold", threshold=rule.threshold))
    if rule.rule == "equal-shares" and rule.fill == "greedy":
        words.append(text(lang, "rule_fill"))
    return words


def _title_page(flow: Flow, results: Results, election: Election) -> None:
    """Election title, the word "Results", and the fingerprint (hex, short form and QR)."""
    lang, fonts = flow.lang, flow.fonts
    flow.y = draw_paragraph(flow.c, election.title.get(lang), MARGIN, flow.y, CONTENT_W,
                            fonts.style(13, gray=0.3), balanced=True) - 2 * MM
    flow.y = draw_paragraph(flow.c, text(lang, "doc_title"), MARGIN, flow.y, CONTENT_W,
                            fonts.style(26, bold=True)) - 1 * MM
    flow.y = draw_paragraph(flow.c, text(lang, "subtitle"), MARGIN, flow.y, CONTENT_W,
                            fonts.style(10, gray=0.35)) - 5 * MM
    box_h, qr = 30 * MM, 26 * MM
    top = flow.y
    draw_box(flow.c, MARGIN, top - box_h, CONTENT_W, box_h, fill=0.95, stroke=0.75)
    x = MARGIN + 4 * MM
    y = draw_paragraph(flow.c, text(lang, "fingerprint"), x, top - 3 * MM, CONTENT_W - qr - 10 * MM,
                       fonts.style(10, bold=True))
    draw_mono(flow.c, x, y - 7 * MM, short_fingerprint(results.election), 16)
    draw_mono(flow.c, x, y - 13 * MM, results.election.hex(), 7.4, bold=False)
    draw_paragraph(flow.c, text(lang, "fingerprint_note"), x, y - 15 * MM, CONTENT_W - qr - 10 * MM,
                   fonts.style(7.5, gray=0.35))
    draw_qr(flow.c, results.election.hex(), MARGIN + CONTENT_W - qr - 2 * MM, top - box_h + 2 * MM, qr)
    flow.y = top - box_h - 8 * MM


def _district_section(flow: Flow, result: DistrictResult, election: Election) -> None:
    """One district: summary, budget, table, chart and the rule's explanation."""
    lang, fonts = flow.lang, flow.fonts
    district = election.district(result.district)
    flow.need(40 * MM)
    flow.rule_line()
    flow.paragraph(district.name.get(lang), fonts.style(15, bold=True), after=2 * MM)
    flow.paragraph(text(lang, "ballots", n=f"{result.ballots:,}"), fonts.style(10, bold=True), after=1 * MM)
    for sentence in _rule_words(district, lang):
        flow.paragraph(sentence, fonts.style(9, gray=0.2), after=0.8 * MM)
    flow.y -= 3 * MM
    draw_budget_bar(flow, result.budget, result.outcome.spent, result.currency)

    points = district.ballot.type == "cumulative"
    rows = ranked(result, election)
    count_label = text(lang, "col_points" if points else "col_votes")
    columns = [Column(text(lang, "col_rank"), 12 * MM, "right"), Column(text(lang, "col_project"), 0, "left"),
               Column(f"{text(lang, 'col_cost')} ({result.currency})", 30 * MM, "right"),
               Column(count_label, 22 * MM, "right"), Column(text(lang, "col_funded"), 30 * MM, "left")]
    draw_table(flow, columns, [[str(rank), f"{p.title.get(lang)}  [{p.id}]", f"{p.cost:,}", f"{count:,}", funded]
                               for rank, p, count, funded in rows])
    flow.y -= 4 * MM
    draw_chart(flow, text(lang, "chart_title_points" if points else "chart_title"),
               [(p.title.get(lang), count, funded) for _, p, count, funded in rows])
    _explanation(flow, result, election, count_label)


def _explanation(flow: Flow, result: DistrictResult, election: Election, count_label: str) -> None:
    """The order greedy considered the projects, or the Equal Shares rounds then the greedy fill."""
    lang, fonts = flow.lang, flow.fonts
    titles: dict[str, str] = {p.id: f"{p.title.get(lang)}  [{p.id}]" for p in election.projects_in(result.district)}
    rounds = [s for s in result.outcome.explanation if isinstance(s, EqualSharesRound)]
    steps = [s for s in result.outcome.explanation if isinstance(s, GreedyStep)]
    mes = result.outcome.rule == "equal-shares"
    flow.need(30 * MM)
    flow.y -= 4 * MM
    flow.paragraph(text(lang, "how_title_mes" if mes else "how_title_greedy"), fonts.style(12, bold=True),
                   after=2 * MM)
    if mes:
        share = _decimal(rounds[0].per_voter_budget) if rounds else "0"
        flow.paragraph(text(lang, "mes_intro", voters=f"{result.ballots:,}", share=share, currency=result.currency),
                       fonts.style(9), after=2 * MM)
        columns = [Column(text(lang, "col_round"), 14 * MM, "right"), Column(text(lang, "col_project"), 0, "left"),
                   Column(f"{text(lang, 'col_cost')} ({result.currency})", 28 * MM, "right"),
                   Column(text(lang, "col_supporters"), 24 * MM, "right"),
                   Column(f"{text(lang, 'col_rho')} ({result.currency})", 30 * MM, "right")]
        draw_table(flow, columns, [[str(i), titles.get(r.project, r.project), f"{r.cost:,}", f"{r.supporters:,}",
                                    _decimal(r.rho)] for i, r in enumerate(rounds, 1)])
        if steps:
            flow.y -= 3 * MM
            flow.paragraph(text(lang, "mes_fill"), fonts.style(9), after=2 * MM)
    if steps:
        columns = [Column(text(lang, "col_step"), 12 * MM, "right"), Column(text(lang, "col_project"), 0, "left"),
                   Column(count_label, 15 * MM, "right"), Column(text(lang, "col_cost"), 21 * MM, "right"),
                   Column(text(lang, "col_left"), 21 * MM, "right"),
                   Column(text(lang, "col_decision"), 55 * MM, "left")]
        draw_table(flow, columns, [[str(i), titles.get(s.project, s.project), f"{s.score:,}", f"{s.cost:,}",
                                    f"{s.remaining:,}", text(lang, f"reason_{s.reason}")
                                    if f"reason_{s.reason}" in TEXTS[lang] else s.reason]
                                   for i, s in enumerate(steps, 1)])
    if result.outcome.notes:
        flow.y -= 3 * MM
        flow.paragraph(text(lang, "notes"), fonts.style(9, bold=True), after=1 * MM)
        for note in result.outcome.notes:
            flow.paragraph(note, fonts.style(8, gray=0.3), after=1 * MM)
    flow.y -= 8 * MM


def _verify_section(flow: Flow) -> None:
    """How to check the results with ``pbvote verify`` and which files the record holds."""
    lang, fonts = flow.lang, flow.fonts
    flow.need(80 * MM)  # the whole section (about 75 mm) on one page when it can be
    flow.rule_line()
    flow.paragraph(text(lang, "verify_title"), fonts.style(15, bold=True), after=2 * MM)
    flow.paragraph(text(lang, "verify_intro"), fonts.style(9.5), after=2 * MM)
    flow.mono("pbvote verify RECORD", 11)
    flow.paragraph(text(lang, "verify_checks"), fonts.style(9.5), after=1.5 * MM)
    for i in range(1, 6):  # numbers hang left of their item's wrapped lines
        flow.need(fonts.style(9).leading)
        draw_paragraph(flow.c, f"{i}.", MARGIN + 7 * MM, flow.y, 6 * MM, fonts.style(9), "right")
        flow.paragraph(text(lang, f"verify_{i}"), fonts.style(9), after=1 * MM, indent=9 * MM)
    flow.y -= 2 * MM
    flow.paragraph(text(lang, "verify_receipt"), fonts.style(9), after=3 * MM)
    flow.paragraph(text(lang, "verify_files"), fonts.style(9.5), after=1.5 * MM)
    flow.paragraph(",  ".join((*RECORD_FILES, "images/<sha256>", RESULTS_FILE)), fonts.style(8.5, gray=0.25))


def render_results_pdf(results: Results, election: Election, lang: str) -> bytes:
    """
    Draw the results report of ``election`` in ``lang`` as A4 PDF bytes.

    Args:
        results: the signed (or about-to-be-signed) results.
        election: the manifest the results belong to (its fingerprint must match).
        lang: "en" or "zh-TW".

    Returns:
        The PDF; the same results, election and language always give the same bytes.

    Raises:
        PrintoutError: an unknown language, results of another election, or a
            project or district the manifest does not have.
        FontMissing: zh-TW without the Traditional Chinese font installed.
    """
    if lang not in TEXTS:
        raise PrintoutError(f"no results report in language {lang!r} (known: {', '.join(TEXTS)})")
    if results.election != election.fingerprint:
        raise PrintoutError("these results belong to another election (the fingerprints differ)")
    known = {d.id for d in election.districts}
    for d in results.districts:
        if d.district not in known:
            raise PrintoutError(f"results name district {d.district!r}, which the manifest does not have")
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, f"{election.title.get(lang)}: {text(lang, 'doc_title')}", compress_pages=True)
    names = [election.title.get(lang), *(d.name.get(lang) for d in election.districts),
             *(p.title.get(lang) for p in election.projects)]
    flow = Flow(canvas, fonts_for(lang, names), lang, short_fingerprint(results.election))
    _title_page(flow, results, election)
    for result in results.districts:
        _district_section(flow, result, election)
    _verify_section(flow)
    flow.finish()
    return save_pdf(canvas, buffer)

