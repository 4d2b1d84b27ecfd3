"""The officials' console window (``pbvote-kiosk --officials``): login, then a header, a navigation list and pages.

The window opens on the login screen.  A granted login builds the pages the
role may see (``PAGES``, filtered by each page's ``roles``) and shows them
beside a navigation list, under a header naming the election, its fingerprint,
the polls' state and the role.  "Lock" deletes every page (no typed value, file
choice or result outlives the session) and returns to the login; switching
role is a lock and a new login.  The resident's kiosk window has no way here:
this window is built only by ``--officials``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from ballot.board import current_head
from ballot.manifest_model import short_fingerprint
from ballot.storage import Store
from kiosk.i18n import LANGUAGES, Translations, fill
from kiosk.officials.context import Ask, Clock, ConsoleContext, ConsoleEvents
from kiosk.officials.dialogs import ask_passphrase, explain
from kiosk.officials.login import ConsoleLogin, audit_session_event
from kiosk.officials.page import ConsolePage
from kiosk.officials.pages import PAGES
from kiosk.officials.style import console_stylesheet
from kiosk.officials.widgets import StatusChip, button
from kiosk.ops import kiosk_pool
from kiosk.qt import (
    QApplication,
    QCloseEvent,
    QEvent,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from kiosk.widgets import label

__all__ = ["OfficialsWindow", "build_officials_window"]

log = logging.getLogger("kiosk.officials")

_POLLS_CHIP = {"before": "off", "open": "ok", "closed": "warn"}


class ConsoleHeader(QFrame):
    """The bar above the pages: election title, fingerprint, polls chip, role chip, language and Lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConsoleHeader")
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 10, 16, 10)
        row.setSpacing(14)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = label("ConsoleTitle", wrap=False)
        self.fingerprint = label("Fingerprint", wrap=False)
        titles.addWidget(self.title)
        titles.addWidget(self.fingerprint)
        row.addLayout(titles, 1)
        self.polls = StatusChip()
        self.role = StatusChip()
        row.addWidget(self.polls)
        row.addWidget(self.role)
        self.language = button("tool")
        self.lock = button("primary")
        self.lock.setObjectName("LockButton")
        row.addWidget(self.language)
        row.addWidget(self.lock)


