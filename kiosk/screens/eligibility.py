"""Eligibility: the resident types (or scans) the voting code from their letter."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.qt import QWidget
from kiosk.screens._entry import EntryScreen
from kiosk.session import CastingController
from kiosk.widgets import label
from kiosk.widgets.code_entry import CodeEntry


class EligibilityScreen(EntryScreen):
    """The code field with its own plain message for a typo, an unknown code, a used code and closed polls.

    A QR scanner acting as a keyboard types the code and presses Enter, so
    scanning the letter works like typing it.

    Args:
        flow: the voter flow (its ``refusal`` says why the last code was refused).
        controller: checks the code (off the GUI thread).
    """

    def __init__(self, flow: VoterFlow, controller: CastingController, parent: QWidget | None = None) -> None:
        super().__init__(flow, controller, parent)
        self.heading = label("Title")
        self.hint = label("Muted")
        self.entry = CodeEntry()
        self.entry.returnPressed.connect(self._submit)
        self.kept = label("Muted")
        self.continue_button = self.submit_button
        self.add_fields(self.heading, self.hint, self.entry, self.problem, self.kept)

    def _submit(self) -> None:
        if self.controller.busy:
            return
        if not self.entry.text().strip():
            self.flow.refuse("malformed")
            return
        self.controller.submit_code(self.entry.text())

    def clear(self) -> None:
        """Forget the typed code and the message (the session ended)."""
        self.entry.clear()
        self.clear_problem()
        self.continue_button.setEnabled(True)

    def refresh(self) -> None:
        """Show the texts in the installed language, and the refusal if there is one."""
        self.heading.setText(self.tr("Type your voting code"))
        self.hint.setText(self.tr("It is on your letter: 24 letters and digits in groups of four. You can also "
                                  "hold the QR code on your letter under the scanner."))
        self.entry.setAccessibleName(self.tr("Voting code"))
        self.entry.setAccessibleDescription(self.tr("Type the 24 letters and digits; the groups are made for you"))
        self.entry.setPlaceholderText("····-····-····-····-····-····")
        refusal = self.show_refusal()
        if refusal is not None:
            self.entry.setAccessibleDescription(self.problem.text())
            if refusal in ("unknown", "used"):
                self.entry.selectAll()
        keeps = self.flow.selection is not None and refusal is not None
        self.kept.setVisible(keeps)
        self.kept.setText(self.tr("Your choices are kept: after a valid code you go straight back to them.")
                          if keeps else "")
        self.back_button.set_texts(self.tr("Back"), "", self.tr("Returns to the first screen"))
        self.continue_button.set_texts(self.tr("Continue"), "", self.tr("Checks the code and opens your ballot"))

    def focus_first(self) -> None:
        """Put keyboard focus in the code field."""
        self.entry.setFocus()
