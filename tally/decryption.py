"""Threshold decryption of the encrypted tally: partial decryptions, their checks, and counts (spec 33, 34).

Each trustee publishes, for every sum of the tally, ``S_j = x_j·α`` with a
Chaum-Pedersen proof against ``X_j`` (computed from the public ceremony
transcript, never taken from the file).  A file is valid or invalid as a
whole: one bad proof means the trustee's tool or share cannot be trusted
for any sum, so the tally names that trustee and uses the others.  Any
``k`` valid files give the same counts (Lagrange interpolation at 0), so
the choice of which ``k`` is deterministic but immaterial.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ballot.ceremony_record import CeremonyRecord
from ballot.manifest_model import Election
from crypto import _group as g
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.dlog import dlog
from crypto.errors import CryptoError
from crypto.proofs.decryption import DecryptionProof
from crypto.threshold import PartialDecryption, combine_partials, partial_decrypt, verify_partial
from tally.ceremony import TrusteeShare
from tally.errors import TallyError
from tally.homomorphic import EncryptedTally

__all__ = [
    "DECRYPTION_FORMAT",
    "Counts",
    "InvalidDecryption",
    "NotEnoughDecryptions",
    "TrusteeDecryption",
    "combine",
    "decrypt_tally",
    "decryption_file_name",
    "parse_decryption",
    "select_valid",
    "sum_label",
    "verify_decryption",
]

DECRYPTION_FORMAT: Final = "pbvote-decryption/1"

Progress = Callable[[str], None]
"""Receives one human-readable line per step; never given a secret."""


class InvalidDecryption(TallyError, ValueError):
    """A partial decryption file is malformed, for another tally, or one of its proofs does not verify."""


class NotEnoughDecryptions(TallyError, RuntimeError):
    """Fewer than k valid partial decryptions: the counts cannot be computed (nothing is revealed)."""


def decryption_file_name(j: int) -> str:
    """``decryptions/trustee-<j>.json``: where trustee j's file is stored and published."""
    return f"decryptions/trustee-{j}.json"


def sum_label(district: str, project: str) -> str:
    """The proof label of one sum, ``tally/<district>/<project>`` (context ``trustee/<j>/decrypt/<label>``)."""
    return f"tally/{district}/{project}"


@dataclass(frozen=True, slots=True)
class TrusteeDecryption:
    """Trustee j's partial decryption of one tally (``decryptions/trustee-<j>.json``).

    Attributes:
        election: F.
        tally: H_T of the tally decrypted.
        trustee: j.
        districts: per district (tally order): its id and one partial decryption per sum.
    """

    election: bytes
    tally: bytes
    trustee: int
    districts: tuple[tuple[str, tuple[PartialDecryption, ...]], ...]

    def to_canonical_bytes(self) -> bytes:
        """The published bytes (canonical JSON, no trailing newline)."""
        return canonical_json({
            "districts": [{"district": d, "shares": [{"proof": p.proof.to_json(), "share": bytes(p.share).hex()}
                                                     for p in parts]}
                          for d, parts in self.districts],
            "election": self.election.hex(),
            "format": DECRYPTION_FORMAT,
            "tally": self.tally.hex(),
            "trustee": self.trustee,
        })


def decrypt_tally(tally: EncryptedTally, election: Election, share: TrusteeShare,
                  progress: Progress | None = None) -> TrusteeDecryption:
    """Compute trustee j's partial decryption of every sum, with proofs (spec 33).

    Args:
        tally: a tally the caller recomputed from the closed board (never one read from a file).
        election: the election.
        share: the trustee's opened share (checked against the ceremony by ``read_share_file``).
        progress: one line per district.
    """
    say = progress or (lambda _line: None)
    districts = []
    for sums in tally.districts:
        projects = election.projects_in(sums.district)
        parts = tuple(partial_decrypt(share.trustee, share.secret, ct, tally.election,
                                      sum_label(sums.district, p.id))
                      for ct, p in zip(sums.sums, projects, strict=True))
        districts.append((sums.district, parts))
        say(f"trustee {share.trustee}: district {sums.district}: {len(parts)} sums decrypted")
    return TrusteeDecryption(tally.election, tally.tally_hash, share.trustee, tuple(districts))


