"""After a forged receipt or a ballot box of another election, the kiosk locks until an attendant unlocks it."""

from __future__ import annotations

import pytest

from ballot.box import CastResult
from ballot.officials import set_passphrase
from ballot.remote import RemoteBallotBox
from ballot.service.errors import ElectionMismatch, ForgedReceipt
from kiosk.flow import State
from kiosk.ops import VotingService
from kiosk.qt import QApplication, Qt
from tests.kiosk.test_casting import voting, wait_state  # noqa: F401  (voting: the fixture)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ATTENDANT = "attendant pass 2027"
LEFT = Qt.MouseButton.LeftButton


class Forged(VotingService):
    """A ballot box whose receipt does not verify (at home, the remote box raises this)."""

    def cast(self, data: bytes) -> CastResult:
        raise ForgedReceipt("the receipt's signature does not verify with this election's ballot-box key")


class OtherElection(VotingService):
    def spoil(self, prepared: object) -> object:  # type: ignore[override]
        raise ElectionMismatch("the server serves election 1234-...")


def to_choice(qtbot, w, code: str) -> None:  # type: ignore[no-untyped-def]
    w.flow.set_language("en")
    w.flow.start()
    w.controller.submit_code(code)
    wait_state(qtbot, w, State.BALLOT)
    w.flow.add_point(next(iter(w.ballot.cards)))
    w.flow.review()
    w.controller.encrypt()
    wait_state(qtbot, w, State.CHOICE)


def type_passphrase(qtbot, w, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(w.lock_screen.entry, text)
    qtbot.keyClick(w.lock_screen.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.lock_screen.answer != "checking", timeout=10_000)


def test_forged_receipt_locks_until_the_attendant_passphrase(voting, qtbot) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    w, ready = voting("school-points", service_type=Forged)
    with ready.store.write() as s:
        set_passphrase(s, "attendant", ATTENDANT)
    to_choice(qtbot, w, ready.codes[0])
    qtbot.mouseClick(w.cast.cast_button, LEFT)
    qtbot.waitUntil(w.error_notice.isVisible, timeout=10_000)
    assert w.stopped and not w.centralWidget().isEnabled()  # nothing under the notice works any more
    qtbot.mouseClick(w.error_notice.back_button, LEFT)
    assert w.lock_screen.locked and w.flow.at_rest and w.flow.state is State.WELCOME
    assert QApplication.focusWidget() is w.lock_screen.entry
    assert "這台投票機已停止" == w.lock_screen.heading.text()  # the session ended: the default language
    w.flow.reset()  # "start over" or the idle timeout does not unlock it
    assert w.lock_screen.locked and not w.welcome.start_button.isEnabled()
    type_passphrase(qtbot, w, "not the passphrase")
    assert w.lock_screen.locked and w.lock_screen.answer == "denied"
    assert "通行密語不正確。" == w.lock_screen.status.text() and "" == w.lock_screen.entry.text()
    w.flow.set_language("en")
    assert "This kiosk is stopped" == w.lock_screen.heading.text()
    assert "That passphrase is not right." == w.lock_screen.status.text()
    type_passphrase(qtbot, w, ATTENDANT)
    assert not w.lock_screen.locked and not w.stopped and w.centralWidget().isEnabled()
    assert w.flow.at_rest and QApplication.focusWidget() is w.welcome.start_button
    to_choice(qtbot, w, ready.codes[1])  # the kiosk works again (and stops again on the same forged answer)


def test_a_mismatch_while_checking_also_locks_and_the_timeout_does_not_free_it(voting, qtbot) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    w, ready = voting("school-points", service_type=OtherElection, idle_seconds=0.2, warning_seconds=0.2)
    to_choice(qtbot, w, ready.codes[0])
    qtbot.mouseClick(w.cast.check_button, LEFT)
    qtbot.waitUntil(w.error_notice.isVisible, timeout=10_000)
    qtbot.waitUntil(lambda: w.lock_screen.locked, timeout=10_000)  # nobody read it: the timeout cleared it
    assert w.flow.at_rest and not w.error_notice.isVisible() and not w.centralWidget().isEnabled()
    type_passphrase(qtbot, w, ATTENDANT)
    assert w.lock_screen.locked and w.lock_screen.answer == "unset"  # no attendant passphrase in this election
    assert "重新啟動" in w.lock_screen.status.text()


def test_at_home_the_lock_only_says_to_contact_the_officials(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = VotingService.__new__(VotingService)
    object.__setattr__(service, "box", RemoteBallotBox.__new__(RemoteBallotBox))
    assert not service.can_unlock and "unavailable" == service.attendant_unlock(ATTENDANT)
