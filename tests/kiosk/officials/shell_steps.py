"""Helpers for the console shell's tests: a real SQLite store, a console window, a signed-in official."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ballot.authority import create_authority
from ballot.manifest import load_manifest
from ballot.officials import set_passphrase
from ballot.samples import sample_manifest
from ballot.storage import Store, save_election
from kiosk.officials.console import OfficialsWindow, build_officials_window
from kiosk.officials.page import ConsolePage
from kiosk.qt import QApplication, QWidget
from kiosk.theme import install_font

os.environ.setdefault("PBVOTE_KDF", "interactive")  # cheap Argon2 for the secrets these tests create

OFFICIAL = "officials passphrase 1"
ATTENDANT = "attendants passphrase 1"
BOARD = "board passphrase for tests"


class Clock:
    """A settable clock (tests move it past a lockout)."""

    def __init__(self, start: datetime = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def empty_store(path: Path) -> Store:
    """A migrated database with nothing in it (the console's very first start)."""
    store = Store(f"sqlite:///{path}")
    store.upgrade()
    return store


def sample_store(path: Path, sample: str = "taipei-daan", *, passphrases: bool = True) -> Store:
    """A database holding a sample election, its ballot-box key and (by default) both roles' passphrases."""
    store = empty_store(path)
    election = load_manifest(sample_manifest(sample))
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, BOARD)
        if passphrases:
            set_passphrase(s, "official", OFFICIAL)
            set_passphrase(s, "attendant", ATTENDANT)
    return store


def open_console(qtbot, store: Store, clock: Clock | None = None, language: str = "en") -> OfficialsWindow:  # type: ignore[no-untyped-def]
    """Build and show the console over ``store``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_font(app)
    window = build_officials_window(store, clock=clock or Clock(), ask=lambda prompt: "", language=language)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def sign_in(qtbot, window: OfficialsWindow, role: str = "official", passphrase: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Choose ``role``, type its passphrase, press Unlock and wait for the answer."""
    login = window.login
    login.role_buttons[role].click()
    login.passphrase.setText(passphrase if passphrase is not None else {"official": OFFICIAL}.get(role, ATTENDANT))
    login.message.hide()
    login.go.click()
    qtbot.waitUntil(lambda: not window.context.busy() and (window.root.currentWidget() is window.body
                                                          or login.message.isVisible()), timeout=20000)


def texts(root: QWidget) -> list[str]:
    """Every text a widget tree shows or says (labels, buttons, fields, cells, accessible names)."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        out += [w.accessibleName(), w.accessibleDescription(), w.toolTip()]
        for attr in ("text", "toPlainText", "placeholderText"):
            fn = getattr(w, attr, None)
            if callable(fn):
                try:
                    value = fn()
                except TypeError:
                    continue
                if isinstance(value, str):
                    out.append(value)
        if hasattr(w, "rowCount") and hasattr(w, "item") and hasattr(w, "columnCount"):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        out.append(item.text())
    return out


def open_page(qtbot, store: Store, name: str, role: str = "official") -> tuple[OfficialsWindow, ConsolePage]:  # type: ignore[no-untyped-def]
    """Open the console over ``store``, sign in as ``role`` and show the page called ``name``."""
    window = open_console(qtbot, store)
    sign_in(qtbot, window, role)
    return window, window.show_page(name)
