"""A large voting-code entry that groups what is typed, pasted or scanned into blocks of four."""

from __future__ import annotations

from kiosk.qt import QLineEdit, Qt, QWidget

GROUP = 4
"""Symbols per group, as printed on the letter: ``XXXX-XXXX-...``."""
SYMBOLS = 24
"""Symbols in a voting code (crypto.codes.CODE_LENGTH)."""


def group_code(text: str) -> str:
    """Return ``text`` upper-cased, letters and digits only, in hyphen-joined groups of four (at most 24 symbols).

    Look-alikes (O, I, L) are kept as typed: the code parser forgives them, and
    the resident should see what they typed.
    """
    symbols = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())[:SYMBOLS]
    return "-".join(symbols[i:i + GROUP] for i in range(0, len(symbols), GROUP))


class CodeEntry(QLineEdit):
    """The code field: big monospace text, grouped as the resident types; a scanner types into it too.

    A QR scanner or keyboard wedge "types" the code and presses Enter, so
    scanning needs nothing special; pasting is regrouped the same way.

    Signals (QLineEdit's):
        returnPressed(): the resident (or the scanner) pressed Enter.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CodeEntry")
        self.setMaxLength(SYMBOLS + SYMBOLS // GROUP)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setMinimumHeight(72)
        self.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhSensitiveData)
        self.textEdited.connect(self._regroup)

    def _regroup(self, text: str) -> None:
        grouped = group_code(text)
        if grouped != text:
            symbols_before = len(group_code(text[: self.cursorPosition()]).replace("-", ""))
            self.setText(grouped)
            self.setCursorPosition(self._position_after(grouped, symbols_before))

    @staticmethod
    def _position_after(grouped: str, symbols: int) -> int:
        """Cursor position just after the ``symbols``-th symbol of ``grouped``."""
        if symbols <= 0:
            return 0
        seen = 0
        for index, ch in enumerate(grouped):
            if ch != "-":
                seen += 1
                if seen == symbols:
                    return index + 1
        return len(grouped)

    def symbols(self) -> int:
        """How many symbols are typed so far."""
        return len(self.text().replace("-", ""))
