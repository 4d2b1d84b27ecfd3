"""A whole election through the officials' console (issue 8's acceptance), with the residents at a real kiosk window.

Sample manifest saved from the setup page, 20 voting codes generated, a
kiosk registered, the key ceremony with 3 trustees at the screen, the polls
opened, 20 residents voting through the kiosk's keyboard flow with the
registered kiosk key, the polls closed, 2 of the 3 trustees decrypting, the
results signed and the record published: ``pbvote verify`` finds the
exported record VALID and the officials' audit log lists every step.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.box import BallotBox
from ballot.kiosk_key import read_kiosk_key
from ballot.officials import set_passphrase
from ballot.storage import Store
from kiosk.app import build_window
from kiosk.officials.console import OfficialsWindow
from kiosk.officials.pages.polls import PollsPage
from kiosk.officials.pages.tally import TallyPage
from kiosk.officials.pages.trustees import TrusteesPage
from kiosk.ops import VotingService
from kiosk.printing import PdfFolderPrinter
from tally.verify.run import verify_record
from tests.kiosk.conftest import fixed_clock
from tests.kiosk.officials.console_steps import answer_next_box, close_messages
from tests.kiosk.officials.shell_steps import BOARD, OFFICIAL, empty_store, open_console, sign_in
from tests.kiosk.test_casting import keyboard_session

pytestmark = [pytest.mark.slow, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

VOTERS = 20
TRUSTEES = (("Ana Wu", "ana's long passphrase"), ("Ben Lin", "ben's long passphrase"),
            ("Chen Yu", "chen's long passphrase"))
KIOSK_WORDS = "library kiosk passphrase"


def wait_idle(qtbot, window: OfficialsWindow, timeout: int = 60_000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=timeout)
    close_messages(window)


def set_up(qtbot, window: OfficialsWindow, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Setup, eligibility and kiosks pages (built by the console's shell engineer): the election is ready."""
    setup = window.show_page("setup")
    setup.load_sample()  # type: ignore[attr-defined]
    setup.save_button.click()  # type: ignore[attr-defined]
    wait_idle(qtbot, window)
    codes = window.show_page("eligibility")
    codes.count.setText(str(VOTERS))  # type: ignore[attr-defined]
    codes.folder.edit.setText(str(tmp_path / "batch-1"))  # type: ignore[attr-defined]
    codes.generate.click()  # type: ignore[attr-defined]
    wait_idle(qtbot, window)
    kiosks = window.show_page("kiosks")
    kiosks.name.setText("library-1")  # type: ignore[attr-defined]
    kiosks.key_file.edit.setText(str(tmp_path / "library-1.key"))  # type: ignore[attr-defined]
    kiosks.passphrase.first.setText(KIOSK_WORDS)  # type: ignore[attr-defined]
    kiosks.passphrase.second.setText(KIOSK_WORDS)  # type: ignore[attr-defined]
    kiosks.register_button.click()  # type: ignore[attr-defined]
    wait_idle(qtbot, window)
    return tmp_path / "batch-1" / "codes.csv"


def ceremony(qtbot, window: OfficialsWindow, tmp_path: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    page = window.show_page("trustees")
    assert isinstance(page, TrusteesPage)
    page.folder.setText(str(tmp_path / "trustees"))
    for name, words in TRUSTEES:
        page.name.setText(name)
        page.passphrase.first.setText(words)
        page.passphrase.second.setText(words)
        page.next_button.click()
    wait_idle(qtbot, window)
    assert page.done is not None and "Ceremony: done" == page.chip.text()
    return list(page.done.shares)


def polls(qtbot, window: OfficialsWindow, action: str) -> PollsPage:  # type: ignore[no-untyped-def]
    page = window.show_page("polls")
    assert isinstance(page, PollsPage)
    answer_next_box()
    (page.open_button if action == "open" else page.close_button).click()
    wait_idle(qtbot, window)
    assert page.done is not None and action == page.done.report.action
    return page


def residents_vote(qtbot, store: Store, codes_csv: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Twenty residents at the registered kiosk, keyboard only, each receipt printed (to PDF)."""
    with codes_csv.open(encoding="utf-8") as fh:
        codes = [row["code"] for row in csv.DictReader(fh)]
    assert VOTERS == len(codes)
    box = BallotBox(store, _board_key(store))
    kiosk = read_kiosk_key(tmp_path / "library-1.key", KIOSK_WORDS, box.election.fingerprint)
    w = build_window(box.election, clock=fixed_clock, service=VotingService(box, kiosk=(kiosk.name, kiosk.key)),
                     printer=PdfFolderPrinter(tmp_path / "receipts"))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    try:
        for code in codes:
            keyboard_session(qtbot, w, None, code, w.flow.language)
    finally:
        w.close()


def _board_key(store: Store):  # type: ignore[no-untyped-def]
    from ballot.authority import unlock_board_key

    with store.read() as s:
        return unlock_board_key(s, BOARD)


def tally_and_publish(qtbot, window: OfficialsWindow, shares: list[Path], tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    page = window.show_page("tally")
    assert isinstance(page, TallyPage)
    for j in (1, 3):  # any two of the three
        page.share.setText(str(shares[j - 1]))
        window.context.ask.add(TRUSTEES[j - 1][1])  # type: ignore[attr-defined]
        page.decrypt_button.click()
        wait_idle(qtbot, window)
    assert [1, 3] == page.decrypted
    page.count_button.click()
    wait_idle(qtbot, window)
    assert page.results is not None
    out = tmp_path / "published" / "record"
    page.folder.setText(str(out))
    page.publish_button.click()
    wait_idle(qtbot, window)
    assert page.published is not None
    return out


class Asker:
    """The console's passphrase dialog answered in order (trustees type theirs)."""

    def __init__(self) -> None:
        self.queue: list[str] = []

    def add(self, *answers: str) -> None:
        self.queue.extend(answers)

    def __call__(self, prompt: str) -> str:
        return self.queue.pop(0) if self.queue else ""


def test_a_whole_election_through_the_console(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", BOARD)
    store = empty_store(tmp_path / "e.db")
    with store.write() as s:
        set_passphrase(s, "official", OFFICIAL)
    window = open_console(qtbot, store)
    window.context.ask = Asker()
    sign_in(qtbot, window)
    codes_csv = set_up(qtbot, window, tmp_path)
    shares = ceremony(qtbot, window, tmp_path)
    polls(qtbot, window, "open")
    residents_vote(qtbot, store, codes_csv, tmp_path)
    closing = polls(qtbot, window, "close")
    assert closing.done is not None and VOTERS == closing.done.report.ballots
    closing.done.report.verify_signature()
    record = tally_and_publish(qtbot, window, shares, tmp_path)
    report = verify_record(record, jobs=1)
    assert report.valid, [c for c in report.checks if not c.ok]
    results = window.show_page("results")
    assert VOTERS == sum(results.results.districts[i].ballots  # type: ignore[attr-defined]
                         for i in range(len(results.results.districts)))  # type: ignore[attr-defined]
    with store.read() as s:
        events = [(e.event, e.disposition) for e in read_audit_log(s)]
    for step in ("auth-login", "election-init", "codes-generate", "kiosk-register", "ceremony-complete",
                 "polls-open", "polls-close", "trustee-decrypt", "tally-complete", "record-publish"):
        assert (step, "success") in events, step
    assert 2 == events.count(("trustee-decrypt", "success"))
    assert not [e for e in events if e[1] == "failure"]