def _members(value: Any, members: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != members:
        raise InvalidDecryption(f"{where}: expected exactly the members {', '.join(sorted(members))}")
    return value


def parse_decryption(data: bytes, where: str = "partial decryption") -> TrusteeDecryption:
    """Parse a partial decryption file's bytes (shape and encodings only; see ``verify_decryption``).

    Raises:
        InvalidDecryption: not canonical JSON of spec 33's shape.
    """
    try:
        v = _members(parse_canonical_json(data, where), {"districts", "election", "format", "tally", "trustee"},
                     where)
        if v["format"] != DECRYPTION_FORMAT:
            raise InvalidDecryption(f"{where}: format must be {DECRYPTION_FORMAT!r}")
        j = v["trustee"]
        if isinstance(j, bool) or not isinstance(j, int) or not 1 <= j <= 255:
            raise InvalidDecryption(f"{where}: bad trustee index")
        election, tally = bytes.fromhex(v["election"]), bytes.fromhex(v["tally"])
        if len(election) != 32 or len(tally) != 32 or not isinstance(v["districts"], list):
            raise InvalidDecryption(f"{where}: malformed election, tally or districts")
        districts = []
        for item in v["districts"]:
            d = _members(item, {"district", "shares"}, where)
            if not isinstance(d["district"], str) or not isinstance(d["shares"], list):
                raise InvalidDecryption(f"{where}: malformed district")
            parts = []
            for s in d["shares"]:
                s = _members(s, {"proof", "share"}, where)
                parts.append(PartialDecryption(j, g.decode_point_or_identity(bytes.fromhex(s["share"])),
                                               DecryptionProof.from_json(s["proof"])))
            districts.append((d["district"], tuple(parts)))
    except (CryptoError, ValueError, TypeError, AttributeError) as exc:
        raise InvalidDecryption(f"{where}: {exc}") from None
    return TrusteeDecryption(election, tally, j, tuple(districts))


def verify_decryption(dec: TrusteeDecryption, tally: EncryptedTally, election: Election,
                      ceremony: CeremonyRecord) -> None:
    """Check a parsed partial decryption against the tally and the ceremony (spec 33, "Validity").

    Raises:
        InvalidDecryption: naming the trustee and what is wrong (never a secret).
    """
    who = f"trustee {dec.trustee}'s partial decryption"
    if dec.election != tally.election or dec.tally != tally.tally_hash:
        raise InvalidDecryption(f"{who} is for another tally")
    if dec.trustee > ceremony.count:
        raise InvalidDecryption(f"{who}: there is no trustee {dec.trustee}")
    if [d for d, _ in dec.districts] != [s.district for s in tally.districts]:
        raise InvalidDecryption(f"{who} does not cover the tally's districts")
    public_share = ceremony.public_share(dec.trustee)
    for (district, parts), sums in zip(dec.districts, tally.districts, strict=True):
        projects = election.projects_in(district)
        if len(parts) != len(sums.sums):
            raise InvalidDecryption(f"{who}: district {district!r} needs {len(sums.sums)} shares")
        for part, ct, p in zip(parts, sums.sums, projects, strict=True):
            try:
                verify_partial(public_share, ct, part, tally.election, sum_label(district, p.id))
            except CryptoError:
                raise InvalidDecryption(f"{who} does not verify") from None


def select_valid(files: Iterable[tuple[str, bytes]], tally: EncryptedTally, election: Election,
                 ceremony: CeremonyRecord, warn: Progress) -> dict[int, TrusteeDecryption]:
    """Keep the valid partial decryptions, one per trustee; name and ignore the others.

    Args:
        files: ``(where, bytes)`` pairs (stored files and files given on the command line).
        warn: receives one line per ignored file, e.g. "trustee 3's partial decryption does not verify: ignored".

    Returns:
        ``{j: decryption}`` for every trustee with a valid file.
    """
    valid: dict[int, TrusteeDecryption] = {}
    for where, data in files:
        try:
            dec = parse_decryption(data, where)
            if dec.trustee in valid and valid[dec.trustee].to_canonical_bytes() == data:
                continue
            verify_decryption(dec, tally, election, ceremony)
        except InvalidDecryption as exc:
            warn(f"{exc}: ignored")
            continue
        valid.setdefault(dec.trustee, dec)
    return valid


@dataclass(frozen=True, slots=True)
class Counts:
    """Decrypted counts: per district (tally order) the counts per project (manifest order).

    Attributes:
        trustees: the k indices combined, ascending.
        districts: ``(district id, counts)`` pairs.
    """

    trustees: tuple[int, ...]
    districts: tuple[tuple[str, tuple[int, ...]], ...]

    def of(self, district: str) -> tuple[int, ...]:
        """The counts of one district (KeyError if none)."""
        return dict(self.districts)[district]


def combine(tally: EncryptedTally, election: Election, valid: Mapping[int, TrusteeDecryption],
            threshold: int) -> Counts:
    """Combine k valid partial decryptions into counts (spec 34): the k smallest trustee indices.

    Raises:
        NotEnoughDecryptions: fewer than ``threshold`` valid ones.
        InvalidDecryption: a sum decrypts outside its bound (the tally or the shares are wrong).
    """
    if len(valid) < threshold:
        have = ", ".join(str(j) for j in sorted(valid)) or "none"
        raise NotEnoughDecryptions(f"{threshold} valid partial decryptions are needed, "
                                   f"{len(valid)} available (trustees: {have})")
    used = tuple(sorted(valid)[:threshold])
    out = []
    for i, sums in enumerate(tally.districts):
        rule = election.district(sums.district).ballot
        per_ballot = (rule.max_per_project or rule.points or 1) if rule.type == "cumulative" else 1
        bound = sums.ballots * per_ballot
        counts = []
        for p, ct in enumerate(sums.sums):
            point = combine_partials(ct, {j: valid[j].districts[i][1][p].share for j in used})
            try:
                counts.append(dlog(point, bound))
            except CryptoError:
                raise InvalidDecryption(f"district {sums.district!r}, project "
                                        f"{election.projects_in(sums.district)[p].id!r}: the decrypted count is "
                                        f"not within 0..{bound}") from None
        out.append((sums.district, tuple(counts)))
    return Counts(used, tuple(out))
