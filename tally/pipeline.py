"""
From a closed board to signed, stored results: the steps every caller shares.

``pbvote trustees decrypt``, ``pbvote tally``, ``pbvote demo``, ``pbvote
pabulib replay`` and the officials' console all run these two functions, so
there is one path from the board to ``results.json`` and no caller can skip
a step (recomputing the tally from the whole closed board, keeping only
partial decryptions that verify, signing with the ballot-box key).  Nothing
is stored until a step has completed: an interrupted run leaves the database
as it was and can simply be run again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ballot.audit import append_audit, reason_text, record_audit
from ballot.board import current_head
from ballot.ceremony_record import load_ceremony
from ballot.errors import BallotError
from ballot.manifest_model import Election
from ballot.storage import Store, load_election
from ballot.storage.record_files import load_record_file, save_record_file
from crypto.errors import CryptoError
from crypto.signatures import SigningKey
from tally.ceremony import read_share_file
from tally.decryption import (
    Counts,
    InvalidDecryption,
    combine,
    decrypt_tally,
    decryption_file_name,
    parse_decryption,
    select_valid,
)
from tally.errors import TallyError
from tally.homomorphic import TALLY_FILE, EncryptedTally, compute_tally, parse_tally
from tally.results import RESULTS_FILE, DistrictResult, ProjectCount, Results, district_outcome, parse_results

__all__ = ["PartialStored", "decrypt_as_trustee", "refuse_individual_ballot_rules", "stored_results",
           "tally_and_sign"]

Progress = Callable[[str], None]


class AlreadyDecrypted(TallyError, ValueError):
    """Raised when a trustee's different partial decryption of the same tally is already stored."""


@dataclass(frozen=True, slots=True)
class PartialStored:
    """
    What one trustee's decryption step stored.

    Fields: ``trustee`` (index j); ``name`` (record file name); ``data`` (the
    canonical bytes, for a copy on a USB stick); ``tally`` (the tally decrypted).
    """

    trustee: int
    name: str
    data: bytes
    tally: EncryptedTally


def _quiet(_line: str) -> None:
    """Progress sink for callers that show none."""


@contextmanager
def _audit_failure(store: Store, event: str, role: str, details: dict[str, str | int]) -> Iterator[None]:
    """Record a "failure" audit entry (with the message as reason) for a refused or failed step, then re-raise.

    ``details`` may be filled in by the step as it learns them (the trustee's index).
    """
    try:
        yield
    except (BallotError, TallyError, CryptoError) as exc:
        record_audit(store, event, disposition="failure", role=role,
                     details={**details, "reason": reason_text(exc)})
        raise


def decrypt_as_trustee(store: Store, share_file: Path, passphrase: str,
                       progress: Progress | None = None) -> PartialStored:
    """
    Recompute the tally from the whole closed board and store this trustee's partial decryption.

    A trustee decrypts only an aggregate it recomputed itself, never a file
    handed to it.  Rerunning replaces the trustee's stored decryption of an
    older tally but refuses to replace a stored one of this same tally by a
    different one (proofs are randomised, so a rerun differs in its bytes).

    Raises:
        AlreadyDecrypted: a different decryption of this tally is stored for the trustee.
        TallyError, BallotError: polls not closed, wrong passphrase, share of another election.
    """
    say = progress or _quiet
    details: dict[str, str | int] = {}
    with _audit_failure(store, "trustee-decrypt", "trustee", details):
        with store.read() as s:
            election = load_election(s)
            ceremony = load_ceremony(s)
            share = read_share_file(share_file, passphrase, election.fingerprint, ceremony=ceremony)
            details["trustee"] = share.trustee
            tally = compute_tally(s, election, say)
        say(f"trustee {share.trustee}: decrypting {sum(len(d.sums) for d in tally.districts)} sums")
        data = decrypt_tally(tally, election, share, say).to_canonical_bytes()
        name = decryption_file_name(share.trustee)
        with store.write(read_committed=True) as s:
            # The audit entry first: its row lock serialises these writers, so the check below sees
            # what a concurrent run committed (READ COMMITTED); a refusal rolls the entry back.
            append_audit(s, "trustee-decrypt", role="trustee", details=details)
            stored = load_record_file(s, name)
            if stored is not None and stored != data and _for_tally(stored, tally):
                raise AlreadyDecrypted(f"trustee {share.trustee}'s partial decryption of this tally is already "
                                       "stored; nothing was changed")
            save_record_file(s, name, data)
    return PartialStored(share.trustee, name, data, tally)


