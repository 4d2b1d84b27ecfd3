"""Look of the kiosk: the Traditional Chinese font, three text sizes, normal and high-contrast themes."""

from __future__ import annotations

from kiosk.qt import QApplication, QFont

FONT_FAMILY = "Noto Sans CJK TC"
"""Explicit Traditional Chinese family: without it Qt may pick Japanese glyph forms."""

TEXT_SIZES = (19, 23, 28)
"""Base text size in pixels for A, A+ and A++."""

MIN_TOUCH = 48
"""Smallest height (px) of anything a resident presses (WCAG asks for 44)."""

_NORMAL = {
    "bg": "#eef2f6", "fg": "#1c2430", "muted": "#56606e", "card": "#ffffff", "border": "#d5dde6",
    "primary": "#1d5fc4", "primary_fg": "#ffffff", "primary_hover": "#174fa6",
    "secondary": "#ffffff", "secondary_fg": "#1d5fc4", "chip": "#e7effb", "chip_fg": "#1d4f9a",
    "checked": "#1e7d46", "checked_fg": "#ffffff", "focus": "#f59e0b", "bar": "#dfe6ee",
    "bar_fill": "#1d5fc4", "warn_bg": "#fff4e0", "warn_fg": "#7a4100", "warn_border": "#f0b35a",
    "topbar": "#ffffff", "border_w": "1px", "backdrop": "rgba(18, 26, 38, 200)",
}
_HIGH = {
    "bg": "#000000", "fg": "#ffffff", "muted": "#ffffff", "card": "#000000", "border": "#ffffff",
    "primary": "#ffe600", "primary_fg": "#000000", "primary_hover": "#fff176",
    "secondary": "#000000", "secondary_fg": "#ffe600", "chip": "#000000", "chip_fg": "#ffffff",
    "checked": "#00e0ff", "checked_fg": "#000000", "focus": "#ff00ff", "bar": "#333333",
    "bar_fill": "#ffe600", "warn_bg": "#000000", "warn_fg": "#ffe600", "warn_border": "#ffe600",
    "topbar": "#000000", "border_w": "2px", "backdrop": "rgba(0, 0, 0, 225)",
}


def install_font(app: QApplication) -> None:
    """Make the Traditional Chinese family the application font."""
    font = QFont(FONT_FAMILY)
    font.setFamilies([FONT_FAMILY, "Noto Sans"])
    font.setPixelSize(TEXT_SIZES[0])
    app.setFont(font)


