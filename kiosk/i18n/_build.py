"""Rebuild the kiosk's translation catalogues: lupdate the ``.ts`` sources from the code, lrelease them to ``.qm``.

Run ``python -m kiosk.i18n._build`` after adding or changing a string in
``self.tr(...)`` / ``QCoreApplication.translate(...)`` / ``QT_TRANSLATE_NOOP(...)``,
translate the new entries in ``kiosk/i18n/kiosk_zh_TW.ts`` (Qt Linguist:
``pyside6-linguist``, or any XML editor; plural forms also in ``kiosk_en.ts``),
then run it again to compile. ``--check`` changes nothing and exits 1 if the
catalogues are stale. The tests run the same check; both tools ship with
PySide6, so nothing needs the network.

The check does not compare bytes, because lupdate and lrelease of different
PySide6 versions write different files from the same code (CI may install any
6.7 - 6.11 patch release). It compares meanings instead:

* the set of messages (context, source, disambiguation comment) that lupdate
  extracts from the code equals the set in ``kiosk_zh_TW.ts`` (order,
  whitespace, the ``numerus`` attribute and locations are ignored);
* a message is plural (``numerus="yes"``) in ``kiosk_zh_TW.ts`` when lupdate
  says so or when its source has ``%n``, and ``kiosk_en.ts`` holds exactly
  the plural messages of ``kiosk_zh_TW.ts`` (English needs only its plural
  forms: "1 project" / "2 projects");
* each committed ``.qm``, loaded with a QTranslator, returns for every
  message of its ``.ts`` that message's translation (plural messages for
  n = 1 and n = 2, through the language's plural rule).

Regenerating must not lose plural forms either: some lupdate versions
(6.11.x) do not see the ``n`` argument of ``QCoreApplication.translate(...)``
and write such a message as a plain one. So ``lupdate`` here runs the tool on
a copy of the committed ``.ts`` and merges: a message the tool writes plain
but the committed ``.ts`` has as plural keeps its committed (plural) entry,
and a new plain message whose source has ``%n`` becomes an unfinished plural
one. English is extracted like every language and then filtered to its
plural messages (rather than with ``-pluralonly``, which drops the messages
the tool does not recognise as plural). The ``.ts`` files carry no source
locations (``-locations none``) and keep each context's messages sorted
(``-sort-messages``), so moving code does not touch them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import unescape

from kiosk.i18n.translator import LANGUAGES, SOURCE_LANGUAGE, catalogue_path, qt_locale_name

__all__ = ["Message", "check", "extract", "lrelease", "lupdate", "main", "read_ts", "sources", "tool"]

KIOSK = Path(__file__).resolve().parents[1]

Key = tuple[str, str, str]
"""A message's identity: context, source text, disambiguation comment ("" when none)."""

PLURAL_RULES: dict[str, Callable[[int], int]] = {
    "en": lambda n: 0 if n == 1 else 1,  # Qt's English rule: "one", then "other"
    "zh-TW": lambda n: 0,  # Chinese has one form
}
"""Which numerus form each language's catalogue uses for ``n`` (Qt's plural rules)."""

_CONTEXT = re.compile(r"^<context>\n(.*?)^</context>\n", re.MULTILINE | re.DOTALL)
_NAME = re.compile(r"^    <name>(.*?)</name>\n", re.MULTILINE | re.DOTALL)
_MESSAGE = re.compile(r"^    <message\b.*?^    </message>\n", re.MULTILINE | re.DOTALL)
_EMPTY_TRANSLATION = '        <translation type="unfinished"></translation>\n'


