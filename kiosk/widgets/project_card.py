"""One project on the ballot: picture, title, category, cost, description with a "more" expander, and its control."""

from __future__ import annotations

from ballot.manifest_model import Project
from kiosk.i18n import fill, format_money
from kiosk.qt import QFrame, QHBoxLayout, QLabel, QPixmap, Qt, QVBoxLayout, QWidget, Signal
from kiosk.widgets.basics import KioskButton, label

IMAGE_PX = 112
SHORT_CHARS = {"zh-TW": 44, "en": 110}


def _short(text: str, language: str) -> str:
    limit = SHORT_CHARS.get(language, 110)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if language != "zh-TW" and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip("，,、。. ") + "…"


class ProjectCard(QFrame):
    """A project card with a pick toggle (approval/knapsack) or a −/+ points stepper (cumulative).

    Args:
        project: the project shown.
        language: the language of the manifest texts ("zh-TW" or "en"); the kiosk's own words
            come from the installed translation.
        currency: the district's currency.
        category: the category's display text ("" if none).
        pixmap: the project's picture, if any.
        stepper: show a points stepper instead of a pick toggle.

    Signals:
        pick_clicked(str): the pick toggle was pressed (project id).
        plus_clicked(str): one point more was asked for.
        minus_clicked(str): one point less was asked for.
    """

    pick_clicked = Signal(str)
    plus_clicked = Signal(str)
    minus_clicked = Signal(str)

    def __init__(self, project: Project, language: str, currency: str, category: str,
                 pixmap: QPixmap | None, *, stepper: bool, image_slot: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.language = language
        self.expanded = False
        self.setObjectName("Card")
        title = project.title.get(language)
        self.title_text = title
        cost = format_money(project.cost, currency)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 16, 18, 16)
        row.setSpacing(18)
        if image_slot or pixmap is not None:
            image = QLabel()
            image.setFixedSize(IMAGE_PX, IMAGE_PX)
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if pixmap is not None and not pixmap.isNull():
                image.setPixmap(pixmap.scaled(IMAGE_PX, IMAGE_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            image.setAccessibleName(title)
            row.addWidget(image, 0, Qt.AlignmentFlag.AlignTop)

        body = QVBoxLayout()
        body.setSpacing(6)
        if category:
            chip = label("Chip", category, wrap=False)
            chip.setAccessibleName(category)
            body.addWidget(chip, 0, Qt.AlignmentFlag.AlignLeft)
        self.title = label("CardTitle", title)
        body.addWidget(self.title)
        self.cost = label("Cost", fill(self.tr("Cost  %1"), cost), wrap=False)
        body.addWidget(self.cost)
        if project.location is not None:
            place = project.location.get(language)
            self.location = label("Muted", place, wrap=False)
            body.addWidget(self.location)
        self.full_description = project.description.get(language)
        self.description = label("Muted", _short(self.full_description, language))
        body.addWidget(self.description)
        # An imported pabulib file often has no description, and the import repeats the name: say it once.
        redundant = self.full_description.strip() == title.strip()
        if redundant:  # never setVisible(True) here: the label has no parent yet and would flash up as a window
            self.description.hide()
        self.more_button: KioskButton | None = None
        if not redundant and _short(self.full_description, language) != self.full_description:
            self.more_button = KioskButton("chip")
            self.more_button.set_texts(self.tr("More"), fill(self.tr("Read more about %1"), title),
                                       self.tr("Shows or hides the full description"))
            self.more_button.clicked.connect(self.toggle_more)
        body.addStretch(1)
        row.addLayout(body, 1)

        side = QVBoxLayout()
        side.setSpacing(8)
        self.pick_button: KioskButton | None = None
        self.plus_button: KioskButton | None = None
        self.minus_button: KioskButton | None = None
        self.points_label: QLabel | None = None
        if stepper:
            steps = QHBoxLayout()
            self.minus_button = KioskButton()
            self.minus_button.set_texts(self.tr("−", "one point less"), fill(self.tr("One point less for %1"), title),
                                        "")
            self.minus_button.clicked.connect(self._minus)
            self.points_label = label("Heading", "0", wrap=False)
            self.points_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.points_label.setMinimumWidth(70)
            self.plus_button = KioskButton()
            self.plus_button.set_texts(self.tr("+", "one point more"), fill(self.tr("One point more for %1"), title),
                                       "")
            self.plus_button.clicked.connect(self._plus)
            for w in (self.minus_button, self.points_label, self.plus_button):
                steps.addWidget(w)
            side.addLayout(steps)
        else:
            self.pick_button = KioskButton(checkable=True)
            self.pick_button.setMinimumWidth(150)
            self.pick_button.set_texts(self.tr("Pick"), fill(self.tr("Pick %1"), title),
                                       fill(self.tr("Costs %1. Press Space to pick or un-pick this project"), cost))
            self.pick_button.clicked.connect(self._pick)
            side.addWidget(self.pick_button)
        if self.more_button is not None:
            side.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignRight)
        side.addStretch(1)
        row.addLayout(side)

    def _pick(self) -> None:
        self.pick_clicked.emit(self.project.id)

    def _plus(self) -> None:
        self.plus_clicked.emit(self.project.id)

    def _minus(self) -> None:
        self.minus_clicked.emit(self.project.id)

    def toggle_more(self) -> None:
        """Show or hide the full description."""
        self.expanded = not self.expanded
        text = self.full_description if self.expanded else _short(self.full_description, self.language)
        self.description.setText(text)
        if self.more_button is not None:
            self.more_button.setText(self.tr("Less") if self.expanded else self.tr("More"))

    def show_choice(self, picked: bool, points: int) -> None:
        """Reflect the selection: picked state or points given."""
        on = picked or points > 0
        name = "CardPicked" if on else "Card"
        if self.objectName() != name:
            self.setObjectName(name)
            self.style().unpolish(self)
            self.style().polish(self)
        if self.pick_button is not None:
            self.pick_button.setChecked(picked)
            self.pick_button.setText(self.tr("Picked ✓") if picked else self.tr("Pick"))
        if self.points_label is not None and self.plus_button is not None and self.minus_button is not None:
            self.points_label.setText(str(points))
            desc = fill(self.tr("%1 has %n point(s)", "", points), self.title_text)
            self.points_label.setAccessibleName(desc)
            self.plus_button.setAccessibleDescription(desc)
            self.minus_button.setAccessibleDescription(desc)
