"""The casting controller: runs each slow session step as a BackgroundOp and moves the VoterFlow on its outcome.

Screens call its methods (submit a code, check in, encrypt, cast, check,
print); it owns the one op in flight, turns ballot-box results into flow
moves (accepted -> receipt, already voted -> the eligibility screen with its
message) and hands every failure to ``kiosk.errors.show_error`` with a retry
that repeats the step: a cast is retried with the very same bytes, which
the ballot box accepts at most once.  When the session ends (start over,
idle timeout) the op in flight is cancelled and its outcome dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from ballot.box import Accepted, AlreadyVoted, InvalidBallotResult, NotEligible, PollsClosed, Spoiled
from ballot.receipts import Receipt
from ballot.roll import AlreadyCheckedIn, CheckedIn, NotOnRoll, RollError
from crypto.signatures import SigningKey
from kiosk.errors import ErrorSink, show_error
from kiosk.flow import State, VoterFlow
from kiosk.ops import BackgroundOp, CodeRefused, VotingService, kiosk_pool
from kiosk.printing import ReceiptPrinter
from kiosk.qt import QObject, Signal

log = logging.getLogger(__name__)

__all__ = ["CastingController"]


def _check_in_job(service: VotingService, id_number: str, birth_date: str) -> object:
    """Polls first (their own message), then the roll; an unreadable entry is a refusal, not a failure."""
    polls = service.polls()
    if polls != "open":
        return polls
    try:
        return service.check_in(id_number, birth_date)
    except RollError:
        return "roll_input"


def _print_job(service: VotingService, printer: ReceiptPrinter, receipt: Receipt, language: str) -> None:
    printer.print_receipt(receipt, service.election, language)


class CastingController(QObject):
    """Drives eligibility, encryption, casting, checking and printing for one kiosk window.

    Args:
        flow: the voter flow it moves.
        service: the ballot box and keys.
        errors: the error notice (kiosk.widgets.ErrorNotice).
        printer: where receipts go (None: no Print button).
        parent: the window.

    Signals:
        busy_changed(bool): an op started (True) or reported (False); screens disable their buttons meanwhile.
        printed(): the receipt was handed to the printer.
        unlock_answered(str): the attendants' passphrase check: "granted", "denied", "locked", "unset".
    """

    busy_changed = Signal(bool)
    printed = Signal()
    unlock_answered = Signal(str)

    def __init__(self, flow: VoterFlow, service: VotingService, errors: ErrorSink,
                 printer: ReceiptPrinter | None, parent: QObject) -> None:
        super().__init__(parent)
        self.flow = flow
        self.service = service
        self.errors = errors
        self.printer = printer
        self.pool = kiosk_pool(self)
        self.op: BackgroundOp | None = None
        self._retry_stage: str | None = None
        self._pending_key: SigningKey | None = None
        self._pending_roll: tuple[str, str] | None = None
        flow.subscribe(self._on_flow)

    @property
    def busy(self) -> bool:
        """True while an op is in flight."""
        return self.op is not None

    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
             on_failure: Callable[[BaseException], None]) -> None:
        if self.op is not None:
            return  # one step at a time: a double tap does not cast twice
        self.op = BackgroundOp(fn, on_success, on_failure, self)
        self.op.finished.connect(self._op_finished)
        self.op.start(self.pool)
        self.busy_changed.emit(True)

    def _op_finished(self) -> None:
        if self.op is not None and self.sender() is self.op:
            self.op = None
            self.busy_changed.emit(False)

    def _on_flow(self) -> None:
        """The session ended: drop the op in flight and everything pending."""
        if self.flow.state == State.WELCOME and self.flow.credential is None:
            if self.op is not None:
                self.op.cancel()
                self.op = None
                self.busy_changed.emit(False)
            self._pending_key = self._pending_roll = None
            self._retry_stage = None

    def _fail(self, stage: str, problem: object) -> None:
        self._retry_stage = stage
        show_error(self.errors, stage, problem)

    def retry(self) -> None:
        """Repeat the step that failed ("Try again" on the error notice)."""
        stage, self._retry_stage = self._retry_stage, None
        if stage == "eligibility" and self._pending_roll is not None:
            self.check_in(*self._pending_roll)
        elif stage == "eligibility" and self._pending_key is not None:
            self._check_admission(self._pending_key)
        elif stage == "encrypt":
            self.encrypt()
        elif stage == "cast" and self.flow.prepared is not None:
            self.cast()
        elif stage == "check" and self.flow.prepared is not None:
            self.check()
        elif stage == "print":
            self.print_receipt()

    # ------------------------------------------------------------ eligibility

    def submit_code(self, text: str) -> None:
        """Read the typed code; a typo or a non-code is refused at once, then the polls and the code are checked."""
        try:
            key = self.service.credential(text)
        except CodeRefused as exc:
            self.flow.refuse(exc.kind)
            return
        self._check_admission(key)

    def _check_admission(self, key: SigningKey) -> None:
        self._pending_key = key
        self._run(partial(self.service.admission, key), self._admission_known, self._eligibility_failed)

    def _admission_known(self, answer: object) -> None:
        key, self._pending_key = self._pending_key, None
        if answer != "open" or key is None:
            self.flow.refuse(str(answer))  # "before", "closed", "used" or "unknown": each has its message
        else:
            self.flow.admit(key)

    def _eligibility_failed(self, exc: BaseException) -> None:
        self._fail("eligibility", exc)

    def check_in(self, id_number: str, birth_date: str) -> None:
        """Check the resident in on the voter roll (the attendant typed ID number and birth date)."""
        self._pending_roll = (id_number, birth_date)
        self._run(partial(_check_in_job, self.service, id_number, birth_date), self._checked_in,
                  self._eligibility_failed)

    def _checked_in(self, result: object) -> None:
        self._pending_roll = None
        if isinstance(result, CheckedIn):
            self.flow.admit(self.service.one_time_credential())
        elif isinstance(result, AlreadyCheckedIn):
            self.flow.refuse("checked_in")
        elif isinstance(result, NotOnRoll):
            self.flow.refuse("not_on_roll")
        else:
            self.flow.refuse(str(result))

    # ------------------------------------------------------------ encrypt, cast, check

    def encrypt(self) -> None:
        """Encrypt the reviewed selection (fresh nonces every time) and offer cast or check."""
        flow = self.flow
        if flow.selection is None or flow.credential is None:
            return
        flow.prepared = None
        flow.go(State.ENCRYPTING)
        self._run(partial(self.service.encrypt, flow.selection, flow.credential), self._encrypted,
                  self._encrypt_failed)

    def _encrypted(self, prepared: object) -> None:
        self.flow.encrypted(prepared)  # type: ignore[arg-type]

    def _encrypt_failed(self, exc: BaseException) -> None:
        self.flow.go(State.REVIEW)
        self._fail("encrypt", exc)

    def cast(self) -> None:
        """Cast the encrypted ballot (a retry resends the same bytes; the box stores it at most once)."""
        prepared = self.flow.prepared
        if prepared is None:
            return
        self.flow.go(State.CASTING)
        self._run(partial(self.service.cast, prepared.to_bytes()), self._cast_answered, self._cast_failed)

    def _cast_answered(self, result: object) -> None:
        if isinstance(result, Accepted):
            self.flow.accepted(result.receipt)
        elif not self._refused(result):
            self._cast_failed(result)

    def _cast_failed(self, problem: object) -> None:
        self.flow.go(State.CHOICE)
        if isinstance(problem, InvalidBallotResult):
            self._fail("cast", problem)
            self._retry_stage = "encrypt"  # the box refused these bytes: encrypt afresh, never resend them
        else:
            self._fail("cast", problem)

    def _refused(self, result: object) -> bool:
        """Eligibility outcomes of a cast or check: back to the code screen with their own message."""
        if isinstance(result, AlreadyVoted):
            self.flow.refuse("used")
        elif isinstance(result, NotEligible):
            self.flow.refuse("unknown")
        elif isinstance(result, PollsClosed):
            self.flow.refuse(result.state)
        else:
            return False
        return True

    def check(self) -> None:
        """Challenge the encrypted ballot (Benaloh): publish it with its secrets and show what it holds."""
        prepared = self.flow.prepared
        if prepared is None:
            return
        self.flow.go(State.CHECKING)
        self._run(partial(self.service.spoil, prepared), self._check_answered, self._check_failed)

    def _check_answered(self, result: object) -> None:
        if isinstance(result, Spoiled):
            self.flow.spoiled(result)
        elif not self._refused(result):
            self._check_failed(result)

    def _check_failed(self, problem: object) -> None:
        self.flow.go(State.CHOICE)
        self._fail("check", problem)

    def change_choices(self) -> None:
        """Leave the encrypted ballot unused and return to the ballot (it is never cast)."""
        self.flow.prepared = None
        self.flow.go(State.BALLOT)

    # ------------------------------------------------------------ print

    def print_receipt(self) -> None:
        """Print the receipt of the confirmed ballot (off the GUI thread)."""
        receipt = self.flow.receipt
        if receipt is None or self.printer is None:
            return
        self._run(partial(_print_job, self.service, self.printer, receipt, self.flow.language), self._printed,
                  self._print_failed)

    def _printed(self, _value: object) -> None:
        self.printed.emit()

    def _print_failed(self, exc: BaseException) -> None:
        self._fail("print", exc)

    # ------------------------------------------------------------ the lock after an unverifiable ballot box

    def unlock(self, passphrase: str) -> None:
        """Check the attendants' passphrase off the GUI thread (Argon2id takes a moment)."""
        self._run(partial(self.service.attendant_unlock, passphrase), self._unlock_answered, self._unlock_failed)

    def _unlock_answered(self, answer: object) -> None:
        self.unlock_answered.emit(str(answer))

    def _unlock_failed(self, exc: BaseException) -> None:
        log.error("kiosk: the attendants' passphrase could not be checked: %s", type(exc).__name__)
        self.unlock_answered.emit("denied")
