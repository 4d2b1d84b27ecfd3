"""A calm "not available in this build yet" screen for --officials, --observer and --server."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.qt import QApplication, Qt, QWidget
from kiosk.widgets import KioskButton, centered_card, label


class UnavailableScreen(QWidget):
    """Explains, in both languages, that a mode is not in this build.

    Args:
        message_id: the catalogue id of the explanation.
        values: numbers or names the message needs.
    """

    def __init__(self, message_id: str, values: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = centered_card(self, margins=(120, 60, 120, 60), spacing=14)
        for lang in ("zh-TW", "en"):
            col.addWidget(label("Heading", tr(lang, "unavailable.title")))
            col.addWidget(label("Muted", tr(lang, message_id, **(values or {}))))
            col.addSpacing(10)
        self.quit_button = KioskButton("primary")
        self.quit_button.set_texts(f"{tr('zh-TW', 'unavailable.quit')} · {tr('en', 'unavailable.quit')}",
                                   f"{tr('en', 'unavailable.quit')} {tr('zh-TW', 'unavailable.quit')}",
                                   tr("en", "unavailable.quit.desc"))
        self.quit_button.clicked.connect(self._quit)
        col.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _quit(self) -> None:
        QApplication.closeAllWindows()

    def refresh(self) -> None:
        """Nothing changes: both languages are always shown."""

    def focus_first(self) -> None:
        """Put keyboard focus on the close button."""
        self.quit_button.setFocus()
