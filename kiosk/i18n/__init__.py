"""The kiosk's languages through Qt's translation system (``.ts`` sources, compiled ``.qm``, one QTranslator).

Rebuild the catalogues after changing a source string: ``python -m kiosk.i18n._build``
(``--check`` only reports whether the committed files are current).
"""

from kiosk.i18n.formats import format_date, format_money, format_number
from kiosk.i18n.problems import render_problem, render_refusal
from kiosk.i18n.translator import (
    LANGUAGES,
    QT_TRANSLATE_NOOP,
    MissingCatalogue,
    Translations,
    fill,
    translate_in,
)

__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "MissingCatalogue",
    "Translations",
    "fill",
    "format_date",
    "format_money",
    "format_number",
    "render_problem",
    "render_refusal",
    "translate_in",
]
