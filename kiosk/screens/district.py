"""District: the resident chooses the area they live in (district_choice = "resident")."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.i18n import fill, format_money
from kiosk.qt import QHBoxLayout, QVBoxLayout, QWidget
from kiosk.widgets import KioskButton, label


class DistrictScreen(QWidget):
    """One large button per district, with its budget.

    Args:
        flow: the voter flow.
    """

    def __init__(self, flow: VoterFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        col = QVBoxLayout(self)
        col.setContentsMargins(80, 40, 80, 32)
        col.setSpacing(16)
        self.heading = label("Title")
        self.hint = label("Muted")
        col.addWidget(self.heading)
        col.addWidget(self.hint)
        col.addSpacing(12)
        self.buttons: dict[str, KioskButton] = {}
        for district in flow.election.districts:
            button = KioskButton("big")
            button.setProperty("district", district.id)
            button.setMinimumHeight(96)
            button.clicked.connect(self._chosen)
            self.buttons[district.id] = button
            col.addWidget(button)
        col.addStretch(1)
        nav = QHBoxLayout()
        self.back_button = KioskButton()
        self.back_button.clicked.connect(self.flow.back)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        col.addLayout(nav)

    def _chosen(self) -> None:
        button = self.sender()
        if isinstance(button, KioskButton):
            self.flow.choose_district(str(button.property("district")))

    def refresh(self) -> None:
        """Show the districts in the flow's language."""
        lang = self.flow.language
        self.heading.setText(self.tr("Where do you live?"))
        self.hint.setText(self.tr("Choose your area. You will see the projects proposed for it."))
        for district in self.flow.election.districts:
            name = district.name.get(lang)
            budget = fill(self.tr("Budget %1"), format_money(district.budget, district.currency))
            self.buttons[district.id].set_texts(f"{name}\n{budget}", f"{name}, {budget}",
                                                self.tr("Vote on the projects of this area"))
        self.back_button.set_texts(self.tr("Back"), "",
                                   self.tr("Returns to the previous screen; your choices are kept"))

    def focus_first(self) -> None:
        """Put keyboard focus on the first district."""
        next(iter(self.buttons.values())).setFocus()
