"""The kiosk's translation catalogue (English and Traditional Chinese)."""

from kiosk.i18n.catalog import LANGUAGES, format_money, render_problem, tr

__all__ = ["LANGUAGES", "format_money", "render_problem", "tr"]
