"""Building a ready-to-vote election in a fresh database, for ballot-box tests and benchmarks.

Real parts throughout: the bundled sample manifest, a real in-room key
ceremony, real voting codes and credentials, a registered kiosk, the
polls opened by a signed board entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ballot.authority import create_authority, unlock_board_key
from ballot.box import BallotBox
from ballot.ceremony_record import save_ceremony
from ballot.encrypt import PreparedBallot, encrypt_ballot
from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.polls import open_polls
from ballot.registry import issue_codes, register_kiosk, store_credentials
from ballot.samples import sample_manifest
from ballot.selection import Selection
from ballot.storage import Store, save_election
from crypto.codes import credential_keypair
from crypto.signatures import SigningKey, generate_signing_key
from tally.ceremony import TrusteeShare, run_in_room_ceremony

BOARD_PASSPHRASE = "board passphrase for tests"


@dataclass
class Ready:
    """An election with open polls, its codes and the keys a kiosk would hold."""

    url: str
    election: Election
    public_key: bytes
    codes: list[str]
    kiosk_key: SigningKey = field(repr=False)
    store: Store = field(repr=False)
    shares: tuple[TrusteeShare, ...] = field(default=(), repr=False)
    """The trustees' secret shares, for tests that tally (never in a repr)."""

    def box(self) -> BallotBox:
        with self.store.read() as s:
            key = unlock_board_key(s, BOARD_PASSPHRASE)
        return BallotBox(self.store, key)

    def ballot(self, code: str, picks: tuple[str, ...] | None = None, district: str | None = None,
               kiosk: bool = False) -> PreparedBallot:
        """Encrypt a ballot for ``code`` (default: the district's first project picked)."""
        district = district or self.election.districts[0].id
        if picks is None:
            picks = (self.election.projects_in(district)[0].id,)
        key, _ = credential_keypair(code, self.election.fingerprint)
        return encrypt_ballot(self.election, self.public_key, Selection(district, frozenset(picks)), key,
                              kiosk=("kiosk-1", self.kiosk_key) if kiosk else None)


def prepare_election(url: str, voters: int, *, sample: str = "taipei-daan", open_now: bool = True,
                     election: Election | None = None) -> Ready:
    """Initialise ``url`` with the sample election (or ``election``), a ceremony, ``voters`` codes and a kiosk."""
    store = Store(url)
    store.upgrade()
    election = election or load_manifest(sample_manifest(sample))
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, BOARD_PASSPHRASE)
    record, shares = run_in_room_ceremony(election, election.trustees, election.threshold)
    codes, credentials = issue_codes(voters, election.fingerprint)
    kiosk_key = generate_signing_key()
    with store.write() as s:
        save_ceremony(s, record)
        store_credentials(s, sorted(credentials))
        register_kiosk(s, "kiosk-1", kiosk_key.public_key)
    if open_now:
        with store.read() as s:
            key = unlock_board_key(s, BOARD_PASSPHRASE)
        with store.write() as s:
            open_polls(s, key)
    return Ready(url, election, bytes(record.public_key), codes, kiosk_key, store, tuple(shares))