def _for_tally(data: bytes, tally: EncryptedTally) -> bool:
    try:
        return parse_decryption(data).tally == tally.tally_hash
    except InvalidDecryption:
        return False


def refuse_individual_ballot_rules(election: Election) -> None:
    """
    Refuse an election a homomorphic tally cannot decide, before any decryption work.

    Raises:
        TallyError: a district uses Equal Shares, which needs individual ballots.
    """
    for district in election.districts:
        if district.outcome.rule == "equal-shares":
            raise TallyError(f"district {district.id!r} uses Equal Shares, which needs individual ballots; a "
                             "homomorphic tally only reveals per-project totals, so its results cannot be "
                             "computed until a verifiable mix-net exists")


def _results(election: Election, tally: EncryptedTally, counts: Counts) -> Results:
    districts = []
    for sums in tally.districts:
        district = election.district(sums.district)
        projects = election.projects_in(district.id)
        values = counts.of(district.id)
        districts.append(DistrictResult(
            district.id, sums.ballots, district.budget, district.currency,
            tuple(ProjectCount(p.id, c) for p, c in zip(projects, values, strict=True)),
            district_outcome(district, projects, values)))
    return Results(election.fingerprint, tally.tally_hash, counts.trustees, tuple(districts))


def tally_and_sign(store: Store, board_key: SigningKey, extra: Iterable[tuple[str, bytes]] = (),
                   progress: Progress | None = None) -> Results:
    """
    Combine k valid partial decryptions into counts, apply each district's rule, sign and store.

    Args:
        store: the election's database, polls closed.
        board_key: the unlocked ballot-box key, which signs the results.
        extra: further partial decryption files as (name for messages, bytes).
        progress: one line per step, including each invalid file named and ignored.

    Returns:
        The signed results, stored with tally.json and the decryptions combined.

    Raises:
        NotEnoughDecryptions: fewer than k valid partial decryptions.
        TallyError: an Equal Shares district, polls not closed.
    """
    say = progress or _quiet
    record_audit(store, "tally-init")
    with _audit_failure(store, "tally-complete", "official", {}):
        with store.read() as s:
            election = load_election(s)
            refuse_individual_ballot_rules(election)
            ceremony = load_ceremony(s)
            tally = compute_tally(s, election, say)
            files = [(decryption_file_name(j), data) for j in range(1, ceremony.count + 1)
                     if (data := load_record_file(s, decryption_file_name(j))) is not None]
        valid = select_valid([*files, *extra], tally, election, ceremony, say)
        counts = combine(tally, election, valid, ceremony.threshold)
        say(f"counts decrypted with the partial decryptions of trustees {', '.join(map(str, counts.trustees))}")
        results = _results(election, tally, counts).signed(board_key)
        with store.write(read_committed=True) as s:
            append_audit(s, "tally-complete", details={
                "trustees": ",".join(map(str, counts.trustees)), "districts": len(tally.districts),
                "ballots": sum(d.ballots for d in tally.districts)})
            save_record_file(s, TALLY_FILE, tally.to_canonical_bytes())
            for j in counts.trustees:
                save_record_file(s, decryption_file_name(j), valid[j].to_canonical_bytes())
            save_record_file(s, RESULTS_FILE, results.to_canonical_bytes())
    return results


def stored_results(store: Store, board_key: bytes) -> Results | None:
    """
    The signed results ``tally_and_sign`` stored for the closed board, or None when there are none.

    Closing the polls is final, so results stored for the closed board are
    the results: a caller resuming after a later step failed (publishing the
    record) takes them rather than recomputing the tally three times (14
    minutes of both cores for Łódź's 160 projects).  Files that do not parse, that
    belong to another board, or whose signature is not the ballot box's
    (``board_key``) count as none, and the caller tallies again.
    """
    with store.read() as s:
        election = load_election(s)
        head, polls = current_head(s, election.fingerprint)
        tally_data = load_record_file(s, TALLY_FILE)
        results_data = load_record_file(s, RESULTS_FILE)
    if polls != "closed" or tally_data is None or results_data is None:
        return None
    try:
        tally = parse_tally(tally_data, election)
        results = parse_results(results_data)
        results.verify_signature(board_key)
    except TallyError:
        return None
    same_board = (tally.board_size, tally.board_head) == (head.size, head.head_hash)
    return results if same_board and results.tally == tally.tally_hash else None