def stylesheet(size_index: int, high_contrast: bool) -> str:
    """Return the Qt style sheet for a text size (0, 1, 2) and theme."""
    c = _HIGH if high_contrast else _NORMAL
    base = TEXT_SIZES[max(0, min(size_index, len(TEXT_SIZES) - 1))]
    big, huge, small = round(base * 1.35), round(base * 1.9), round(base * 0.85)
    bar = min(base, TEXT_SIZES[1])
    # a focused button's border is 4px: its padding shrinks by as much as the border grows, so text never clips
    return f"""
QWidget {{ font-family: "{FONT_FAMILY}"; font-size: {base}px; color: {c['fg']}; }}
QMainWindow, #Root, QScrollArea, QScrollArea > QWidget > QWidget, #ScrollBody {{ background: {c['bg']}; }}
QLabel {{ background: transparent; }}
#TopBar {{ background: {c['topbar']}; border-bottom: {c['border_w']} solid {c['border']}; }}
#TopTitle {{ font-weight: bold; color: {c['muted']}; font-size: {bar}px; }}
#Title {{ font-size: {huge}px; font-weight: bold; }}
#TitleAlt {{ font-size: {big}px; color: {c['muted']}; }}
#Heading {{ font-size: {big}px; font-weight: bold; }}
#Muted {{ color: {c['muted']}; }}
#Small {{ color: {c['muted']}; font-size: {small}px; }}
#Card {{ background: {c['card']}; border: {c['border_w']} solid {c['border']}; border-radius: 14px; }}
#CardPicked {{ background: {c['card']}; border: 3px solid {c['checked']}; border-radius: 14px; }}
#CardTitle {{ font-size: {big}px; font-weight: bold; }}
#Cost {{ font-weight: bold; }}
#Chip {{ background: {c['chip']}; color: {c['chip_fg']}; border: 1px solid {c['chip_fg']};
         border-radius: 12px; padding: 2px 10px; font-size: {small}px; }}
#Banner {{ background: {c['warn_bg']}; color: {c['warn_fg']}; border: 2px solid {c['warn_border']};
           border-radius: 10px; padding: 10px 14px; font-weight: bold; }}
#Status {{ font-weight: bold; }}
QPushButton {{ min-height: 48px; min-width: 48px; padding: 6px 18px; border-radius: 10px;
               background: {c['secondary']}; color: {c['secondary_fg']};
               border: 2px solid {c['secondary_fg']}; font-weight: bold; }}
QPushButton[role="primary"] {{ background: {c['primary']}; color: {c['primary_fg']};
                               border: 2px solid {c['primary']}; padding: 8px 28px; }}
QPushButton[role="primary"]:disabled {{ background: {c['bar']}; color: {c['muted']}; border-color: {c['bar']}; }}
QPushButton[role="big"] {{ min-height: 72px; font-size: {big}px; padding: 10px 32px; }}
QPushButton[role="tool"] {{ padding: 4px 12px; border-width: 1px; }}
QPushButton:checked {{ background: {c['checked']}; color: {c['checked_fg']}; border-color: {c['checked']}; }}
QPushButton[role="chip"] {{ border-radius: 22px; padding: 4px 16px; border-width: 1px; font-weight: normal; }}
QPushButton[role="chip"]:checked {{ background: {c['primary']}; color: {c['primary_fg']};
                                     border-color: {c['primary']}; }}
#TopBar QPushButton {{ font-size: {bar}px; }}
QPushButton:focus {{ border: 4px solid {c['focus']}; padding: 4px 16px; }}
QPushButton[role="primary"]:focus {{ padding: 6px 26px; }}
QPushButton[role="big"]:focus {{ padding: 8px 30px; }}
QPushButton[role="tool"]:focus {{ padding: 1px 9px; }}
QPushButton[role="chip"]:focus {{ padding: 1px 13px; }}
QProgressBar {{ background: {c['bar']}; border: {c['border_w']} solid {c['border']}; border-radius: 8px;
                min-height: 18px; max-height: 18px; text-align: center; color: transparent; }}
QProgressBar::chunk {{ background: {c['bar_fill']}; border-radius: 7px; }}
QScrollBar:vertical {{ width: 18px; background: {c['bg']}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
QPushButton#StartButton {{ font-size: {big}px; min-height: 72px; padding: 10px 40px; }}
QPushButton#StartButton:focus {{ padding: 8px 38px; }}
QScrollBar::handle:vertical {{ background: {c['border']}; min-height: 48px; border-radius: 8px; }}
#IdleBackdrop {{ background: {c['backdrop']}; }}
#IdleCard {{ background: {c['card']}; border: 4px solid {c['warn_border']}; border-radius: 18px; }}
#Countdown {{ font-size: {huge * 2}px; font-weight: bold; color: {c['warn_fg']}; }}
QPushButton#MoreTimeButton {{ font-size: {big}px; min-height: 80px; padding: 10px 48px; }}
QPushButton#MoreTimeButton:focus {{ padding: 8px 46px; }}
#ErrorCard {{ background: {c['card']}; border: 4px solid {c['warn_border']}; border-radius: 18px; }}
QLineEdit {{ background: {c['card']}; color: {c['fg']}; border: 2px solid {c['border']}; border-radius: 10px;
             padding: 8px 14px; min-height: 48px; }}
QLineEdit:focus {{ border: 4px solid {c['focus']}; padding: 6px 12px; }}
#CodeEntry {{ font-family: "DejaVu Sans Mono", monospace; font-size: {huge}px; font-weight: bold;
              letter-spacing: 2px; }}
#TrackingCode {{ font-family: "DejaVu Sans Mono", monospace; font-size: {huge}px; font-weight: bold; }}
#ReceiptQr {{ background: #ffffff; }}
"""
