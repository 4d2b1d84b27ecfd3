"""pbvote-kiosk start-up extras: "Connecting to the ballot box…" while --server connects; --district for assigned districts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ballot.remote import RemoteBallotBox
from ballot.samples import assets_dir, sample_manifest
from ballot.service.errors import ServiceUnavailable
from kiosk.app import parse_args, run
from kiosk.flow import State
from kiosk.qt import QApplication, QLabel, QTimer
from kiosk.window import ConnectingWindow, KioskWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_connecting_window_shows_while_the_server_is_checked(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ConnectingWindow) and widget.isVisible():
                seen.append(" ".join(lab.text() for lab in widget.findChildren(QLabel)))

    def slow_connect(url: str, fingerprint: str | None) -> RemoteBallotBox:
        time.sleep(0.6)  # on the worker thread: the GUI thread keeps painting the connecting window
        raise ServiceUnavailable(f"the ballot box at {url} did not answer")

    QTimer.singleShot(200, look)
    messages: list[str] = []
    code, window = run(parse_args(["--server", "http://127.0.0.1:9"]), present_error=messages.append,
                       exec_loop=False, connect=slow_connect)
    assert (code, window) == (1, None) and "try again later" in messages[0]
    assert len(seen) == 1, "the connecting window was not on screen while connecting"
    assert "Connecting to the ballot box" in seen[0] and "正在連線到投票箱" in seen[0]
    assert "http://127.0.0.1:9" in seen[0]
    QApplication.processEvents()
    assert not any(isinstance(w, ConnectingWindow) and w.isVisible() for w in QApplication.topLevelWidgets())


def assigned_manifest(tmp_path: Path) -> Path:
    """taipei-daan with district_choice = "assigned" (images by absolute path)."""
    text = sample_manifest("taipei-daan").read_text(encoding="utf-8")
    text = text.replace('district_choice = "resident"', 'district_choice = "assigned"')
    text = text.replace("../../images/", f"{assets_dir() / 'images'}/")
    path = tmp_path / "assigned.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_assigning_election_needs_district(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    manifest = assigned_manifest(tmp_path)
    db = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    messages: list[str] = []
    code, window = run(parse_args(["--election", str(manifest), "--db", db]), present_error=messages.append,
                       exec_loop=False)
    assert (code, window) == (1, None) and "--district ID" in messages[0] and "north, south" in messages[0]
    code, window = run(parse_args(["--election", str(manifest), "--db", db, "--district", "south"]),
                       present_error=pytest.fail, exec_loop=False)
    assert code == 0 and isinstance(window, KioskWindow)
    qtbot.addWidget(window)
    window.welcome.start_button.click()
    assert (window.flow.state, window.flow.district_id) == (State.BALLOT, "south")
