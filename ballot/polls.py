"""Opening and closing the polls: signed bulletin-board entries that bound the casting window.

Opening needs a completed key ceremony and, for voting codes, a non-empty
credential list; the ``open`` entry records the list's size and the
number of kiosks, the ``close`` entry the number of ballots and spoiled
ballots, so the record states its own totals.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ballot.audit import append_audit, audit_refusal
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
        PollsError: if the polls are not in the ``before`` state (opening twice,
            reopening after close) or the election is not ready; the refusal is audited.
    """
    election = load_election(session)
    state = lock_state(session)
    if state.polls == "closed":
        raise audit_refusal(session, "polls-open", PollsError(
            "polls open: the polls were closed and can never be reopened (the record ends at the close entry)"))
    if state.polls != "before":
        raise audit_refusal(session, "polls-open", PollsError("polls open: the polls are already open"))
    try:
        load_ceremony(session)
    except BallotError as exc:
        raise audit_refusal(session, "polls-open", PollsError(f"polls open: {exc}")) from None
    credentials = count_credentials(session)
    if election.eligibility == "codes" and credentials == 0:
        raise audit_refusal(session, "polls-open", PollsError(
            "polls open: no voting codes yet; run 'pbvote codes generate' first"))
    kiosks = len(kiosk_list(session))
    body = {"polls": "open", "credentials": credentials, "kiosks": kiosks}
    payload = polls_payload(key, election.fingerprint, state.size, state.head_hash, body)
    entry = append_entry(session, state, election.fingerprint, "open", payload)
    state.polls = "open"
    append_audit(session, "polls-open", details={"position": entry.index, "credentials": credentials,
                                                 "kiosks": kiosks})
    return entry.index


def close_polls(session: Session, key: SigningKey) -> int:
    """Append the signed ``close`` entry; no ballot is accepted after it.

    Returns:
        Its board position.

    Raises:
        PollsError: unless the polls are open (the refusal is audited).
    """
    election = load_election(session)
    state = lock_state(session)
    if state.polls != "open":
        raise audit_refusal(session, "polls-close", PollsError(
            f"polls close: the polls are {'not open yet' if state.polls == 'before' else 'already closed'}"))
    ballots, spoiled = count_kind(session, "ballot"), count_kind(session, "spoiled")
    body = {"polls": "close", "ballots": ballots, "spoiled": spoiled}
    payload = polls_payload(key, election.fingerprint, state.size, state.head_hash, body)
    entry = append_entry(session, state, election.fingerprint, "close", payload)
    state.polls = "closed"
    append_audit(session, "polls-close", details={"position": entry.index, "ballots": ballots, "spoiled": spoiled})
    return entry.index
