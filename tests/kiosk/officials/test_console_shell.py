"""The console shell: `pbvote-kiosk --officials` opens it on the login; roles see their pages; header and language."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app import parse_args, run
from kiosk.officials.console import OfficialsWindow
from kiosk.officials.page import ConsolePage
from kiosk.officials.pages import PAGES
from kiosk.qt import QApplication, Qt, QWidget
from kiosk.window import KioskWindow
from tests.kiosk.officials.shell_steps import open_console, sample_store, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_officials_option_opens_the_console_on_its_login(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sample_store(tmp_path / "e.db")
    code, window = run(parse_args(["--officials", "--db", f"sqlite:///{tmp_path / 'e.db'}"]),
                       present_error=pytest.fail, exec_loop=False)
    assert isinstance(window, OfficialsWindow)
    qtbot.addWidget(window)
    assert 0 == code and window.login is window.root.currentWidget() and [] == window.pages
    assert not window.findChildren(KioskWindow)  # no way from here to the resident's flow, nor back


def test_the_resident_window_has_no_way_into_the_console(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PBVOTE_DB", f"sqlite:///{tmp_path / 'k.db'}")
    _code, window = run(parse_args([]), present_error=pytest.fail, exec_loop=False)
    assert isinstance(window, KioskWindow)
    qtbot.addWidget(window)
    names = {type(w).__module__ for w in window.findChildren(QWidget)}
    assert not {n for n in names if n.startswith("kiosk.officials")}


def test_official_sees_every_page_and_the_attendant_only_theirs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_console(qtbot, sample_store(tmp_path / "e.db"))
    sign_in(qtbot, window, "official")
    assert [p.object_name for p in PAGES] == [p.objectName() for p in window.pages]
    assert "Polls: not open yet" == window.header.polls.text() and "Signed in: Official" == window.header.role.text()
    assert window.header.fingerprint.text().startswith("Fingerprint ")
    window.header.lock.click()
    sign_in(qtbot, window, "attendant")
    seen = {p.objectName() for p in window.pages}
    assert seen == {p.object_name for p in PAGES if "attendant" in p.roles}
    assert "setup" not in seen and window.page("setup") is None
    with pytest.raises(KeyError):
        window.show_page("setup")
    assert "Signed in: Attendant" == window.header.role.text()


def test_language_switch_retranslates_header_navigation_and_pages(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_console(qtbot, sample_store(tmp_path / "e.db"))
    sign_in(qtbot, window)
    english = [window.nav.item(i).text() for i in range(window.nav.count())]
    window.header.language.click()
    try:
        assert "大安區參與式預算 2027" == window.header.title.text()
        assert "投票：尚未開始" == window.header.polls.text()
        chinese = [window.nav.item(i).text() for i in range(window.nav.count())]
        names = [p.objectName() for p in window.pages]
        mine = dict(zip(names, zip(english, chinese, strict=True), strict=True))
        assert ("Setup", "設定") == mine["setup"] and ("Kiosks", "投票機") == mine["kiosks"]
        assert "投票案設定" == window.page("setup").heading.text()
        assert "English" == window.header.language.text()
    finally:
        window.toggle_language()


def test_pages_refresh_when_the_store_changes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_console(qtbot, sample_store(tmp_path / "e.db"))
    sign_in(qtbot, window)
    calls: list[str] = []

    class Probe(ConsolePage):
        object_name = "probe"

        def title(self) -> str:
            return "Probe"

        def refresh(self) -> None:
            calls.append("refresh")

    probe = Probe(window.context)
    window.stack.addWidget(probe)
    window.stack.setCurrentWidget(probe)
    window.context.changed()
    assert ["refresh"] == calls


B1_PAGES = ("setup", "eligibility", "kiosks", "checkin", "access")


@pytest.mark.parametrize("language", ["en", "zh-TW"])
def test_every_focusable_widget_has_an_accessible_name(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    window = open_console(qtbot, sample_store(tmp_path / "e.db"), language=language)
    try:
        screens: list[tuple[str, QWidget]] = [("login", window.login)]
        sign_in(qtbot, window)
        for name in B1_PAGES:
            page = window.show_page(name)
            if name == "setup":
                page.load_sample()  # type: ignore[attr-defined]
            screens.append((name, page))
        screens.append(("header", window.header))
        seen = 0
        for name, screen in screens:
            if screen is not window.login:
                window.show_page(name) if name in B1_PAGES else None
            QApplication.processEvents()
            for widget in [screen, *screen.findChildren(QWidget)]:
                if not widget.isVisibleTo(window) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    continue
                seen += 1
                assert widget.accessibleName().strip(), f"{language}/{name}: {widget!r} {getattr(widget, 'text', str)()}"
        assert seen > 30
    finally:
        window.translations.use("en")
