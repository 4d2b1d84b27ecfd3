"""Fixtures for kiosk tests: a voter window on a bundled sample, with a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from kiosk.app import build_window
from kiosk.qt import QApplication
from kiosk.theme import install_font
from kiosk.window import KioskWindow


def fixed_clock() -> datetime:
    return datetime(2027, 3, 5, 10, 0, tzinfo=UTC)


@pytest.fixture
def make_window(qtbot) -> Callable[..., KioskWindow]:  # type: ignore[no-untyped-def]
    """Build, show and activate the voter window for a sample election (idle timeouts in seconds, if given)."""

    def make(sample: str = "taipei-daan", **idle: float) -> KioskWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_font(app)
        window = build_window(load_manifest(sample_manifest(sample)), clock=fixed_clock, **idle)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make
