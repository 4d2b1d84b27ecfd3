"""Check-in page (attendants): open the roll key, check residents in; Access page: officials set the attendants' passphrase."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.officials import set_passphrase
from ballot.polls import open_polls
from ballot.roll import count_roll, import_roll, new_roll_key, read_roll_csv, write_roll_key
from ballot.samples import ROLL_SAMPLE, sample_roll
from kiosk.officials.pages.access import AccessPage
from kiosk.officials.pages.checkin import CheckInPage
from tests.ballot.box_setup import prepare_election
from tests.kiosk.officials.shell_steps import ATTENDANT, OFFICIAL, empty_store, open_console, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_attendant_opens_the_roll_key_and_checks_residents_in_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready = prepare_election(f"sqlite:///{tmp_path / 'r.db'}", 1, sample=ROLL_SAMPLE, open_now=False)
    roll_key = new_roll_key(ready.election.fingerprint)
    with ready.store.write() as s:
        import_roll(s, roll_key, read_roll_csv(sample_roll()))
        set_passphrase(s, "attendant", ATTENDANT)
        set_passphrase(s, "official", OFFICIAL)
    with ready.store.write() as s:
        open_polls(s, ready.box().board_key)
    write_roll_key(tmp_path / "roll.key", roll_key, "roll passphrase")
    with Path(sample_roll()).open(encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))
    window = open_console(qtbot, ready.store)
    sign_in(qtbot, window, "attendant")
    assert "checkin" in [p.objectName() for p in window.pages] and window.page("setup") is None
    page = window.show_page("checkin")
    assert isinstance(page, CheckInPage) and page.key_section.isVisible() and not page.resident.isVisible()
    page.key_file.edit.setText(str(tmp_path / "roll.key"))
    page.key_passphrase.setText("roll passphrase")
    page.open_button.click()
    qtbot.waitUntil(lambda: page.roll_key is not None, timeout=20000)
    assert page.resident.isVisible() and "" == page.key_passphrase.text()
    answers = []
    for _ in range(2):
        page.id_number.setText(first["id"])
        page.birth_date.setText(first["birth_date"])
        page.check_button.click()
        qtbot.waitUntil(lambda: not window.context.busy(), timeout=20000)
        answers.append(page.answer.text.text())
        assert "" == page.id_number.text()
    assert ["Checked in: the resident may vote now.",
            "Already checked in: this resident has voted (or checked in) before."] == answers
    with ready.store.read() as s:
        assert 1 == count_roll(s)[1]
        assert not [e for e in read_audit_log(s) if e.event.startswith("roll-check")]


def test_official_sets_the_attendants_passphrase_then_an_attendant_signs_in(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = empty_store(tmp_path / "e.db")
    with store.write() as s:
        set_passphrase(s, "official", OFFICIAL)
    window = open_console(qtbot, store)
    window.login.role_buttons["attendant"].click()
    assert not window.login.go.isEnabled()
    assert "an official sets it on the Access page" in window.login.hint.text()
    window.login.role_buttons["official"].click()
    sign_in(qtbot, window)
    page = window.show_page("access")
    assert isinstance(page, AccessPage)
    page.forms["attendant"].first.setText(ATTENDANT)
    page.forms["attendant"].second.setText(ATTENDANT)
    page.buttons["attendant"].click()
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=20000)
    assert "Attendants can sign in" == page.states["attendant"].text()
    window.header.lock.click()
    sign_in(qtbot, window, "attendant")
    assert "attendant" == window.context.role
    with store.read() as s:
        assert ("auth-passphrase-set", "attendant") in [(e.event, e.details.get("subject")) for e in read_audit_log(s)]