@dataclass(frozen=True)
class Message:
    """One ``<message>`` of a ``.ts`` file, with its raw text (as the tool wrote it)."""

    key: Key
    numerus: bool
    translations: tuple[str, ...]  # the numerus forms, or the one translation; empty strings when untranslated
    finished: bool
    block: str

    @classmethod
    def parse(cls, context: str, block: str) -> Message:
        element = ET.fromstring(block)
        translation = element.find("translation")
        numerus = element.get("numerus") == "yes"
        if translation is None:
            texts: tuple[str, ...] = ()
        elif numerus:
            texts = tuple(form.text or "" for form in translation.iter("numerusform"))
        else:
            texts = (translation.text or "",)
        key = (context, element.findtext("source") or "", element.findtext("comment") or "")
        finished = translation is not None and translation.get("type") is None
        return cls(key, numerus, texts, finished, block)


@dataclass(frozen=True)
class Catalogue:
    """A ``.ts`` file: the text before the first context, then each context's name and messages in order."""

    header: str
    contexts: tuple[tuple[str, tuple[Message, ...]], ...]

    @property
    def messages(self) -> dict[Key, Message]:
        return {m.key: m for _, messages in self.contexts for m in messages}

    def text(self) -> str:
        parts = [self.header]
        for name, messages in self.contexts:
            if messages:
                escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts += ["<context>\n", f"    <name>{escaped}</name>\n", *(m.block for m in messages), "</context>\n"]
        return "".join([*parts, "</TS>\n"])


def read_ts(path: Path) -> Catalogue:
    """Read a ``.ts`` file as lupdate writes it."""
    text = path.read_text(encoding="utf-8")
    ET.fromstring(text)  # well-formed, or raise
    first = text.find("<context>")
    header = text[: first if first >= 0 else text.rindex("</TS>")]
    contexts = []
    for match in _CONTEXT.finditer(text):
        body = match.group(1)
        name = _NAME.search(body)
        if name is None:
            raise ValueError(f"{path.name}: a context without a name")
        context = unescape(name.group(1), {"&apos;": "'", "&quot;": '"'})
        contexts.append((context, tuple(Message.parse(context, b) for b in _MESSAGE.findall(body))))
    return Catalogue(header, tuple(contexts))


def tool(name: str) -> str:
    """Return the path of a PySide6 tool (``pyside6-lupdate``), next to this Python first.

    Raises:
        FileNotFoundError: the tool is not installed.
    """
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (it ships with pyside6-essentials)")
    return found


def sources() -> list[Path]:
    """Return every Python file of the kiosk, in a stable order."""
    return sorted(KIOSK.rglob("*.py"))


def _run_lupdate(language: str, ts: Path) -> None:
    args = [tool("pyside6-lupdate"), *map(str, sources()), "-silent", "-locations", "none", "-sort-messages",
            "-no-obsolete", "-source-language", SOURCE_LANGUAGE, "-target-language", qt_locale_name(language)]
    subprocess.run([*args, "-ts", str(ts)], check=True, capture_output=True)


