"""What long console actions share: progress lines from a worker thread, shown in a log beside a busy bar.

The ceremony, the trustees' decryptions, the tally and the publication
report one line per step (the same lines the CLI prints).  They run on the
console's one worker thread; ``ProgressRelay`` lives on the GUI thread, so a
line emitted from the worker is queued to it, and ``ProgressLog`` shows the
lines with a busy bar while the action runs.  No line ever holds a secret
(the domain functions promise that; nothing here adds one).
"""

from __future__ import annotations

from kiosk.i18n import Translations
from kiosk.officials.widgets import page_layout
from kiosk.ops.background import BackgroundOp
from kiosk.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Signal,
)

__all__ = ["OwnAction", "ProgressLog", "ProgressRelay", "current_language", "field_row", "scrolling_page_layout"]


class OwnAction:
    """The one action a page started, if it still runs: a page disables its own buttons only for its own work.

    The console's pool runs one action at a time; another page's action (a dashboard re-read) merely
    queues ahead of ours, so it must not grey out this page's buttons, which would then stay grey.
    """

    def __init__(self) -> None:
        self.op: BackgroundOp | None = None

    def start(self, op: BackgroundOp) -> None:
        """Remember the action just started."""
        self.op = op

    @property
    def running(self) -> bool:
        """True until the action reported its outcome."""
        return self.op is not None and self.op.running


def current_language() -> str:
    """The language the console shows now ("en" before any was chosen)."""
    return Translations.of().language or "en"


def scrolling_page_layout(page: QWidget) -> tuple[QVBoxLayout, QLabel, QLabel]:
    """``page_layout`` inside a scroll area filling ``page``: long pages (a ceremony, results) never clip."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget()
    body.setObjectName("ScrollBody")
    scroll.setWidget(body)
    outer.addWidget(scroll)
    return page_layout(body)


def field_row(field: QLineEdit, *buttons: QWidget) -> QHBoxLayout:
    """The input a long action starts from (a share file, a folder) taking the width, its buttons after it."""
    row = QHBoxLayout()
    row.setSpacing(8)
    row.addWidget(field, 1)
    for b in buttons:
        row.addWidget(b)
    return row


class ProgressRelay(QObject):
    """Carries progress lines from the worker thread to the GUI thread.

    Signals:
        line(str): one step done (emitted on the worker, delivered on the GUI thread).
    """

    line = Signal(str)

    def say(self, text: str) -> None:
        """Report one line (callable from any thread)."""
        self.line.emit(text)


class ProgressLog(QWidget):
    """A read-only log of progress lines over a busy bar that moves while an action runs.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.hide()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("ProgressText")
        self.text.setMinimumHeight(120)
        self.text.setMaximumHeight(160)
        column.addWidget(self.bar)
        column.addWidget(self.text)
        self.relay = ProgressRelay(self)
        self.relay.line.connect(self.add)

    def start(self, first: str) -> None:
        """Show the log and the busy bar, and begin a new run with ``first``."""
        self.show()
        self.bar.show()
        self.add(first)

    def stop(self, last: str = "") -> None:
        """Hide the busy bar; add ``last`` if given."""
        self.bar.hide()
        if last:
            self.add(last)

    def add(self, line: str) -> None:
        """Append one line and keep it in view."""
        self.text.appendPlainText(line)
        self.text.setAccessibleDescription(line)

    def lines(self) -> list[str]:
        """Every line shown so far."""
        return self.text.toPlainText().splitlines()
