"""The kiosk's main window: the top bar over a stack of screens, following the VoterFlow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from kiosk.flow import State, VoterFlow
from kiosk.i18n import tr
from kiosk.qt import QFrame, QMainWindow, QScrollArea, QSizePolicy, QStackedWidget, Qt, QVBoxLayout, QWidget
from kiosk.screens import BallotScreen, DistrictScreen, PendingScreen, ReviewScreen, UnavailableScreen, WelcomeScreen
from kiosk.screens.ballot import PixmapSource
from kiosk.theme import stylesheet
from kiosk.widgets import TopBar


class Screen(Protocol):
    """What the window needs from a screen."""

    def refresh(self) -> None:
        """Show the flow's state in its language."""

    def focus_first(self) -> None:
        """Put keyboard focus on the screen's first control."""


class KioskWindow(QMainWindow):
    """The voter window.

    Args:
        flow: the voter flow it shows.
        pixmaps: project pictures.
        clock: the current time.
    """

    def __init__(self, flow: VoterFlow, pixmaps: PixmapSource, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.flow = flow
        root = QWidget()
        root.setObjectName("Root")
        col = QVBoxLayout(root)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        self.top_bar = TopBar()
        self.top_bar.size_chosen.connect(flow.set_text_size)
        self.top_bar.contrast_toggled.connect(flow.set_high_contrast)
        self.top_bar.language_toggled.connect(flow.toggle_language)
        self.top_bar.start_over.connect(flow.reset)
        col.addWidget(self.top_bar)
        self.stack = QStackedWidget()
        col.addWidget(self.stack, 1)
        self.setCentralWidget(root)
        self.welcome = WelcomeScreen(flow, clock)
        self.district = DistrictScreen(flow)
        self.ballot = BallotScreen(flow, pixmaps)
        self.review = ReviewScreen(flow)
        self.pending = PendingScreen(flow)
        self.screens: dict[State, QWidget] = {
            State.WELCOME: self.welcome, State.DISTRICT: self.district, State.BALLOT: self.ballot,
            State.REVIEW: self.review, State.PENDING: self.pending,
        }
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        for state, screen in self.screens.items():
            if state == State.BALLOT:
                self.stack.addWidget(screen)  # scrolls its own cards
                continue
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            holder.setWidget(screen)
            self.stack.addWidget(holder)
        self._shown: tuple[State, str, tuple[int, bool]] | None = None
        self._look: tuple[int, bool] | None = None
        flow.subscribe(self.on_flow_changed)
        self.on_flow_changed()

    def current_screen(self) -> QWidget:
        """The screen on show."""
        return self.screens[self.flow.state]

    def on_flow_changed(self) -> None:
        """Follow the flow: switch screens, retranslate, restyle."""
        flow = self.flow
        look = (flow.text_size, flow.high_contrast)
        if look != self._look:
            self._look = look
            self.setStyleSheet(stylesheet(*look))
        lang = flow.language
        self.setWindowTitle(f"{flow.election.title.get(lang)} — {tr(lang, 'app.title')}")
        self.top_bar.refresh(lang, flow.election.title.get(lang), flow.text_size, flow.high_contrast,
                             flow.state == State.WELCOME)
        shown = (flow.state, lang, look)  # a new text size re-lays out the screen (wrapped text heights)
        if shown == self._shown:
            return
        state_changed = self._shown is None or self._shown[0] != flow.state
        self._shown = shown
        if flow.state == State.WELCOME:
            self.ballot.clear()
            self.review.clear()
        screen = self.screens[flow.state]
        screen.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentIndex(list(self.screens).index(flow.state))
        if state_changed:
            screen.focus_first()  # type: ignore[attr-defined]


class UnavailableWindow(QMainWindow):
    """The window for modes that are not in this build (officials, observer, server).

    Args:
        message_id: the catalogue id of the explanation.
        values: names the message needs (e.g. the server URL).
    """

    def __init__(self, message_id: str, values: dict[str, str] | None = None) -> None:
        super().__init__()
        self.setWindowTitle(tr("en", "app.title"))
        self.screen_widget = UnavailableScreen(message_id, values)
        self.screen_widget.setObjectName("Root")
        self.setCentralWidget(self.screen_widget)
        self.setStyleSheet(stylesheet(0, False))
        self.screen_widget.focus_first()
