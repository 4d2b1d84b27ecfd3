"""Trustees page: the in-room ceremony with three trustees at the screen, shares sealed, a second one refused."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.ceremony_record import load_ceremony
from ballot.storage import Store
from kiosk.officials.pages.trustees import TrusteesPage, run_ceremony
from kiosk.qt import QWidget
from tally.ceremony import CeremonyError, read_share_file
from tests.kiosk.officials.console_steps import Answers, close_messages, make_context, new_store, open_messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PASSPHRASES = ("first trustee's words", "second trustee's words", "third trustee's words")


@pytest.fixture
def page(qtbot, tmp_path: Path) -> Iterator[tuple[TrusteesPage, Store]]:  # type: ignore[no-untyped-def]
    store = new_store(tmp_path / "e.sqlite3")
    owner = QWidget()
    qtbot.addWidget(owner)
    page = TrusteesPage(make_context(store, owner, Answers()), owner)
    page.folder.setText(str(tmp_path / "trustees"))
    owner.resize(1000, 900)
    owner.show()
    yield page, store
    close_messages(owner)


def run_three(qtbot, page: TrusteesPage, names: tuple[str, ...] = ("Ana Wu", "Ben Lin", "Chen Yu")) -> None:  # type: ignore[no-untyped-def]
    """Each trustee in turn: name, passphrase twice, Next (the last runs the ceremony)."""
    for name, words in zip(names, PASSPHRASES, strict=True):
        page.name.setText(name)
        page.passphrase.first.setText(words)
        page.passphrase.second.setText(words)
        page.next_button.click()
    qtbot.waitUntil(lambda: not page.context.busy() and bool(open_messages(page)), timeout=30_000)


def test_three_trustees_one_after_another(qtbot, page, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    p, store = page
    caplog.set_level(logging.DEBUG)
    assert "Ceremony: not done yet" == p.chip.text() and "Trustee 1 of 3" == p.step.heading.text()
    run_three(qtbot, p)
    assert p.done is not None
    assert "Ceremony: done" == p.chip.text() and p.step.isHidden()
    with store.read() as s:
        ceremony = load_ceremony(s)
        events = [(e.event, e.disposition) for e in read_audit_log(s)]
    assert ("ceremony-complete", "success") in events
    expected = [tmp_path / "trustees" / f"trustee-{j}-{slug}" / f"trustee-{j}.share"
                for j, slug in ((1, "ana-wu"), (2, "ben-lin"), (3, "chen-yu"))]
    assert expected == list(p.done.shares)
    election = p.context.election()
    assert election is not None
    for j, (path, words) in enumerate(zip(expected, PASSPHRASES, strict=True), start=1):
        share = read_share_file(path, words, election.fingerprint, ceremony=ceremony)
        assert j == share.trustee
    assert (tmp_path / "trustees" / "ceremony.json").read_bytes() == ceremony.to_canonical_bytes()
    shown = "\n".join([*p.log.lines(), *open_messages(p), caplog.text])
    assert not any(words in shown for words in PASSPHRASES)  # never shown, never logged
    assert p.done.key_fingerprint in p.key.text()


def test_mistyped_passphrase_stays_on_the_same_trustee(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    p, _ = page
    p.name.setText("Ana Wu")
    p.passphrase.first.setText(PASSPHRASES[0])
    p.passphrase.second.setText(PASSPHRASES[1])
    p.next_button.click()
    assert [] == p.passphrases and "Trustee 1 of 3" == p.step.heading.text()
    assert p.passphrase.problem.isVisible()


def test_a_second_ceremony_is_refused(qtbot, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p, _ = page
    run_three(qtbot, p)
    election = p.context.election()
    assert election is not None
    again = [tmp_path / "again" / f"t{j}.share" for j in (1, 2, 3)]
    with pytest.raises(CeremonyError, match="already stored"):
        run_ceremony(p.context, election, again, PASSPHRASES, tmp_path / "again" / "ceremony.json", print)
    assert not (tmp_path / "again").exists()
    p.refresh()
    assert p.step.isHidden() and "second ceremony is refused" in p.key.text()
