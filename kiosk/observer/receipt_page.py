"""Checking one receipt against the verified record: typed code, pasted QR text, a photo or scan, or a camera."""

from __future__ import annotations

from kiosk.observer.texts import ReceiptAnswer, receipt_message
from kiosk.qt import QFrame, QHBoxLayout, QLineEdit, Qt, QVBoxLayout, QWidget, Signal
from kiosk.widgets import KioskButton, label

__all__ = ["ReceiptPage"]


class ReceiptPage(QWidget):
    """Asks for a receipt and says, in plain words, where its ballot is (or what to do when it is not there).

    Args:
        camera: whether to offer the camera (only when QtMultimedia imports on this computer).

    Signals:
        check_code(str): the observer asked to check the typed code or pasted QR text.
        load_image(): the observer asked to choose a photo or scan of a receipt.
        use_camera(): the observer asked to take a picture of a receipt.
        back(): the observer asked to return to the report.
    """

    check_code = Signal(str)
    load_image = Signal()
    use_camera = Signal()
    back = Signal()

    def __init__(self, *, camera: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(40, 24, 40, 32)
        col.setSpacing(14)
        self.heading = label("Title")
        self.explanation = label()
        self.entry = QLineEdit()
        self.entry.setObjectName("ReceiptEntry")
        self.entry.returnPressed.connect(self._check)
        self.entry.textChanged.connect(self._typed)
        buttons = QHBoxLayout()
        self.check_button = KioskButton("primary")
        self.check_button.clicked.connect(self._check)
        self.check_button.setEnabled(False)
        self.image_button = KioskButton()
        self.image_button.clicked.connect(self.load_image)
        self.camera_button = KioskButton()
        self.camera_button.clicked.connect(self.use_camera)
        self.camera_button.setVisible(camera)
        self.back_button = KioskButton()
        self.back_button.clicked.connect(self.back)
        for button in (self.check_button, self.image_button, self.camera_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        self.status = label("Muted")
        self.answer_box = QFrame()
        self.answer_box.setObjectName("AnswerGood")
        answer = QVBoxLayout(self.answer_box)
        answer.setContentsMargins(24, 18, 24, 18)
        self.answer_heading = label("Verdict")
        self.answer_text = label()
        self.answer_detail = label("Small")
        self.answer_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for part in (self.answer_heading, self.answer_text, self.answer_detail):
            answer.addWidget(part)
        for widget in (self.heading, self.explanation, self.entry):
            col.addWidget(widget)
        col.addLayout(buttons)
        col.addWidget(self.status)
        col.addWidget(self.answer_box)
        col.addStretch(1)
        self._answer: ReceiptAnswer | None = None
        self._image_problem = ""
        self._busy = False
        self.clear()

    def clear(self) -> None:
        """Forget the last receipt (a new record was opened)."""
        self.entry.clear()
        self._answer, self._image_problem, self._busy = None, "", False
        self.refresh()

    def set_busy(self, busy: bool) -> None:
        """Say that a picture is being read (and keep the buttons from starting a second one)."""
        self._busy = busy
        if busy:
            self._answer, self._image_problem = None, ""
        self.refresh()

    def show_answer(self, answer: ReceiptAnswer) -> None:
        """Show the outcome of a receipt check."""
        self._answer, self._image_problem, self._busy = answer, "", False
        self.refresh()

    def show_image_problem(self, reason: str) -> None:
        """Say that no receipt QR code could be read from the picture (``reason``: the decoder's words)."""
        self._answer, self._image_problem, self._busy = None, reason, False
        self.refresh()

    def refresh(self) -> None:
        """Show the texts in the installed language."""
        self.heading.setText(self.tr("Check a receipt"))
        self.explanation.setText(self.tr(
            "Type the tracking code printed on the receipt (dashes and spaces do not matter), paste the text of "
            "its QR code, or load a photo or scan of the printed receipt."))
        self.entry.setPlaceholderText(self.tr("e.g. 5GG9-SYKF-VG95-ZVFP-7GH4-X"))
        self.entry.setAccessibleName(self.tr("Tracking code or QR text"))
        self.entry.setAccessibleDescription(self.tr("Press Enter to check it"))
        self.check_button.set_texts(self.tr("Check"), self.tr("Check the tracking code"),
                                    self.tr("Looks the code up on the record's bulletin board"))
        self.image_button.set_texts(self.tr("Load a photo or scan…"), self.tr("Load a receipt photo or scan"),
                                    self.tr("Reads the QR code from a PNG or JPEG picture of the receipt"))
        self.camera_button.set_texts(self.tr("Use the camera…"), self.tr("Take a picture with the camera"),
                                     self.tr("Reads the QR code of a receipt held in front of the camera"))
        self.back_button.set_texts(self.tr("Back to the report"), "", self.tr("Shows the verification report"))
        for button in (self.image_button, self.camera_button):
            button.setEnabled(not self._busy)
        self.status.setText(self.tr("Reading the picture…") if self._busy else "")
        self.status.setVisible(self._busy)
        if self._image_problem:
            self._show_box(False, self.tr("No receipt found in the picture"),
                           self.tr("Try a sharper, well-lit picture with the whole QR code in it, "
                                   "or type the tracking code instead."), self._image_problem)
        elif self._answer is not None:
            heading, text = receipt_message(self._answer)
            self._show_box(self._answer.good, heading, text, self._answer.detail)
        else:
            self.answer_box.hide()

    def _show_box(self, good: bool, heading: str, text: str, detail: str) -> None:
        self.answer_box.setObjectName("AnswerGood" if good else "AnswerBad")
        self.answer_box.style().unpolish(self.answer_box)
        self.answer_box.style().polish(self.answer_box)
        self.answer_heading.setText(("✔ " if good else "✘ ") + heading)
        self.answer_text.setText(text)
        self.answer_detail.setText(detail)
        self.answer_box.setAccessibleName(f"{heading}. {text}")
        self.answer_box.show()

    def _typed(self, text: str) -> None:
        self.check_button.setEnabled(bool(text.strip()))

    def _check(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.check_code.emit(text)

    def focus_first(self) -> None:
        """Put keyboard focus on the code entry."""
        self.entry.setFocus()
