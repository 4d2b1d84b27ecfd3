"""pbvote-kiosk start-up: arguments, the embedded store, calm start-up errors (the observer mode: tests/kiosk/observer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.kiosk_key import KioskKey, write_kiosk_key
from ballot.remote import RemoteBallotBox
from ballot.service.errors import ElectionMismatch, ServiceUnavailable
from kiosk.app import Options, parse_args, run
from kiosk.window import KioskWindow
from tests.ballot.box_setup import BOARD_PASSPHRASE, prepare_election

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_parse_args() -> None:
    assert parse_args([]) == Options()
    o = parse_args(["--kiosk", "--election", "m.toml", "--db", "sqlite:///x", "--server", "https://bb"])
    assert (o.kiosk, o.mode, o.election, o.db, o.server) == (True, "voter", "m.toml", "sqlite:///x", "https://bb")
    assert parse_args(["--officials"]).mode == "officials"
    assert parse_args(["--observer"]).mode == "observer"
    o = parse_args(["--server", "http://127.0.0.1:9", "--fingerprint", "abcd-abcd-abcd-abcd", "--kiosk-key", "k"])
    assert (o.server, o.fingerprint, o.kiosk_key) == ("http://127.0.0.1:9", "abcd-abcd-abcd-abcd", "k")
    with pytest.raises(SystemExit):
        parse_args(["--fingerprint", "abcd-abcd-abcd-abcd"])
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


def test_no_arguments_is_preview_mode_and_says_why(qtbot, tmp_path: Path, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PBVOTE_DB", f"sqlite:///{tmp_path / 'k.sqlite3'}")
    code, window = run(parse_args([]), present_error=pytest.fail, exec_loop=False)
    assert code == 0 and isinstance(window, KioskWindow) and window.controller is None
    qtbot.addWidget(window)
    assert "preview mode" in caplog.text and "no ballot-box key" in caplog.text


def test_a_ready_store_casts_for_real(qtbot, tmp_path: Path, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'box.sqlite3'}"
    ready = prepare_election(url, 1)
    kiosk_file = tmp_path / "kiosk-1.key"
    write_kiosk_key(kiosk_file, KioskKey(ready.election.fingerprint, "kiosk-1", ready.kiosk_key), "kiosk pass")
    monkeypatch.delenv("PBVOTE_BOARD_PASSPHRASE", raising=False)
    # no passphrase and no terminal: preview, with a log line
    code, window = run(Options(db=url), present_error=pytest.fail, exec_loop=False, ask=lambda _p: "")
    assert code == 0 and isinstance(window, KioskWindow) and window.controller is None
    qtbot.addWidget(window)
    assert "PBVOTE_BOARD_PASSPHRASE is not set" in caplog.text
    # a wrong passphrase is a start-up error, not preview mode
    messages: list[str] = []
    code, window = run(Options(db=url), present_error=messages.append, exec_loop=False, ask=lambda _p: "wrong")
    assert code == 1 and window is None and "wrong passphrase" in messages[0]
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", BOARD_PASSPHRASE)
    monkeypatch.setenv("PBVOTE_PASSPHRASE", "kiosk pass")
    code, window = run(Options(db=url, kiosk_key=str(kiosk_file)), present_error=pytest.fail, exec_loop=False)
    assert code == 0 and isinstance(window, KioskWindow) and window.controller is not None
    qtbot.addWidget(window)
    service = window.controller.service
    assert not service.remote and service.kiosk is not None and service.kiosk[0] == "kiosk-1"
    assert service.polls() == "open"
    ready.store.close()


@pytest.mark.parametrize(("problem", "advice"), [
    (ServiceUnavailable("the ballot box at h:1 did not answer"), "please try again later"),
    (ElectionMismatch("this ballot box serves election 1111-2222-3333-4444"), "contact the election officials"),
])
def test_home_mode_start_up_problems_are_calm(qtbot, problem: Exception, advice: str) -> None:  # type: ignore[no-untyped-def]
    def connect(url: str, fingerprint: str | None) -> RemoteBallotBox:
        assert (url, fingerprint) == ("http://127.0.0.1:9", "abcd-abcd-abcd-abcd")
        raise problem

    messages: list[str] = []
    code, window = run(parse_args(["--server", "http://127.0.0.1:9", "--fingerprint", "abcd-abcd-abcd-abcd"]),
                       present_error=messages.append, exec_loop=False, connect=connect)
    assert code == 1 and window is None
    assert str(problem) in messages[0] and advice in messages[0] and "Traceback" not in messages[0]
    assert "請" in messages[0]
