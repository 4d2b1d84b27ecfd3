"""Welcome: the election's title in both languages, language choice, polling dates, start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ballot.manifest_model import short_fingerprint
from kiosk.flow import VoterFlow
from kiosk.i18n import tr
from kiosk.i18n.catalog import format_date
from kiosk.qt import QButtonGroup, QHBoxLayout, QWidget
from kiosk.widgets import KioskButton, centered_card, label


class WelcomeScreen(QWidget):
    """The locked, resting screen every session starts from and returns to.

    Args:
        flow: the voter flow.
        clock: returns the current time (polls status).
    """

    def __init__(self, flow: VoterFlow, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.clock = clock
        col = centered_card(self, margins=(80, 40, 80, 40), spacing=14, hcenter=True)
        self.title = label("Title")
        self.title_alt = label("TitleAlt")
        self.description = label("Muted")
        self.polls = label("Status")
        self.status = label("Muted")
        for w in (self.title, self.title_alt, self.description, self.polls, self.status):
            col.addWidget(w)
        col.addSpacing(18)
        self.choose = label("Heading")
        col.addWidget(self.choose)
        langs = QHBoxLayout()
        langs.setSpacing(16)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, KioskButton] = {}
        for index, lang in enumerate(("zh-TW", "en")):
            button = KioskButton("big", checkable=True)
            self.language_group.addButton(button, index)
            self.language_buttons[lang] = button
            langs.addWidget(button)
        self.language_group.idClicked.connect(self._language_clicked)
        langs.addStretch(1)
        self.start_button = KioskButton("primary")
        self.start_button.setObjectName("StartButton")
        self.start_button.clicked.connect(self.flow.start)
        langs.addWidget(self.start_button)
        col.addLayout(langs)
        col.addSpacing(8)
        self.fingerprint = label("Small")
        col.addWidget(self.fingerprint)

    def _language_clicked(self, index: int) -> None:
        self.flow.set_language(("zh-TW", "en")[index])

    def refresh(self) -> None:
        """Show the election in the flow's language."""
        e, lang = self.flow.election, self.flow.language
        other = "en" if lang == "zh-TW" else "zh-TW"
        self.title.setText(e.title.get(lang))
        self.title_alt.setText(e.title.get(other))
        self.title_alt.setVisible(e.title.get(other) != e.title.get(lang))
        self.description.setText(e.description.get(lang) if e.description else "")
        self.description.setVisible(e.description is not None)
        self.polls.setText(tr(lang, "welcome.polls", opens=format_date(lang, e.opens),
                              closes=format_date(lang, e.closes)))
        now = self.clock()
        key = "before" if now < e.opens else "after" if now >= e.closes else "open"
        self.status.setText(tr(lang, f"welcome.status.{key}"))
        self.choose.setText(tr(lang, "lang.choose"))
        for code, button in self.language_buttons.items():
            key = "lang.zh" if code == "zh-TW" else "lang.en"
            button.set_texts(tr(code, key), tr(code, key), tr(code, f"{key}.desc"))
            button.setChecked(code == lang)
        self.start_button.set_texts(tr(lang, "welcome.start"), "", tr(lang, "welcome.start.desc"))
        self.fingerprint.setText(tr(lang, "welcome.fingerprint", fp=short_fingerprint(e.fingerprint)))

    def focus_first(self) -> None:
        """Put keyboard focus on the start button."""
        self.start_button.setFocus()
