"""The resident's language through Qt's translation system: compiled ``.qm`` catalogues and one app-wide QTranslator.

Widgets write their English source text in ``self.tr("...")`` (or
``QCoreApplication.translate(context, "...")`` outside a QObject);
``pyside6-lupdate`` collects those strings into ``kiosk_<lang>.ts`` next to
this module and ``pyside6-lrelease`` compiles them to ``kiosk_<lang>.qm``
(``python -m kiosk.i18n._build``). English is the source language; its
catalogue holds only the plural forms ("1 project" / "2 projects").

``Translations.use(language)`` swaps the installed QTranslator and the
default QLocale (number and date formats) and delivers the LanguageChange
event at once, so every widget that listens retranslates before the call
returns. ``translate_in`` reads one language's catalogue without installing
it, for the few texts the kiosk shows in both languages at once (language
buttons, the unavailable screen).
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.qt import QCoreApplication, QEvent, QLocale, QObject, QTranslator

__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "SOURCE_LANGUAGE",
    "MissingCatalogue",
    "Translations",
    "catalogue_path",
    "fill",
    "qt_locale_name",
    "translate_in",
]

LANGUAGES = ("zh-TW", "en")
"""The kiosk's languages, in the order of the welcome screen's buttons."""

SOURCE_LANGUAGE = "en"
"""The language of the source strings in the code."""

_HERE = Path(__file__).resolve().parent
_OBJECT_NAME = "pbvote-translations"
_PLACEHOLDER = re.compile(r"%(\d)")


class MissingCatalogue(KioskError, FileNotFoundError):
    """Raised when a language's compiled ``.qm`` catalogue is missing or unreadable (a broken install)."""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark ``source`` for lupdate under ``context`` and return it untranslated (translate it later)."""
    del context
    return source


def qt_locale_name(language: str) -> str:
    """Return Qt's name for a kiosk language code ("zh-TW" -> "zh_TW")."""
    return language.replace("-", "_")


def catalogue_path(language: str, suffix: str = ".qm") -> Path:
    """Return the file of a language's catalogue (``.qm`` compiled, ``.ts`` source)."""
    return _HERE / f"kiosk_{qt_locale_name(language)}{suffix}"


def fill(template: str, *values: str) -> str:
    """Replace Qt's ``%1`` .. ``%9`` placeholders in one pass (a value that contains "%2" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


class Translations(QObject):
    """The QTranslator installed on the application for the resident's language.

    There is one per application (``Translations.of(app)``): Qt looks
    translations up application-wide, so two installers would fight.

    Args:
        app: the application it installs translators on (also its parent).

    Attributes:
        language: the language installed last (None before the first ``use``).
    """

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_OBJECT_NAME)
        self.app = app
        self.language: str | None = None
        self._translators: dict[str, QTranslator] = {}
        self._installed: QTranslator | None = None

    @classmethod
    def of(cls, app: QCoreApplication | None = None) -> Translations:
        """Return the application's Translations, creating it on first use.

        Raises:
            KioskError: no QCoreApplication exists yet.
        """
        app = app or QCoreApplication.instance()
        if app is None:
            raise KioskError("translations need a QApplication")
        for child in app.children():
            if isinstance(child, Translations):
                return child
        return cls(app)

    def translator(self, language: str) -> QTranslator:
        """Return the loaded catalogue of ``language``.

        Raises:
            MissingCatalogue: the ``.qm`` file is missing or unreadable.
        """
        if language not in self._translators:
            path = catalogue_path(language)
            translator = QTranslator(self)
            if not translator.load(str(path)):
                raise MissingCatalogue(f"no compiled translations for {language!r} at {path}")
            self._translators[language] = translator
        return self._translators[language]

    def use(self, language: str) -> None:
        """Show every widget in ``language`` from now on; widgets get QEvent.LanguageChange before this returns.

        Raises:
            MissingCatalogue: the language's ``.qm`` file is missing.
        """
        if language == self.language:
            return
        translator = self.translator(language)
        if self._installed is not None:
            self.app.removeTranslator(self._installed)
        self.app.installTranslator(translator)
        self._installed = translator
        self.language = language
        QLocale.setDefault(QLocale(qt_locale_name(language)))
        # Qt posts LanguageChange to the top-level windows; deliver it now so the switch is immediate
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)

    def translate(self, language: str, context: str, source: str, n: int = -1) -> str:
        """Return ``source`` in ``language`` whatever language is installed (``%n`` filled in when n >= 0)."""
        text = self.translator(language).translate(context, source, None, n) or source
        return text.replace("%n", str(n)) if n >= 0 else text


def translate_in(language: str, context: str, source: str, n: int = -1) -> str:
    """Return ``source`` (marked with QT_TRANSLATE_NOOP) in ``language``, not the installed one."""
    return Translations.of().translate(language, context, source, n)
