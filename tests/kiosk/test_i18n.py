"""Every kiosk string goes through Qt's translation system: catalogues current, complete, and switched at once."""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import get_args

import pytest

from ballot.selection import Problem, ProblemCode
from kiosk.flow import State
from kiosk.i18n import Translations, format_date, format_money, render_problem
from kiosk.i18n._build import check, lupdate, read_ts, sources
from kiosk.i18n.translator import catalogue_path
from kiosk.qt import QAbstractButton, QApplication, QLabel, Qt, QWidget
from kiosk.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"%(?:n|\d)")
TEXT_SETTERS = {"setText", "setAccessibleName", "setAccessibleDescription", "setToolTip", "setWindowTitle",
                "set_texts", "set_full_text", "setPlaceholderText"}


def messages(language: str) -> Iterator[tuple[str, ET.Element]]:
    """Yield (context name, message element) of a committed .ts file."""
    root = ET.parse(catalogue_path(language, ".ts")).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in element.iter("numerusform")]
    return [element.text or ""]


# ------------------------------------------------------------ the catalogues themselves


def test_committed_ts_and_qm_match_the_code() -> None:
    # the .ts files hold exactly the messages lupdate extracts, and each .qm translates them as its .ts says
    assert [] == check()


@pytest.mark.parametrize("language", ["zh-TW", "en"])
def test_regenerating_keeps_every_message_and_plural_form(language: str, tmp_path: Path) -> None:
    # whatever lupdate version is installed, updating a committed .ts changes no message (nor loses a plural)
    committed = catalogue_path(language, ".ts")
    copy = tmp_path / committed.name
    shutil.copyfile(committed, copy)
    lupdate(language, copy)
    assert read_ts(committed).messages == read_ts(copy).messages


def test_every_string_has_a_finished_zh_TW_translation() -> None:
    seen = 0
    for context, message in messages("zh-TW"):
        source = message.findtext("source") or ""
        element = message.find("translation")
        assert element is not None and element.get("type") is None, f"{context}: {source!r} is not finished"
        texts = translations(message)
        assert texts and all(t.strip() for t in texts), f"{context}: {source!r} has an empty translation"
        for text in texts:
            assert sorted(set(PLACEHOLDER.findall(source))) == sorted(set(PLACEHOLDER.findall(text))), (
                f"{context}: {source!r} -> {text!r} changes the placeholders")
        seen += 1
    assert seen > 90


def test_english_plural_forms_are_finished() -> None:
    numerus = [(c, m) for c, m in messages("en")]
    assert numerus and all(m.get("numerus") == "yes" for _, m in numerus)
    plural_zh = {(c, m.findtext("source")) for c, m in messages("zh-TW") if m.get("numerus") == "yes"}
    assert plural_zh == {(c, m.findtext("source")) for c, m in numerus}
    for context, message in numerus:
        source = message.findtext("source") or ""
        element = message.find("translation")
        assert element is not None and element.get("type") is None, f"{context}: {source!r} is not finished"
        one, many = translations(message)
        assert "(s)" not in one + many and "%n" in one and "%n" in many, f"{context}: {source!r}"


