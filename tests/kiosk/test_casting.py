"""Whole sessions against the real ballot box (SQLite in tmp_path): code, ballot, encrypt, cast or check, receipt."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ballot.board import entry_at
from ballot.errors import StorageError
from ballot.polls import close_polls
from ballot.receipts import Receipt
from crypto.codes import generate_code
from crypto.tracking import tracking_hash
from kiosk.app import build_window
from kiosk.flow import State
from kiosk.ops import VotingService
from kiosk.printing import PdfFolderPrinter
from kiosk.qt import QAbstractButton, QApplication, QLabel, QLineEdit, Qt, QWidget
from kiosk.window import KioskWindow
from tests.ballot.box_setup import Ready, prepare_election
from tests.kiosk.conftest import fixed_clock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

Session = tuple[KioskWindow, Ready]


@pytest.fixture
def voting(qtbot, tmp_path: Path) -> Iterator[Callable[..., Session]]:  # type: ignore[no-untyped-def]
    """Build a voter window wired to a fresh, open election of a sample (receipts "print" to tmp_path)."""
    made: list[KioskWindow] = []

    def make(sample: str = "taipei-daan", voters: int = 2, service_type: type[VotingService] = VotingService,
             **options: float) -> Session:
        ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", voters, sample=sample)
        service = service_type(ready.box(), kiosk=("kiosk-1", ready.kiosk_key))
        w = build_window(ready.election, clock=fixed_clock, service=service,
                         printer=PdfFolderPrinter(tmp_path / "receipts"), **options)  # type: ignore[arg-type]
        qtbot.addWidget(w)
        w.resize(1280, 800)
        with qtbot.waitActive(w):
            w.show()
            w.activateWindow()
        made.append(w)
        return w, ready

    yield make
    for w in made:
        w.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key)


def tab_to(qtbot, target: QWidget, limit: int = 80) -> None:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        if focused() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}")


def wait_state(qtbot, w: KioskWindow, *states: State) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.flow.state in states, timeout=10_000)


def assert_on_board(ready: Ready, receipt: Receipt, kind: str = "ballot") -> None:
    """The receipt's position on the board holds a ballot whose tracking hash is the receipt's."""
    with ready.store.read() as s:
        entry = entry_at(s, receipt.position)
    assert entry is not None and kind == entry.kind
    if kind == "ballot":
        assert receipt.tracking_hash == tracking_hash(entry.payload)
    assert receipt.head_hash == entry.entry_hash


def keyboard_session(qtbot, w: KioskWindow, ready: Ready, code: str, language: str, points: int = 1) -> Receipt:  # type: ignore[no-untyped-def]
    """Vote with the keyboard alone: language, code, district, one project, review, encrypt, cast, print, done."""
    if language != w.flow.language:
        tab_to(qtbot, w.welcome.language_buttons[w.flow.language])  # Tab enters an exclusive group at its checked button
        press(qtbot, Qt.Key.Key_Right if language == "en" else Qt.Key.Key_Left)
        assert focused() is w.welcome.language_buttons[language]
        press(qtbot, Qt.Key.Key_Space)
        tab_to(qtbot, w.welcome.start_button)
    assert focused() is w.welcome.start_button
    press(qtbot, Qt.Key.Key_Return)
    assert w.flow.state is State.ELIGIBILITY and focused() is w.eligibility.entry
    qtbot.keyClicks(focused(), code.replace("-", "").lower())  # typed without hyphens: the field groups it
    assert code == w.eligibility.entry.text()
    press(qtbot, Qt.Key.Key_Return)
    wait_state(qtbot, w, State.DISTRICT, State.BALLOT)
    if w.flow.state is State.DISTRICT:
        press(qtbot, Qt.Key.Key_Return)
    assert w.flow.state is State.BALLOT
    for _ in range(points):
        press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, w.ballot.review_button)
    press(qtbot, Qt.Key.Key_Return)
    assert w.flow.state is State.REVIEW and focused() is w.review.continue_button
    press(qtbot, Qt.Key.Key_Return)
    wait_state(qtbot, w, State.CHOICE)
    assert focused() is w.cast.cast_button
    press(qtbot, Qt.Key.Key_Return)
    wait_state(qtbot, w, State.RECEIPT)
    receipt = w.flow.receipt
    assert receipt is not None and receipt.tracking_code.short == w.receipt.code.text()
    assert focused() is w.receipt.print_button
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.receipt.printing == "done", timeout=10_000)
    tab_to(qtbot, w.receipt.done_button)
    press(qtbot, Qt.Key.Key_Return)
    assert w.flow.state is State.WELCOME and w.flow.at_rest
    return receipt


@pytest.mark.parametrize("sample", ["taipei-daan", "riverside-knapsack", "school-points"])
@pytest.mark.parametrize("language", ["zh-TW", "en"])
def test_keyboard_only_session_casts_a_ballot(voting, qtbot, tmp_path: Path, sample: str, language: str) -> None:  # type: ignore[no-untyped-def]
    w, ready = voting(sample)
    points = 3 if sample == "school-points" else 1
    receipt = keyboard_session(qtbot, w, ready, ready.codes[0], language, points)
    assert_on_board(ready, receipt)
    assert ready.box().receipt_for(entry_payload(ready, receipt)) == receipt
    assert (tmp_path / "receipts" / f"receipt-{receipt.tracking_code.short}.pdf").read_bytes().startswith(b"%PDF")
    assert focused() is w.welcome.start_button


def entry_payload(ready: Ready, receipt: Receipt) -> bytes:
    with ready.store.read() as s:
        entry = entry_at(s, receipt.position)
    assert entry is not None
    return entry.payload


def test_mouse_only_session_with_a_check_first(voting, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Touch throughout (the code comes from the scanner, a keyboard wedge); one Benaloh check before casting."""
    w, ready = voting("riverside-knapsack")
    click = qtbot.mouseClick
    left = Qt.MouseButton.LeftButton
    click(w.welcome.language_buttons["en"], left)
    click(w.welcome.start_button, left)
    qtbot.keyClicks(w.eligibility.entry, ready.codes[1] + "\r")  # what a scanner types
    wait_state(qtbot, w, State.BALLOT)
    picked = list(w.ballot.cards.values())[:2]
    for card in picked:
        assert card.pick_button is not None
        click(card.pick_button, left)
    click(w.ballot.review_button, left)
    click(w.review.continue_button, left)
    wait_state(qtbot, w, State.CHOICE)
    first = w.flow.prepared
    assert first is not None and first.tracking_code.short in w.cast.code.text()
    click(w.cast.check_button, left)
    wait_state(qtbot, w, State.CHECKED)
    assert w.flow.checked is not None
    assert {c.project.id for c in picked} == {pid for pid, v in w.flow.checked.choices.items() if v}
    assert_on_board(ready, w.flow.checked.receipt, "spoiled")
    marks = [row.findChildren(QLabel)[-1].text() for row in w.checked.rows]
    assert ["✔ Picked", "✔ Picked"] == marks[:2] and set(marks[2:]) == {"Not picked"}
    click(w.checked.again_button, left)
    wait_state(qtbot, w, State.CHOICE)
    assert w.flow.prepared is not None and w.flow.prepared.tracking_code != first.tracking_code  # fresh nonces
    click(w.cast.cast_button, left)
    wait_state(qtbot, w, State.RECEIPT)
    receipt = w.flow.receipt
    assert receipt is not None
    assert_on_board(ready, receipt)
    click(w.receipt.done_button, left)
    assert w.flow.state is State.WELCOME and w.flow.at_rest


