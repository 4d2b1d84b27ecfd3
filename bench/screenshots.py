"""Render every kiosk screen offscreen into docs/screenshots/ and print one JSON line.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshots.py [--out DIR] [--size 1280x800]``.
Both languages, default and largest text, high contrast, the ballot of all three samples, the idle
timeout warning over a filled ballot, and the casting screens (code entry and its refusal, attendant
check-in, encrypting, cast or check, the checked ballot, the receipt, the error notice, the lock after an
unverifiable ballot box) against a real ballot box in a temporary SQLite database, and home mode's
"Connecting to the ballot box…" window.  Every screen in every look: zh-TW and en, each at the default
text size (a), the largest (a++) and in high contrast; files are <sample>-<screen>-<lang>-<size>[-contrast].png.
Then the officials' console (bench/_shots_console.py, into console/) and the observer screen
(bench/_shots_observer.py, into observer/), both languages; ``--only`` renders one of the three.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PBVOTE_KDF", "interactive")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import tempfile

from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from kiosk.app import _application, build_window
from kiosk.flow import State
from kiosk.ops import VotingService
from kiosk.printing import PdfFolderPrinter
from kiosk.qt import QApplication, QElapsedTimer
from kiosk.window import ConnectingWindow, KioskWindow
from tests.ballot.box_setup import Ready, prepare_election

Step = Callable[[KioskWindow], None]


def _clock() -> datetime:
    return datetime(2027, 3, 5, 10, 0, tzinfo=UTC)


def to_district(w: KioskWindow) -> None:
    w.flow.start()


def to_ballot(w: KioskWindow) -> None:
    w.flow.start()
    if w.flow.state == State.DISTRICT:
        w.flow.choose_district(w.flow.election.districts[0].id)


def with_picks(w: KioskWindow) -> None:
    """Fill the ballot a little, and show one refusal."""
    to_ballot(w)
    rule = w.flow.district.ballot if w.flow.district else None
    ids = [p.id for p in w.flow.election.projects_in(w.flow.district_id or "")]
    if rule is None:
        return
    if rule.type == "cumulative":
        for pid, n in zip(ids, (3, 5, 2), strict=False):
            for _ in range(n):
                w.ballot._plus(pid)
        w.ballot._plus(ids[1])
    else:
        for pid in ids:
            w.ballot._pick(pid)
            if w.ballot.banner.isVisible():
                break


def first_two(w: KioskWindow) -> None:
    to_ballot(w)
    for pid in [p.id for p in w.flow.election.projects_in(w.flow.district_id or "")][:2]:
        w.ballot._pick(pid)


def to_review(w: KioskWindow) -> None:
    first_two(w)
    w.flow.review()


def to_pending(w: KioskWindow) -> None:
    to_review(w)
    w.flow.go(State.PENDING)


def to_timeout_warning(w: KioskWindow) -> None:
    """A filled ballot left alone: the "are you still there?" countdown starts."""
    first_two(w)
    w.idle.start_warning()


def _wait(w: KioskWindow, *states: State) -> None:
    timer = QElapsedTimer()
    timer.start()
    while w.flow.state not in states and timer.elapsed() < 20_000:
        QApplication.processEvents()
    assert w.flow.state in states, f"stuck in {w.flow.state}"


def _code(w: KioskWindow) -> str:
    return str(w.property("code"))


def code_refused(w: KioskWindow) -> None:
    """A code with a wrong check character."""
    w.flow.start()
    code = _code(w)
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    w.eligibility.entry.setText(typo)
    w.eligibility._submit()


def code_typed(w: KioskWindow) -> None:
    w.flow.start()
    w.eligibility.entry.setText(_code(w)[:14])


def checkin(w: KioskWindow) -> None:
    w.flow.go(State.CHECKIN)
    w.checkin.id_entry.setText("A123456789")


def _to_choice(w: KioskWindow) -> None:
    w.flow.start()
    assert w.controller is not None
    w.controller.submit_code(_code(w))
    _wait(w, State.DISTRICT)
    first_two_picked(w)
    w.flow.review()
    w.controller.encrypt()
    _wait(w, State.CHOICE)


def first_two_picked(w: KioskWindow) -> None:
    w.flow.choose_district(w.flow.election.districts[0].id)
    for pid in [p.id for p in w.flow.election.projects_in(w.flow.district_id or "")][:2]:
        w.ballot._pick(pid)


def encrypting(w: KioskWindow) -> None:
    _to_choice(w)
    w.flow.go(State.ENCRYPTING)  # the screen as it shows while the proofs run


def choice(w: KioskWindow) -> None:
    _to_choice(w)


def checked(w: KioskWindow) -> None:
    _to_choice(w)
    assert w.controller is not None
    w.controller.check()
    _wait(w, State.CHECKED)


def error(w: KioskWindow) -> None:
    """The notice a resident sees when the ballot box cannot be reached."""
    _to_choice(w)
    from ballot.errors import StorageError
    from kiosk.errors import show_error

    show_error(w.error_notice, "cast", StorageError("screenshot"))


def receipt(w: KioskWindow) -> None:
    """Cast with a fresh code each time (a code votes once)."""
    w.setProperty("code", _FRESH_CODES.pop())
    _to_choice(w)
    assert w.controller is not None
    w.controller.cast()
    _wait(w, State.RECEIPT)
    w.receipt.timer.stop()


def locked(w: KioskWindow) -> None:
    """After a forged receipt: the lock waits for the attendants' passphrase (one wrong try shown)."""
    w._stop()
    assert w.lock_screen is not None
    w.lock_screen.lock()
    w.lock_screen.show_answer("denied")


