"""A whole voter-roll session through ``pbvote-kiosk --roll-key``: attendant check-in, ballot, cast, receipt, welcome."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ballot.kiosk_key import KioskKey, write_kiosk_key
from ballot.polls import open_polls
from ballot.roll import count_roll, import_roll, new_roll_key, read_roll_csv, write_roll_key
from ballot.samples import ROLL_SAMPLE, sample_roll
from kiosk.app import parse_args, run
from kiosk.flow import State
from kiosk.qt import Qt
from kiosk.window import KioskWindow
from tests.ballot.box_setup import BOARD_PASSPHRASE, Ready, prepare_election
from tests.kiosk.test_casting import assert_on_board

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def roll_kiosk(tmp_path: Path, monkeypatch) -> Iterator[tuple[Ready, list[str]]]:  # type: ignore[no-untyped-def]
    """The bundled roll sample in a fresh store, its roll imported, key files sealed: the kiosk's argv."""
    url = f"sqlite:///{tmp_path / 'roll.sqlite3'}"
    ready = prepare_election(url, 1, sample=ROLL_SAMPLE, open_now=False)  # (one unused code: the helper issues some)
    assert ready.election.eligibility == "roll"
    roll_key = new_roll_key(ready.election.fingerprint)
    with ready.store.write() as s:
        assert 20 == import_roll(s, roll_key, read_roll_csv(sample_roll()))  # before the polls open, as officials do
    with ready.store.write() as s:
        open_polls(s, ready.box().board_key)
    write_roll_key(tmp_path / "roll.key", roll_key, "roll pass")
    write_kiosk_key(tmp_path / "kiosk.key", KioskKey(ready.election.fingerprint, "kiosk-1", ready.kiosk_key),
                    "kiosk pass")
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", BOARD_PASSPHRASE)
    monkeypatch.setenv("PBVOTE_PASSPHRASE", "kiosk pass")
    monkeypatch.setenv("PBVOTE_ROLL_PASSPHRASE", "roll pass")
    yield ready, ["--db", url, "--kiosk-key", str(tmp_path / "kiosk.key"), "--roll-key", str(tmp_path / "roll.key")]
    ready.store.close()


def check_in(qtbot, w: KioskWindow, id_number: str, birth: str) -> None:  # type: ignore[no-untyped-def]
    """What the attendant does: start, type the ID number and the birth date, Enter."""
    qtbot.mouseClick(w.welcome.start_button, LEFT)
    assert w.flow.state is State.CHECKIN
    qtbot.keyClicks(w.checkin.id_entry, id_number)
    qtbot.keyClick(w.checkin.id_entry, Qt.Key.Key_Return)
    w.checkin.birth_entry.setCursorPosition(0)
    qtbot.keyClicks(w.checkin.birth_entry, birth.replace("-", ""))
    assert birth == w.checkin.birth_entry.text()
    qtbot.keyClick(w.checkin.birth_entry, Qt.Key.Key_Return)


def test_check_in_vote_and_the_same_person_is_refused_next_time(qtbot, roll_kiosk) -> None:  # type: ignore[no-untyped-def]
    ready, argv = roll_kiosk
    id_number, birth = read_roll_csv(sample_roll())[3]
    code, window = run(parse_args(argv), present_error=pytest.fail, exec_loop=False)
    assert code == 0 and isinstance(window, KioskWindow) and window.controller is not None
    qtbot.addWidget(window)
    w = window
    assert w.controller is not None and w.controller.service.roll_key is not None
    w.flow.set_language("en")
    check_in(qtbot, w, id_number.lower(), birth)  # the roll is case-blind
    qtbot.waitUntil(lambda: w.flow.state is State.BALLOT, timeout=10_000)  # one assigned district: no choice
    for card in list(w.ballot.cards.values())[:2]:
        assert card.pick_button is not None
        qtbot.mouseClick(card.pick_button, LEFT)
    qtbot.mouseClick(w.ballot.review_button, LEFT)
    qtbot.mouseClick(w.review.continue_button, LEFT)
    qtbot.waitUntil(lambda: w.flow.state is State.CHOICE, timeout=10_000)
    qtbot.mouseClick(w.cast.cast_button, LEFT)
    qtbot.waitUntil(lambda: w.flow.state is State.RECEIPT, timeout=10_000)
    receipt = w.flow.receipt
    assert receipt is not None and receipt.tracking_code.short == w.receipt.code.text()
    assert_on_board(ready, receipt)
    with ready.store.read() as s:
        assert (20, 1) == count_roll(s)  # entries, check-ins
    qtbot.mouseClick(w.receipt.done_button, LEFT)
    assert w.flow.state is State.WELCOME and w.flow.at_rest
    w.flow.set_language("en")
    check_in(qtbot, w, id_number, birth)
    qtbot.waitUntil(lambda: w.flow.refusal is not None, timeout=10_000)
    assert w.flow.state is State.CHECKIN and w.flow.refusal == "checked_in" and w.flow.credential is None
    assert w.checkin.problem.isVisible() and w.checkin.problem.text()
    check_in_again = w.checkin.problem.text()
    w.flow.reset()
    check_in(qtbot, w, "Z999999999", "1970-01-01")
    qtbot.waitUntil(lambda: w.flow.refusal == "not_on_roll", timeout=10_000)
    assert w.checkin.problem.text() != check_in_again  # each refusal has its own words
    with ready.store.read() as s:
        assert (20, 1) == count_roll(s)


def test_a_roll_election_without_its_key_is_a_calm_start_up_error(roll_kiosk) -> None:  # type: ignore[no-untyped-def]
    _ready, argv = roll_kiosk
    messages: list[str] = []
    code, window = run(parse_args(argv[:4]), present_error=messages.append, exec_loop=False)
    assert (code, window) == (1, None) and "--roll-key FILE" in messages[0]
