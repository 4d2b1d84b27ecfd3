"""Session hygiene: the idle warning counts down visibly, "more time" keeps the ballot, and every end clears all."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ballot.manifest_model import Project
from kiosk.flow import State
from kiosk.qt import QAbstractButton, QApplication, QLabel, QPoint, Qt, QWidget
from kiosk.widgets import ProjectCard
from kiosk.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def fill_ballot(qtbot, w: KioskWindow, district: str = "south", picks: int = 3) -> list[Project]:  # type: ignore[no-untyped-def]
    """Make a full session (English, a district, picks, a refusal, largest text, high contrast, an open card).

    Returns:
        the picked projects.
    """
    w.flow.set_language("en")
    w.flow.start()
    w.flow.choose_district(district)
    cards = list(w.ballot.cards.values())
    for card in cards[:picks]:
        assert card.pick_button is not None
        card.pick_button.click()
    w.ballot.show_problem(w.flow.toggle_pick(cards[-1].project.id) if picks >= 5 else None)
    qtbot.mouseClick(w.top_bar.size_buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.top_bar.contrast_button, Qt.MouseButton.LeftButton)
    w.ballot.cards[cards[0].project.id].toggle_more()
    return [card.project for card in cards[:picks]]


def session_leftovers(w: KioskWindow, needles: list[str]) -> list[str]:
    """Walk the whole widget tree, shown or not: every text, accessible name, description and tooltip."""
    found = []
    for widget in [w, *w.findChildren(QWidget)]:
        texts = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        found += [f"{type(widget).__name__}: {t}" for t in texts if any(n in t for n in needles)]
    return found


def assert_fresh_session(w: KioskWindow, chosen: list[Project]) -> None:
    assert w.flow.state is State.WELCOME and w.flow.at_rest
    assert (None, None, "zh-TW", 0, False) == (w.flow.selection, w.flow.district_id, w.flow.language,
                                               w.flow.text_size, w.flow.high_contrast)
    assert [] == w.findChildren(ProjectCard) and [] == w.review.rows
    checked = {b for b in w.findChildren(QAbstractButton) if b.isChecked()}
    assert {w.top_bar.size_buttons[0], w.welcome.language_buttons["zh-TW"]} == checked
    titles = [project.title.get(lang) for project in chosen for lang in ("en", "zh-TW")]
    assert [] == session_leftovers(w, [*titles, "picked", "已選", "NT$", "point", "Back", "Pick"])
    assert not w.ballot.banner.isVisible() and w.ballot.problem is None and "" == w.ballot.bar.accessibleName()
    assert not w.idle_warning.isVisible() and not w.idle.armed
    assert w.welcome.start_button is focused()
    assert "開始投票" == w.welcome.start_button.text() and "重新開始" == w.top_bar.start_over_button.text()


def test_warning_counts_down_then_the_session_is_cleared(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan", idle_seconds=0.3, warning_seconds=2.0)
    chosen = fill_ballot(qtbot, w)
    assert w.idle.armed
    qtbot.waitUntil(w.idle_warning.isVisible, timeout=3000)
    assert "Are you still there?" == w.idle_warning.heading.text()
    assert "2" == w.idle_warning.count.text()
    assert "Your ballot will be cleared in 2 seconds." == w.idle_warning.message.text()
    assert w.idle_warning.more_button is focused()
    assert "I need more time" == w.idle_warning.more_button.accessibleName()
    assert w.rect() == w.idle_warning.geometry()
    qtbot.waitUntil(lambda: "1" == w.idle_warning.count.text(), timeout=3000)  # the countdown is live
    assert "Your ballot will be cleared in 1 second." == w.idle_warning.message.text()
    assert "Your ballot will be cleared in 1 second." == w.idle_warning.count.accessibleName()
    qtbot.waitUntil(lambda: w.flow.state is State.WELCOME, timeout=3000)
    assert_fresh_session(w, chosen)


@pytest.mark.parametrize("end", ["start over", "finish"])
def test_every_other_end_clears_the_same(make_window: MakeWindow, qtbot, end: str) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan")
    chosen = fill_ballot(qtbot, w, "north", picks=5)
    assert w.ballot.banner.isVisible()  # the sixth pick was refused
    if end == "start over":
        qtbot.mouseClick(w.top_bar.start_over_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(w.ballot.review_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.review.continue_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.pending.home_button, Qt.MouseButton.LeftButton)
    assert_fresh_session(w, chosen)


def test_more_time_keeps_the_ballot_and_the_focus(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan", idle_seconds=0.3, warning_seconds=30)
    chosen = fill_ballot(qtbot, w, picks=2)
    picks = w.flow.selection.picks  # type: ignore[union-attr]
    second = w.ballot.cards[chosen[1].id].pick_button
    assert second is not None
    second.setFocus()
    qtbot.waitUntil(w.idle_warning.isVisible, timeout=3000)
    qtbot.mouseClick(w.idle_warning.more_button, Qt.MouseButton.LeftButton)
    assert not w.idle_warning.isVisible()
    assert (State.BALLOT, picks, 2, True) == (w.flow.state, w.flow.selection.picks, w.flow.text_size,  # type: ignore[union-attr]
                                               w.flow.high_contrast)
    assert second is focused() and second.isChecked()
    # the quiet time starts again; this time the keyboard answers, and the key press only wakes the kiosk
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return):
        qtbot.waitUntil(w.idle_warning.isVisible, timeout=3000)
        assert w.idle_warning.more_button is focused()
        qtbot.keyClick(focused(), key)
        assert not w.idle_warning.isVisible()
        assert picks == w.flow.selection.picks and second is focused()  # type: ignore[union-attr]
    # a touch on the dimmed backdrop wakes it too, without pressing what lies beneath
    qtbot.waitUntil(w.idle_warning.isVisible, timeout=3000)
    beneath = w.ballot.cards[chosen[0].id].pick_button
    assert beneath is not None
    qtbot.mouseClick(w.idle_warning, Qt.MouseButton.LeftButton, pos=w.idle_warning.mapFromGlobal(beneath.mapToGlobal(QPoint(5, 5))))
    assert not w.idle_warning.isVisible() and picks == w.flow.selection.picks  # type: ignore[union-attr]
    # assistive technology presses buttons without any input event: the warning's, or one of the ballot's
    w.idle.start_warning()
    w.idle_warning.more_button.click()
    assert not w.idle_warning.isVisible() and w.idle.armed and w.flow.state is State.BALLOT
    w.idle.start_warning()
    beneath.click()
    assert not w.idle_warning.isVisible() and chosen[0].id not in w.flow.selection.picks  # type: ignore[union-attr]


def test_input_keeps_the_warning_away(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan", idle_seconds=0.4, warning_seconds=30)
    fill_ballot(qtbot, w, picks=1)
    qtbot.mouseClick(w.top_bar.size_buttons[1], Qt.MouseButton.LeftButton)
    for step in range(8):
        qtbot.wait(100)
        qtbot.mouseMove(w.ballot, QPoint(200 + 10 * step, 300))
    assert not w.idle_warning.isVisible()


def test_welcome_at_rest_never_times_out_but_changed_settings_do(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan", idle_seconds=0.1, warning_seconds=0.5)
    qtbot.wait(400)
    assert not w.idle.armed and not w.idle_warning.isVisible()
    qtbot.mouseClick(w.welcome.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert w.idle.armed
    qtbot.waitUntil(w.idle_warning.isVisible, timeout=3000)
    assert w.idle_warning.message.text().startswith("Your settings will be reset in ")
    qtbot.waitUntil(lambda: not w.idle.armed, timeout=3000)
    assert ("zh-TW", State.WELCOME) == (w.flow.language, w.flow.state)


def test_warning_in_both_languages(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("school-points")
    w.flow.start()
    w.idle.start_warning()  # the default 30 s countdown
    assert w.idle_warning.isVisible()
    assert ("您還在嗎？", "30", "30 秒後將清除您的選票。", "我需要更多時間") == (
        w.idle_warning.heading.text(), w.idle_warning.count.text(), w.idle_warning.message.text(),
        w.idle_warning.more_button.text())
    w.flow.set_language("en")  # not by input (that would end the warning): the overlay follows LanguageChange
    assert ("Are you still there?", "Your ballot will be cleared in 30 seconds.", "I need more time") == (
        w.idle_warning.heading.text(), w.idle_warning.message.text(), w.idle_warning.more_button.text())
    assert "Are you still there?" == w.idle_warning.card.accessibleName()
    assert ("Are you still there? Your ballot will be cleared in 30 seconds. Keeps your choices and hides this message"
            == w.idle_warning.more_button.accessibleDescription())
    assert w.idle_warning.more_button.height() >= 72


def test_a_ballot_kept_on_the_welcome_screen_times_out_too(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("riverside-knapsack", idle_seconds=0.1, warning_seconds=0.6)
    w.flow.start()  # one district: straight to the ballot
    first = next(iter(w.ballot.cards.values()))
    assert first.pick_button is not None
    first.pick_button.click()
    qtbot.mouseClick(w.ballot.back_button, Qt.MouseButton.LeftButton)
    assert w.flow.state is State.WELCOME and w.flow.selection is not None and w.idle.armed
    qtbot.waitUntil(w.idle_warning.isVisible, timeout=3000)
    assert w.idle_warning.message.text().endswith(" 秒後將清除您的選票。")  # the ballot, not just the settings
    qtbot.waitUntil(lambda: w.flow.selection is None, timeout=3000)
    assert w.flow.at_rest and not w.idle.armed
