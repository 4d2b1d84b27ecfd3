"""Helpers for driving console pages in tests: a real store at a chosen stage, a context, dialogs answered.

Dialogs are real: a modal confirmation is answered by clicking its button
from a timer, the way an official would; passphrases come through the
context's ``ask`` (the console's passphrase dialog in the app).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ballot.authority import create_authority, unlock_board_key
from ballot.manifest import load_manifest
from ballot.polls import close_polls
from ballot.samples import sample_manifest
from ballot.storage import Store, save_election
from kiosk.officials.context import ConsoleContext, ConsoleEvents
from kiosk.ops import kiosk_pool
from kiosk.qt import QApplication, QMessageBox, QTimer, QWidget
from tally.ceremony import write_share_file
from tally.pipeline import decrypt_as_trustee, tally_and_sign
from tests.ballot.box_setup import BOARD_PASSPHRASE, Ready, prepare_election

__all__ = ["BOARD_PASSPHRASE", "Answers", "Clock", "answer_next_box", "close_messages", "make_context", "new_store",
           "open_messages", "tallied"]


class Clock:
    """A settable clock (tests move it forward by hours)."""

    def __init__(self, start: datetime = datetime(2027, 3, 5, 8, 5, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class Answers:
    """Passphrase answers in order (the console's ``ask``); records the prompts it was shown."""

    def __init__(self, answers: Iterable[str] = ()) -> None:
        self.queue = list(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.queue.pop(0) if self.queue else ""

    def add(self, *answers: str) -> None:
        self.queue.extend(answers)


def new_store(path: Path, sample: str = "taipei-daan") -> Store:
    """A fresh database holding the sample election and its ballot-box key (what 'election init' leaves)."""
    store = Store(f"sqlite:///{path}")
    store.upgrade()
    election = load_manifest(sample_manifest(sample))
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, BOARD_PASSPHRASE)
    return store


def make_context(store: Store, owner: QWidget, answers: Answers, clock: Callable[[], datetime] | None = None,
                 role: str = "official") -> ConsoleContext:
    """A console context on ``store`` with the one-thread pool of ``owner``."""
    return ConsoleContext(store, clock or Clock(), kiosk_pool(owner), ConsoleEvents(owner), role, ask=answers)


def answer_next_box(button_text: str | None = None, *, delay: int = 0) -> None:
    """Click a button of the next modal message box (the accepting one, or the one saying ``button_text``)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for b in box.buttons():
            role = box.buttonRole(b)
            if (b.text() == button_text) if button_text else role == QMessageBox.ButtonRole.AcceptRole:
                b.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(delay, click)


def open_messages(parent: QWidget) -> list[str]:
    """The texts of the message boxes open over ``parent`` (calm messages; non-blocking)."""
    return [box.text() for box in parent.findChildren(QMessageBox) if box.isVisible()]


def close_messages(parent: QWidget) -> None:
    """Close every open message box over ``parent``."""
    for box in parent.findChildren(QMessageBox):
        box.close()


def tallied(path: Path, voters: int = 12, sample: str = "taipei-daan", *, words: Iterable[str] = (),
            decrypted: tuple[int, ...] = (1, 3), sign: bool = True) -> Ready:
    """An election with ``voters`` ballots (varied picks, at kiosk-1 and from home), closed, decrypted by the
    trustees ``decrypted``, results signed if ``sign``; the shares sealed into ``path.parent/trustee-<j>.share``
    under ``words`` (default "trustee <j> words")."""
    ready = prepare_election(f"sqlite:///{path}", voters, sample=sample)
    box = ready.box()
    district = ready.election.districts[0].id
    projects = [p.id for p in ready.election.projects_in(district)]
    for i, code in enumerate(ready.codes):
        picks = (projects[i % 3], projects[(i * 5) % len(projects)])
        box.cast(ready.ballot(code, tuple(sorted(set(picks))), kiosk=i % 3 != 2).to_bytes())
    with ready.store.read() as s:
        key = unlock_board_key(s, BOARD_PASSPHRASE)
    with ready.store.write() as s:
        close_polls(s, key)
    secrets = list(words) or [f"trustee {j} words" for j in range(1, 4)]
    for share, secret in zip(ready.shares, secrets, strict=True):
        write_share_file(path.parent / f"trustee-{share.trustee}.share", share, secret)
    for j in decrypted:
        decrypt_as_trustee(ready.store, path.parent / f"trustee-{j}.share", secrets[j - 1])
    if sign:
        tally_and_sign(ready.store, key)
    return ready
