"""Receipt: the tracking code large and grouped, its QR code, print, and a countdown back to the start."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.i18n import fill
from kiosk.qt import QHBoxLayout, QLabel, Qt, QTimer, QVBoxLayout, QWidget
from kiosk.session import CastingController
from kiosk.widgets import KioskButton, centered_card, label
from kiosk.widgets.qr import qr_pixmap

DEFAULT_RECEIPT_SECONDS = 45
"""How long the receipt stays before the kiosk clears itself for the next resident."""


class ReceiptScreen(QWidget):
    """Shown only after the ballot box confirmed the ballot; "Done" or the countdown ends the session.

    Args:
        flow: the voter flow (holds the receipt).
        controller: prints the receipt (off the GUI thread).
        seconds: the countdown's length.
    """

    def __init__(self, flow: VoterFlow, controller: CastingController, seconds: int = DEFAULT_RECEIPT_SECONDS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.controller = controller
        self.seconds = seconds
        self.left = seconds
        self.printing = ""  # "", "busy" or "done"
        col = centered_card(self, margins=(80, 24, 80, 24), spacing=12)
        self.heading = label("Title")
        self.code_caption = label("Muted")
        row = QHBoxLayout()
        texts = QVBoxLayout()
        self.code = label("TrackingCode")  # wraps at a hyphen at the largest text size (no sideways scrolling)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep = label("Muted")
        self.print_status = label("Status")
        for widget in (self.code_caption, self.code, self.keep, self.print_status):
            texts.addWidget(widget)
        texts.addStretch(1)
        row.addLayout(texts, 1)
        self.qr = QLabel()
        self.qr.setObjectName("ReceiptQr")
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        col.addWidget(self.heading)
        col.addLayout(row)
        self.countdown = label("Muted")
        col.addWidget(self.countdown)
        nav = QHBoxLayout()
        self.print_button = KioskButton()
        self.print_button.setObjectName("PrintButton")
        self.print_button.clicked.connect(self._print)
        self.done_button = KioskButton("primary")
        self.done_button.setObjectName("DoneButton")
        self.done_button.clicked.connect(self.flow.reset)
        nav.addWidget(self.print_button)
        nav.addStretch(1)
        nav.addWidget(self.done_button)
        col.addLayout(nav)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        controller.printed.connect(self._printed)
        controller.busy_changed.connect(self._busy)

    def _print(self) -> None:
        self.printing = "busy"
        self.left = max(self.left, self.seconds // 2)  # time to take the paper
        self.controller.print_receipt()
        self.refresh()

    def _printed(self) -> None:
        self.printing = "done"
        self.refresh()

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy and self.printing != "done")
        if not busy and self.printing == "busy":  # failed: the error notice says so; allow another try
            self.printing = ""
            self.refresh()

    def _tick(self) -> None:
        if self.controller.busy:
            return  # the receipt is printing: the countdown waits (the paper must not outlive the session)
        self.left -= 1
        if self.left <= 0:
            self.timer.stop()
            self.flow.reset()
        else:
            self._show_countdown()

    def clear(self) -> None:
        """Forget the receipt (the session ended): code, QR, print state, countdown."""
        self.timer.stop()
        self.left = self.seconds
        self.printing = ""
        self.code.clear()
        self.code.setAccessibleName("")
        self.qr.clear()
        self.qr.setAccessibleName("")
        self.print_status.clear()
        self.countdown.clear()

    def refresh(self) -> None:
        """Show the receipt in the installed language; start the countdown on arrival."""
        self._set_fixed_texts()
        receipt = self.flow.receipt
        if receipt is None:
            return
        short = receipt.tracking_code.short
        if self.code.text() != short:
            self.code.setText(short)
            self.qr.setPixmap(qr_pixmap(receipt.qr_payload(), 4))
            self.left = self.seconds
            self.timer.start()
        self.code.setAccessibleName(fill(self.tr("Tracking code %1"), " ".join(short.replace("-", ""))))
        self.qr.setAccessibleName(self.tr("QR code of your receipt"))
        self.print_status.setText({"busy": self.tr("Printing your receipt…"),
                                   "done": self.tr("Your receipt is printing. Please take it.")}.get(self.printing, ""))
        has_printer = self.controller.printer is not None
        self.print_button.setVisible(has_printer)
        self.print_button.setEnabled(has_printer and not self.controller.busy and self.printing != "done")
        self._show_countdown()

    def _set_fixed_texts(self) -> None:
        self.heading.setText(self.tr("Your ballot was cast"))
        self.code_caption.setText(self.tr("Your tracking code"))
        self.keep.setText(self.tr("Keep this code: with it you can find your ballot in the published record. "
                                  "It does not show your choices."))
        self.print_button.set_texts(self.tr("Print my receipt"), "",
                                    self.tr("Prints the tracking code and QR code; not your choices"))
        self.done_button.set_texts(self.tr("Done"), "", self.tr("Ends your session and clears the screen"))

    def _show_countdown(self) -> None:
        self.countdown.setText(self.tr("This screen clears itself in %n second(s).", "", self.left))

    def focus_first(self) -> None:
        """Put keyboard focus on Print (or Done without a printer)."""
        (self.print_button if self.controller.printer is not None else self.done_button).setFocus()
