"""Tally page: trustees decrypt one after another (a wrong passphrase names the file), sign, publish, verify."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.authority import unlock_board_key
from ballot.polls import close_polls
from kiosk.officials.pages.tally import TallyPage
from kiosk.qt import QWidget
from tally.ceremony import write_share_file
from tally.verify.run import verify_record
from tests.ballot.box_setup import BOARD_PASSPHRASE, Ready, prepare_election
from tests.kiosk.officials.console_steps import Answers, close_messages, make_context, open_messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WORDS = ("trustee one words", "trustee two words", "trustee three words")


def election(tmp_path: Path, *, close: bool) -> tuple[Ready, list[Path]]:
    """Four ballots cast, polls closed (or not), the three shares sealed into files."""
    ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", 4)
    box = ready.box()
    for code in ready.codes:
        box.cast(ready.ballot(code, kiosk=True).to_bytes())
    if close:
        with ready.store.read() as s:
            key = unlock_board_key(s, BOARD_PASSPHRASE)
        with ready.store.write() as s:
            close_polls(s, key)
    paths = []
    for share, words in zip(ready.shares, WORDS, strict=True):
        path = tmp_path / f"trustee-{share.trustee}.share"
        write_share_file(path, share, words)
        paths.append(path)
    return ready, paths


@pytest.fixture
def build(qtbot) -> Iterator:  # type: ignore[no-untyped-def,type-arg]
    owners: list[QWidget] = []

    def make(ready: Ready) -> TallyPage:
        owner = QWidget()
        qtbot.addWidget(owner)
        owners.append(owner)
        page = TallyPage(make_context(ready.store, owner, Answers()), owner)
        owner.resize(1000, 900)
        owner.show()
        return page

    yield make
    for owner in owners:
        close_messages(owner)


def step(qtbot, page: TallyPage, button: object, *answers: str, message: bool = False) -> None:  # type: ignore[no-untyped-def]
    close_messages(page)
    asker = page.context.ask
    assert isinstance(asker, Answers)
    asker.add(*answers)
    button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.context.busy(), timeout=30_000)
    if message:
        qtbot.waitUntil(lambda: bool(open_messages(page)), timeout=5_000)


def decrypt(qtbot, page: TallyPage, share: Path, words: str, message: bool = False) -> None:  # type: ignore[no-untyped-def]
    page.share.setText(str(share))
    step(qtbot, page, page.decrypt_button, words, message=message)


def test_two_of_three_trustees_then_sign_and_publish(qtbot, build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready, shares = election(tmp_path, close=True)
    page = build(ready)
    assert "Tally: 0 of 2 partial decryptions" == page.chip.text()
    decrypt(qtbot, page, shares[0], WORDS[0])
    assert [1] == page.decrypted and "" == page.share.text()
    decrypt(qtbot, page, shares[1], "not the right words", message=True)  # names the file; the next one tries
    assert any("trustee-2.share" in m for m in open_messages(page)), open_messages(page)
    assert "trustee-2.share was not used. The next trustee may try." in page.log.lines()
    decrypt(qtbot, page, shares[2], WORDS[2])
    assert [1, 3] == page.decrypted
    step(qtbot, page, page.count_button, BOARD_PASSPHRASE, message=True)
    assert page.results is not None and (1, 3) == page.results.trustees
    assert "Results: signed" == page.chip.text()
    page.folder.setText(str(tmp_path / "out" / "record"))
    step(qtbot, page, page.publish_button, BOARD_PASSPHRASE, message=True)
    assert page.published is not None
    names = sorted(p.name for p in page.published.files)
    assert ["record-results-en.pdf", "record-results-zh-TW.pdf", "record-results.csv", "record.zip"] == names
    report = verify_record(tmp_path / "out" / "record", jobs=1)
    assert report.valid, [c for c in report.checks if not c.ok]
    with ready.store.read() as s:
        events = [(e.event, e.disposition) for e in read_audit_log(s)]
    for event in (("trustee-decrypt", "success"), ("trustee-decrypt", "failure"), ("tally-complete", "success"),
                  ("record-publish", "success")):
        assert event in events


def test_tallying_before_the_close_is_refused_and_audited(qtbot, build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready, shares = election(tmp_path, close=False)
    page = build(ready)
    assert "Tally: waiting for the polls to close" == page.chip.text()
    decrypt(qtbot, page, shares[0], WORDS[0], message=True)
    assert any("close" in m for m in open_messages(page)), open_messages(page)
    assert [] == page.decrypted
    step(qtbot, page, page.count_button, BOARD_PASSPHRASE, message=True)
    assert page.results is None
    with ready.store.read() as s:
        events = [(e.event, e.disposition) for e in read_audit_log(s)]
    assert ("trustee-decrypt", "failure") in events and ("tally-complete", "failure") in events
