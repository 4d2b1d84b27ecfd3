"""The console's login: first-run passphrase, wrong passphrases counted down, lockout and its end, audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from tests.kiosk.officials.shell_steps import OFFICIAL, Clock, empty_store, open_console, sample_store, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_first_start_sets_the_officials_passphrase_then_signs_in(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_console(qtbot, empty_store(tmp_path / "e.db"))
    login = window.login
    assert login.setup_mode and login.first_run.isVisible() and not login.passphrase.isVisible()
    assert not login.role_buttons["attendant"].isEnabled()
    login.first_run.first.setText("short")
    login.first_run.second.setText("short")
    login.go.click()
    assert "The passphrase needs at least 10 characters." == login.first_run.problem.text()
    login.first_run.first.setText(OFFICIAL)
    login.first_run.second.setText(OFFICIAL + "x")
    login.go.click()
    assert "The two entries differ; please type them again." == login.first_run.problem.text()
    login.first_run.first.setText(OFFICIAL)
    login.first_run.second.setText(OFFICIAL)
    login.go.click()
    qtbot.waitUntil(lambda: not login.setup_mode, timeout=20000)
    assert "" == login.first_run.first.text() and login.passphrase.isVisible()
    assert "The officials' passphrase is set. Sign in with it now." == login.message.text()
    sign_in(qtbot, window)
    assert window.body is window.root.currentWidget()
    assert "official" == window.context.role


def test_wrong_passphrases_count_down_then_lock_until_the_clock_passes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    store = sample_store(tmp_path / "e.db")
    window = open_console(qtbot, store, clock)
    sign_in(qtbot, window, passphrase="not the passphrase")
    assert window.login is window.root.currentWidget()
    assert "Wrong passphrase. 4 attempts left before this role is locked for a while." == window.login.message.text()
    assert "" == window.login.passphrase.text()
    for _ in range(4):
        sign_in(qtbot, window, passphrase="still wrong")
    assert "Too many wrong passphrases: this role is locked until 1 March 2027" in window.login.message.text()
    sign_in(qtbot, window)  # the right one does not open a locked role
    assert window.login is window.root.currentWidget()
    assert window.login.message.text().startswith("Too many wrong passphrases")
    clock.advance(minutes=6)
    sign_in(qtbot, window)
    assert window.body is window.root.currentWidget()
    with store.read() as s:
        log = [(e.event, e.disposition) for e in read_audit_log(s)]
    assert 5 == log.count(("auth-login", "failure")) - 1  # the attempt while locked is refused too
    assert ("auth-lockout", "success") in log and ("auth-login", "success") == log[-1]


def test_lock_returns_to_the_login_deletes_the_pages_and_audits_the_logout(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = sample_store(tmp_path / "e.db")
    window = open_console(qtbot, store)
    sign_in(qtbot, window)
    pages = list(window.pages)
    window.header.lock.click()
    assert window.login is window.root.currentWidget() and [] == window.pages and 0 == window.nav.count()
    assert "" == window.context.role and all(p.parent() is None or not p.isVisible() for p in pages)
    with store.read() as s:
        assert "auth-logout" == read_audit_log(s)[-1].event
