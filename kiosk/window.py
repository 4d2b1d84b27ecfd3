"""The kiosk's main window: the top bar over a stack of screens, following the VoterFlow, with the idle warning."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from kiosk.flow import State, VoterFlow
from kiosk.i18n import Translations
from kiosk.idle import DEFAULT_IDLE_SECONDS, DEFAULT_WARNING_SECONDS, IdleWatch
from kiosk.ops import VotingService
from kiosk.printing import ReceiptPrinter
from kiosk.qt import (
    QApplication,
    QCloseEvent,
    QEvent,
    QFrame,
    QMainWindow,
    QResizeEvent,
    QScrollArea,
    QSizePolicy,
    Qt,
    QWidget,
)
from kiosk.screens import (
    BallotScreen,
    BusyScreen,
    CastScreen,
    CheckedScreen,
    CheckInScreen,
    ConnectingScreen,
    DistrictScreen,
    EligibilityScreen,
    PendingScreen,
    ReceiptScreen,
    ReviewScreen,
    WelcomeScreen,
)
from kiosk.screens.ballot import PixmapSource
from kiosk.screens.connecting import CONNECTING, in_both
from kiosk.screens.receipt import DEFAULT_RECEIPT_SECONDS
from kiosk.session import CastingController
from kiosk.theme import stylesheet
from kiosk.widgets import ErrorNotice, IdleWarning, LockScreen
from kiosk.widgets.toolbar import top_bar_over_stack

log = logging.getLogger(__name__)


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
        idle_seconds: quiet time (no touch, key or mouse) before the "are you still there?" warning.
        warning_seconds: how long the warning counts down before the session is cleared.
        service: the ballot box and keys (None: the preview build, review ends on the pending screen).
        printer: where receipts are printed (None: no Print button).
        receipt_seconds: how long the receipt stays before the session clears itself.
    """

    def __init__(self, flow: VoterFlow, pixmaps: PixmapSource, clock: Callable[[], datetime], *,
                 idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 warning_seconds: float = DEFAULT_WARNING_SECONDS, service: VotingService | None = None,
                 printer: ReceiptPrinter | None = None,
                 receipt_seconds: int = DEFAULT_RECEIPT_SECONDS) -> None:
        super().__init__()
        self._shown: tuple[State, str, str | None, tuple[int, bool], str | None] | None = None
        self._look: tuple[int, bool] | None = None
        self._ready = False
        self._focus_before_warning: QWidget | None = None
        self.flow = flow
        app = QApplication.instance()
        assert isinstance(app, QApplication), "build the QApplication first"
        self.translations = Translations.of(app)
        self.top_bar, self.stack = top_bar_over_stack(self)
        self.top_bar.size_chosen.connect(flow.set_text_size)
        self.top_bar.contrast_toggled.connect(flow.set_high_contrast)
        self.top_bar.language_toggled.connect(flow.toggle_language)
        self.top_bar.start_over.connect(flow.reset)
        self.error_notice = ErrorNotice(self)
        self.controller: CastingController | None = None
        self.lock_screen: LockScreen | None = None
        self.stopped = False
        if service is not None:
            self.controller = CastingController(flow, service, self.error_notice, printer, self)
            self.error_notice.retry.connect(self.controller.retry)
            self.error_notice.stopping.connect(self._stop)
            self.error_notice.dismissed.connect(self._lock_if_stopped)
            self.lock_screen = LockScreen(self, can_unlock=service.can_unlock)
            self.lock_screen.unlock_requested.connect(self.controller.unlock)
            self.controller.unlock_answered.connect(self._unlock_answered)
        self.welcome = WelcomeScreen(flow, clock)
        self.district = DistrictScreen(flow)
        self.ballot = BallotScreen(flow, pixmaps)
        self.review = ReviewScreen(flow, self.controller.encrypt if self.controller is not None else None)
        self.pending = PendingScreen(flow)
        self.screens: dict[State, QWidget] = {
            State.WELCOME: self.welcome, State.DISTRICT: self.district, State.BALLOT: self.ballot,
            State.REVIEW: self.review, State.PENDING: self.pending,
        }
        self.session_screens: list[QWidget] = [self.ballot, self.review]
        if self.controller is not None:
            self._add_casting_screens(self.controller, receipt_seconds)
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.holders: dict[QWidget, QWidget] = {}
        for state, screen in self.screens.items():
            if screen in self.holders:
                continue  # one screen shows several states (busy)
            if state == State.BALLOT:
                self.holders[screen] = screen  # scrolls its own cards
            else:
                holder = QScrollArea()
                holder.setWidgetResizable(True)
                holder.setFrameShape(QFrame.Shape.NoFrame)
                holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                holder.setWidget(screen)
                self.holders[screen] = holder
            self.stack.addWidget(self.holders[screen])
        self.idle_warning = IdleWarning(self)
        self.idle_warning.more_time.connect(self._more_time)
        self.idle = IdleWatch(idle_seconds, warning_seconds, self)
        self.idle.warning_started.connect(self._warn)
        self.idle.countdown.connect(self.idle_warning.set_seconds)
        self.idle.resumed.connect(self._dismiss_warning)
        self.idle.expired.connect(self._time_out)
        if self.controller is not None:
            self.controller.busy_changed.connect(self._busy_changed)
        self._ready = True
        flow.subscribe(self.on_flow_changed)
        self.on_flow_changed()

    def _add_casting_screens(self, controller: CastingController, receipt_seconds: int) -> None:
        """Eligibility, check-in, the waits, cast-or-check, checked and receipt (only with a ballot box)."""
        flow = self.flow
        self.eligibility = EligibilityScreen(flow, controller)
        self.checkin = CheckInScreen(flow, controller)
        self.busy = BusyScreen(flow)
        self.cast = CastScreen(flow, controller)
        self.checked = CheckedScreen(flow, controller)
        self.receipt = ReceiptScreen(flow, controller, receipt_seconds)
        self.screens.update({
            State.ELIGIBILITY: self.eligibility, State.CHECKIN: self.checkin, State.ENCRYPTING: self.busy,
            State.CHECKING: self.busy, State.CASTING: self.busy, State.CHOICE: self.cast,
            State.CHECKED: self.checked, State.RECEIPT: self.receipt,
        })
        self.session_screens += [self.eligibility, self.checkin, self.cast, self.checked, self.receipt]

    def current_screen(self) -> QWidget:
        """The screen on show."""
        return self.screens[self.flow.state]

    def on_flow_changed(self) -> None:
        """Follow the flow: install its language, restyle, switch screens, arm or disarm the idle watch."""
        flow = self.flow
        look = (flow.text_size, flow.high_contrast)
        if look != self._look:
            self._look = look
            self.setStyleSheet(stylesheet(*look))
        self.translations.use(flow.language)  # a new language re-renders at once through changeEvent
        self._render()
        if flow.at_rest:
            self._dismiss_warning()
            self.idle.disarm()
        elif self.idle.armed:
            self.idle.poke()  # a resident action (also one an assistive tool makes without input events)
        else:
            self.idle.arm()

    def _render(self) -> None:
        """Show the current screen in the installed language (re-lays it out when anything shown changed)."""
        flow = self.flow
        lang = flow.language
        look = (flow.text_size, flow.high_contrast)
        kiosk_name = self.tr("pbvote kiosk")
        self.setWindowTitle(f"{flow.election.title.get(lang)} — {kiosk_name}")
        self.top_bar.refresh(lang, flow.election.title.get(lang), flow.text_size, flow.high_contrast,
                             flow.state == State.WELCOME)
        shown = (flow.state, lang, self.translations.language, look, flow.refusal)  # a new text size re-wraps text
        if shown == self._shown:
            return
        state_changed = self._shown is None or self._shown[0] != flow.state
        self._shown = shown
        if flow.state == State.WELCOME:  # the session may have ended: nothing of it stays, even hidden
            for session_screen in self.session_screens:
                session_screen.clear()  # type: ignore[attr-defined]
            self.error_notice.close_notice()
            self._lock_if_stopped()
            self.district.refresh()
            self.pending.refresh()
        screen = self.screens[flow.state]
        screen.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(self.holders[screen])
        if state_changed:
            screen.focus_first()  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate the visible screen and the top bar when the installed language changes."""
        if event.type() == QEvent.Type.LanguageChange and self._ready:
            self._render()
        super().changeEvent(event)

    # ------------------------------------------------------------ idle timeout

    def _warn(self, seconds: int) -> None:
        focus = QApplication.focusWidget()
        self._focus_before_warning = focus if focus is not None and self.isAncestorOf(focus) else None
        clears_ballot = self.flow.state != State.WELCOME or self.flow.selection is not None
        self.idle_warning.open(seconds, clears_ballot=clears_ballot)

    def _more_time(self) -> None:
        self.idle.poke()  # emits resumed -> _dismiss_warning
        self._dismiss_warning()

    def _dismiss_warning(self) -> None:
        if not self.idle_warning.isVisible():
            return
        self.idle_warning.hide()
        before, self._focus_before_warning = self._focus_before_warning, None
        try:
            if before is not None and before.isVisibleTo(self):
                before.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        except RuntimeError:  # the widget was deleted while the warning was up
            pass
        self.current_screen().focus_first()  # type: ignore[attr-defined]

    # ------------------------------------------------------------ the lock after an unverifiable ballot box

    def _stop(self) -> None:
        """The ballot box could not be verified: nothing under the notice may be used any more."""
        self.stopped = True
        root = self.centralWidget()
        if root is not None:
            root.setEnabled(False)

    def _lock_if_stopped(self) -> None:
        """After the stopping notice (read, or cleared by the timeout): end the session, show the lock."""
        if not self.stopped or self.lock_screen is None or self.lock_screen.locked:
            return
        self.lock_screen.lock()
        if not self.flow.at_rest:
            self.flow.reset()

    def _unlock_answered(self, answer: str) -> None:
        if self.lock_screen is None or not self.lock_screen.locked:
            return
        if answer != "granted":
            self.lock_screen.show_answer(answer)
            return
        log.warning("kiosk unlocked by an attendant after the ballot box could not be verified")
        self.stopped = False
        self.lock_screen.unlock()
        root = self.centralWidget()
        if root is not None:
            root.setEnabled(True)
        self.flow.reset()
        self.current_screen().focus_first()  # type: ignore[attr-defined]

    def _busy_changed(self, busy: bool) -> None:
        """No timeout while a check-in, encryption, cast, check or print runs for the resident."""
        if busy:
            self.idle.hold()
        else:
            self.idle.release()

    def _time_out(self) -> None:
        """Nobody came back: clear the whole session, as "start over" does."""
        self._focus_before_warning = None
        self.idle_warning.hide()
        self.flow.reset()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the idle warning and the error notice covering the whole window."""
        super().resizeEvent(event)
        self.idle_warning.setGeometry(self.rect())
        self.error_notice.setGeometry(self.rect())
        if self.lock_screen is not None:
            self.lock_screen.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the idle watch with the window."""
        self.idle.disarm()
        super().closeEvent(event)


class ConnectingWindow(QMainWindow):
    """Shown while home mode connects to the ballot-box server (kiosk.app.connect_remote), then closed.

    Args:
        url: the server being checked.
    """

    def __init__(self, url: str) -> None:
        super().__init__()
        self.screen_widget = ConnectingScreen(url)
        self.screen_widget.setObjectName("Root")
        self.setWindowTitle(in_both(CONNECTING))
        self.setCentralWidget(self.screen_widget)
        self.setStyleSheet(stylesheet(0, False))
