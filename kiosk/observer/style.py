"""The observer screen's look: the kiosk's theme (text sizes, high contrast) plus its verdict and receipt boxes."""

from __future__ import annotations

from kiosk.theme import TEXT_SIZES, stylesheet

__all__ = ["observer_stylesheet"]

_NORMAL = {"good": "#1e7d46", "good_bg": "#eaf6ee", "bad": "#b3261e", "bad_bg": "#fdeceb", "fg": "#1c2430",
           "zone": "#56606e", "zone_bg": "#f6f8fb"}
_HIGH = {"good": "#00e0ff", "good_bg": "#000000", "bad": "#ffe600", "bad_bg": "#000000", "fg": "#ffffff",
         "zone": "#ffffff", "zone_bg": "#000000"}


def observer_stylesheet(size_index: int, high_contrast: bool) -> str:
    """The kiosk's style sheet for ``size_index`` and theme, with the observer's own boxes appended.

    The verdict and receipt boxes differ in their mark and words as well as their colour, so
    nothing is said by colour alone; in high contrast a failure is yellow on black.
    """
    c = _HIGH if high_contrast else _NORMAL
    base = TEXT_SIZES[max(0, min(size_index, len(TEXT_SIZES) - 1))]
    huge = round(base * 1.9)
    return stylesheet(size_index, high_contrast) + f"""
#Verdict {{ font-size: {huge}px; font-weight: bold; color: {c['fg']}; }}
#VerdictValid, #AnswerGood {{ background: {c['good_bg']}; border: 4px solid {c['good']}; border-radius: 14px; }}
#VerdictInvalid, #AnswerBad {{ background: {c['bad_bg']}; border: 6px solid {c['bad']}; border-radius: 14px; }}
#CheckPass {{ color: {c['good']}; font-weight: bold; }}
#CheckFail {{ color: {c['bad']}; font-weight: bold; }}
#DropZone {{ background: {c['zone_bg']}; border: 3px dashed {c['zone']}; border-radius: 14px; }}
#Fingerprint {{ font-family: "DejaVu Sans Mono", monospace; }}
QLineEdit#ReceiptEntry {{ font-family: "DejaVu Sans Mono", monospace; font-size: {round(base * 1.2)}px; }}
"""