def enter_code(qtbot, w: KioskWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    w.flow.set_language("en")
    if w.flow.state is State.WELCOME:
        w.flow.start()
    w.eligibility.entry.clear()
    qtbot.keyClicks(w.eligibility.entry, code)
    qtbot.keyClick(w.eligibility.entry, Qt.Key.Key_Return)


def test_each_refusal_has_its_own_message(voting, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, ready = voting("school-points", voters=3)
    code = ready.codes[0]
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    enter_code(qtbot, w, typo)
    assert "One character of this code is not right" in w.eligibility.problem.text()
    assert w.eligibility.problem.isVisible() and typo == w.eligibility.entry.text()
    enter_code(qtbot, w, "1234")
    assert "This is not a whole voting code" in w.eligibility.problem.text()
    w.flow.reset()
    # an unknown code passes the check character; the kiosk asks the box before the ballot
    enter_code(qtbot, w, generate_code())
    qtbot.waitUntil(lambda: w.flow.refusal == "unknown", timeout=10_000)
    assert "not on this election's list" in w.eligibility.problem.text() and w.flow.selection is None
    w.flow.reset()
    # the code is spent elsewhere between admission and cast: the box (the authority) refuses at cast time
    enter_code(qtbot, w, code)
    wait_state(qtbot, w, State.BALLOT)
    w.ballot._plus(next(iter(w.ballot.cards)))
    w.flow.review()
    w.controller.encrypt()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.CHOICE)
    ready.box().cast(w.flow.prepared.to_bytes())  # type: ignore[union-attr]  # as if cast at another kiosk
    w.flow.prepared = None
    w.controller.encrypt()  # type: ignore[union-attr]  # fresh nonces: a different ballot of a spent code
    wait_state(qtbot, w, State.CHOICE)
    w.controller.cast()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.ELIGIBILITY)
    assert "already been used to vote" in w.eligibility.problem.text()
    assert w.flow.selection is not None and w.eligibility.kept.isVisible()  # the choices are kept
    w.eligibility.entry.clear()
    qtbot.keyClicks(w.eligibility.entry, ready.codes[2] + "\r")
    wait_state(qtbot, w, State.REVIEW)  # straight back to the kept choices
    w.controller.encrypt()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.CHOICE)
    w.controller.cast()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.RECEIPT)
    w.flow.reset()
    # the same code again: already used, said before the ballot
    enter_code(qtbot, w, code)
    qtbot.waitUntil(lambda: w.flow.refusal == "used", timeout=10_000)
    assert "already been used to vote" in w.eligibility.problem.text() and w.flow.selection is None
    w.flow.reset()
    # polls closed: said up front, before any ballot
    with ready.store.write() as s:
        close_polls(s, ready.box().board_key)
    enter_code(qtbot, w, ready.codes[1])
    qtbot.waitUntil(lambda: w.flow.refusal == "closed", timeout=10_000)
    assert "Voting has closed" in w.eligibility.problem.text() and w.flow.state is State.ELIGIBILITY
    w.flow.set_language("zh-TW")
    assert "投票已經結束" in w.eligibility.problem.text()


