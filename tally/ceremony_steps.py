"""The key ceremony at separate machines: commit, shares, finish (docs/spec.md section 25.4).

Each trustee runs three steps on their own offline machine and carries
public messages between machines on a USB stick:

1. **commit**: draw the polynomial f_j, a ceremony signing key A_j and a
   box key E_j; publish the commitments with proofs and both public keys,
   signed; keep the secrets in a state file sealed by the passphrase.
2. **shares**: check every trustee's commit message (signature and
   proofs), then seal f_j(t) to E_t for every other trustee t, signed.
3. **finish**: open the shares addressed to j, check each against its
   sender's commitments (a bad one names the sender), and compute x_j.
   The share file and ceremony.json are exactly those of the in-room mode
   (sections 25.1 and 25.2), so nothing downstream knows which mode ran.

Secrets (coefficients, shares, x_j, seeds) never appear in a repr, a
progress line, an exception or a public file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ballot.ceremony_record import CeremonyRecord, parse_ceremony
from ballot.errors import InvalidCeremony
from ballot.manifest_model import Election
from ballot.secret_files import read_secret_file, write_secret_file
from crypto import _group as g
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.errors import EncodingError, InvalidProof, UnsealError
from crypto.sealed import BoxKey, box_key_from_secret, generate_box_key, open_sealed, seal_to
from crypto.secretbox import KdfLimits
from crypto.signatures import SigningKey, generate_signing_key, signing_key_from_seed
from crypto.threshold import (
    InvalidShare,
    Polynomial,
    TrusteeCommitments,
    combine_shares,
    commit,
    generate_polynomial,
    joint_public_key,
    share_for,
    trustee_public_share,
    verify_commitments,
    verify_share,
)
from tally.ceremony import CeremonyError, Progress, TrusteeShare
from tally.ceremony_messages import (
    MAX_MESSAGE_BYTES,
    SHARE_SECRET_FORMAT,
    CommitMessage,
    ShareMessage,
    commit_file_name,
    commits_digest,
    hex_scalar,
    parse_commit,
    parse_share_message,
    share_message_name,
    sign_commit,
    sign_share,
)

__all__ = [
    "STATE_FORMAT",
    "STATE_PURPOSE",
    "CommitSet",
    "TrusteeFault",
    "TrusteeState",
    "begin",
    "deal_shares",
    "key_fingerprint",
    "load_commits",
    "read_message",
    "read_state_file",
    "receive_shares",
    "share_message_paths",
    "state_file_name",
    "write_state_file",
]

STATE_FORMAT: Final = "pbvote-ceremony-state/1"
STATE_PURPOSE: Final = "trustee-ceremony-state"
"""The secret-file purpose of a trustee's state between steps (docs/spec.md section 22)."""

_STATE_MEMBERS: Final = frozenset({"format", "election", "trustee", "trustees", "coefficients", "signing_seed",
                                   "box_secret"})
_SECRET_MEMBERS: Final = frozenset({"format", "election", "from", "to", "share"})


class TrusteeFault(CeremonyError):
    """A message signed by trustee ``trustee`` is wrong: that trustee, and no one else, is at fault.

    Attributes:
        trustee: the index of the trustee named.
    """

    def __init__(self, trustee: int, message: str) -> None:
        super().__init__(message)
        self.trustee = trustee


@dataclass(frozen=True, slots=True, eq=False)
class TrusteeState:
    """What trustee j keeps, sealed, between steps: the polynomial and the ceremony's two secret keys.

    Attributes:
        fingerprint: spec symbol F.
        trustee: j.
        count: n.
        threshold: k.
        polynomial: f_j (hidden from repr).
        signing: the ceremony signing key A_j (its repr hides the seed).
        box: the X25519 key E_j shares for j are sealed to (its repr hides the secret).
    """

    fingerprint: bytes
    trustee: int
    count: int
    threshold: int
    polynomial: Polynomial = field(repr=False)
    signing: SigningKey = field(repr=False)
    box: BoxKey = field(repr=False)


@dataclass(frozen=True, slots=True)
class CommitSet:
    """All n commit messages, each signed and with verified proofs, in trustee order.

    Attributes:
        messages: M_1..M_n.
        digest: D of section 25.4, which every share message repeats.
    """

    messages: tuple[CommitMessage, ...]
    digest: bytes

    @property
    def published(self) -> tuple[TrusteeCommitments, ...]:
        """The commitments and proofs, as the transcript lists them."""
        return tuple(m.published for m in self.messages)

    def of(self, t: int) -> CommitMessage:
        """Trustee t's message."""
        return self.messages[t - 1]


def state_file_name(j: int) -> str:
    """Return ``trustee-<j>.ceremony-state``, the sealed state trustee j keeps between steps."""
    return f"trustee-{j}.ceremony-state"


def key_fingerprint(public_key: bytes) -> str:
    """The first 64 bits of a public key in four groups, for trustees to compare aloud."""
    h = public_key.hex()[:16]
    return "-".join(h[i : i + 4] for i in range(0, 16, 4))


