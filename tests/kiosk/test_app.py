"""pbvote-kiosk start-up: arguments, the embedded store, calm start-up errors, unavailable modes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app import Options, parse_args, run
from kiosk.window import KioskWindow, UnavailableWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_parse_args() -> None:
    assert parse_args([]) == Options()
    o = parse_args(["--kiosk", "--election", "m.toml", "--db", "sqlite:///x", "--server", "https://bb"])
    assert (o.kiosk, o.mode, o.election, o.db, o.server) == (True, "voter", "m.toml", "sqlite:///x", "https://bb")
    assert parse_args(["--officials"]).mode == "officials"
    assert parse_args(["--observer"]).mode == "observer"
    with pytest.raises(SystemExit):
        parse_args(["--officials", "--observer"])


def test_no_arguments_stores_the_sample_in_an_empty_db(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PBVOTE_DB", f"sqlite:///{tmp_path / 'k.sqlite3'}")
    code, window = run(parse_args([]), present_error=pytest.fail, exec_loop=False)
    assert code == 0 and isinstance(window, KioskWindow)
    qtbot.addWidget(window)
    assert window.flow.election.id == "taipei-daan-2027"
    # second start reads the stored election back (images from the store by hash)
    code, again = run(parse_args([]), present_error=pytest.fail, exec_loop=False)
    assert isinstance(again, KioskWindow)
    qtbot.addWidget(again)
    assert again.flow.election.fingerprint == window.flow.election.fingerprint


def test_bad_manifest_is_a_calm_message(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "manifest.toml"
    bad.write_text('format = "pbvote-manifest/1"\n[election]\nid = 3\n', encoding="utf-8")
    messages: list[str] = []
    code, window = run(Options(election=str(bad), db=f"sqlite:///{tmp_path / 'db.sqlite3'}"),
                       present_error=messages.append, exec_loop=False)
    assert code == 1 and window is None
    assert len(messages) == 1 and "Traceback" not in messages[0] and messages[0]
    code, window = run(Options(election=str(tmp_path / "missing.toml")), present_error=messages.append,
                       exec_loop=False)
    assert code == 1 and len(messages) == 2


@pytest.mark.parametrize(("argv", "needle"), [(["--officials"], "officials"), (["--observer"], "observer"),
                                              (["--server", "https://bb.example"], "https://bb.example")])
def test_modes_not_in_this_build(qtbot, argv: list[str], needle: str) -> None:  # type: ignore[no-untyped-def]
    code, window = run(parse_args(argv), present_error=pytest.fail, exec_loop=False)
    assert code == 0 and isinstance(window, UnavailableWindow)
    qtbot.addWidget(window)
    from kiosk.qt import QLabel
    text = " ".join(lab.text() for lab in window.findChildren(QLabel))
    assert needle in text and "此版本尚未提供" in text and "Not available in this build yet" in text

