"""Polls page: open and close through the back end, signed reports, refusals shown and audited."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from ballot.audit import read_audit_log
from kiosk.officials.pages.polls import PollsPage
from kiosk.qt import QWidget
from tests.ballot.box_setup import BOARD_PASSPHRASE, Ready, prepare_election
from tests.kiosk.officials.console_steps import Answers, answer_next_box, close_messages, make_context, open_messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(qtbot, tmp_path: Path) -> Iterator[tuple[PollsPage, Ready, Answers]]:  # type: ignore[no-untyped-def]
    ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", 3, open_now=False)
    owner = QWidget()
    qtbot.addWidget(owner)
    answers = Answers()
    page = PollsPage(make_context(ready.store, owner, answers), owner)
    owner.resize(1000, 760)
    owner.show()
    yield page, ready, answers
    close_messages(owner)


def act(qtbot, page: PollsPage, button: object, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    """Click an action, confirm it, give the passphrase, wait until the action reported."""
    close_messages(page)
    page.done = None
    answers = page.context.ask
    assert isinstance(answers, Answers)
    answers.add(passphrase)
    answer_next_box()
    button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.context.busy() and bool(open_messages(page)), timeout=20_000)


def audit_events(ready: Ready) -> list[tuple[str, str]]:
    with ready.store.read() as s:
        return [(e.event, e.disposition) for e in read_audit_log(s)]


def test_open_then_close_with_signed_reports(qtbot, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p, ready, answers = page
    assert "Polls: not open yet" == p.chip.text()
    assert p.open_button.isEnabled() and not p.close_button.isEnabled()
    act(qtbot, p, p.open_button, BOARD_PASSPHRASE)
    assert ["Passphrase of the ballot-box key"] == answers.prompts
    assert p.done is not None and "open" == p.done.report.action
    assert "Polls: open" == p.chip.text() and p.close_button.isEnabled()
    box = ready.box()
    for code in ready.codes[:2]:
        box.cast(ready.ballot(code, kiosk=True).to_bytes())
    p.refresh()
    assert "2" == p.figures[0].text()
    act(qtbot, p, p.close_button, BOARD_PASSPHRASE)
    assert p.done is not None and (2, "close") == (p.done.report.ballots, p.done.report.action)
    p.done.report.verify_signature()
    paths = p.save_reports(tmp_path / "reports")
    assert ["polls-close-report-en.pdf", "polls-close-report-zh-TW.pdf"] == sorted(x.name for x in paths)
    text = pypdf.PdfReader(tmp_path / "reports" / "polls-close-report-en.pdf").pages[0].extract_text()
    assert "Polls closed: report" in text and "Ballots cast" in text
    assert "Polls: closed" == p.chip.text()
    events = audit_events(ready)
    assert ("polls-open", "success") in events and ("polls-close", "success") in events


def test_after_the_close_neither_action_is_offered_and_the_page_says_why(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """The close is final (the back end refuses a reopening: tests/ballot/test_audit.py), so no button invites one."""
    p, ready, _ = page
    act(qtbot, p, p.open_button, BOARD_PASSPHRASE)
    act(qtbot, p, p.close_button, BOARD_PASSPHRASE)
    p.refresh()
    assert not p.open_button.isEnabled() and not p.close_button.isEnabled()
    assert "cannot be opened again" in p.hint.text()
    assert "Polls: closed" == p.chip.text()
    assert ("polls-open", "failure") not in audit_events(ready)


def test_wrong_passphrase_changes_nothing(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    p, ready, _ = page
    act(qtbot, p, p.open_button, "not the passphrase")
    assert any("wrong passphrase" in m for m in open_messages(p))
    assert "Polls: not open yet" == p.chip.text()
    assert ("polls-open", "success") not in audit_events(ready)


def test_cancelled_passphrase_does_nothing(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    p, _, answers = page
    answer_next_box()
    p.open_button.click()  # the asker answers "" (cancelled)
    assert not p.context.busy() and p.done is None and 1 == len(answers.prompts)
