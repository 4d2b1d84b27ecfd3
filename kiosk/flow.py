"""The voter flow as an explicit state machine (no Qt: the window listens to it).

States follow DESIGN.md step 5: welcome (language) -> eligibility (voting
code) or check-in (voter roll) -> district (when the resident chooses one)
-> ballot -> review -> encrypting -> choice ("cast" or "check this ballot
first") -> casting -> receipt; a check goes checking -> checked ->
encrypting again with fresh nonces.  Without a ballot box (the preview
build) review leads to the pending placeholder instead.  ``reset()``
forgets everything about the session: credential, choices, encrypted
ballot, receipt, language and display settings.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from ballot.box import Spoiled
from ballot.encrypt import PreparedBallot
from ballot.manifest_model import District, Election
from ballot.receipts import Receipt
from ballot.selection import Problem, Selection, can_add, check_selection
from crypto.signatures import SigningKey
from kiosk.errors import KioskError

__all__ = ["TRANSITIONS", "AssignedDistrictMissing", "InvalidTransition", "State", "VoterFlow"]


class State(Enum):
    """Where the resident is in the flow."""

    WELCOME = "welcome"
    ELIGIBILITY = "eligibility"
    CHECKIN = "checkin"
    DISTRICT = "district"
    BALLOT = "ballot"
    REVIEW = "review"
    PENDING = "pending"
    ENCRYPTING = "encrypting"
    CHOICE = "choice"
    CHECKING = "checking"
    CHECKED = "checked"
    CASTING = "casting"
    RECEIPT = "receipt"


_ENTRY = frozenset({State.ELIGIBILITY, State.CHECKIN})
_AFTER_ENTRY = frozenset({State.WELCOME, State.DISTRICT, State.BALLOT, State.REVIEW})
TRANSITIONS: dict[State, frozenset[State]] = {
    State.WELCOME: _ENTRY | {State.DISTRICT, State.BALLOT},
    State.ELIGIBILITY: _AFTER_ENTRY,
    State.CHECKIN: _AFTER_ENTRY,
    State.DISTRICT: frozenset({State.WELCOME, State.BALLOT}),
    State.BALLOT: frozenset({State.WELCOME, State.DISTRICT, State.REVIEW}),
    State.REVIEW: frozenset({State.WELCOME, State.BALLOT, State.PENDING, State.ENCRYPTING}),
    State.PENDING: frozenset({State.WELCOME}),
    State.ENCRYPTING: frozenset({State.CHOICE, State.REVIEW}),
    State.CHOICE: _ENTRY | {State.CASTING, State.CHECKING, State.BALLOT, State.ENCRYPTING},
    State.CHECKING: _ENTRY | {State.CHECKED, State.CHOICE},
    State.CHECKED: frozenset({State.ENCRYPTING, State.BALLOT}),
    State.CASTING: _ENTRY | {State.RECEIPT, State.CHOICE},
    State.RECEIPT: frozenset({State.WELCOME}),
}
TRANSITIONS = {state: targets | {State.WELCOME} for state, targets in TRANSITIONS.items()}
"""The allowed moves; every screen may return to WELCOME (``reset()`` always does)."""


class InvalidTransition(KioskError, ValueError):
    """Raised when the flow is asked for a move TRANSITIONS does not allow (a kiosk bug)."""


class AssignedDistrictMissing(KioskError, ValueError):
    """The manifest assigns districts (no choice for residents) and the kiosk was not told which one it serves."""


def _assigned_district(election: Election, district: str | None) -> str | None:
    """The district every resident of this kiosk votes in, or None when residents choose one.

    ``district_choice = "resident"`` with several districts: residents choose (``district`` must be None).
    One district: that one.  ``"assigned"`` with several: ``district`` (the officials' ``--district``).
    """
    ids = [d.id for d in election.districts]
    if district is not None and district not in ids:
        raise AssignedDistrictMissing(f"no district {district!r} in election {election.id} (districts: "
                                      f"{', '.join(ids)})")
    if len(ids) == 1:
        return ids[0]
    if election.district_choice == "resident":
        if district is not None:
            raise AssignedDistrictMissing(f"election {election.id} lets residents choose their district: "
                                          "start the kiosk without --district")
        return None
    if district is None:
        raise AssignedDistrictMissing(f"election {election.id} assigns districts: start the kiosk with "
                                      f"--district ID for the district it serves ({', '.join(ids)})")
    return district


Listener = Callable[[], None]


class VoterFlow:
    """One resident's session at the kiosk.

    Args:
        election: the election on the ballot.
        casting: True when a ballot box is connected (eligibility first, then encrypt and cast);
            False for the preview build (review ends on the pending placeholder).
        district: the district this kiosk serves when the manifest assigns districts
            (``district_choice = "assigned"``): residents never choose one.

    Raises:
        AssignedDistrictMissing: the election assigns one of several districts and ``district`` is None,
            or ``district`` is not one of the election's.

    Attributes:
        state: the current screen.
        language: "zh-TW" or "en".
        district_id: the chosen district (None before choosing).
        selection: the resident's plaintext choices (None before the ballot).
        text_size: 0, 1 or 2 (A, A+, A++).
        high_contrast: whether the high-contrast theme is on.
        credential: the resident's credential key once eligibility is settled.
        refusal: why eligibility was refused last ("typo", "malformed", "unknown", "used", "before", "closed",
            "not_on_roll", "checked_in", "roll_input"), shown by the eligibility or check-in screen.
        prepared: the encrypted ballot waiting for "cast" or "check".
        checked: the ballot box's answer to the last check (what the spoiled ballot contained).
        receipt: the receipt of the cast ballot.
    """

    def __init__(self, election: Election, *, casting: bool = False, district: str | None = None) -> None:
        self.election = election
        self.casting = casting
        self.assigned_district = _assigned_district(election, district)
        self.uses_roll = election.eligibility == "roll"
        self.credential: SigningKey | None = None
        self.refusal: str | None = None
        self.prepared: PreparedBallot | None = None
        self.checked: Spoiled | None = None
        self.receipt: Receipt | None = None
        self._listeners: list[Listener] = []
        self.state = State.WELCOME
        self.language = self.default_language
        self.district_id: str | None = None
        self.selection: Selection | None = None
        self.text_size = 0
        self.high_contrast = False

    @property
    def default_language(self) -> str:
        """The election's first language."""
        return self.election.languages[0] if self.election.languages else "en"

    @property
    def chooses_district(self) -> bool:
        """True if the resident picks a district (more than one, and the manifest lets them)."""
        return self.assigned_district is None

    @property
    def at_rest(self) -> bool:
        """True on the welcome screen with every setting at its default: nothing of a session to clear."""
        return (self.state == State.WELCOME and self.language == self.default_language and self.text_size == 0
                and not self.high_contrast and self.district_id is None and self.selection is None
                and self._no_secrets())

    def _no_secrets(self) -> bool:
        return (self.credential, self.refusal, self.prepared, self.checked, self.receipt) == (None,) * 5

    @property
    def district(self) -> District | None:
        """The chosen district record."""
        return None if self.district_id is None else self.election.district(self.district_id)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener()`` after every change (pass a bound method)."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    def go(self, target: State) -> None:
        """Move to ``target``.

        Raises:
            InvalidTransition: if the move is not in TRANSITIONS, or the ballot has no district.
        """
        if target not in TRANSITIONS[self.state]:
            raise InvalidTransition(f"cannot go from {self.state.value} to {target.value}")
        if target in (State.BALLOT, State.REVIEW) and self.selection is None:
            raise InvalidTransition(f"{target.value} needs a district first")
        self.state = target
        self._changed()

    def reset(self) -> None:
        """Forget the whole session and show the welcome screen."""
        self.state = State.WELCOME
        self.language = self.default_language
        self.district_id = None
        self.selection = None
        self.text_size = 0
        self.high_contrast = False
        self.credential = self.prepared = self.checked = self.receipt = None
        self.refusal = None
        self._changed()

    # ------------------------------------------------------------ resident actions

    def set_language(self, language: str) -> None:
        """Show every screen in ``language``."""
        self.language = language
        self._changed()

    def toggle_language(self) -> None:
        """Switch between Traditional Chinese and English."""
        self.set_language("en" if self.language == "zh-TW" else "zh-TW")

    def set_text_size(self, index: int) -> None:
        """Choose A (0), A+ (1) or A++ (2)."""
        self.text_size = max(0, min(2, index))
        self._changed()

    def set_high_contrast(self, on: bool) -> None:
        """Switch the high-contrast theme."""
        self.high_contrast = on
        self._changed()

    def start(self) -> None:
        """Leave the welcome screen: to eligibility first when casting, then the district or the ballot."""
        if self.casting and self.credential is None:
            self.go(State.CHECKIN if self.uses_roll else State.ELIGIBILITY)
        elif self.chooses_district:
            self.go(State.DISTRICT)
        else:
            self.choose_district(self.assigned_district or self.election.districts[0].id)

    def choose_district(self, district_id: str) -> None:
        """Pick the district and open its ballot (a new district starts an empty ballot)."""
        self.election.district(district_id)  # KeyError for an unknown id
        if self.assigned_district not in (None, district_id):
            raise InvalidTransition(f"this kiosk serves district {self.assigned_district}, not {district_id}")
        if self.district_id != district_id or self.selection is None:
            self.district_id = district_id
            self.selection = Selection(district_id)
        self.go(State.BALLOT)

    def back(self) -> None:
        """Go one screen back, keeping the choices."""
        if self.state in _ENTRY:
            self.go(State.WELCOME)
        elif self.state == State.BALLOT:
            self.go(State.DISTRICT if self.chooses_district else State.WELCOME)
        elif self.state == State.REVIEW:
            self.go(State.BALLOT)
        elif self.state == State.DISTRICT:
            self.go(State.WELCOME)

    # ------------------------------------------------------------ eligibility and casting (the controller calls)

    def refuse(self, reason: str) -> None:
        """Show the eligibility (or check-in) screen with why the code or check-in was refused.

        The choices stay: after a new code the resident goes straight back to review.
        """
        self.credential = self.prepared = self.checked = None
        self.refusal = reason
        target = State.CHECKIN if self.uses_roll else State.ELIGIBILITY
        if self.state != target:
            self.go(target)
        else:
            self._changed()

    def admit(self, credential: SigningKey) -> None:
        """Eligibility settled: remember the credential and go on (to review if choices were kept)."""
        self.credential = credential
        self.refusal = None
        if self.selection is not None and not self.problems():
            self.go(State.REVIEW)
        elif self.chooses_district:
            self.go(State.DISTRICT)
        else:
            self.choose_district(self.assigned_district or self.election.districts[0].id)

    def encrypted(self, prepared: PreparedBallot) -> None:
        """The ballot is encrypted: offer "cast" or "check this ballot first"."""
        self.prepared = prepared
        self.go(State.CHOICE)

    def spoiled(self, result: Spoiled) -> None:
        """The checked ballot is published: show what it contained (the encrypted one is gone for good)."""
        self.prepared = None
        self.checked = result
        self.go(State.CHECKED)

    def accepted(self, receipt: Receipt) -> None:
        """The ballot box confirmed the ballot: forget the secrets, show the receipt."""
        self.prepared = None
        self.receipt = receipt
        self.go(State.RECEIPT)

    def toggle_pick(self, project_id: str) -> Problem | None:
        """Pick or un-pick a project (approval/knapsack); returns the refusal, if any."""
        assert self.selection is not None and self.district_id is not None
        if project_id in self.selection.picks:
            self.selection = self.selection.without_pick(project_id)
        else:
            problem = can_add(self.election, self.district_id, self.selection, project_id)
            if problem is not None:
                return problem
            self.selection = self.selection.with_pick(project_id)
        self._changed()
        return None

    def add_point(self, project_id: str) -> Problem | None:
        """Give one more point to a project (cumulative); returns the refusal, if any."""
        assert self.selection is not None and self.district_id is not None
        problem = can_add(self.election, self.district_id, self.selection, project_id)
        if problem is not None:
            return problem
        self.selection = self.selection.with_points(project_id, self.selection.points.get(project_id, 0) + 1)
        self._changed()
        return None

    def remove_point(self, project_id: str) -> None:
        """Take one point back from a project (never below zero)."""
        assert self.selection is not None
        current = self.selection.points.get(project_id, 0)
        if current > 0:
            self.selection = self.selection.with_points(project_id, current - 1)
            self._changed()

    def problems(self) -> list[Problem]:
        """Return what keeps the current ballot from being valid."""
        if self.selection is None or self.district_id is None:
            return []
        return check_selection(self.election, self.district_id, self.selection)

    def review(self) -> list[Problem]:
        """Go to review if the ballot is valid; otherwise stay and return the problems."""
        problems = self.problems()
        if not problems:
            self.go(State.REVIEW)
        return problems
