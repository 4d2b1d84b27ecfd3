"""The bar at the top of every screen: language, text size (A / A+ / A++), high contrast, start over."""

from __future__ import annotations

from kiosk.i18n import QT_TRANSLATE_NOOP, translate_in
from kiosk.qt import QButtonGroup, QFrame, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget, Signal
from kiosk.widgets.basics import ElidedLabel, KioskButton

LANGUAGE_NAMES = {
    "zh-TW": QT_TRANSLATE_NOOP("Language", "Traditional Chinese"),
    "en": QT_TRANSLATE_NOOP("Language", "English"),
}
"""Each language's name; shown translated into that language itself (繁體中文, English)."""

LANGUAGE_DESCRIPTIONS = {
    "zh-TW": QT_TRANSLATE_NOOP("Language", "Show the ballot in Traditional Chinese"),
    "en": QT_TRANSLATE_NOOP("Language", "Show the ballot in English"),
}
"""What choosing a language does; said in that language."""


def language_texts(language: str) -> tuple[str, str]:
    """Return a language's own name and description, both in that language (for its button)."""
    return (translate_in(language, "Language", LANGUAGE_NAMES[language]),
            translate_in(language, "Language", LANGUAGE_DESCRIPTIONS[language]))


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
        for index in range(3):
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
        """Show the texts in the installed language and the current display settings.

        Args:
            language: the language shown; the language button offers the other one, in its own words.
            title: the election's title in ``language``.
            size_index: the text size chosen (0, 1, 2).
            high_contrast: whether high contrast is on.
            on_welcome: hide "start over" on the welcome screen (there is nothing to clear).
        """
        self.title.set_full_text(title)
        self.start_over_button.set_texts(self.tr("Start over"), "",
                                         self.tr("Clears every choice and returns to the first screen"))
        self.start_over_button.setVisible(not on_welcome)
        other = "en" if language == "zh-TW" else "zh-TW"
        name, description = language_texts(other)
        self.language_button.set_texts(name, name, description)
        sizes = (
            (self.tr("A"), self.tr("Normal text size")),
            (self.tr("A+"), self.tr("Large text size")),
            (self.tr("A++"), self.tr("Largest text size")),
        )
        for index, (button, (text, size_name)) in enumerate(zip(self.size_buttons, sizes, strict=True)):
            button.set_texts(text, size_name, self.tr("Changes the size of all text on the screen"))
            button.setChecked(index == size_index)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.blockSignals(False)
        self.contrast_button.set_texts(self.tr("High contrast"), "",
                                       self.tr("Switches to white text on black for easier reading"))


def top_bar_over_stack(window: QMainWindow) -> tuple[TopBar, QStackedWidget]:
    """Give ``window`` its central widget: the top bar over a stack of screens (the kiosk's and observer's frame).

    The caller connects the bar's signals to its own flow and fills the stack.

    Returns:
        (the top bar, the stack of screens).
    """
    root = QWidget()
    root.setObjectName("Root")
    col = QVBoxLayout(root)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(0)
    top_bar = TopBar()
    col.addWidget(top_bar)
    stack = QStackedWidget()
    col.addWidget(stack, 1)
    window.setCentralWidget(root)
    return top_bar, stack
