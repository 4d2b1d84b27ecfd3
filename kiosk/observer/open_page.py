"""The observer's first two pages: choose a record (buttons or drag and drop), then watch it being verified."""

from __future__ import annotations

from kiosk.i18n import fill, format_number
from kiosk.qt import QFrame, QHBoxLayout, QProgressBar, Qt, QVBoxLayout, QWidget, Signal
from kiosk.widgets import KioskButton, centered_card, label

__all__ = ["OpenPage", "ProgressPage", "format_bytes", "format_duration"]

PROGRESS_STEPS = 1000
"""Resolution of the progress bar (tenths of a percent)."""


def format_bytes(n: int) -> str:
    """A size people read: ``812 bytes``, ``4.2 KB``, ``31.0 MB``, ``1.3 GB`` (powers of 1000)."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{format_number(n)} B"


def format_duration(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for an estimate of the time left."""
    s = max(0, round(seconds))
    hours, rest = divmod(s, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class OpenPage(QWidget):
    """Explains what verifying means and offers the two ways to open a record (a drop works too).

    Signals:
        open_zip(): the observer asked to choose a record .zip.
        open_folder(): the observer asked to choose a record folder.
    """

    open_zip = Signal()
    open_folder = Signal()

    def __init__(self, cores: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cores = cores
        col = centered_card(self, margins=(80, 40, 80, 40), spacing=16, hcenter=True)
        self.title = label("Title")
        self.explanation = label()
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("DropZone")
        zone = QVBoxLayout(self.drop_zone)
        zone.setContentsMargins(24, 28, 24, 28)
        self.drop_text = label("Heading")
        self.drop_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        zone.addWidget(self.drop_text)
        buttons = QHBoxLayout()
        self.zip_button = KioskButton("primary")
        self.zip_button.clicked.connect(self.open_zip)
        self.folder_button = KioskButton()
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addWidget(self.zip_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        self.note = label("Muted")
        self.problem = label("Banner")
        self.problem.hide()
        for widget in (self.title, self.explanation, self.drop_zone):
            col.addWidget(widget)
        col.addLayout(buttons)
        col.addWidget(self.problem)
        col.addWidget(self.note)
        self.refresh()

    def refresh(self) -> None:
        """Show the texts in the installed language."""
        self.title.setText(self.tr("Check an election record"))
        self.explanation.setText(self.tr(
            "Anyone can check the whole election from its published record alone: every ballot's signatures and "
            "proofs, the encrypted tally, the trustees' decryptions and the results. Nothing here needs the "
            "officials' computers or passwords."))
        self.drop_text.setText(self.tr("Drop the record folder or its .zip here"))
        self.zip_button.set_texts(self.tr("Open record .zip…"), self.tr("Open record zip file"),
                                  self.tr("Choose the election record's .zip file to verify it"))
        self.folder_button.set_texts(self.tr("Open record folder…"), self.tr("Open record folder"),
                                     self.tr("Choose the election record's folder to verify it"))
        self.note.setText(fill(self.tr("Verification uses all %1 processor cores of this computer and can take a "
                                       "few minutes for a large election."), str(self.cores)))

    def show_problem(self, text: str) -> None:
        """Show why the last attempt did not verify anything ("" hides it)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def focus_first(self) -> None:
        """Put keyboard focus on "Open record .zip"."""
        self.zip_button.setFocus()


class ProgressPage(QWidget):
    """The bulletin board being checked: a bar, bytes done of the total, the time left, and Cancel.

    Signals:
        cancel(): the observer asked to stop.
    """

    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = centered_card(self, margins=(80, 40, 80, 40), spacing=16, hcenter=True)
        self.heading = label("Heading")
        self.record = label("Muted")
        self.bar = QProgressBar()
        self.bar.setRange(0, PROGRESS_STEPS)
        self.status = label("Status")
        self.eta = label()
        self.cancel_button = KioskButton()
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.heading, self.record, self.bar, self.status, self.eta):
            col.addWidget(widget)
        col.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._shown: tuple[str, int, int, float | None] = ("", 0, 0, None)
        self.refresh()

    def start(self, record: str) -> None:
        """Show the page for a verification of ``record`` that has just started."""
        self._shown = (record, 0, 0, None)
        self.bar.setValue(0)
        self.refresh()

    def show_progress(self, done: int, total: int, elapsed: float) -> None:
        """Show ``done`` of ``total`` bytes of the board checked after ``elapsed`` seconds."""
        fraction = done / total if total else 1.0
        eta = elapsed * (1 - fraction) / fraction if fraction > 0.01 and elapsed > 1 else None
        self._shown = (self._shown[0], done, total, eta)
        self.bar.setValue(round(PROGRESS_STEPS * fraction))
        self.refresh()

    def refresh(self) -> None:
        """Show the texts in the installed language."""
        record, done, total, eta = self._shown
        self.heading.setText(self.tr("Verifying the election record"))
        self.record.setText(record)
        percent = f"{100 * done / total:.0f}" if total else "0"
        self.status.setText(fill(self.tr("%1 of %2 of the bulletin board checked (%3%)"), format_bytes(done),
                                 format_bytes(total), percent))
        self.eta.setText(fill(self.tr("About %1 left"), format_duration(eta)) if eta is not None
                         else self.tr("Estimating the time left…"))
        self.bar.setAccessibleName(self.tr("Verification progress"))
        self.bar.setAccessibleDescription(self.status.text())
        self.cancel_button.set_texts(self.tr("Cancel"), self.tr("Cancel the verification"),
                                     self.tr("Stops checking; nothing is changed"))

    def focus_first(self) -> None:
        """Put keyboard focus on Cancel."""
        self.cancel_button.setFocus()