def extract() -> Catalogue:
    """Return the messages lupdate finds in the code now (a fresh, untranslated catalogue)."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "extracted.ts"
        _run_lupdate(LANGUAGES[0], ts)
        return read_ts(ts)


def _plural(message: Message) -> bool:
    return message.numerus or "%n" in message.key[1]


def _as_plural(message: Message, forms: int) -> Message:
    """Turn a new, untranslated plain message whose source has ``%n`` into an unfinished plural one."""
    if message.numerus or _EMPTY_TRANSLATION not in message.block:
        return message
    translation = ('        <translation type="unfinished">\n' + "            <numerusform></numerusform>\n" * forms
                   + "        </translation>\n")
    block = message.block.replace("    <message>", '    <message numerus="yes">', 1)
    return Message.parse(message.key[0], block.replace(_EMPTY_TRANSLATION, translation, 1))


def lupdate(language: str, ts: Path) -> None:
    """Merge the code's strings into ``ts`` (created if missing), dropping strings the code no longer has.

    Plural messages of ``ts`` stay plural even when the installed lupdate writes them plain (see the module).
    """
    committed = read_ts(ts).messages if ts.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        if ts.exists():
            shutil.copyfile(ts, fresh)
        _run_lupdate(language, fresh)
        catalogue = read_ts(fresh)
    forms = len({PLURAL_RULES[language](n) for n in range(200)})
    contexts = []
    for name, messages in catalogue.contexts:
        merged = []
        for message in messages:
            old = committed.get(message.key)
            if not message.numerus and old is not None and old.numerus:
                message = old
            elif "%n" in message.key[1]:
                message = _as_plural(message, forms)
            if language != SOURCE_LANGUAGE or message.numerus:
                merged.append(message)
        contexts.append((name, tuple(merged)))
    ts.write_text(Catalogue(catalogue.header, tuple(contexts)).text(), encoding="utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def _show(keys: set[Key]) -> str:
    return ", ".join(f"{c}/{s!r}" + (f" ({d})" if d else "") for c, s, d in sorted(keys))


def _check_qm(language: str, catalogue: Catalogue, qm: Path) -> list[str]:
    from kiosk.qt import QTranslator

    translator = QTranslator()
    if not translator.load(str(qm)):
        return [f"{qm.name} cannot be loaded"]
    problems = []
    if translator.language() != qt_locale_name(language):
        problems.append(f"{qm.name} is for language {translator.language()!r}")
    wrong = []
    for (context, source, comment), message in catalogue.messages.items():
        disambiguation = comment or None
        if message.numerus:
            for n in (1, 2):
                index = PLURAL_RULES[language](n)
                expected = message.translations[index] if index < len(message.translations) else ""
                if translator.translate(context, source, disambiguation, n) != expected:
                    wrong.append(f"{context}/{source!r} (n={n})")
        else:
            expected = message.translations[0] if message.translations else ""
            if translator.translate(context, source, disambiguation) != expected:
                wrong.append(f"{context}/{source!r}")
    if wrong:
        problems.append(f"{qm.name} is not the compiled {catalogue_path(language, '.ts').name}: {', '.join(wrong)}")
    return problems


def check() -> list[str]:
    """Return what is out of date (empty when the committed catalogues match the code)."""
    problems = []
    extracted = extract().messages
    catalogues: dict[str, Catalogue] = {}
    for language in LANGUAGES:
        ts, qm = catalogue_path(language, ".ts"), catalogue_path(language)
        if not ts.exists() or not qm.exists():
            problems.append(f"{ts.name} or {qm.name} is missing")
            continue
        catalogues[language] = catalogue = read_ts(ts)
        problems += _check_qm(language, catalogue, qm)
    translated = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]
    plural: set[Key] = set()
    for language in translated:
        if language not in catalogues:
            continue
        name, committed = catalogue_path(language, ".ts").name, catalogues[language].messages
        if missing := set(extracted) - set(committed):
            problems.append(f"{name} misses the code's strings: {_show(missing)}")
        if vanished := set(committed) - set(extracted):
            problems.append(f"{name} keeps strings the code no longer has: {_show(vanished)}")
        plural |= {key for key, m in committed.items() if m.numerus}
        plain = {key for key, m in extracted.items() if _plural(m) and key in committed and not committed[key].numerus}
        if plain:
            problems.append(f"{name} has plural strings as plain ones: {_show(plain)}")
    if SOURCE_LANGUAGE in catalogues:
        name, english = catalogue_path(SOURCE_LANGUAGE, ".ts").name, catalogues[SOURCE_LANGUAGE].messages
        plural |= {key for key, m in extracted.items() if _plural(m)}
        if missing := plural - {key for key, m in english.items() if m.numerus}:
            problems.append(f"{name} misses the plural forms of: {_show(missing)}")
        if extra := set(english) - plural:
            problems.append(f"{name} holds strings that are not plural ones of the code: {_show(extra)}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Update and compile every catalogue, or only check them (``--check``)."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.i18n._build", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a catalogue is stale")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python -m kiosk.i18n._build", file=sys.stderr)
        return 1 if problems else 0
    for language in LANGUAGES:
        ts = catalogue_path(language, ".ts")
        lupdate(language, ts)
        lrelease(ts, catalogue_path(language))
        print(f"{ts.name} -> {catalogue_path(language).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
