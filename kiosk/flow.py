"""The voter flow as an explicit state machine (no Qt: the window listens to it).

States follow DESIGN.md step 5 as far as this build goes: welcome (language)
-> district (when the resident chooses one) -> ballot -> review -> the
casting placeholder.  ``reset()`` forgets everything about the session:
language, district, choices and display settings.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from ballot.manifest_model import District, Election
from ballot.selection import Problem, Selection, can_add, check_selection
from kiosk.errors import KioskError

__all__ = ["TRANSITIONS", "InvalidTransition", "State", "VoterFlow"]


class State(Enum):
    """Where the resident is in the flow."""

    WELCOME = "welcome"
    DISTRICT = "district"
    BALLOT = "ballot"
    REVIEW = "review"
    PENDING = "pending"


TRANSITIONS: dict[State, frozenset[State]] = {
    State.WELCOME: frozenset({State.DISTRICT, State.BALLOT}),
    State.DISTRICT: frozenset({State.WELCOME, State.BALLOT}),
    State.BALLOT: frozenset({State.WELCOME, State.DISTRICT, State.REVIEW}),
    State.REVIEW: frozenset({State.WELCOME, State.BALLOT, State.PENDING}),
    State.PENDING: frozenset({State.WELCOME}),
}
"""The allowed moves; ``reset()`` may always return to WELCOME."""


class InvalidTransition(KioskError, ValueError):
    """Raised when the flow is asked for a move TRANSITIONS does not allow (a kiosk bug)."""


Listener = Callable[[], None]


class VoterFlow:
    """One resident's session at the kiosk.

    Args:
        election: the election on the ballot.

    Attributes:
        state: the current screen.
        language: "zh-TW" or "en".
        district_id: the chosen district (None before choosing).
        selection: the resident's plaintext choices (None before the ballot).
        text_size: 0, 1 or 2 (A, A+, A++).
        high_contrast: whether the high-contrast theme is on.
    """

    def __init__(self, election: Election) -> None:
        self.election = election
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
        return len(self.election.districts) > 1

    @property
    def at_rest(self) -> bool:
        """True on the welcome screen with every setting at its default: nothing of a session to clear."""
        return (self.state == State.WELCOME and self.language == self.default_language and self.text_size == 0
                and not self.high_contrast and self.district_id is None and self.selection is None)

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
        """Leave the welcome screen: to the district choice, or straight to the ballot."""
        if self.chooses_district:
            self.go(State.DISTRICT)
        else:
            self.choose_district(self.election.districts[0].id)

    def choose_district(self, district_id: str) -> None:
        """Pick the district and open its ballot (a new district starts an empty ballot)."""
        self.election.district(district_id)  # KeyError for an unknown id
        if self.district_id != district_id or self.selection is None:
            self.district_id = district_id
            self.selection = Selection(district_id)
        self.go(State.BALLOT)

    def back(self) -> None:
        """Go one screen back, keeping the choices."""
        if self.state == State.BALLOT:
            self.go(State.DISTRICT if self.chooses_district else State.WELCOME)
        elif self.state == State.REVIEW:
            self.go(State.BALLOT)
        elif self.state == State.DISTRICT:
            self.go(State.WELCOME)

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
