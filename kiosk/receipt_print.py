"""Paint the resident's receipt with QPainter onto a QPrinter: 80 mm thermal roll, A4 or US Letter.

The content is the reportlab receipt's (``ballot.receipt_pdf``): its texts
(``receipt_texts``), the election title, the tracking code large and
grouped, the QR code of the signed receipt payload (the same module matrix,
``ballot.pdf_common.qr_matrix``), the board position, the election
fingerprint and how to check.  The receipt record holds no choices and
nothing here adds any.  Chinese is drawn with the kiosk's Traditional
Chinese family (kiosk.theme), which Qt embeds in a PDF.

Geometry is in points (1/72 inch) from the paper's top-left corner and
converted to device pixels in one place (``_Page``), so the same layout
serves a 1200 dpi PDF and a 203 dpi thermal printer.  The roll receipt's
height is measured first (a pass that draws nothing) and becomes the page
height.  QPainter may paint on a QPrinter in a worker thread (Qt's
"Threads and QObjects": QImage, QPrinter and QPicture are supported devices),
which is where ``kiosk.printing`` calls this.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFontMetricsF, QPageLayout, QPageSize, QPainterPath
from PySide6.QtPrintSupport import QPrinter

from ballot.manifest_model import Election, short_fingerprint
from ballot.pdf_common import qr_matrix
from ballot.receipt_pdf import receipt_texts
from ballot.receipts import Receipt
from kiosk.qt import QColor, QFont, QPainter, QPen, Qt
from kiosk.theme import FONT_FAMILY

__all__ = ["MM", "PAPERS", "ROLL80_WIDTH", "page_points", "paint_receipt"]

MM: Final = 72 / 25.4
"""Points per millimetre."""
PAPERS: Final = ("roll80", "a4", "letter")
ROLL80_WIDTH: Final = 80 * MM
_SHEETS: Final = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MONO_FAMILY: Final = "DejaVu Sans Mono"
_QUIET: Final = 4
_ALIGN: Final = {"left": Qt.AlignmentFlag.AlignLeft, "centre": Qt.AlignmentFlag.AlignHCenter,
                 "right": Qt.AlignmentFlag.AlignRight}


class _Page:
    """Draws in points on a printer; with ``painter=None`` it only measures (the roll's height).

    Args:
        device: the printer (its resolution converts points to device pixels).
        painter: the active painter, or None to measure.
    """

    def __init__(self, device: QPrinter, painter: QPainter | None) -> None:
        self.device = device
        self.painter = painter
        self.k = device.resolution() / 72

    def _font(self, size: float, bold: bool, mono: bool) -> QFont:
        font = QFont(MONO_FAMILY if mono else FONT_FAMILY)
        if not mono:
            font.setFamilies([FONT_FAMILY, "Noto Sans"])
        font.setPointSizeF(size)  # points on this device: its logical dpi is its resolution
        font.setBold(bold)
        return font

    def text(self, text: str, x: float, y: float, width: float, size: float, *, bold: bool = False,
             gray: float = 0.0, align: str = "left", mono: bool = False) -> float:
        """Draw ``text`` wrapped into ``width`` with its top at ``y``; return the y below it."""
        font = self._font(size, bold, mono)
        flags = int(_ALIGN[align] | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
        k = self.k
        box = QRectF(x * k, y * k, width * k, 10_000 * k)
        used = QFontMetricsF(font, self.device).boundingRect(box, flags, text)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(QColor.fromRgbF(gray, gray, gray))
            self.painter.drawText(box, flags, text)
        return y + used.height() / k

    def width(self, text: str, size: float, *, bold: bool = True, mono: bool = True) -> float:
        """The advance of ``text`` in points."""
        return QFontMetricsF(self._font(size, bold, mono), self.device).horizontalAdvance(text) / self.k

    def rule(self, x0: float, x1: float, y: float, gray: float = 0.6) -> None:
        """A thin horizontal line."""
        if self.painter is not None:
            self.painter.setPen(QPen(QColor.fromRgbF(gray, gray, gray), 0.6 * self.k))
            self.painter.drawLine(round(x0 * self.k), round(y * self.k), round(x1 * self.k), round(y * self.k))

    def box(self, x: float, y: float, w: float, h: float, *, fill: float | None = None, stroke: bool = False,
            radius: float = 2.0) -> None:
        """A rounded rectangle, filled with a gray and/or outlined in black."""
        if self.painter is None:
            return
        k = self.k
        p = self.painter
        p.save()
        p.setPen(QPen(QColor("black"), 0.8 * k) if stroke else Qt.PenStyle.NoPen)
        if fill is None:
            p.setBrush(Qt.BrushStyle.NoBrush)
        else:
            p.setBrush(QColor.fromRgbF(fill, fill, fill))
        p.drawRoundedRect(QRectF(x * k, y * k, w * k, h * k), radius * k, radius * k)
        p.restore()

    def qr(self, data: str, x: float, y: float, side: float) -> None:
        """The QR code of ``data``, black on white with its quiet zone, ``side`` points wide."""
        if self.painter is None:
            return
        matrix = qr_matrix(data)
        k = self.k
        module = side * k / (len(matrix) + 2 * _QUIET)
        left, top = x * k + _QUIET * module, y * k + _QUIET * module
        self.painter.fillRect(QRectF(x * k, y * k, side * k, side * k), QColor("white"))
        black = QColor("black")
        for r, row in enumerate(matrix):
            c = 0
            while c < len(row):  # one rectangle per run of dark modules: no hairline gaps between them
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                self.painter.fillRect(QRectF(left + start * module, top + r * module, (c - start) * module,
                                             module), black)

    def check_mark(self, cx: float, cy: float, r: float) -> None:
        """A white tick in a black disc."""
        if self.painter is None:
            return
        k = self.k
        p = self.painter
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("black"))
        p.drawEllipse(QRectF((cx - r) * k, (cy - r) * k, 2 * r * k, 2 * r * k))
        pen = QPen(QColor("white"), r * 0.22 * k)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        tick = QPainterPath()
        tick.moveTo((cx - r * 0.45) * k, (cy - r * 0.02) * k)
        tick.lineTo((cx - r * 0.12) * k, (cy + r * 0.32) * k)
        tick.lineTo((cx + r * 0.48) * k, (cy - r * 0.34) * k)
        p.drawPath(tick)
        p.restore()


def _roll(page: _Page, t: dict[str, str], title: str, receipt: Receipt, fingerprint: str) -> float:
    """Lay out (or draw) the 80 mm roll receipt; return its height in points."""
    width, margin = ROLL80_WIDTH, 5 * MM
    inner, mid = width - 2 * margin, width / 2
    y = page.text(title, margin, 5 * MM, inner, 10.5, bold=True, align="centre")
    y = page.text(t["doc"], margin, y + 1, inner, 8, gray=0.35, align="centre") + 2 * MM
    page.rule(margin, width - margin, y)
    y += 3 * MM
    page.check_mark(mid, y + 9, 9)
    y = page.text(t["cast"], margin, y + 20 + 2 * MM, inner, 15, bold=True, align="centre") + 3 * MM
    y = page.text(t["code"], margin, y, inner, 8.5, gray=0.25, align="centre") + 1 * MM
    code = receipt.tracking_code.short
    first, second = code[:14], code[15:]  # XXXX-XXXX-XXXX / XXXX-XXXX-X, both lines start at one x
    left = mid - page.width(first, 20) / 2
    page.text(first, left, y, inner, 20, bold=True, mono=True)
    y = page.text(second, left, y + 24, inner, 20, bold=True, mono=True) + 3 * MM
    page.qr(receipt.qr_payload(), mid - 25 * MM, y, 50 * MM)
    y = page.text(t["qr"], margin, y + 50 * MM, inner, 6.5, gray=0.3, align="centre") + 2 * MM
    page.rule(margin, width - margin, y)
    y += 2 * MM
    for name, value in (("position", str(receipt.position)), ("fingerprint", fingerprint)):
        below = page.text(t[name], margin, y, inner * 0.5, 7.5, gray=0.25)
        page.text(value, margin, y, inner, 8.5, bold=True, align="right", mono=True)
        y = max(below, y + 12) + 1
    y = page.text(t["check.title"], margin, y + 2 * MM, inner, 9, bold=True)
    y = page.text(t["check.body"], margin, y + 1, inner, 7.5)
    page.box(margin, y + 2, inner, 13, fill=0.92)
    page.text(t["check.command"], margin, y + 4, inner, 7.5, align="centre", mono=True)
    y = page.text(t["check.note"], margin, y + 17, inner, 6.5, gray=0.3) + 3 * MM
    top = y
    y = page.text(t["secret.title"], margin + 3 * MM, y + 3 * MM, inner - 6 * MM, 8.5, bold=True)
    y = page.text(t["secret.body"], margin + 3 * MM, y + 1, inner - 6 * MM, 7.5) + 2.5 * MM
    page.box(margin, top, inner, y - top, stroke=True)
    y = page.text(t["keep"], margin, y + 3 * MM, inner, 7.5, gray=0.25, align="centre")
    return y + 8 * MM  # room above the cutter


def _sheet(page: _Page, t: dict[str, str], title: str, receipt: Receipt, fingerprint: str,
           size: tuple[float, float]) -> None:
    """Draw the A4 or US Letter receipt, for a home or office printer."""
    width, height = size
    margin = 22 * MM
    inner = width - 2 * margin
    y = page.text(title, margin, 20 * MM, inner, 17, bold=True)
    y = page.text(t["doc"], margin, y + 1, inner, 11, gray=0.35) + 3 * MM
    page.rule(margin, width - margin, y)
    y += 7 * MM
    page.check_mark(margin + 12, y + 12, 12)
    page.text(t["cast"], margin + 32, y, inner - 32, 22, bold=True)
    y += 24 + 7 * MM
    panel = 30 * MM
    page.box(margin, y, inner, panel, fill=0.93, radius=3)
    page.text(t["code"], margin, y + 4 * MM, inner, 11, gray=0.25, align="centre")
    page.text(receipt.tracking_code.short, margin, y + panel - 19 * MM, inner, 26, bold=True, align="centre",
              mono=True)
    y += panel + 8 * MM
    qr_side = 62 * MM
    page.qr(receipt.qr_payload(), margin - 4 * MM, y, qr_side)  # its quiet zone hangs into the margin
    col = margin + qr_side + 4 * MM
    col_width = width - margin - col
    row = y + 5 * MM
    for name, value in (("position", str(receipt.position)), ("fingerprint", fingerprint)):
        row = page.text(t[name], col, row, col_width, 10, gray=0.3)
        row = page.text(value, col, row + 2, col_width, 14, bold=True, mono=True) + 6 * MM
    page.text(t["qr"], col, row, col_width, 9.5, gray=0.3)
    y += qr_side + 6 * MM
    y = page.text(t["check.title"], margin, y, inner, 14, bold=True)
    y = page.text(t["check.body"], margin, y + 2, inner, 11)
    page.box(margin, y + 4, inner, 22, fill=0.93, radius=3)
    page.text(t["check.command"], margin + 4 * MM, y + 8, inner, 12, mono=True)
    y = page.text(t["check.note"], margin, y + 30, inner, 9.5, gray=0.3) + 6 * MM
    top = y
    y = page.text(t["secret.title"], margin + 5 * MM, y + 5 * MM, inner - 10 * MM, 13, bold=True)
    y = page.text(t["secret.body"], margin + 5 * MM, y + 2, inner - 10 * MM, 11) + 4 * MM
    page.box(margin, top, inner, y - top, stroke=True, radius=3)
    page.rule(margin, width - margin, height - 22 * MM)
    page.text(t["keep"], margin, height - 20 * MM, inner * 0.7, 9.5, gray=0.3)
    page.text("pbvote", margin + inner * 0.7, height - 20 * MM, inner * 0.3, 9.5, gray=0.3, align="right")


def page_points(paper: str) -> tuple[float, float] | None:
    """The sheet size in points for "a4" and "letter"; None for the roll (its height follows the texts)."""
    if paper == "roll80":
        return None
    size = QPageSize(_SHEETS[paper]).size(QPageSize.Unit.Point)
    return size.width(), size.height()


def paint_receipt(printer: QPrinter, receipt: Receipt, election: Election, lang: str, paper: str) -> bool:
    """Set the page up for ``paper`` and paint the receipt on ``printer`` (any thread).

    Args:
        printer: a QPrinter already pointed at its printer or PDF file.
        receipt: the signed receipt (it holds no choices, and none are drawn).
        election: its election, for the title and fingerprint.
        lang: "en" or "zh-TW".
        paper: "roll80", "a4" or "letter".

    Returns:
        False if the printer could not be opened (QPainter.begin failed), else True.

    Raises:
        PrintoutError: unknown language.
        KeyError: unknown paper.
    """
    texts = receipt_texts(lang)
    title = election.title.get(lang)
    fingerprint = short_fingerprint(election.fingerprint)
    printer.setFullPage(True)
    sheet = page_points(paper)
    if sheet is None:
        height = _roll(_Page(printer, None), texts, title, receipt, fingerprint)
        size = QPageSize(QSizeF(ROLL80_WIDTH, height), QPageSize.Unit.Point, "roll80",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    else:
        size = QPageSize(_SHEETS[paper])
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                      QPageLayout.Unit.Point))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = _Page(printer, painter)
        if sheet is None:
            _roll(page, texts, title, receipt, fingerprint)
        else:
            _sheet(page, texts, title, receipt, fingerprint, sheet)
    finally:
        painter.end()
    return True
