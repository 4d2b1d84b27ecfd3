"""Calm message boxes for officials: what failed and why in one sentence, never a traceback.

Domain errors (ballot, tally, crypto, kiosk) carry messages written for
officials (the same the CLI prints on stderr), so they are shown as they are.
Anything else is a bug: the dialog says the action did not complete and the
details go to the log for whoever maintains the machine.
"""

from __future__ import annotations

import logging

from ballot.errors import BallotError
from crypto.errors import CryptoError
from kiosk.errors import KioskError
from kiosk.qt import QCoreApplication, QMessageBox, Qt, QWidget
from tally.errors import TallyError

__all__ = ["confirm", "explain", "problem_text", "show_problem"]

log = logging.getLogger("kiosk.officials")

_EXPLAINED = (BallotError, TallyError, CryptoError, KioskError, OSError, ValueError)


def problem_text(exc: BaseException) -> str:
    """The sentence officials read for ``exc``: its own message when it is a known kind, else a calm generic one."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    if isinstance(exc, _EXPLAINED) and str(exc):
        return str(exc)
    return QCoreApplication.translate("ConsoleMessages", "Something unexpected happened; nothing further was "
                                                         "changed. The details are in the console's log.")


def show_problem(parent: QWidget | None, what: str, exc: BaseException) -> QMessageBox:
    """Tell officials that ``what`` failed and why (a modal message box); log the details.

    Args:
        parent: the widget the box belongs to.
        what: the action, translated ("The codes were not generated").
        exc: what the action raised.

    Returns:
        The message box, open (window-modal; the event loop keeps running, so a page's spinner stops).
    """
    if isinstance(exc, _EXPLAINED):
        log.warning("console: %s: %s: %s", what, type(exc).__name__, exc)
    else:
        log.error("console: %s: unexpected %s", what, type(exc).__name__, exc_info=exc)
    return explain(parent, what, problem_text(exc), warning=True)


def explain(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """Show ``text`` under ``title`` in a window-modal box with one OK button; return it, open."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("ConsoleMessage")
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """Ask officials to confirm ``text``; ``yes`` names the action on the button (never a bare "OK")."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("ConsoleConfirm")
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("ConsoleMessages", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(QMessageBox.StandardButton.NoButton)
    box.exec()
    return box.clickedButton() is go
