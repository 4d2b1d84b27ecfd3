"""Screenshots of the officials' console (``pbvote-kiosk --officials``) in both languages.

Writes ``<out>/<page>-<lang>.png``: the login, the first-start passphrase form, and each page in a
state worth looking at, over a real SQLite store in a temporary folder (the sample election, a batch of
voting codes, a registered kiosk, the ceremony and open polls with a few ballots from a kiosk).  Pages
are driven through their own methods, as an official's clicks would.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/_shots_console.py [OUT]``
(default OUT: docs/screenshots/console).  ``shoot(out)`` returns the files written; each page's state is
made by one function in ``STAGES`` (the console's other engineers add theirs there).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ballot.manifest_model import Election
    from ballot.storage import Store
    from crypto.signatures import SigningKey
    from kiosk.officials.console import OfficialsWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PBVOTE_KDF", "interactive")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_OUT = REPO / "docs" / "screenshots" / "console"
SIZE = (1280, 800)
LANGUAGES = ("en", "zh-TW")
OFFICIAL = "officials passphrase for screenshots"
BOARD = "board passphrase for screenshots"
KIOSK = "kiosk passphrase for screenshots"
ROLL = "roll passphrase for screenshots"


def _clock() -> datetime:
    return datetime(2027, 3, 5, 10, 30, tzinfo=UTC)


def _settle(window: OfficialsWindow) -> None:
    """Let background work finish and layouts settle (word-wrapped notes need a second pass)."""
    from kiosk.qt import QApplication

    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + 120
    while window.context.busy() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(4):
        app.processEvents()


def _prepared_store(folder: Path, kind: str) -> Store:
    """The sample election in a fresh store with the officials' passphrase.

    ``kind`` "setup": nothing more; "open": a kiosk, codes, a ceremony, open polls and three ballots cast at
    the kiosk; "roll": the voter-roll sample, its roll imported (key in ``folder/roll.key``), a ceremony and
    open polls.
    """
    from ballot.authority import create_authority
    from ballot.manifest import load_manifest
    from ballot.officials import set_passphrase
    from ballot.samples import sample_manifest
    from ballot.storage import Store, save_election

    if kind in EXTRA_KINDS:
        return prepare_extra(folder, kind)
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{folder / 'console.sqlite3'}")
    store.upgrade()
    election = load_manifest(sample_manifest("jingmei-roll" if kind == "roll" else "taipei-daan"))
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, BOARD)
        set_passphrase(s, "official", OFFICIAL)
    if kind == "open":
        _open_with_ballots(store, election, folder)
    elif kind == "roll":
        _open_roll(store, election, folder)
    return store


def _ceremony_and_polls(store: Store, election: Election) -> tuple[bytes, SigningKey]:
    from ballot.authority import unlock_board_key
    from ballot.ceremony_record import save_ceremony
    from ballot.polls import open_polls
    from tally.ceremony import run_in_room_ceremony

    record, _shares = run_in_room_ceremony(election, election.trustees, election.threshold)
    with store.write() as s:
        save_ceremony(s, record)
    with store.read() as s:
        key = unlock_board_key(s, BOARD)
    with store.write() as s:
        open_polls(s, key)
    return bytes(record.public_key), key


def _open_roll(store: Store, election: Election, folder: Path) -> None:
    from ballot.roll import import_roll, new_roll_key, read_roll_csv, write_roll_key
    from ballot.samples import sample_roll

    roll_key = new_roll_key(election.fingerprint)
    with store.write() as s:
        import_roll(s, roll_key, read_roll_csv(sample_roll()))
    write_roll_key(folder / "roll.key", roll_key, ROLL)
    _ceremony_and_polls(store, election)


def _open_with_ballots(store: Store, election: Election, folder: Path) -> None:
    from ballot.box import BallotBox
    from ballot.encrypt import encrypt_ballot
    from ballot.kiosk_key import read_kiosk_key
    from ballot.selection import Selection
    from crypto.codes import credential_keypair
    from kiosk.officials.actions import generate_code_batch, register_kiosk_key

    batch = generate_code_batch(store, 3, folder / "codes")
    register_kiosk_key(store, "library-1", folder / "library-1.key", KIOSK)
    public_key, board_key = _ceremony_and_polls(store, election)
    kiosk = read_kiosk_key(folder / "library-1.key", KIOSK, election.fingerprint)
    box = BallotBox(store, board_key)
    codes = batch.files[0].read_text(encoding="utf-8").split()[1:]
    district = election.districts[0]
    for i, code in enumerate(codes):
        credential, _ = credential_keypair(code, election.fingerprint)
        picks = frozenset(p.id for p in election.projects_in(district.id)[i:i + 2])
        box.cast(encrypt_ballot(election, public_key, Selection(district.id, picks), credential,
                                kiosk=(kiosk.name, kiosk.key)).to_bytes())


# ----- each page's state (B2 adds its pages' functions to STAGES)

from bench._shots_console_tally import EXTRA_KINDS, prepare_extra  # noqa: E402 - after the environment is set
from bench._shots_console_tally import STAGES as TALLY_STAGES  # noqa: E402
from kiosk.officials.pages.checkin import CheckInPage  # noqa: E402
from kiosk.officials.pages.eligibility import EligibilityPage  # noqa: E402
from kiosk.officials.pages.kiosks import KiosksPage  # noqa: E402
from kiosk.officials.pages.setup import SetupPage  # noqa: E402


def _setup(window: OfficialsWindow, folder: Path) -> None:
    page = window.show_page("setup")
    assert isinstance(page, SetupPage)
    page.load_sample()
    page.form.setCurrentIndex(2)
    page.form.set_cell("projects", 2, "cost", "-680000")
    page.validate()


def _eligibility(window: OfficialsWindow, folder: Path) -> None:
    page = window.show_page("eligibility")
    assert isinstance(page, EligibilityPage)
    page.count.setText("250")
    page.folder.edit.setText(str(folder / f"batch-{len(list(folder.glob('batch-*')))}"))
    page.generate_codes()


def _kiosks(window: OfficialsWindow, folder: Path) -> None:
    page = window.show_page("kiosks")
    assert isinstance(page, KiosksPage)
    name = "community-centre" if folder.name == "en" else "branch-library"
    page.name.setText(name)
    page.key_file.edit.setText(str(folder / f"{name}.key"))
    page.passphrase.first.setText("kiosk passphrase 1")
    page.passphrase.second.setText("kiosk passphrase 1")
    page.register_kiosk()


def _checkin(window: OfficialsWindow, folder: Path) -> None:
    import csv

    from ballot.samples import sample_roll

    page = window.show_page("checkin")
    assert isinstance(page, CheckInPage)
    page.key_file.edit.setText(str(folder.parent / "roll" / "roll.key"))
    page.key_passphrase.setText(ROLL)
    page.open_key()
    _settle(window)
    with Path(sample_roll()).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    resident = rows[0 if folder.name == "en" else 1]
    page.id_number.setText(resident["id"])
    page.birth_date.setText(resident["birth_date"])
    page.check()


def _access(window: OfficialsWindow, folder: Path) -> None:
    window.show_page("access")


Stage = Callable[["OfficialsWindow", Path], None]
STAGES: list[tuple[str, str, Stage]] = [
    ("setup", "setup", _setup),
    ("eligibility", "setup", _eligibility),
    ("kiosks", "open", _kiosks),
    ("checkin", "roll", _checkin),
    ("access", "setup", _access),
    *TALLY_STAGES,
]
"""(page name, the store it needs ("setup", "open" or "roll": see ``_prepared_store``), the function that
brings the page to its pictured state)."""


def _no_answer(prompt: str) -> str:
    return ""


def _window(store: Store, lang: str) -> OfficialsWindow:
    from kiosk.officials.console import build_officials_window

    window = build_officials_window(store, clock=_clock, ask=_no_answer, language=lang)
    window.resize(*SIZE)
    window.show()
    return window


def _login_shots(out: Path, folder: Path, lang: str) -> list[Path]:
    from ballot.storage import Store

    written = []
    window = _window(_prepared_store(folder / f"login-{lang}", "setup"), lang)
    window.login.passphrase.setText("wrong passphrase")
    window.login.unlock()
    _settle(window)
    written.append(out / f"login-{lang}.png")
    window.grab().save(str(written[-1]))
    window.close()
    empty = Store(f"sqlite:///{folder / f'first-{lang}.sqlite3'}")
    empty.upgrade()
    window = _window(empty, lang)
    _settle(window)
    written.append(out / f"first-start-{lang}.png")
    window.grab().save(str(written[-1]))
    window.close()
    return written


def shoot(out: Path) -> list[Path]:
    """Render the console's screens into ``out`` in both languages; return the files written."""
    from kiosk.app import _application
    from kiosk.i18n import Translations

    app = _application()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="pbvote-console-shots-") as tmp:
        folder = Path(tmp)
        stores = {kind: _prepared_store(folder / kind, kind) for kind in ("setup", "open", "roll", *EXTRA_KINDS)}
        for lang in LANGUAGES:
            (folder / lang).mkdir()
            written += _login_shots(out, folder / lang, lang)
            for kind, store in stores.items():
                window = _window(store, lang)
                window._granted("official")  # signed in (the login itself is pictured above)
                for name, needs, stage in STAGES:
                    if needs != kind:
                        continue
                    stage(window, folder / lang)
                    _settle(window)
                    written.append(out / f"{name}-{lang}.png")
                    window.grab().save(str(written[-1]))
                window.lock()
                window.close()
        Translations.of(app).use("en")
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    files = shoot(target)
    print(f'{{"console_screenshots": {len(files)}}}')