class FlakyService(VotingService):
    """The ballot box is unreachable for the first cast (the storage error the box raises)."""

    failures = 1

    def cast(self, data: bytes):  # type: ignore[no-untyped-def]
        if self.failures:
            self.failures -= 1
            raise StorageError("the ballot box could not store the ballot: OperationalError")
        return super().cast(data)


def test_unreachable_box_keeps_the_place_and_retry_resends_the_same_ballot(voting, qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    w, ready = voting("taipei-daan", service_type=FlakyService)
    enter_code(qtbot, w, ready.codes[0])
    wait_state(qtbot, w, State.DISTRICT)
    w.flow.choose_district("north")
    w.ballot._pick(next(iter(w.ballot.cards)))
    w.flow.review()
    w.controller.encrypt()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.CHOICE)
    sent = w.flow.prepared
    with caplog.at_level(logging.ERROR, logger="kiosk.errors"):
        qtbot.mouseClick(w.cast.cast_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(w.error_notice.isVisible, timeout=10_000)
    assert w.flow.state is State.CHOICE and w.flow.prepared is sent
    assert "Your ballot was not cast" == w.error_notice.heading.text()
    assert "cannot be reached" in w.error_notice.message.text() and "Traceback" not in w.error_notice.message.text()
    assert any("cast failed (unreachable)" in r.getMessage() for r in caplog.records)
    assert focused() is w.error_notice.retry_button
    press(qtbot, Qt.Key.Key_Return)
    wait_state(qtbot, w, State.RECEIPT)
    assert w.flow.receipt is not None and w.flow.receipt.tracking_hash == tracking_hash(sent.to_bytes())


def leftovers(w: KioskWindow, needles: list[str]) -> list[str]:
    """Every text, accessible name, tooltip and line-edit content in the widget tree that holds a needle."""
    found = []
    for widget in [w, *w.findChildren(QWidget)]:
        texts = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        found += [f"{type(widget).__name__}: {t}" for t in texts if any(n and n in t for n in needles)]
    return found


def test_no_trace_after_cast_cancel_and_timeout(voting, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, ready = voting("riverside-knapsack", voters=3, idle_seconds=0.3, warning_seconds=1.0)
    titles = [p.title.get(lang) for p in ready.election.projects for lang in ("en", "zh-TW")]

    def to_choice(code: str) -> list[str]:
        enter_code(qtbot, w, code)
        wait_state(qtbot, w, State.BALLOT)
        w.ballot._pick(next(iter(w.ballot.cards)))
        w.flow.review()
        w.controller.encrypt()  # type: ignore[union-attr]
        wait_state(qtbot, w, State.CHOICE)
        assert w.flow.prepared is not None
        return [code, code.replace("-", ""), w.flow.prepared.tracking_code.short]

    # cast
    needles = to_choice(ready.codes[0])
    w.controller.cast()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.RECEIPT)
    assert w.flow.receipt is not None
    needles.append(w.flow.receipt.tracking_code.short)
    qtbot.mouseClick(w.receipt.done_button, Qt.MouseButton.LeftButton)
    assert w.flow.at_rest and [] == leftovers(w, needles + titles)
    # cancel ("start over") with an encrypted ballot waiting
    needles = to_choice(ready.codes[1])
    qtbot.mouseClick(w.top_bar.start_over_button, Qt.MouseButton.LeftButton)
    assert w.flow.at_rest and [] == leftovers(w, needles + titles)
    # timeout on the cast-or-check screen
    needles = to_choice(ready.codes[2])
    qtbot.waitUntil(lambda: w.flow.at_rest, timeout=10_000)
    assert [] == leftovers(w, needles + titles)
    assert not w.receipt.timer.isActive() and not w.error_notice.isVisible()


def test_receipt_countdown_returns_to_welcome(voting, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, ready = voting("school-points", receipt_seconds=2)
    enter_code(qtbot, w, ready.codes[0])
    wait_state(qtbot, w, State.BALLOT)
    w.ballot._plus(next(iter(w.ballot.cards)))
    w.flow.review()
    w.controller.encrypt()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.CHOICE)
    w.controller.cast()  # type: ignore[union-attr]
    wait_state(qtbot, w, State.RECEIPT)
    assert "2 seconds" in w.receipt.countdown.text()
    assert not w.receipt.qr.pixmap().isNull()
    qtbot.waitUntil(lambda: w.flow.at_rest, timeout=5_000)


def test_every_focusable_widget_of_the_new_screens_has_a_name(voting, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, _ready = voting("taipei-daan")
    for language in ("zh-TW", "en"):
        w.flow.reset()
        w.flow.set_language(language)
        for screen in (w.eligibility, w.checkin, w.busy, w.cast, w.checked, w.receipt, w.error_notice):
            screen.refresh() if hasattr(screen, "refresh") else screen.retranslate()
            unnamed = [type(x).__name__ for x in screen.findChildren(QWidget)
                       if x.focusPolicy() != Qt.FocusPolicy.NoFocus and isinstance(x, QAbstractButton | QLineEdit)
                       and not x.accessibleName()]
            assert [] == unnamed, type(screen).__name__
