"""The console's look: the kiosk's normal theme, plus what an officials' desk needs (tables, forms, navigation).

The console reuses the resident kiosk's colours and buttons (kiosk/theme.py)
so both apps feel like one product, at the kiosk's smallest text size; it adds
the widgets residents never see: a navigation list, tables, spin and combo
boxes, tabs and status chips that say their state in words.
"""

from __future__ import annotations

from kiosk.theme import stylesheet

__all__ = ["CHIP_STATES", "console_stylesheet"]

CHIP_STATES = ("ok", "warn", "off")
"""Status chip looks (``chip_state`` property): done or open, needs attention, not yet or closed."""

_C = {
    "bg": "#eef2f6", "fg": "#1c2430", "muted": "#56606e", "card": "#ffffff", "border": "#d5dde6",
    "primary": "#1d5fc4", "nav": "#1f2a3a", "nav_fg": "#e8eef6", "nav_sel": "#1d5fc4", "focus": "#f59e0b",
    "ok_bg": "#e3f4ea", "ok_fg": "#1e6b3d", "warn_bg": "#fff4e0", "warn_fg": "#7a4100",
    "off_bg": "#edf0f4", "off_fg": "#44505f", "error": "#a12a1f", "error_bg": "#fdecea",
}


def console_stylesheet() -> str:
    """Return the console's Qt style sheet (the kiosk's normal theme at its smallest size, plus desk widgets)."""
    c = _C
    return stylesheet(0, False) + f"""
QWidget {{ font-size: 16px; }}
#ConsoleHeader {{ background: #ffffff; border-bottom: 1px solid {c['border']}; }}
#ConsoleTitle {{ font-size: 20px; font-weight: bold; }}
#Fingerprint {{ font-family: "DejaVu Sans Mono", monospace; color: {c['muted']}; }}
#Nav {{ background: {c['nav']}; color: {c['nav_fg']}; border: none; padding-top: 8px; outline: none; }}
#Nav::item {{ min-height: 44px; padding: 4px 18px; border-left: 5px solid transparent; }}
#Nav::item:selected {{ background: #2c3b52; color: #ffffff; border-left: 5px solid {c['focus']};
                      font-weight: bold; }}
#Nav::item:hover {{ background: #283447; }}
#Nav:focus {{ border: 2px solid {c['focus']}; }}
#PageScroll, #PageScroll > QWidget > QWidget {{ background: {c['bg']}; }}
#PageTitle {{ font-size: 26px; font-weight: bold; }}
#Section {{ background: {c['card']}; border: 1px solid {c['border']}; border-radius: 12px; }}
#SectionTitle {{ font-size: 19px; font-weight: bold; }}
#Figure {{ font-size: 30px; font-weight: bold; color: {c['primary']}; }}
#FieldError {{ color: {c['error']}; }}
#ErrorList {{ background: {c['error_bg']}; border: 1px solid #e6a39b; border-radius: 10px; }}
#ErrorList QLabel {{ color: {c['error']}; }}
#OkNote {{ background: {c['ok_bg']}; border: 1px solid #9fd3b2; border-radius: 10px; }}
#OkNote QLabel {{ color: {c['ok_fg']}; }}
#MutedNote QLabel {{ color: {c['muted']}; }}
QLabel[chip_state] {{ border-radius: 12px; padding: 3px 12px; font-weight: bold; font-size: 14px; }}
QLabel[chip_state="ok"] {{ background: {c['ok_bg']}; color: {c['ok_fg']}; border: 1px solid {c['ok_fg']}; }}
QLabel[chip_state="warn"] {{ background: {c['warn_bg']}; color: {c['warn_fg']}; border: 1px solid {c['warn_fg']}; }}
QLabel[chip_state="off"] {{ background: {c['off_bg']}; color: {c['off_fg']}; border: 1px solid {c['off_fg']}; }}
QPushButton {{ min-height: 40px; padding: 4px 16px; }}
QPushButton[role="primary"] {{ padding: 6px 24px; }}
QPushButton:focus {{ padding: 2px 14px; }}
QPushButton[role="primary"]:focus {{ padding: 4px 22px; }}
QPushButton:disabled {{ color: #9aa4b1; border-color: #c9d1db; }}
QLineEdit {{ min-height: 36px; padding: 4px 10px; }}
QLineEdit:focus {{ padding: 2px 8px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {c['error']}; }}
QSpinBox, QComboBox, QPlainTextEdit {{ background: {c['card']}; border: 2px solid {c['border']};
                                       border-radius: 8px; padding: 4px 8px; min-height: 30px; }}
QPlainTextEdit {{ min-height: 84px; }}
QSpinBox:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 3px solid {c['focus']}; }}
QComboBox QAbstractItemView {{ background: {c['card']}; selection-background-color: {c['primary']}; }}
QTableWidget {{ background: {c['card']}; border: 1px solid {c['border']}; border-radius: 8px;
                gridline-color: {c['border']}; alternate-background-color: #f6f8fb;
                selection-background-color: #d6e4fa; selection-color: {c['fg']}; }}
QTableWidget:focus {{ border: 3px solid {c['focus']}; }}
QHeaderView::section {{ background: #f1f4f8; color: {c['muted']}; font-weight: bold; border: none;
                        border-bottom: 1px solid {c['border']}; padding: 6px 8px; }}
QTabWidget::pane {{ border: 1px solid {c['border']}; border-radius: 8px; background: {c['card']}; top: -1px; }}
QTabBar::tab {{ background: #e4e9f0; border: 1px solid {c['border']}; padding: 8px 18px; margin-right: 2px;
                border-top-left-radius: 8px; border-top-right-radius: 8px; }}
QTabBar::tab:selected {{ background: {c['card']}; font-weight: bold; border-bottom-color: {c['card']}; }}
QTabBar::tab:focus {{ border: 3px solid {c['focus']}; }}
QCheckBox {{ spacing: 8px; }}
QDialog {{ background: {c['bg']}; }}
"""