def _check_trustee(election: Election, j: int) -> None:
    if isinstance(j, bool) or not isinstance(j, int) or not 1 <= j <= election.trustees:
        raise CeremonyError(f"trustee must be 1..{election.trustees} (the manifest's count), got {j}")


def begin(election: Election, j: int) -> tuple[TrusteeState, CommitMessage]:
    """Step 1 for trustee j: draw the secrets and make the signed commit message.

    The proofs use the context of the in-room mode, ``trustee/<j>/coefficient/<i>``,
    so the transcript built from these messages verifies identically.

    Raises:
        CeremonyError: if j is not a trustee of the election.
    """
    _check_trustee(election, j)
    fp, n, k = election.fingerprint, election.trustees, election.threshold
    state = TrusteeState(fp, j, n, k, generate_polynomial(k), generate_signing_key(), generate_box_key())
    message = sign_commit(state.signing, fp, n, k, commit(state.polynomial, j, fp), state.box.public_key)
    return state, message


def _state_json(state: TrusteeState) -> bytes:
    return canonical_json({
        "format": STATE_FORMAT,
        "election": state.fingerprint.hex(),
        "trustee": state.trustee,
        "trustees": {"count": state.count, "threshold": state.threshold},
        "coefficients": [hex_scalar(a) for a in state.polynomial.coefficients],
        "signing_seed": state.signing.secret_seed().hex(),
        "box_secret": state.box.secret_bytes().hex(),
    })


def write_state_file(path: str | os.PathLike[str], state: TrusteeState, passphrase: str, *,
                     limits: KdfLimits | None = None) -> None:
    """Seal trustee j's state under its passphrase into a new file (mode 0600, never overwritten).

    Raises:
        FileExistsError: if the file exists: a second step 1 would orphan the first commit message.
        SecretFileError: if the passphrase is empty.
    """
    write_secret_file(path, passphrase, _state_json(state), STATE_PURPOSE, limits=limits)


def read_state_file(path: str | os.PathLike[str], passphrase: str, election: Election, j: int) -> TrusteeState:
    """Open trustee j's state file and check it is j's, for this election.

    Raises:
        SecretFileError: wrong passphrase or damaged file (naming the file).
        CeremonyError: for another election or trustee, or damaged content (quoting nothing of it).
    """
    where = str(Path(path))
    plain = read_secret_file(path, passphrase, STATE_PURPOSE)
    try:
        doc = parse_canonical_json(plain, where)
        if not isinstance(doc, dict) or set(doc) != _STATE_MEMBERS or doc["format"] != STATE_FORMAT:
            raise EncodingError("members")
        coefficients = doc["coefficients"]
        if not isinstance(coefficients, list) or not all(isinstance(a, str) for a in coefficients):
            raise EncodingError("coefficients")
        poly = Polynomial(tuple(g.decode_scalar(bytes.fromhex(a)) for a in coefficients))
        signing = signing_key_from_seed(bytes.fromhex(str(doc["signing_seed"])))
        box = box_key_from_secret(bytes.fromhex(str(doc["box_secret"])))
        stated = (doc["election"], doc["trustee"], doc["trustees"])
    except (EncodingError, ValueError):
        raise CeremonyError(f"{where}: damaged: not a {STATE_FORMAT} state") from None
    expected = (election.fingerprint.hex(), j, {"count": election.trustees, "threshold": election.threshold})
    if stated != expected or len(poly.coefficients) != election.threshold:
        raise CeremonyError(f"{where}: this state is not trustee {j}'s for this election and manifest")
    return TrusteeState(election.fingerprint, j, election.trustees, election.threshold, poly, signing, box)


