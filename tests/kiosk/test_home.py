"""Home mode end to end: ``pbvote-kiosk --server URL --fingerprint F`` against a real ``pbvote serve``.

The election lives in PostgreSQL (tests/conftest.py's server) and is served
by the very command officials run (tests/service/harness.py); the kiosk is
started through ``run()``, so the command line, the off-GUI-thread
connection, the remote ballot box and the casting screens are all real.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from ballot.box import CastResult
from ballot.manifest_model import short_fingerprint
from ballot.remote import RemoteBallotBox
from ballot.service.errors import ForgedReceipt, ServiceUnavailable
from kiosk.app import build_window, parse_args, run
from kiosk.flow import State
from kiosk.ops import VotingService
from kiosk.qt import QApplication, Qt
from kiosk.window import KioskWindow
from tests.ballot.box_setup import Ready, prepare_election
from tests.kiosk.conftest import fixed_clock
from tests.pg_server import create_database
from tests.service.harness import Instance, request, start_instance

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

_counter = itertools.count()


@dataclass
class Home:
    ready: Ready
    server: Instance
    codes: Iterator[str]


@pytest.fixture(scope="module")
def home(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Home]:
    url = create_database(postgres_server, f"kioskhome{os.getpid()}_{next(_counter)}")
    ready = prepare_election(url, 4, sample="riverside-knapsack")
    logs = tmp_path_factory.mktemp("kiosk-home")
    server = start_instance(url, logs / "serve.log", name="kiosk-home")
    try:
        yield Home(ready, server, iter(ready.codes))
    finally:
        server.stop()
        ready.store.close()


def show(qtbot, w: KioskWindow) -> KioskWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def vote_to_choice(qtbot, w: KioskWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    """Touch: English, start, the scanned code, two projects, review, encrypt; ends on cast-or-check."""
    click = qtbot.mouseClick
    left = Qt.MouseButton.LeftButton
    click(w.welcome.language_buttons["en"], left)
    click(w.welcome.start_button, left)
    qtbot.keyClicks(w.eligibility.entry, code + "\r")
    qtbot.waitUntil(lambda: w.flow.state is State.BALLOT, timeout=20_000)
    for card in list(w.ballot.cards.values())[:2]:
        assert card.pick_button is not None
        click(card.pick_button, left)
    click(w.ballot.review_button, left)
    click(w.review.continue_button, left)
    qtbot.waitUntil(lambda: w.flow.state is State.CHOICE, timeout=20_000)


def test_home_session_casts_to_the_served_board(home: Home, qtbot) -> None:  # type: ignore[no-untyped-def]
    election = home.ready.election
    fingerprint = short_fingerprint(election.fingerprint)
    code, window = run(parse_args(["--server", home.server.url, "--fingerprint", fingerprint]),
                       present_error=pytest.fail, clock=fixed_clock, exec_loop=False)
    assert code == 0 and isinstance(window, KioskWindow) and window.controller is not None
    w = show(qtbot, window)
    assert window.controller.service.remote and window.flow.election.fingerprint == election.fingerprint
    assert fingerprint in w.welcome.fingerprint.text()  # the resident compares it with the code letter
    vote_to_choice(qtbot, w, next(home.codes))
    qtbot.mouseClick(w.cast.cast_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.flow.state is State.RECEIPT, timeout=20_000)
    receipt = w.flow.receipt
    assert receipt is not None and receipt.tracking_code.short == w.receipt.code.text()
    # the tracking code is on the served board: the service finds it, and its receipt verifies
    status, body = request(home.server.url, "GET", f"/v1/receipt/{receipt.tracking_hash.hex()}")
    assert (status, body.get("result")) == (200, "found")
    assert RemoteBallotBox(home.server.url, fingerprint).lookup(receipt.tracking_hash) == receipt
    qtbot.mouseClick(w.receipt.done_button, Qt.MouseButton.LeftButton)
    assert w.flow.state is State.WELCOME and w.flow.at_rest


class LostAnswer(VotingService):
    """The first cast reaches the board but its answer is lost (ServiceUnavailable); the rest go through."""

    sent: list[bytes]

    def cast(self, data: bytes) -> CastResult:
        self.sent = [*getattr(self, "sent", []), data]
        result = super().cast(data)
        if len(self.sent) == 1:
            raise ServiceUnavailable("the ballot box at 127.0.0.1 did not answer after 5 attempts (TimeoutError)")
        return result


class Forged(VotingService):
    def cast(self, data: bytes) -> CastResult:
        raise ForgedReceipt("the receipt's signature does not verify with this election's ballot-box key")


def test_unanswered_cast_retries_the_same_bytes(home: Home, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = RemoteBallotBox(home.server.url)
    service = LostAnswer(box)
    w = show(qtbot, build_window(service.election, clock=fixed_clock, service=service))
    vote_to_choice(qtbot, w, next(home.codes))
    qtbot.mouseClick(w.cast.cast_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(w.error_notice.isVisible, timeout=20_000)
    assert "The ballot box did not answer" == w.error_notice.heading.text()
    assert "same ballot" in w.error_notice.message.text() and w.error_notice.retry_button.isVisible()
    assert QApplication.focusWidget() is w.error_notice.retry_button
    qtbot.mouseClick(w.error_notice.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.flow.state is State.RECEIPT, timeout=20_000)
    assert len(service.sent) == 2 and service.sent[0] == service.sent[1]  # resent, never re-encrypted
    receipt = w.flow.receipt
    assert receipt is not None and box.lookup(receipt.tracking_hash) == receipt


def test_forged_receipt_stops_and_sends_to_the_officials(home: Home, qtbot) -> None:  # type: ignore[no-untyped-def]
    service = Forged(RemoteBallotBox(home.server.url))
    w = show(qtbot, build_window(service.election, clock=fixed_clock, service=service))
    vote_to_choice(qtbot, w, next(home.codes))
    qtbot.mouseClick(w.cast.cast_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(w.error_notice.isVisible, timeout=20_000)
    assert "The ballot box could not be verified" == w.error_notice.heading.text()
    assert "contact the election officials" in w.error_notice.message.text()
    assert not w.error_notice.retry_button.isVisible()
    assert QApplication.focusWidget() is w.error_notice.back_button
    w.flow.set_language("zh-TW")
    qtbot.waitUntil(lambda: "選務人員" in w.error_notice.message.text(), timeout=5_000)

