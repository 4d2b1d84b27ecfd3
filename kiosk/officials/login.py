"""The console's login: choose a role, type its passphrase; the first run sets the officials' passphrase.

Authentication runs off the GUI thread (Argon2id takes a moment on purpose)
through ``ballot.officials.authenticate``, which counts failures, locks a role
out after too many and audits every attempt.  The screen says how many
attempts are left, or until when the role is locked; it never says more about
a wrong passphrase.  The passphrase field is cleared the moment it is read.
"""

from __future__ import annotations

import logging

from ballot.officials import Denied, Granted, LockedOut, authenticate, has_passphrase, set_passphrase
from kiosk.i18n import fill, format_date
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import MIN_PASSPHRASE, NewPassphraseForm, password_field, show_problem
from kiosk.officials.widgets import button
from kiosk.qt import QButtonGroup, QEvent, QHBoxLayout, QLocale, QWidget, Signal
from kiosk.widgets import centered_card, label

__all__ = ["ROLES", "ConsoleLogin", "audit_session_event"]

log = logging.getLogger("kiosk.officials")

ROLES = ("official", "attendant")
"""The roles that sign in at the console (trustees authenticate with their own share files)."""


def audit_session_event(context: ConsoleContext, kind: str, role: str) -> None:
    """Record the end of a console session ("logout") in the audit log; a failure is logged, never shown.

    Logins are audited by ``authenticate`` itself.  Locking must work even if
    the database is unreachable, so a failed audit write does not stop it.
    """
    from ballot.audit import record_audit

    if not role:
        return
    try:
        record_audit(context.store, f"auth-{kind}", role=role, at=context.clock())
    except Exception as exc:  # locking the console must never fail
        log.error("console: the %s of %s could not be audited: %s", kind, role, type(exc).__name__)


