"""The one place kiosk/ imports Qt from: explicit names, and a minimum version check.

Every other kiosk module imports from here (``from kiosk.qt import QLabel``),
never from PySide6 directly, so a Qt upgrade or a binding change touches one file.
"""

from __future__ import annotations

from PySide6 import __version_info__ as _PYSIDE_VERSION
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QLocale,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRunnable,
    QSize,
    Qt,
    QThread,
    QThreadPool,
    QTime,
    QTimer,
    QTranslator,
    Signal,
    qVersion,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QHideEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QFrame,
    QGraphicsDropShadowEffect,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

MIN_QT = (6, 7)
"""Oldest Qt (and PySide6) the kiosk supports."""


def _check_version() -> None:
    qt = tuple(int(x) for x in qVersion().split(".")[:2])
    if qt < MIN_QT or tuple(_PYSIDE_VERSION[:2]) < MIN_QT:
        raise ImportError(f"pbvote-kiosk needs Qt/PySide6 >= {MIN_QT[0]}.{MIN_QT[1]}, found Qt {qVersion()}")


_check_version()

__all__ = [
    "MIN_QT",
    "QAbstractButton",
    "QApplication",
    "QButtonGroup",
    "QCloseEvent",
    "QColor",
    "QCoreApplication",
    "QDate",
    "QDateTime",
    "QElapsedTimer",
    "QEvent",
    "QEventLoop",
    "QFont",
    "QFontDatabase",
    "QFrame",
    "QGraphicsDropShadowEffect",
    "QGridLayout",
    "QGuiApplication",
    "QHBoxLayout",
    "QHideEvent",
    "QImage",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLayout",
    "QLayoutItem",
    "QLineEdit",
    "QLocale",
    "QMainWindow",
    "QMessageBox",
    "QMouseEvent",
    "QObject",
    "QPainter",
    "QPalette",
    "QPixmap",
    "QPoint",
    "QPointF",
    "QProgressBar",
    "QPushButton",
    "QRect",
    "QResizeEvent",
    "QRunnable",
    "QScrollArea",
    "QShortcut",
    "QSize",
    "QSizePolicy",
    "QStackedWidget",
    "QThread",
    "QThreadPool",
    "QTime",
    "QTimer",
    "QTranslator",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
]