def read_message(path: Path) -> bytes:
    """Read a public message from the stick, refusing a missing or oversized file with its path."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_MESSAGE_BYTES + 1)
    except FileNotFoundError:
        raise CeremonyError(f"{path}: missing (every trustee's message for this step must be in this folder)"
                            ) from None
    if len(data) > MAX_MESSAGE_BYTES:
        raise CeremonyError(f"{path}: too large to be a ceremony message")
    return data


def load_commits(folder: Path, election: Election, *, progress: Progress | None = None) -> CommitSet:
    """Read and check all n commit messages in folder: shape, signature, then every proof.

    Raises:
        CeremonyError: naming the file; TrusteeFault when a signed message's proofs fail.
    """
    say = progress or (lambda _line: None)
    fp, n, k = election.fingerprint, election.trustees, election.threshold
    messages = []
    for t in range(1, n + 1):
        path = folder / commit_file_name(t)
        message = parse_commit(read_message(path), fp, n, k, t, str(path))
        try:
            verify_commitments(message.published, k, fp)
        except InvalidProof:
            raise TrusteeFault(t, f"trustee {t}'s commitment proofs do not verify ({path})") from None
        messages.append(message)
        say(f"trustee {t} of {n}: commit message checked (signature and {k} proofs); "
            f"signing key {key_fingerprint(message.signing_key)}")
    joint_public_key([m.published for m in messages])  # CryptoError if the sum is the identity
    return CommitSet(tuple(messages), commits_digest(fp, messages))


def _check_own(state: TrusteeState, commits: CommitSet) -> None:
    """The stick's message for j must be the one j's own step 1 made from this state."""
    own = commits.of(state.trustee)
    made = tuple(g.base_mul(a) for a in state.polynomial.coefficients)
    if (own.published.commitments, own.signing_key, own.box_key) != (made, state.signing.public_key,
                                                                      state.box.public_key):
        raise CeremonyError(f"{commit_file_name(state.trustee)} on the stick is not the one this trustee's "
                            f"step 1 made (it does not match the state file)")


def deal_shares(state: TrusteeState, commits: CommitSet, *, progress: Progress | None = None
                ) -> list[ShareMessage]:
    """Step 2 for trustee j: seal f_j(t) to every other trustee t, each message signed by j.

    Raises:
        CeremonyError: if the commit messages are not this state's ceremony.
    """
    say = progress or (lambda _line: None)
    _check_own(state, commits)
    j, fp = state.trustee, state.fingerprint
    out = []
    for t in range(1, state.count + 1):
        if t == j:
            continue
        plain = canonical_json({"format": SHARE_SECRET_FORMAT, "election": fp.hex(), "from": j, "to": t,
                                "share": hex_scalar(share_for(state.polynomial, t))})
        sealed = seal_to(commits.of(t).box_key, plain)
        out.append(sign_share(state.signing, fp, j, t, commits.digest, sealed))
        say(f"share for trustee {t} sealed to their key and signed")
    return out


def _open_share(state: TrusteeState, message: ShareMessage) -> int:
    """Open one signed share message addressed to j; anything wrong inside is the sender's fault."""
    t, j = message.sender, state.trustee
    try:
        plain = open_sealed(state.box, message.ciphertext)
    except UnsealError:
        raise TrusteeFault(t, f"trustee {t}'s share cannot be opened with trustee {j}'s key "
                              f"(sealed to another trustee, or damaged before signing)") from None
    try:
        doc = parse_canonical_json(plain, "share")
        if not isinstance(doc, dict) or set(doc) != _SECRET_MEMBERS or doc["format"] != SHARE_SECRET_FORMAT:
            raise EncodingError("members")
        if (doc["election"], doc["from"], doc["to"]) != (state.fingerprint.hex(), t, j):
            raise EncodingError("addressing")
        text = doc["share"]
        if not isinstance(text, str) or len(text) != 64:
            raise EncodingError("share")
        return g.decode_scalar(bytes.fromhex(text))
    except (EncodingError, ValueError):
        raise TrusteeFault(t, f"trustee {t}'s share for trustee {j} is malformed") from None


def receive_shares(state: TrusteeState, commits: CommitSet, messages: Sequence[tuple[bytes, str]], *,
                   progress: Progress | None = None) -> tuple[CeremonyRecord, TrusteeShare]:
    """Step 3 for trustee j: check and open the n - 1 shares for j, then build x_j and the transcript.

    Args:
        state: trustee j's state.
        commits: the checked commit messages.
        messages: the bytes and file name of the share message from each other trustee, in sender order.
        progress: one line per sender.

    Returns:
        The transcript (identical bytes on every trustee's machine) and j's share.

    Raises:
        TrusteeFault: naming the sender of a share that does not open or does not match their commitments.
        CeremonyError: for an altered or misaddressed message, or one made from other commit messages.
    """
    say = progress or (lambda _line: None)
    _check_own(state, commits)
    j, fp, n = state.trustee, state.fingerprint, state.count
    senders = [t for t in range(1, n + 1) if t != j]
    if len(messages) != len(senders):
        raise CeremonyError(f"need the share messages of all {len(senders)} other trustees, got {len(messages)}")
    received = [share_for(state.polynomial, j)]
    for t, (data, where) in zip(senders, messages, strict=True):
        message = parse_share_message(data, fp, commits.of(t), j, where)
        if message.commits != commits.digest:
            raise CeremonyError(f"{where}: trustee {t} worked from other commit messages than this machine "
                                f"({key_fingerprint(message.commits)}, here {key_fingerprint(commits.digest)})")
        s = _open_share(state, message)
        try:
            verify_share(j, s, commits.of(t).published.commitments)
        except InvalidShare:
            raise TrusteeFault(t, f"trustee {t}'s share does not match their commitments") from None
        received.append(s)
        say(f"share from trustee {t}: signature checked, opened, matches their commitments")
    x_j = combine_shares(received)
    published = commits.published
    if g.base_mul(x_j) != trustee_public_share(j, published):
        raise CeremonyError(f"trustee {j}: secret share does not match the public commitments")
    key = joint_public_key(published)
    record = CeremonyRecord(fp, n, state.threshold, published, key)
    try:
        checked = parse_ceremony(record.to_canonical_bytes(), fp, n, state.threshold)
    except InvalidCeremony as exc:
        raise CeremonyError(f"the new transcript does not verify: {exc}") from None
    return checked, TrusteeShare(fp, j, n, state.threshold, key, x_j)


def share_message_paths(folder: Path, j: int, n: int) -> list[Path]:
    """The n - 1 share messages addressed to j in folder, in sender order."""
    return [folder / share_message_name(t, j) for t in range(1, n + 1) if t != j]
