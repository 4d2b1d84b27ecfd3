"""Checked: what the opened (spoiled) ballot contained, for the resident to compare with their choices."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.i18n import fill
from kiosk.qt import QFrame, QHBoxLayout, QVBoxLayout, QWidget
from kiosk.session import CastingController
from kiosk.widgets import KioskButton, label


class CheckedScreen(QWidget):
    """Lists every project with what the checked ballot encrypted for it (picked / not picked, or points).

    The list comes from the ballot box's decoding of the published nonces,
    not from the kiosk's memory of the selection, so it shows what the
    encryption really held.

    Args:
        flow: the voter flow (its ``checked`` holds the ballot box's answer).
        controller: encrypts again, or returns to the ballot.
    """

    def __init__(self, flow: VoterFlow, controller: CastingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.controller = controller
        col = QVBoxLayout(self)
        col.setContentsMargins(80, 32, 80, 20)
        col.setSpacing(12)
        self.heading = label("Title")
        self.hint = label("Muted")
        col.addWidget(self.heading)
        col.addWidget(self.hint)
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(8)
        col.addLayout(self.list_box)
        self.published = label("Small")
        col.addWidget(self.published)
        col.addStretch(1)
        nav = QHBoxLayout()
        self.change_button = KioskButton()
        self.change_button.clicked.connect(self.controller.change_choices)
        self.again_button = KioskButton("primary")
        self.again_button.setObjectName("EncryptAgainButton")
        self.again_button.clicked.connect(self.controller.encrypt)
        nav.addWidget(self.change_button)
        nav.addStretch(1)
        nav.addWidget(self.again_button)
        col.addLayout(nav)
        self.rows: list[QFrame] = []

    def clear(self) -> None:
        """Drop the list (the session ended)."""
        for row in self.rows:
            self.list_box.removeWidget(row)
            row.hide()
            row.setParent(None)  # out of the tree now: deleteLater alone leaves it on screen until the loop runs
            row.deleteLater()
        self.rows = []
        self.published.clear()

    def refresh(self) -> None:
        """Show what the checked ballot contained, in the flow's language."""
        self.clear()
        checked, district = self.flow.checked, self.flow.district
        self.heading.setText(self.tr("This is what your checked ballot contained"))
        self.hint.setText(self.tr("Compare it with your choices. If it does not match, do not vote here: "
                                  "tell a poll worker."))
        self.again_button.set_texts(self.tr("It matches: encrypt again"), "",
                                    self.tr("Encrypts your choices again, then you can cast or check again"))
        self.change_button.set_texts(self.tr("Change my choices"), "", self.tr("Returns to the ballot"))
        if checked is None or district is None:
            return
        lang = self.flow.language
        cumulative = district.ballot.type == "cumulative"
        for project in self.flow.election.projects_in(district.id):
            value = checked.choices.get(project.id, 0)
            row = QFrame()
            row.setObjectName("CardPicked" if value else "Card")
            line = QHBoxLayout(row)
            line.setContentsMargins(20, 8, 20, 8)
            line.addWidget(label("CardTitle", project.title.get(lang)), 1)
            if cumulative:
                mark = self.tr("%n point(s)", "", value)
            else:
                mark = self.tr("✔ Picked") if value else self.tr("Not picked")
            line.addWidget(label("Cost", mark, wrap=False))
            self.list_box.addWidget(row)
            self.rows.append(row)
        self.published.setText(fill(self.tr("Published as a checked ballot, never counted: %1"),
                                    checked.receipt.tracking_code.short))

    def focus_first(self) -> None:
        """Put keyboard focus on "encrypt again"."""
        self.again_button.setFocus()
