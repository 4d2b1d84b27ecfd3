"""Opening and closing the polls: signed bulletin-board entries that bound the casting window.

Opening needs a completed key ceremony and, for voting codes, a non-empty
credential list; the ``open`` entry records the list's size and the
number of kiosks, the ``close`` entry the number of ballots and spoiled
ballots, so the record states its own totals.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ballot.board import append_entry, count_kind, lock_state, polls_payload
from ballot.ceremony_record import load_ceremony
from ballot.errors import BallotError
from ballot.registry import count_credentials, kiosk_list
from ballot.storage import load_election
from crypto.signatures import SigningKey

__all__ = ["PollsError", "close_polls", "open_polls"]


class PollsError(BallotError, RuntimeError):
    """Opening or closing refused (wrong phase, no ceremony, no credentials)."""


def open_polls(session: Session, key: SigningKey) -> int:
    """Append the signed ``open`` entry.

    Returns:
        Its board position.

    Raises:
        PollsError: if the polls are not in the ``before`` state or the election is not ready.
    """
    election = load_election(session)
    state = lock_state(session)
    if state.polls != "before":
        raise PollsError(f"polls open: the polls are already {state.polls}")
    load_ceremony(session)
    credentials = count_credentials(session)
    if election.eligibility == "codes" and credentials == 0:
        raise PollsError("polls open: no voting codes yet; run 'pbvote codes generate' first")
    body = {"polls": "open", "credentials": credentials, "kiosks": len(kiosk_list(session))}
    payload = polls_payload(key, election.fingerprint, state.size, state.head_hash, body)
    entry = append_entry(session, state, election.fingerprint, "open", payload)
    state.polls = "open"
    return entry.index


def close_polls(session: Session, key: SigningKey) -> int:
    """Append the signed ``close`` entry; no ballot is accepted after it.

    Returns:
        Its board position.

    Raises:
        PollsError: unless the polls are open.
    """
    election = load_election(session)
    state = lock_state(session)
    if state.polls != "open":
        raise PollsError(f"polls close: the polls are {'not open yet' if state.polls == 'before' else 'closed'}")
    body = {"polls": "close", "ballots": count_kind(session, "ballot"), "spoiled": count_kind(session, "spoiled")}
    payload = polls_payload(key, election.fingerprint, state.size, state.head_hash, body)
    entry = append_entry(session, state, election.fingerprint, "close", payload)
    state.polls = "closed"
    return entry.index
