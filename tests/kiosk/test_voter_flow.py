"""The kiosk driven like a resident would: keyboard only, touch, both languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from kiosk.flow import State
from kiosk.qt import QAbstractButton, QApplication, QLabel, Qt, QWidget
from kiosk.widgets import KioskButton, ProjectCard
from kiosk.window import KioskWindow

MakeWindow = Callable[[str], KioskWindow]

# the offscreen platform says so for every top-level window; nothing to fix in the kiosk
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key)


def tab_until(qtbot, wanted: Callable[[QWidget], bool], limit: int = 60) -> QWidget:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Tab)
        if wanted(focused()):
            return focused()
    raise AssertionError("Tab never reached the wanted widget")


def pick_buttons(window: KioskWindow) -> list[KioskButton]:
    return [card.pick_button for card in window.ballot.cards.values() if card.pick_button is not None]


def test_starts_on_welcome_and_switches_language(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan")
    assert w.flow.state is State.WELCOME
    assert w.stack.currentIndex() == 0
    assert w.welcome.title.text() == "大安區參與式預算 2027"
    assert w.welcome.title_alt.text() == "Da'an District Participatory Budget 2027"
    qtbot.mouseClick(w.welcome.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert w.flow.language == "en" and w.welcome.start_button.text() == "Start voting"
    w.welcome.language_buttons["zh-TW"].setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert w.flow.language == "zh-TW" and w.welcome.start_button.text() == "開始投票"


def test_keyboard_only_approval_to_max(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan")
    assert focused() is w.welcome.start_button
    press(qtbot, Qt.Key.Key_Return)
    assert w.flow.state is State.DISTRICT
    assert focused() is w.district.buttons["north"]
    press(qtbot, Qt.Key.Key_Enter)
    assert w.flow.state is State.BALLOT and w.flow.district_id == "north"
    buttons = pick_buttons(w)
    qtbot.wait(50)  # nothing built for the ballot may flash up as a window of its own and take the focus away
    assert QApplication.activeWindow() is w and focused() is buttons[0]
    press(qtbot, Qt.Key.Key_Space)
    for expected in buttons[1:5]:
        assert tab_until(qtbot, lambda x, e=expected: x is e) is expected
        press(qtbot, Qt.Key.Key_Space)
    assert w.flow.selection is not None and len(w.flow.selection.picks) == 5
    assert w.ballot.status.text() == "已選 5 案，至多 5 案"
    sixth = tab_until(qtbot, lambda x: x is buttons[5])
    press(qtbot, Qt.Key.Key_Space)
    assert len(w.flow.selection.picks) == 5
    assert not sixth.isChecked()
    assert w.ballot.banner.isVisible() and "最多只能選擇 5 案" in w.ballot.banner.text()
    # un-pick one, then the sixth fits and the message goes away
    buttons[0].setFocus()
    press(qtbot, Qt.Key.Key_Space)
    sixth.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert sixth.isChecked() and not w.ballot.banner.isVisible()


def test_knapsack_refuses_over_budget(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("riverside-knapsack")
    w.flow.set_language("en")
    qtbot.mouseClick(w.welcome.start_button, Qt.MouseButton.LeftButton)
    assert w.flow.state is State.BALLOT
    district = w.flow.district
    assert district is not None
    refused = None
    for card in sorted(w.ballot.cards.values(), key=lambda c: -c.project.cost):
        assert card.pick_button is not None
        qtbot.mouseClick(card.pick_button, Qt.MouseButton.LeftButton)
        if w.ballot.banner.isVisible():
            refused = card
            break
    assert refused is not None and refused.pick_button is not None
    assert not refused.pick_button.isChecked()
    assert refused.project.id not in w.flow.selection.picks  # type: ignore[union-attr]
    text = w.ballot.banner.text()
    assert f"This project costs NT${refused.project.cost:,}; you have NT$" in text
    assert "left" in w.ballot.extra.text() and w.ballot.bar.value() <= district.budget


def test_cumulative_steppers_stop_at_limits(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("school-points")
    w.flow.start()
    cards = list(w.ballot.cards.values())
    first, second, third = cards[0], cards[1], cards[2]
    assert first.plus_button and first.minus_button and second.plus_button and third.plus_button
    for _ in range(7):
        qtbot.mouseClick(first.plus_button, Qt.MouseButton.LeftButton)
    assert w.flow.selection.points[first.project.id] == 5  # type: ignore[union-attr]
    assert "每個提案最多只能給 5 點" in w.ballot.banner.text()
    for _ in range(5):
        qtbot.mouseClick(second.plus_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(third.plus_button, Qt.MouseButton.LeftButton)
    assert third.project.id not in w.flow.selection.points  # type: ignore[union-attr]
    assert "10 點已全部分配完畢" in w.ballot.banner.text()
    assert w.ballot.extra.text() == "尚餘 0 點"
    first.minus_button.setFocus()
    for _ in range(7):
        press(qtbot, Qt.Key.Key_Space)
    assert first.project.id not in w.flow.selection.points  # type: ignore[union-attr]
    assert first.points_label is not None and first.points_label.text() == "0"


def test_review_shows_picks_and_reset_forgets_everything(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan")
    w.flow.set_language("en")
    w.flow.start()
    w.flow.choose_district("south")
    chosen = list(w.ballot.cards.values())[:3]
    for card in chosen:
        assert card.pick_button is not None
        qtbot.mouseClick(card.pick_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.top_bar.size_buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.top_bar.contrast_button, Qt.MouseButton.LeftButton)
    assert w.flow.text_size == 2 and w.flow.high_contrast
    qtbot.mouseClick(w.ballot.review_button, Qt.MouseButton.LeftButton)
    assert w.flow.state is State.REVIEW
    shown = {lab.text() for lab in w.review.findChildren(QLabel)}
    for card in chosen:
        assert card.project.title.get("en") in shown
    assert len(w.review.rows) == 3
    qtbot.mouseClick(w.review.change_button, Qt.MouseButton.LeftButton)
    assert w.flow.state is State.BALLOT and len(w.flow.selection.picks) == 3  # type: ignore[union-attr]
    qtbot.mouseClick(w.ballot.review_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.review.continue_button, Qt.MouseButton.LeftButton)
    assert w.flow.state is State.PENDING
    qtbot.mouseClick(w.pending.home_button, Qt.MouseButton.LeftButton)
    assert w.flow.state is State.WELCOME
    assert (w.flow.selection, w.flow.district_id, w.flow.language) == (None, None, "zh-TW")
    assert (w.flow.text_size, w.flow.high_contrast) == (0, False)
    assert w.top_bar.size_buttons[0].isChecked() and not w.top_bar.contrast_button.isChecked()
    # walk the widget tree: no card, no picked button, no review row, no message survives
    assert w.findChildren(ProjectCard) == []
    assert w.review.rows == []
    checked = [b for b in w.findChildren(QAbstractButton) if b.isChecked()]
    assert set(checked) == {w.top_bar.size_buttons[0], w.welcome.language_buttons["zh-TW"]}
    texts = " ".join(lab.text() for lab in w.findChildren(QLabel))
    for card in chosen:
        assert card.project.title.get("en") not in texts and card.project.title.get("zh-TW") not in texts
    assert not w.ballot.banner.isVisible()


def _visit_states(w: KioskWindow) -> list[State]:
    w.flow.start()
    states = [State.DISTRICT]
    if w.flow.state is State.DISTRICT:
        w.flow.choose_district(w.flow.election.districts[0].id)
    states.append(State.BALLOT)
    return states


def test_every_focusable_widget_has_accessible_name(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    for sample in ("taipei-daan", "school-points"):
        w = make_window(sample)
        for lang in ("zh-TW", "en"):
            w.flow.reset()
            w.flow.set_language(lang)
            seen = 0
            for step in ("welcome", "start", "ballot", "review", "pending"):
                if step == "start":
                    w.flow.start()
                elif step == "ballot":
                    if w.flow.state is State.DISTRICT:
                        w.flow.choose_district(w.flow.election.districts[0].id)
                    first = next(iter(w.ballot.cards.values()))
                    if first.pick_button is not None:
                        first.pick_button.click()
                    elif first.plus_button is not None:
                        first.plus_button.click()
                    first.toggle_more() if first.more_button else None
                elif step == "review":
                    assert w.flow.review() == []
                elif step == "pending":
                    w.flow.go(State.PENDING)
                QApplication.processEvents()
                for widget in w.findChildren(QWidget):
                    if not widget.isVisibleTo(w) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                        continue
                    seen += 1
                    assert widget.accessibleName().strip(), f"{sample}/{lang}/{step}: {widget!r} {getattr(widget, 'text', str)()}"
                    if isinstance(widget, QAbstractButton):
                        assert widget.height() >= 44, f"touch target too small: {widget.text()}"
            assert seen > 20


def test_enter_activates_buttons(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan")
    w.welcome.language_buttons["en"].setFocus()
    press(qtbot, Qt.Key.Key_Enter)
    assert w.flow.language == "en"
    w.top_bar.contrast_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert w.flow.high_contrast


def test_largest_text_wraps_without_clipping(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("riverside-knapsack")
    w.flow.set_language("en")
    w.flow.start()
    qtbot.mouseClick(w.top_bar.size_buttons[2], Qt.MouseButton.LeftButton)
    for _ in range(3):
        QApplication.processEvents()
    card = next(iter(w.ballot.cards.values()))
    card.toggle_more()
    for _ in range(3):
        QApplication.processEvents()
    labels = [lab for c in w.ballot.cards.values() for lab in c.findChildren(QLabel) if lab.wordWrap()]
    assert labels
    clipped = [lab.text() for lab in labels if lab.height() < lab.heightForWidth(lab.width())]
    assert clipped == []
    assert all(b.height() >= 44 for b in w.top_bar.size_buttons)


def test_an_imported_pabulib_ballot_gives_pictureless_cards_the_room(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """No project has a picture and each description repeats its name (a pabulib import): neither is shown."""
    from ballot.manifest import parse_manifest
    from ballot.manifest_toml import dumps_manifest
    from ballot.pabulib import read_pb
    from ballot.pabulib_manifest import manifest_data
    from kiosk.app import build_window
    from kiosk.widgets.project_card import IMAGE_PX
    from tests.kiosk.conftest import fixed_clock
    from tests.tally.test_replay_resume import write_pb

    election = parse_manifest(dumps_manifest(manifest_data(read_pb(write_pb(tmp_path / "small.pb")), name="small")))
    w = build_window(election, clock=fixed_clock)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.flow.start()
    assert w.flow.state is State.BALLOT
    cards = list(w.ballot.cards.values())
    assert 4 == len(cards)
    for card in cards:
        assert card.description.isHidden() and card.more_button is None
        assert [] == [x for x in card.findChildren(QLabel) if x.width() == IMAGE_PX and x.height() == IMAGE_PX]
        assert card.title.geometry().left() < IMAGE_PX  # the title starts where the picture would have been
    sample = build_window(load_manifest(sample_manifest("taipei-daan")), clock=fixed_clock)
    qtbot.addWidget(sample)
    sample.resize(1280, 800)
    sample.show()
    sample.flow.start()
    sample.flow.choose_district(sample.flow.election.districts[0].id)
    for card in sample.ballot.cards.values():  # the sample's projects have pictures and descriptions
        assert not card.description.isHidden()
        assert card.title.geometry().left() > IMAGE_PX
