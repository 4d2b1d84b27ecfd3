"""How the observer window asks for paths (file dialogs, injectable for tests) and whether a camera exists."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.qt import QCoreApplication, QFileDialog, QWidget

__all__ = ["Ask", "Dialogs", "camera_available"]

Ask = Callable[[QWidget], Path | None]
"""Asks the observer for a path (None: they cancelled)."""


def _ask_zip(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("ObserverWindow", "Open election record"),
                                          "", QCoreApplication.translate("ObserverWindow", "Election record (*.zip)"))
    return Path(path) if path else None


def _ask_folder(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("ObserverWindow", "Open election record folder")
    path = QFileDialog.getExistingDirectory(parent, title)
    return Path(path) if path else None


def _ask_save(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("ObserverWindow", "Save verification report")
    kinds = QCoreApplication.translate("ObserverWindow", "Web page (*.html)")
    path, _ = QFileDialog.getSaveFileName(parent, title, "verification-report.html", kinds)
    return Path(path) if path else None


def _ask_image(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("ObserverWindow", "Receipt photo or scan")
    kinds = QCoreApplication.translate("ObserverWindow", "Pictures (*.png *.jpg *.jpeg)")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", kinds)
    return Path(path) if path else None


@dataclass(frozen=True)
class Dialogs:
    """How the window asks for paths (a file dialog each by default; None: the observer cancelled)."""

    open_zip: Ask = _ask_zip
    open_folder: Ask = _ask_folder
    save_html: Ask = _ask_save
    open_image: Ask = _ask_image


def camera_available() -> bool:
    """Whether QtMultimedia can be imported here (PySide6-Addons); only then is a camera offered."""
    try:
        return importlib.util.find_spec("PySide6.QtMultimedia") is not None
    except (ImportError, ValueError):
        return False
