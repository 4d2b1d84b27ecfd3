"""The trustees' key ceremony, in-room mode, and the trustee share files.

In-room mode: all n trustees sit at one offline machine, which plays every
trustee's part in turn (docs/spec.md section 15): each draws a polynomial
and publishes commitments with proofs, every share is checked against its
sender's commitments, and trustee j's secret share x_j is the sum of the
shares it received.  Each x_j leaves the machine only sealed under its
trustee's passphrase in a share file (section 25); the public transcript
goes to the database and the record.

Secrets never appear in a repr, a progress line, an exception or the
transcript.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ballot.ceremony_record import CeremonyRecord, parse_ceremony
from ballot.errors import InvalidCeremony
from ballot.manifest_model import Election, short_fingerprint
from ballot.secret_files import read_secret_file, write_secret_file
from crypto import _group as g
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.elgamal import public_key
from crypto.errors import EncodingError
from crypto.secretbox import KdfLimits
from crypto.threshold import (
    combine_shares,
    commit,
    generate_polynomial,
    joint_public_key,
    share_for,
    trustee_public_share,
    verify_commitments,
    verify_share,
)
from tally.errors import TallyError

__all__ = [
    "SHARE_FORMAT",
    "SHARE_PURPOSE",
    "CeremonyError",
    "TrusteeShare",
    "read_share_file",
    "run_in_room_ceremony",
    "share_file_name",
    "write_share_file",
]

SHARE_FORMAT: Final = "pbvote-trustee-share/1"
"""The ``format`` member of a share file's plaintext."""

SHARE_PURPOSE: Final = "trustee-share"
"""The secret-file purpose of share files (docs/spec.md section 22)."""

_SHARE_MEMBERS: Final = frozenset({"format", "election", "trustee", "trustees", "public_key", "public_share",
                                   "secret"})

Progress = Callable[[str], None]
"""Receives one human-readable line per step; never given a secret."""


class CeremonyError(TallyError, ValueError):
    """Raised when the ceremony cannot run or a share file does not belong to this election or ceremony.

    The message names the file or trustee and what is wrong, never a secret.
    """


@dataclass(frozen=True, slots=True, eq=False)
class TrusteeShare:
    """Trustee j's secret share of the election key.

    Equality is identity: comparing secrets by value is not constant-time
    and nothing needs it.

    Attributes:
        fingerprint: spec symbol F of the election.
        trustee: spec symbol j, 1..n.
        count: spec symbol n.
        threshold: spec symbol k.
        public_key: spec symbol K, the joint key of the ceremony this share is from.
        secret: spec symbol x_j (hidden from repr).
    """

    fingerprint: bytes
    trustee: int
    count: int
    threshold: int
    public_key: g.Point
    secret: int = field(repr=False)

    @property
    def public_share(self) -> g.Point:
        """X_j = x_j·G, which the transcript's commitments must also give."""
        return public_key(self.secret)


def share_file_name(j: int) -> str:
    """Return ``trustee-<j>.share``, the file name the ceremony gives trustee j's share."""
    return f"trustee-{j}.share"


def run_in_room_ceremony(
    election: Election, count: int, threshold: int, *, progress: Progress | None = None
) -> tuple[CeremonyRecord, list[TrusteeShare]]:
    """Run the whole ceremony for n trustees at one machine.

    Each check a distributed ceremony makes is made here too (every proof,
    every share against its sender's commitments, x_j·G = X_j), and the
    transcript is re-parsed from its bytes, so what is stored is exactly
    what verifiers will accept.

    Args:
        election: the election (its fingerprint is bound into every proof).
        count: n; must equal the manifest's trustee count.
        threshold: k; must equal the manifest's threshold.
        progress: receives one line per trustee and step.

    Returns:
        The public transcript and the n secret shares, in trustee order.

    Raises:
        CeremonyError: if n or k differ from the manifest, or a check fails
            (never for an honest run; the message names the trustees).
    """
    say = progress or (lambda _line: None)
    if (count, threshold) != (election.trustees, election.threshold):
        raise CeremonyError(f"the election manifest names {election.trustees} trustees with threshold "
                            f"{election.threshold}, not {count} with threshold {threshold}")
    fp = election.fingerprint
    polys = [generate_polynomial(threshold) for _ in range(count)]
    published = []
    for t, poly in enumerate(polys, start=1):
        published.append(commit(poly, t, fp))
        say(f"trustee {t} of {count}: polynomial drawn; {threshold} commitments published with proofs")
    for p in published:
        verify_commitments(p, threshold, fp)
    key = joint_public_key(published)
    shares = []
    for j in range(1, count + 1):
        received = []
        for t, poly in enumerate(polys, start=1):
            s = share_for(poly, j)
            verify_share(j, s, published[t - 1].commitments)
            received.append(s)
        x_j = combine_shares(received)
        if public_key(x_j) != trustee_public_share(j, published):
            raise CeremonyError(f"trustee {j}: secret share does not match the public commitments")
        shares.append(TrusteeShare(fp, j, count, threshold, key, x_j))
        say(f"trustee {j} of {count}: received and verified the shares of all {count} trustees")
    record = CeremonyRecord(fp, count, threshold, tuple(published), key)
    try:
        checked = parse_ceremony(record.to_canonical_bytes(), fp, count, threshold)
    except InvalidCeremony as exc:
        raise CeremonyError(f"the new transcript does not verify: {exc}") from None
    return checked, shares


