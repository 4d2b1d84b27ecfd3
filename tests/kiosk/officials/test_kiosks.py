"""Kiosks page: register (key file sealed, public key registered), the table's counts, revoke after confirming."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.audit import key_fingerprint, read_audit_log
from ballot.box import Accepted
from ballot.kiosk_key import read_kiosk_key
from ballot.officials import set_passphrase
from ballot.registry import kiosks
from ballot.storage import load_election
from kiosk.officials.pages.kiosks import KiosksPage
from kiosk.qt import QApplication, QMessageBox, QTimer
from tests.ballot.box_setup import prepare_election
from tests.kiosk.officials.shell_steps import OFFICIAL, open_page, sample_store

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _page(qtbot, store) -> tuple[object, KiosksPage]:  # type: ignore[no-untyped-def]
    window, page = open_page(qtbot, store, "kiosks")
    assert isinstance(page, KiosksPage)
    return window, page


def _answer(text: str) -> None:
    """Click the button saying ``text`` on the next modal message box (as an official would)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(0, click)


def test_register_writes_a_sealed_key_file_and_lists_the_kiosk(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = sample_store(tmp_path / "e.db")
    window, page = _page(qtbot, store)
    key_file = tmp_path / "library-1.key"
    page.name.setText("library-1")
    page.key_file.edit.setText(str(key_file))
    page.passphrase.first.setText("kiosk passphrase 1")
    page.passphrase.second.setText("kiosk passphrase 2")
    page.register_button.click()
    assert "The two entries differ; please type them again." == page.passphrase.problem.text()
    assert not key_file.exists()
    page.passphrase.first.setText("kiosk passphrase 1")
    page.passphrase.second.setText("kiosk passphrase 1")
    page.register_button.click()
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=20000)
    with store.read() as s:
        fingerprint = load_election(s).fingerprint
        registered = kiosks(s)
        assert "kiosk-register" in [e.event for e in read_audit_log(s)]
    kiosk = read_kiosk_key(key_file, "kiosk passphrase 1", fingerprint)
    assert [("library-1", kiosk.key.public_key)] == [(k.name, k.public_key) for k in registered]
    assert 0o600 == key_file.stat().st_mode & 0o777
    grouped = "-".join(key_fingerprint(kiosk.key.public_key)[i:i + 4] for i in range(0, 16, 4))
    row = [page.table.item(0, c).text() for c in range(4)]
    assert ["library-1", grouped, "registered", "0"] == row


def test_revoke_after_confirming_and_ballots_counted_per_kiosk(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready = prepare_election(f"sqlite:///{tmp_path / 'e.db'}", 3)
    box = ready.box()
    for code in ready.codes[:2]:
        assert isinstance(box.cast(ready.ballot(code, kiosk=True).to_bytes()), Accepted)
    with ready.store.write() as s:
        set_passphrase(s, "official", OFFICIAL)
    window, page = _page(qtbot, ready.store)
    assert ["kiosk-1", "registered", "2"] == [page.table.item(0, c).text() for c in (0, 2, 3)]
    page.table.selectRow(0)
    _answer("Cancel")
    page.revoke_button.click()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=20000)
    with ready.store.read() as s:
        assert kiosks(s)[0].revoked_at is None
    _answer("Revoke kiosk")
    page.revoke_button.click()
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=20000)
    with ready.store.read() as s:
        height = kiosks(s)[0].revoked_at
        assert height is not None and "kiosk-revoke" in [e.event for e in read_audit_log(s)]
    assert f"revoked at board entry {height}" == page.table.item(0, 2).text()
