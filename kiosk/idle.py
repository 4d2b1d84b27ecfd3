"""Session hygiene: notice when nobody has touched the kiosk, warn with a countdown, then time the session out.

``IdleWatch`` is an application-wide event filter: every key press, touch,
mouse press, wheel turn or real mouse movement restarts the quiet-time clock.
After ``idle_seconds`` of quiet it emits ``warning_started``, counts
``warning_seconds`` down (``countdown`` each time the whole seconds change)
and then emits ``expired``. Any input during the warning emits ``resumed``
instead; that input only wakes the kiosk up, it is not passed on, so a touch
on the warning cannot press a ballot button hidden behind it.

While slow work runs for the resident (encryption, a cast, a check, printing)
the window ``hold()``s the watch: no warning and no timeout, since clearing
the session in the middle of a cast would leave the resident not knowing
whether they voted.  ``release()`` starts the quiet time afresh.
"""

from __future__ import annotations

import math

from kiosk.qt import QCoreApplication, QElapsedTimer, QEvent, QMouseEvent, QObject, QPointF, QTimer, Signal

__all__ = ["DEFAULT_IDLE_SECONDS", "DEFAULT_WARNING_SECONDS", "INPUT_EVENTS", "IdleWatch"]

DEFAULT_IDLE_SECONDS = 120.0
"""Quiet time before the warning appears."""

DEFAULT_WARNING_SECONDS = 30.0
"""How long the warning counts down before the session is cleared."""

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
})
"""Events that show a person is at the kiosk."""

_TICK_MS = 100


class IdleWatch(QObject):
    """Count quiet time while armed; warn, count down, expire.

    Args:
        idle_seconds: quiet time before the warning.
        warning_seconds: length of the countdown.
        parent: owner (the window).

    Signals:
        warning_started(int): the warning begins; whole seconds left.
        countdown(int): whole seconds left changed during the warning.
        resumed(): someone used the kiosk during the warning.
        expired(): the countdown reached zero.
    """

    warning_started = Signal(int)
    countdown = Signal(int)
    resumed = Signal()
    expired = Signal()

    def __init__(self, idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 warning_seconds: float = DEFAULT_WARNING_SECONDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_ms = max(1, round(idle_seconds * 1000))
        self.warning_ms = max(1, round(warning_seconds * 1000))
        self.armed = False
        self.warning = False
        self.held = False
        self._seconds_left = 0
        self._mouse_at: QPointF | None = None
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self.start_warning)
        self._tick = QTimer(self)
        self._tick.setInterval(_TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._since_warning = QElapsedTimer()

    # ------------------------------------------------------------ control

    def arm(self) -> None:
        """Start watching (a session is under way); does nothing if already armed."""
        if self.armed:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.armed = True
        if not self.held:
            self._quiet.start(self.idle_ms)

    def hold(self) -> None:
        """Pause the clock while work the resident waits for runs (any warning on show ends: ``resumed``)."""
        self.held = True
        self._quiet.stop()
        self._tick.stop()
        if self.warning:
            self.warning = False
            self.resumed.emit()

    def release(self) -> None:
        """The work ended: count quiet time again from zero."""
        self.held = False
        if self.armed:
            self._quiet.start(self.idle_ms)

    def disarm(self) -> None:
        """Stop watching and drop any warning silently (the session ended)."""
        app = QCoreApplication.instance()
        if self.armed and app is not None:
            app.removeEventFilter(self)
        self.armed = False
        self.warning = False
        self._quiet.stop()
        self._tick.stop()

    def poke(self) -> None:
        """Someone is here: restart the quiet time and end any warning."""
        if not self.armed:
            return
        was_warning = self.warning
        self.warning = False
        self._tick.stop()
        if not self.held:
            self._quiet.start(self.idle_ms)
        if was_warning:
            self.resumed.emit()

    def start_warning(self) -> None:
        """Begin the countdown now (the quiet time ran out)."""
        if not self.armed or self.held:
            return
        self._quiet.stop()
        self.warning = True
        self._since_warning.start()
        self._seconds_left = math.ceil(self.warning_ms / 1000)
        self._tick.start()
        self.warning_started.emit(self._seconds_left)

    @property
    def seconds_left(self) -> int:
        """Whole seconds until the session is cleared (during the warning)."""
        return self._seconds_left

    def _on_tick(self) -> None:
        left_ms = self.warning_ms - self._since_warning.elapsed()
        if left_ms <= 0:
            self._tick.stop()
            self.warning = False
            self._quiet.stop()
            self.expired.emit()
            return
        seconds = math.ceil(left_ms / 1000)
        if seconds != self._seconds_left:
            self._seconds_left = seconds
            self.countdown.emit(seconds)

    # ------------------------------------------------------------ input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restart the quiet time on input; swallow the input that ends a warning."""
        if not self.armed or event.type() not in INPUT_EVENTS or not event.spontaneous():
            return False
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseMove:
            here = event.globalPosition()
            if self._mouse_at is not None and (here - self._mouse_at).manhattanLength() < 4:
                return False  # Qt's synthetic moves when widgets appear under a still pointer
            self._mouse_at = here
        elif isinstance(event, QMouseEvent):
            self._mouse_at = event.globalPosition()
        waking = self.warning
        self.poke()
        return waking