def _share_json(share: TrusteeShare) -> dict[str, Any]:
    return {
        "format": SHARE_FORMAT,
        "election": share.fingerprint.hex(),
        "trustee": share.trustee,
        "trustees": {"count": share.count, "threshold": share.threshold},
        "public_key": bytes(share.public_key).hex(),
        "public_share": bytes(share.public_share).hex(),
        "secret": g.encode_scalar(share.secret).hex(),
    }


def write_share_file(
    path: str | os.PathLike[str], share: TrusteeShare, passphrase: str, *, limits: KdfLimits | None = None
) -> None:
    """Seal trustee j's share under its passphrase into a new file (mode 0600, never overwritten).

    Args:
        path: the file to create; its directory must exist.
        share: the share.
        passphrase: the trustee's passphrase (non-empty).
        limits: Argon2id costs; ``ballot.secret_files.default_limits()`` if None.

    Raises:
        FileExistsError: if the file exists (naming it).
        SecretFileError: if the passphrase is empty.
        OSError: if the directory is missing or not writable.
    """
    write_secret_file(path, passphrase, canonical_json(_share_json(share)), SHARE_PURPOSE, limits=limits)


def _hex_bytes(value: object) -> bytes:
    if not isinstance(value, str) or len(value) != 64 or value != value.lower():
        raise EncodingError("expected 64 lower-case hex digits")
    return bytes.fromhex(value)


def _parse_share(plain: bytes, where: str) -> TrusteeShare:
    """Decode the plaintext; every failure is one message that quotes nothing from the secret."""
    try:
        doc = parse_canonical_json(plain, where)
        if not isinstance(doc, dict) or set(doc) != _SHARE_MEMBERS or doc["format"] != SHARE_FORMAT:
            raise EncodingError("bad members or format")
        j, trustees = doc["trustee"], doc["trustees"]
        if not isinstance(trustees, dict) or set(trustees) != {"count", "threshold"}:
            raise EncodingError("bad trustees")
        n, k = trustees["count"], trustees["threshold"]
        if any(isinstance(v, bool) or not isinstance(v, int) for v in (j, n, k)) or not 1 <= k <= n:
            raise EncodingError("bad indices")
        if not 1 <= j <= n:
            raise EncodingError("bad trustee index")
        fingerprint = _hex_bytes(doc["election"])
        key = g.decode_point(_hex_bytes(doc["public_key"]))
        stated = g.decode_point_or_identity(_hex_bytes(doc["public_share"]))
        secret = g.decode_scalar(_hex_bytes(doc["secret"]))
    except (EncodingError, ValueError):
        raise CeremonyError(f"{where}: damaged: not a {SHARE_FORMAT} share") from None
    share = TrusteeShare(fingerprint, j, n, k, key, secret)
    if share.public_share != stated:
        raise CeremonyError(f"{where}: damaged: the secret does not match its public share")
    return share


def read_share_file(
    path: str | os.PathLike[str], passphrase: str, fingerprint: bytes, *, ceremony: CeremonyRecord | None = None
) -> TrusteeShare:
    """Open a trustee's share file and check it belongs to this election (and ceremony).

    Args:
        path: the share file.
        passphrase: its trustee's passphrase.
        fingerprint: F of the election the share must be for.
        ceremony: the stored transcript; if given, x_j·G must equal its X_j
            (a share from another ceremony of the same election is refused).

    Returns:
        The share.

    Raises:
        SecretFileError: wrong passphrase or damaged file (naming the file).
        CeremonyError: for another election or ceremony, or damaged content.
        OSError: if the file cannot be read.
    """
    where = str(Path(path))
    share = _parse_share(read_secret_file(path, passphrase, SHARE_PURPOSE), where)
    if share.fingerprint != fingerprint:
        raise CeremonyError(f"{where}: this share is for another election ({short_fingerprint(share.fingerprint)}), "
                            f"not for this one ({short_fingerprint(fingerprint)})")
    if ceremony is not None:
        if (share.count, share.threshold, share.public_key) != (ceremony.count, ceremony.threshold,
                                                                ceremony.public_key):
            raise CeremonyError(f"{where}: this share is from another key ceremony (joint key "
                                f"{bytes(share.public_key).hex()[:16]}..., stored ceremony "
                                f"{bytes(ceremony.public_key).hex()[:16]}...)")
        if share.public_share != ceremony.public_share(share.trustee):
            raise CeremonyError(f"{where}: trustee {share.trustee}'s share does not match the stored ceremony")
    return share