class ConsoleLogin(QWidget):
    """Role choice, passphrase and Unlock; or, on the first run, the form that sets the officials' passphrase.

    Args:
        context: the console's store, clock and pool.
        parent: the owning widget.

    Signals:
        granted(str): the role whose passphrase was accepted.
    """

    granted = Signal(str)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("LoginScreen")
        card = centered_card(self, margins=(48, 32, 48, 48), spacing=14, hcenter=True)
        top = QHBoxLayout()
        self.heading = label("Title")
        self.language = button("tool")
        top.addWidget(self.heading, 1)
        top.addWidget(self.language)
        card.addLayout(top)
        self.election = label("Muted")
        card.addWidget(self.election)
        self.role_label = label("Heading")
        card.addWidget(self.role_label)
        roles = QHBoxLayout()
        self.role_group = QButtonGroup(self)
        self.role_buttons = {}
        for role in ROLES:
            b = button("chip")
            b.setCheckable(True)
            b.setObjectName(f"Role-{role}")
            self.role_group.addButton(b)
            self.role_buttons[role] = b
            roles.addWidget(b)
        roles.addStretch(1)
        card.addLayout(roles)
        self.hint = label("Muted")
        card.addWidget(self.hint)
        self.passphrase = password_field("")
        self.passphrase.returnPressed.connect(self.unlock)
        card.addWidget(self.passphrase)
        self.first_run = NewPassphraseForm(MIN_PASSPHRASE)
        self.first_run.submitted.connect(self.set_first_passphrase)
        card.addWidget(self.first_run)
        self.message = label("Banner")
        self.message.hide()
        card.addWidget(self.message)
        self.go = button("primary")
        self.go.setObjectName("UnlockButton")
        self.go.clicked.connect(self._go)
        card.addWidget(self.go)
        self.setup_mode = False
        self.role_buttons["official"].setChecked(True)
        for b in self.role_buttons.values():
            b.toggled.connect(self._role_toggled)
        self.retranslate()

    # ----- state

    def role(self) -> str:
        """The role chosen."""
        return next(r for r, b in self.role_buttons.items() if b.isChecked())

    def refresh(self) -> None:
        """Show the login, or the first-run form when the officials have no passphrase yet."""
        election = self.context.election()
        lang = QLocale().name().replace("_", "-")
        self.election.setText("" if election is None else election.title.get(lang if lang in election.languages
                                                                              else election.languages[0]))
        self.election.setVisible(election is not None)
        with self.context.store.read() as session:
            official_set = has_passphrase(session, "official")
            role_set = has_passphrase(session, self.role())
        self.setup_mode = not official_set
        for b in self.role_buttons.values():
            b.setEnabled(official_set)
        if not official_set:
            self.role_buttons["official"].setChecked(True)
        self.first_run.setVisible(self.setup_mode)
        self.passphrase.setVisible(not self.setup_mode)
        self.passphrase.setEnabled(role_set or self.setup_mode)
        self.go.setEnabled(role_set or self.setup_mode)
        self._set_hint(role_set)

    def reset(self) -> None:
        """Forget what was typed and any message (the console was locked)."""
        self.passphrase.clear()
        self.first_run.clear()
        self.message.hide()
        self.refresh()

    def focus_first(self) -> None:
        """Put the keyboard focus where typing starts."""
        (self.first_run.first if self.setup_mode else self.passphrase).setFocus()

    def _role_toggled(self, checked: bool) -> None:
        if checked:
            self.message.hide()
            self.refresh()

    # ----- actions

    def _go(self) -> None:
        if self.setup_mode:
            self.set_first_passphrase()
        else:
            self.unlock()

    def unlock(self) -> None:
        """Check the typed passphrase for the chosen role, off the GUI thread."""
        if self.setup_mode or self.context.busy() or not self.go.isEnabled():
            return
        role, passphrase, store, now = self.role(), self.passphrase.text(), self.context.store, self.context.clock()
        self.passphrase.clear()
        if not passphrase:
            self._say(self.tr("Type the passphrase first."))
            return
        self._busy(True)
        self.context.run(lambda: authenticate(store, role, passphrase, now), self._answered, self._failed, self)

    def set_first_passphrase(self) -> None:
        """Store the officials' first passphrase (typed twice), then ask for it to sign in."""
        if not self.setup_mode or self.context.busy():
            return
        passphrase = self.first_run.take()
        if passphrase is None:
            return
        store = self.context.store

        def store_it() -> None:
            with store.write() as session:
                set_passphrase(session, "official", passphrase)

        self._busy(True)
        self.context.run(store_it, self._first_set, self._failed, self)

    def _first_set(self, _value: object) -> None:
        self._busy(False)
        self.refresh()
        self._say(self.tr("The officials' passphrase is set. Sign in with it now."))
        self.focus_first()

    def _answered(self, result: object) -> None:
        self._busy(False)
        if isinstance(result, Granted):
            self.message.hide()
            self.granted.emit(self.role())
        elif isinstance(result, Denied):
            self._say(self.tr("Wrong passphrase. %n attempt(s) left before this role is locked for a while.", "",
                              result.attempts_left))
            self.focus_first()
        elif isinstance(result, LockedOut):
            when = format_date(result.until.astimezone())
            self._say(fill(self.tr("Too many wrong passphrases: this role is locked until %1."), when))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_problem(self, self.tr("Sign-in did not complete"), exc)

    def _busy(self, busy: bool) -> None:
        self.go.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.go.set_texts(self.tr("Checking…") if busy else self._go_text(), "", "")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.show()

    # ----- texts

    def _go_text(self) -> str:
        return self.tr("Set passphrase") if self.setup_mode else self.tr("Unlock")

    def _set_hint(self, role_set: bool) -> None:
        if self.setup_mode:
            hint = fill(self.tr("First start: choose the officials' passphrase (at least %1 characters). "
                                "Keep it safe: it guards every action of this console."), str(MIN_PASSPHRASE))
        elif not role_set:
            hint = self.tr("No passphrase is set for attendants yet: an official sets it on the Access page.")
        else:
            hint = self.tr("Type the passphrase of this role.")
        self.hint.setText(hint)
        self.go.set_texts(self._go_text(), self._go_text(), hint)

    def retranslate(self) -> None:
        """Set every text in the installed language."""
        self.heading.setText(self.tr("Officials' console"))
        self.role_label.setText(self.tr("Sign in as"))
        names = {"official": self.tr("Official"), "attendant": self.tr("Attendant")}
        descriptions = {"official": self.tr("Sets up and runs the election: every page"),
                        "attendant": self.tr("Checks residents in on the voter roll")}
        for role, b in self.role_buttons.items():
            b.set_texts(names[role], names[role], descriptions[role])
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.first_run.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
