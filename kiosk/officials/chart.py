"""A horizontal bar chart drawn with QPainter (QtCharts is not installed): votes per project, ballots per kiosk or hour.

Each row is a label, a bar scaled to the largest value, and the value in
digits, so no axis is needed and nothing depends on reading a length.  A
*marked* row (a funded project) gets a second colour, a tick in a disc and
the mark's word after its value: the mark never rests on colour alone.  The
chart's accessible description lists every row in words, for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.qt import QBrush, QColor, QEvent, QFont, QPainter, QPen, QPointF, QRect, QSize, QSizePolicy, Qt, QWidget

__all__ = ["Bar", "BarChart"]

_BAR = QColor("#7d93b3")
_MARKED = QColor("#1e7d46")
_TRACK = QColor("#edf1f6")
_TEXT = QColor("#1c2430")
_MUTED = QColor("#56606e")


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of the chart.

    Attributes:
        label: what the row is (a project title, a kiosk, an hour).
        value: its figure (votes, ballots).
        marked: drawn in the marked colour with a tick and the mark's word (funded).
    """

    label: str
    value: int
    marked: bool = False


class BarChart(QWidget):
    """Horizontal bars, one per row, with their values and an optional mark.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.mark_text = ""
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(360)

    def set_bars(self, bars: Sequence[Bar], *, mark_text: str = "", empty_text: str = "") -> None:
        """Show ``bars`` top to bottom; ``mark_text`` follows marked values; ``empty_text`` stands in for no bars."""
        self.bars = list(bars)
        self.mark_text = mark_text
        self.empty_text = empty_text
        words = [f"{b.label}: {b.value:,}{f' ({mark_text})' if b.marked and mark_text else ''}" for b in self.bars]
        self.setAccessibleDescription("; ".join(words) or empty_text)
        self.ensurePolished()  # the style sheet's font decides the row height
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        """Grow or shrink with the font (a style sheet applied later, a text size switch)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setFixedHeight(self.sizeHint().height())

    def _row_height(self) -> int:
        return max(30, round(self.fontMetrics().height() * 1.75))

    def sizeHint(self) -> QSize:
        """As tall as its rows (or one row for the empty text)."""
        return QSize(640, max(1, len(self.bars)) * self._row_height() + 8)

    def paintEvent(self, event: QEvent) -> None:
        """Draw labels, tracks, bars, values and marks."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self._row_height()
        if not self.bars:
            painter.setPen(_MUTED)
            painter.drawText(QRect(0, 0, self.width(), row), Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            painter.end()
            return
        label_w = min(round(self.width() * 0.38), max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12)
        suffix = f"  {self.mark_text}" if self.mark_text else ""
        value_w = max(metrics.horizontalAdvance(f"{b.value:,}") for b in self.bars) + row
        value_w += metrics.horizontalAdvance(suffix) if any(b.marked for b in self.bars) else 0
        area = max(20, self.width() - label_w - value_w - 16)
        top = max((b.value for b in self.bars), default=0) or 1
        bold = QFont(self.font())
        bold.setBold(True)
        for i, bar in enumerate(self.bars):
            y = 4 + i * row
            text_rect = QRect(0, y, label_w - 8, row)
            painter.setPen(_TEXT)
            painter.setFont(self.font())
            shown = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            h = round(row * 0.56)
            by = y + (row - h) // 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(_TRACK))
            painter.drawRoundedRect(QRect(label_w, by, area, h), 4, 4)
            width = round(area * bar.value / top)
            if width:
                painter.setBrush(QBrush(_MARKED if bar.marked else _BAR))
                painter.drawRoundedRect(QRect(label_w, by, max(width, 6), h), 4, 4)
            x = label_w + width + 8
            painter.setPen(_TEXT)
            painter.setFont(bold)
            value = f"{bar.value:,}"
            painter.drawText(QRect(x, y, value_w, row), Qt.AlignmentFlag.AlignVCenter, value)
            if bar.marked:
                x += metrics.horizontalAdvance(value) + 10 + h // 2
                _tick(painter, QPointF(x, y + row / 2), h / 2)
                painter.setPen(_MARKED)
                painter.drawText(QRect(round(x + h / 2 + 4), y, value_w, row), Qt.AlignmentFlag.AlignVCenter,
                                 self.mark_text)
        painter.end()


def _tick(painter: QPainter, centre: QPointF, radius: float) -> None:
    """A white tick in a green disc (the mark beside a funded bar)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(_MARKED))
    painter.drawEllipse(centre, radius, radius)
    pen = QPen(QColor("#ffffff"))
    pen.setWidthF(max(1.5, radius * 0.28))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    x, y, r = centre.x(), centre.y(), radius
    painter.drawPolyline([QPointF(x - r * 0.45, y), QPointF(x - r * 0.1, y + r * 0.35),
                          QPointF(x + r * 0.5, y - r * 0.35)])
