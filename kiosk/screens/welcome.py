"""Welcome: the election's title in both languages, language choice, polling dates, start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ballot.manifest_model import short_fingerprint
from kiosk.flow import VoterFlow
from kiosk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, fill, format_date, translate_in
from kiosk.qt import QButtonGroup, QHBoxLayout, QWidget
from kiosk.widgets import KioskButton, centered_card, label
from kiosk.widgets.toolbar import language_texts

CHOOSE_LANGUAGE = QT_TRANSLATE_NOOP("Language", "Choose your language")
"""The prompt above the language buttons, shown in both languages."""


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
        for index, lang in enumerate(LANGUAGES):
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
        self.flow.set_language(LANGUAGES[index])

    def refresh(self) -> None:
        """Show the election in the flow's language (manifest texts) and the installed translation."""
        e, lang = self.flow.election, self.flow.language
        other = "en" if lang == "zh-TW" else "zh-TW"
        self.title.setText(e.title.get(lang))
        self.title_alt.setText(e.title.get(other))
        self.title_alt.setVisible(e.title.get(other) != e.title.get(lang))
        self.description.setText(e.description.get(lang) if e.description else "")
        self.description.setVisible(e.description is not None)
        self.polls.setText(fill(self.tr("Voting is open from %1 to %2"), format_date(e.opens), format_date(e.closes)))
        now = self.clock()
        if now < e.opens:
            self.status.setText(self.tr("Voting has not opened yet"))
        elif now >= e.closes:
            self.status.setText(self.tr("Voting has closed"))
        else:
            self.status.setText(self.tr("Voting is open now"))
        self.choose.setText(" · ".join(translate_in(code, "Language", CHOOSE_LANGUAGE) for code in (lang, other)))
        for code, button in self.language_buttons.items():
            name, description = language_texts(code)
            button.set_texts(name, name, description)
            button.setChecked(code == lang)
        self.start_button.set_texts(self.tr("Start voting"), "", self.tr("Begins the ballot in the language shown"))
        self.fingerprint.setText(fill(self.tr("Election fingerprint %1"), short_fingerprint(e.fingerprint)))

    def focus_first(self) -> None:
        """Put keyboard focus on the start button."""
        self.start_button.setFocus()
