"""The bar at the top of every screen: language, text size (A / A+ / A++), high contrast, start over."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.qt import QButtonGroup, QFrame, QHBoxLayout, QWidget, Signal
from kiosk.widgets.basics import ElidedLabel, KioskButton

_SIZE_KEYS = ("normal", "large", "largest")


class TopBar(QFrame):
    """Display controls shared by every screen.

    Signals:
        size_chosen(int): a text size index (0, 1, 2) was chosen.
        contrast_toggled(bool): high contrast was switched on or off.
        language_toggled(): the resident asked for the other language.
        start_over(): the resident asked to clear everything and start again.
    """

    size_chosen = Signal(int)
    contrast_toggled = Signal(bool)
    language_toggled = Signal()
    start_over = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 24, 8)
        row.setSpacing(10)
        self.title = ElidedLabel("TopTitle")
        row.addWidget(self.title, 1)
        self.start_over_button = KioskButton("tool")
        self.start_over_button.clicked.connect(self.start_over)
        row.addWidget(self.start_over_button)
        row.addSpacing(16)
        self.language_button = KioskButton("tool")
        self.language_button.clicked.connect(self.language_toggled)
        row.addWidget(self.language_button)
        row.addSpacing(16)
        self.size_group = QButtonGroup(self)
        self.size_group.setExclusive(True)
        self.size_buttons: list[KioskButton] = []
        for index in range(len(_SIZE_KEYS)):
            button = KioskButton("tool", checkable=True)
            self.size_group.addButton(button, index)
            self.size_buttons.append(button)
            row.addWidget(button)
        self.size_group.idClicked.connect(self.size_chosen)
        row.addSpacing(16)
        self.contrast_button = KioskButton("tool", checkable=True)
        self.contrast_button.toggled.connect(self.contrast_toggled)
        row.addWidget(self.contrast_button)

    def refresh(self, language: str, title: str, size_index: int, high_contrast: bool, on_welcome: bool) -> None:
        """Show the texts in ``language`` and the current display settings."""
        self.title.set_full_text(title)
        self.start_over_button.set_texts(tr(language, "startover"), "", tr(language, "startover.desc"))
        self.start_over_button.setVisible(not on_welcome)
        other = "en" if language == "zh-TW" else "zh-TW"
        key = "lang.en" if other == "en" else "lang.zh"
        self.language_button.set_texts(tr(language, key), tr(other, key), tr(other, f"{key}.desc"))
        for index, button in enumerate(self.size_buttons):
            name = _SIZE_KEYS[index]
            button.set_texts(tr(language, f"size.{name}"), tr(language, f"size.{name}.name"),
                             tr(language, "size.desc"))
            button.setChecked(index == size_index)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.blockSignals(False)
        self.contrast_button.set_texts(tr(language, "contrast"), "", tr(language, "contrast.desc"))