_FRESH_CODES: list[str] = []
"""Codes not used yet, one per receipt screenshot."""

CASTING_SCENES: list[tuple[str, Step]] = [
    ("eligibility", code_typed), ("eligibility-typo", code_refused), ("checkin", checkin),
    ("encrypting", encrypting), ("cast-or-check", choice), ("checked", checked), ("receipt", receipt),
    ("error", error), ("locked", locked),
]
"""Screens that need the ballot box: shown on taipei-daan in both languages (the receipt also at A++)."""

SCENES: list[tuple[str, str, Step | None]] = [
    ("taipei-daan", "welcome", None),
    ("taipei-daan", "district", to_district),
    ("taipei-daan", "ballot", with_picks),
    ("taipei-daan", "review", to_review),
    ("taipei-daan", "pending", to_pending),
    ("taipei-daan", "timeout", to_timeout_warning),
    ("riverside-knapsack", "ballot", with_picks),
    ("school-points", "ballot", with_picks),
    ("school-points", "welcome", None),
]
LOOKS = [("zh-TW", 0, False), ("en", 0, False), ("zh-TW", 2, False), ("en", 2, False), ("en", 0, True),
         ("zh-TW", 0, True)]


def render(out: Path, width: int, height: int) -> int:
    """Render every scene in every look; return the number of files written."""
    app = _application()
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    windows: dict[str, KioskWindow] = {}
    for sample, screen, step in SCENES:
        if sample not in windows:
            windows[sample] = build_window(load_manifest(sample_manifest(sample)), clock=_clock)
            windows[sample].resize(width, height)
            windows[sample].show()
        w = windows[sample]
        for lang, size, contrast in LOOKS:
            w.flow.reset()
            w.flow.set_language(lang)
            w.flow.set_text_size(size)
            w.flow.set_high_contrast(contrast)
            if step is not None:
                step(w)
            for _ in range(3):  # let deferred layout requests (wrapped text heights) settle
                app.processEvents()
            look = f"{lang}-{['a', 'a+', 'a++'][size]}" + ("-contrast" if contrast else "")
            w.grab().save(str(out / f"{sample}-{screen}-{look}.png"))
            count += 1
    with tempfile.TemporaryDirectory() as tmp:
        count += render_casting(out, width, height, Path(tmp))
    connecting = ConnectingWindow("https://vote.taipei.example:8443")  # both languages at once
    connecting.resize(width, height)
    connecting.show()
    app.processEvents()
    connecting.grab().save(str(out / "home-connecting.png"))
    connecting.close()
    count += 1
    for w in windows.values():
        w.close()
    QApplication.processEvents()
    return count


def casting_window(tmp: Path, width: int, height: int) -> tuple[KioskWindow, Ready]:
    """A taipei-daan window wired to a real ballot box with open polls and 40 codes."""
    ready = prepare_election(f"sqlite:///{tmp / 'box.sqlite3'}", 40)
    service = VotingService(ready.box(), kiosk=("kiosk-1", ready.kiosk_key))
    w = build_window(ready.election, clock=_clock, service=service, printer=PdfFolderPrinter(tmp / "receipts"))
    _FRESH_CODES[:] = ready.codes[1:]
    w.setProperty("code", ready.codes[0])
    w.resize(width, height)
    w.show()
    return w, ready


def render_casting(out: Path, width: int, height: int, tmp: Path) -> int:
    """Render the casting screens; return the number of files written."""
    w, ready = casting_window(tmp, width, height)
    count = 0
    for screen, step in CASTING_SCENES:
        for lang, size, contrast in LOOKS:
            w.flow.reset()
            w.setProperty("code", ready.codes[0])
            w.flow.set_language(lang)
            w.flow.set_text_size(size)
            w.flow.set_high_contrast(contrast)
            step(w)
            for _ in range(3):
                QApplication.processEvents()
            look = f"{lang}-{['a', 'a+', 'a++'][size]}" + ("-contrast" if contrast else "")
            w.grab().save(str(out / f"taipei-daan-{screen}-{look}.png"))
            count += 1
            if w.stopped:
                w._unlock_answered("granted")
    w.flow.reset()
    w.close()
    ready.store.close()
    return count


def main() -> None:
    """Parse arguments, render, print the JSON summary line."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "screenshots")
    p.add_argument("--size", default="1280x800")
    p.add_argument("--only", choices=("kiosk", "console", "observer"),
                   help="one surface only (default: the kiosk, the officials' console and the observer screen)")
    a = p.parse_args()
    width, height = (int(x) for x in a.size.split("x"))
    start = time.perf_counter()
    counts: dict[str, int] = {}
    if a.only in (None, "kiosk"):
        counts["kiosk"] = render(a.out, width, height)
    if a.only in (None, "console"):
        from bench._shots_console import shoot as shoot_console
        counts["console"] = len(shoot_console(a.out / "console"))
    if a.only in (None, "observer"):
        from bench._shots_observer import shoot as shoot_observer
        counts["observer"] = len(shoot_observer(a.out / "observer"))
    print(json.dumps({"screenshots": sum(counts.values()), **{f"{k}_screenshots": v for k, v in counts.items()},
                      "seconds": round(time.perf_counter() - start, 2), "size": f"{width}x{height}"}))


if __name__ == "__main__":
    main()