def _context_of(tree: ast.Module) -> dict[ast.AST, str]:
    owner: dict[ast.AST, str] = {}
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef):
            for node in ast.walk(cls):
                owner.setdefault(node, cls.name)
    return owner


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_translated_call_is_a_literal_in_the_catalogue() -> None:
    known = {(c, m.findtext("source")) for c, m in messages("zh-TW")}
    calls, bad = 0, []
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner = _context_of(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr == "tr" and isinstance(f.value, ast.Name) and f.value.id == "self":
                context, source = owner.get(node), _literal(node.args[0])
            elif (isinstance(f, ast.Attribute) and f.attr == "translate" and isinstance(f.value, ast.Name)
                  and f.value.id == "QCoreApplication") or (isinstance(f, ast.Name) and f.id == "QT_TRANSLATE_NOOP"):
                context, source = _literal(node.args[0]), _literal(node.args[1])
            else:
                continue
            calls += 1
            if (context, source) not in known:
                bad.append(f"{path.name}:{node.lineno} {context}/{source!r}")
    assert [] == bad  # a non-literal or an f-string hides the text from lupdate
    assert calls > 90


def test_widgets_set_no_literal_words() -> None:
    bad = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = node.args if name in TEXT_SETTERS else node.args[1:2] if name == "label" else []
            for arg in args:
                text = _literal(arg)
                if text is not None and re.search(r"[^\W\d_]", text):
                    bad.append(f"{path.name}:{node.lineno} {text!r}")
    assert [] == bad


# ------------------------------------------------------------ numbers, plurals, money, dates


@pytest.fixture
def translations_of_app(qapp: QApplication) -> Iterator[Translations]:  # type: ignore[misc]
    translations = Translations.of(qapp)
    before = translations.language
    yield translations
    if before is not None:
        translations.use(before)


def test_money_dates_and_problems_in_both_languages(translations_of_app: Translations) -> None:
    from datetime import datetime

    when = datetime(2027, 3, 1, 8, 0)
    translations_of_app.use("en")
    assert "NT$1,200,000" == format_money(1_200_000, "TWD")
    assert "950 EUR" == format_money(950, "EUR")
    assert "1 March 2027, 08:00" == format_date(when)
    assert "You can pick at most 1 project. Un-pick one first to choose another." == render_problem(
        Problem("too_many", limit=1))
    assert "Please pick at least 3 projects. You have picked 1." == render_problem(Problem("too_few", limit=3, value=1))
    translations_of_app.use("zh-TW")
    assert "新臺幣 1,200,000 元" == format_money(1_200_000, "TWD")
    assert "2027 年 3 月 1 日 08:00" == format_date(when)
    assert "請至少選擇 3 案，您目前選了 1 案。" == render_problem(Problem("too_few", limit=3, value=1))
    for lang in ("en", "zh-TW"):
        translations_of_app.use(lang)
        for code in get_args(ProblemCode):
            text = render_problem(Problem(code, limit=5, value=6, cost=10, remaining=3, currency="TWD", project="p"))
            assert text and "%" not in text
            assert bool(CJK.search(text)) == (lang == "zh-TW"), text


def visible_texts(window: KioskWindow) -> list[tuple[QWidget, str]]:
    """Every text a resident sees or hears: label and button texts, accessible names and descriptions."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        texts = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        found += [(widget, t) for t in texts if t]
    return found


def test_counter_plurals_on_the_ballot(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan")
    w.flow.set_language("en")
    w.flow.start()
    w.flow.choose_district("north")
    assert "0 of at most 5 projects picked" == w.ballot.status.text()
    assert "Pick between 1 and 5 projects you support." == w.ballot.rule.text()
    first = next(iter(w.ballot.cards.values()))
    assert first.pick_button is not None
    qtbot.mouseClick(first.pick_button, Qt.MouseButton.LeftButton)
    assert "1 of at most 5 projects picked" == w.ballot.status.text()
    qtbot.mouseClick(w.ballot.review_button, Qt.MouseButton.LeftButton)
    assert w.review.total.text().startswith("1 project picked   ·   Total cost NT$")
    qtbot.mouseClick(w.top_bar.language_button, Qt.MouseButton.LeftButton)
    assert w.review.total.text().startswith("共選擇 1 案   ·   合計 新臺幣 ")


def test_points_plurals(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("school-points")
    w.flow.set_language("en")
    w.flow.start()
    card = next(iter(w.ballot.cards.values()))
    assert card.plus_button is not None and card.points_label is not None
    qtbot.mouseClick(card.plus_button, Qt.MouseButton.LeftButton)
    assert "1 of 10 points given" == w.ballot.status.text()
    assert "9 points left" == w.ballot.extra.text()
    assert card.points_label.accessibleName().endswith(" has 1 point")
    second, third = list(w.ballot.cards.values())[1:3]
    assert second.plus_button is not None and third.plus_button is not None
    for button, times in ((second.plus_button, 5), (third.plus_button, 3)):
        for _ in range(times):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "1 point left" == w.ballot.extra.text()


def test_language_switch_retranslates_everything_visible_at_once(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("riverside-knapsack")
    w.flow.start()
    cards = list(w.ballot.cards.values())
    for card in sorted(cards, key=lambda c: -c.project.cost):  # fill up until a refusal shows the banner
        assert card.pick_button is not None
        qtbot.mouseClick(card.pick_button, Qt.MouseButton.LeftButton)
        if w.ballot.banner.isVisible():
            break
    assert w.ballot.banner.isVisible() and CJK.search(w.ballot.banner.text())
    english_sources = {m.findtext("source") for _, m in messages("zh-TW")} - {"A", "A+", "A++", "+", "−"}
    qtbot.mouseClick(w.top_bar.language_button, Qt.MouseButton.LeftButton)  # no event processing after this
    assert "en" == w.flow.language
    language_button = w.top_bar.language_button
    leftovers = [(type(x).__name__, t) for x, t in visible_texts(w) if CJK.search(t) and x is not language_button]
    assert [] == leftovers
    assert "繁體中文" == language_button.text()
    assert "This project costs" in w.ballot.banner.text() or "more than the budget" in w.ballot.banner.text()
    qtbot.mouseClick(w.top_bar.language_button, Qt.MouseButton.LeftButton)
    assert "zh-TW" == w.flow.language
    leftovers = [(type(x).__name__, t) for x, t in visible_texts(w)
                 if x is not language_button and (t in english_sources or (re.search("[A-Za-z]{3}", t) and not CJK.search(t)))]
    assert [] == leftovers
    assert "English" == language_button.text() and CJK.search(w.ballot.banner.text())


def test_installing_a_translator_retranslates_through_language_change(make_window: MakeWindow,  # type: ignore[no-untyped-def]
                                                                     translations_of_app: Translations,
                                                                     qtbot) -> None:
    w = make_window("taipei-daan")
    w.flow.start()
    assert "重新開始" == w.top_bar.start_over_button.text()
    translations_of_app.use("en")  # not through the flow: only QEvent.LanguageChange tells the window
    assert "Start over" == w.top_bar.start_over_button.text()
    assert "Where do you live?" == w.district.heading.text()
    w.flow.set_language("zh-TW")
    assert "請選擇您居住的區域" == w.district.heading.text()


def test_welcome_shows_each_language_in_its_own_words(make_window: MakeWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("taipei-daan")
    for lang in ("zh-TW", "en"):
        w.flow.set_language(lang)
        assert "繁體中文" == w.welcome.language_buttons["zh-TW"].text()
        assert "以繁體中文顯示選票" == w.welcome.language_buttons["zh-TW"].accessibleDescription()
        assert "English" == w.welcome.language_buttons["en"].text()
        assert "Show the ballot in English" == w.welcome.language_buttons["en"].accessibleDescription()
        assert {"請選擇語言", "Choose your language"} == set(w.welcome.choose.text().split(" · "))
    assert w.flow.state is State.WELCOME


def test_missing_catalogue_is_a_kiosk_error(translations_of_app: Translations, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.i18n import MissingCatalogue, translator

    monkeypatch.setattr(translator, "_HERE", tmp_path)
    fresh = Translations(translations_of_app.app)
    try:
        with pytest.raises(MissingCatalogue):
            fresh.translator("zh-TW")
    finally:
        fresh.setParent(None)
        fresh.deleteLater()