class OfficialsWindow(QMainWindow):
    """The console: the login screen, or the header, navigation and pages of the authenticated role.

    Args:
        context: the store, clock, pool and news the pages share.
        language: the language to open in ("en" or "zh-TW").
    """

    def __init__(self, context: ConsoleContext, language: str = "en") -> None:
        super().__init__()
        self.context = context
        self.translations = Translations.of(QApplication.instance())
        self.pages: list[ConsolePage] = []
        self.root = QStackedWidget()
        self.root.setObjectName("Root")
        self.setCentralWidget(self.root)
        self.login = ConsoleLogin(context)
        self.login.granted.connect(self._granted)
        self.login.language.clicked.connect(self.toggle_language)
        self.root.addWidget(self.login)
        self.body = QWidget()
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.header = ConsoleHeader()
        self.header.lock.clicked.connect(self.lock)
        self.header.language.clicked.connect(self.toggle_language)
        column.addWidget(self.header)
        row = QHBoxLayout()
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.setFixedWidth(240)
        self.nav.currentRowChanged.connect(self._show_page)
        self.stack = QStackedWidget()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.root.addWidget(self.body)
        self.setStyleSheet(console_stylesheet())
        context.events.changed.connect(self._refresh_header)
        self.translations.use(language)
        self._retranslate()
        self.root.setCurrentWidget(self.login)
        self.login.refresh()

    # ----- roles and pages

    def _granted(self, role: str) -> None:
        """Build the pages ``role`` may see and show the first one."""
        self.context.role = role
        for page_class in PAGES:
            if role in page_class.roles:
                page = page_class(self.context)
                self.pages.append(page)
                self.stack.addWidget(_scrolled(page))
                item = QListWidgetItem(page.title())
                self.nav.addItem(item)
        self.header.language.setVisible(True)
        self._retranslate()
        self._refresh_header()
        self.root.setCurrentWidget(self.body)
        self.context.events.role_changed.emit(role)
        if self.pages:
            self.nav.setCurrentRow(0)
            self.nav.setFocus()

    def lock(self) -> None:
        """Delete every page and return to the login screen (refused while an action still runs)."""
        if not self.pages and self.root.currentWidget() is self.login:
            return
        if self.context.busy():
            explain(self, self.tr("Still working"),
                    self.tr("An action is still running. Lock the console when it has finished."))
            return
        role = self.context.role
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        while (holder := self.stack.widget(0)) is not None:
            self.stack.removeWidget(holder)
            holder.deleteLater()
        self.pages = []
        self.context.role = ""
        audit_session_event(self.context, "logout", role)
        self.context.events.role_changed.emit("")
        self.login.reset()
        self.root.setCurrentWidget(self.login)
        self.login.focus_first()

    def page(self, object_name: str) -> ConsolePage | None:
        """The page of the current session called ``object_name`` (None when the role does not see it)."""
        return next((p for p in self.pages if p.objectName() == object_name), None)

    def show_page(self, object_name: str) -> ConsolePage:
        """Switch to the page called ``object_name``.

        Raises:
            KeyError: the current role does not see that page.
        """
        for row, page in enumerate(self.pages):
            if page.objectName() == object_name:
                self.nav.setCurrentRow(row)
                return page
        raise KeyError(object_name)

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].refresh()

    # ----- header and language

    def _refresh_header(self) -> None:
        election = self.context.election()
        lang = self.translations.language or "en"
        if election is None:
            self.header.title.setText(self.tr("No election set up yet"))
            self.header.fingerprint.setText(self.tr("Load a manifest on the Setup page"))
            self.header.polls.set_state(self.tr("Polls: not set up"), "off")
        else:
            self.header.title.setText(election.title.get(lang))
            self.header.fingerprint.setText(fill(self.tr("Fingerprint %1"), short_fingerprint(election.fingerprint)))
            with self.context.store.read() as session:
                _head, state = current_head(session, election.fingerprint)
            text = {"before": self.tr("Polls: not open yet"), "open": self.tr("Polls: open"),
                    "closed": self.tr("Polls: closed")}.get(state, state)
            self.header.polls.set_state(text, _POLLS_CHIP.get(state, "off"))
        self.header.title.setAccessibleName(self.header.title.text())
        self.header.fingerprint.setAccessibleName(self.header.fingerprint.text())
        role = {"official": self.tr("Official"), "attendant": self.tr("Attendant")}.get(self.context.role, "")
        self.header.role.set_state(fill(self.tr("Signed in: %1"), role), "ok")

    def toggle_language(self) -> None:
        """Switch between the console's two languages."""
        current = self.translations.language or "en"
        self.translations.use(LANGUAGES[(LANGUAGES.index(current) + 1) % len(LANGUAGES)])

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("pbvote: officials' console"))
        other = "en" if self.translations.language == "zh-TW" else "zh-TW"
        name = {"en": "English", "zh-TW": "中文"}[other]
        for b in (self.header.language, self.login.language):
            b.set_texts(name, name, self.tr("Show the console in this language"))
        self.header.lock.set_texts(self.tr("Lock"), self.tr("Lock the console"),
                                   self.tr("Sign out and return to the login; switching role needs a new login"))
        self.nav.setAccessibleName(self.tr("Console pages"))
        for row, page in enumerate(self.pages):
            item = self.nav.item(row)
            if item is not None:
                item.setText(page.title())
        if self.root.currentWidget() is self.body:
            self._refresh_header()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate the window's own texts when the language changes (pages do theirs)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close like a Lock: the session's pages go first (and the logout is audited)."""
        if self.pages:
            self.lock()
        if self.context.busy():
            event.ignore()
            return
        super().closeEvent(event)


def _scrolled(page: ConsolePage) -> QScrollArea:
    """The page in a scroll area: a long page scrolls on a small screen instead of growing the window."""
    holder = QScrollArea()
    holder.setObjectName("PageScroll")
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setWidget(page)
    return holder


def _utc_now() -> datetime:
    return datetime.now(UTC)


def build_officials_window(store: Store, *, clock: Clock | None = None, ask: Ask | None = None,
                           language: str = "en") -> OfficialsWindow:
    """Build the officials' console over ``store`` (a QApplication must exist).

    Args:
        store: the election's database (migrated to the current schema here).
        clock: the current time, timezone-aware (default: the system clock, UTC).
        ask: asks for an existing passphrase with a prompt (default: a modal password dialog).
        language: the language the console opens in.

    Raises:
        StorageError: the database cannot be opened or migrated.
        MissingCatalogue: a compiled translation is missing (a broken install).
    """
    store.upgrade()
    app = QApplication.instance()
    assert app is not None
    context = ConsoleContext(store, clock or _utc_now, kiosk_pool(app), ConsoleEvents(app))
    window = OfficialsWindow(context, language)
    context.ask = ask or _dialog_asker(window)
    return window


def _dialog_asker(window: QWidget) -> Callable[[str], str]:
    def ask(prompt: str) -> str:
        return ask_passphrase(window, prompt)

    return ask
