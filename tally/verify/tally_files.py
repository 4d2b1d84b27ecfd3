"""Reading the tally's published files, shape only (spec sections 32, 33, 35 and 36).

``tally.json`` and ``results.json`` are parsed once per run and cached in
``RecordState.extra``; the checks of tally_checks.py compare their values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tally.verify.encoding import array, digest, hex_bytes, integer, members, parse_canonical, string
from tally.verify.errors import VerifyError
from tally.verify.group import decode_point_or_identity
from tally.verify.outcome import projects_of
from tally.verify.proofs import Ciphertext
from tally.verify.record import RecordState, Unavailable

TALLY_FILE = "tally.json"
RESULTS_FILE = "results.json"
DECRYPTIONS = "decryptions"
TALLY_FORMAT = "pbvote-tally/1"
RESULTS_FORMAT = "pbvote-results/1"
DECRYPTION_FORMAT = "pbvote-decryption/1"
T = TypeVar("T")


@dataclass(frozen=True)
class TallyDistrict:
    """One district of ``tally.json``: id, ``ballots`` and the decoded sums ``A_{d,0} … A_{d,n-1}``."""

    id: str
    ballots: int
    sums: tuple[Ciphertext, ...]


@dataclass(frozen=True)
class PublishedTally:
    """``tally.json`` as published (decoded, not yet compared with the board)."""

    data: bytes
    hash: bytes
    """``H_T = digest("pbvote/1/tally", tally bytes)``."""
    size: int
    head: bytes
    districts: tuple[TallyDistrict, ...]


@dataclass(frozen=True)
class ResultsDistrict:
    """One district of ``results.json``."""

    id: str
    ballots: int
    budget: int
    currency: str
    projects: tuple[str, ...]
    counts: tuple[int, ...]
    outcome: Any


@dataclass(frozen=True)
class PublishedResults:
    """``results.json`` as published (shape checked; values compared by the checks)."""

    value: dict[str, Any]
    trustees: tuple[int, ...]
    districts: tuple[ResultsDistrict, ...]
    signature: bytes


def cached(state: RecordState, key: str, load: Callable[[RecordState], T]) -> T:
    """``load(state)`` once per run; a failure is remembered and raised again as the same VerifyError."""
    if key not in state.extra:
        try:
            state.extra[key] = load(state)
        except VerifyError as exc:
            state.extra[key] = exc
    value = state.extra[key]
    if isinstance(value, VerifyError):
        raise value
    return value  # type: ignore[no-any-return]


def needed(state: RecordState, key: str, load: Callable[[RecordState], T]) -> T:
    """``cached``, for a check that depends on the file: its failure means this check cannot run."""
    try:
        return cached(state, key, load)
    except VerifyError as exc:
        raise Unavailable(f"cannot run: {exc}") from None


def manifest_districts(state: RecordState) -> list[dict[str, Any]]:
    """The canonical manifest's districts, or Unavailable."""
    if state.manifest is None or state.districts is None:
        raise Unavailable("cannot run: manifest.json did not verify")
    return [d for d in state.manifest["districts"] if isinstance(d, dict)]


def _ciphertext(value: Any, what: str) -> Ciphertext:
    a, b = array(value, what, 2)
    return (decode_point_or_identity(hex_bytes(a, 32, what), what),
            decode_point_or_identity(hex_bytes(b, 32, what), what))


def load_tally(state: RecordState) -> PublishedTally:
    """Section 32's format: canonical, exact members, districts of the manifest in order, sums decoded."""
    fingerprint = state.need_fingerprint()
    districts = manifest_districts(state)
    data = state.files.read(TALLY_FILE)
    value = members(parse_canonical(data, TALLY_FILE), {"board", "districts", "election", "format"}, TALLY_FILE)
    if value["format"] != TALLY_FORMAT:
        raise VerifyError(f"{TALLY_FILE}: format is not {TALLY_FORMAT}")
    if value["election"] != fingerprint.hex():
        raise VerifyError(f"{TALLY_FILE}: for another election")
    board = members(value["board"], {"head", "size"}, f"{TALLY_FILE} board")
    out = []
    for d, item in zip(districts, array(value["districts"], f"{TALLY_FILE} districts", len(districts)), strict=True):
        item = members(item, {"ballots", "district", "sums"}, f"{TALLY_FILE} district")
        if item["district"] != d["id"]:
            raise VerifyError(f"{TALLY_FILE}: districts are not the manifest's in manifest order")
        n = len(state.districts[d["id"]].costs) if state.districts else 0
        what = f"{TALLY_FILE} district {d['id']!r} sum"
        out.append(TallyDistrict(d["id"], integer(item["ballots"], f"{TALLY_FILE} ballots"),
                                 tuple(_ciphertext(ct, what) for ct in array(item["sums"], what + "s", n))))
    return PublishedTally(data, digest("pbvote/1/tally", data), integer(board["size"], f"{TALLY_FILE} board size"),
                          hex_bytes(board["head"], 32, f"{TALLY_FILE} board head"), tuple(out))


def load_results(state: RecordState) -> PublishedResults:
    """Section 35's format: canonical, exact members, districts and projects of the manifest in order."""
    fingerprint = state.need_fingerprint()
    districts = manifest_districts(state)
    assert state.manifest is not None
    data = state.files.read(RESULTS_FILE)
    value = members(parse_canonical(data, RESULTS_FILE),
                    {"districts", "election", "format", "signature", "tally", "trustees"}, RESULTS_FILE)
    if value["format"] != RESULTS_FORMAT:
        raise VerifyError(f"{RESULTS_FILE}: format is not {RESULTS_FORMAT}")
    if value["election"] != fingerprint.hex():
        raise VerifyError(f"{RESULTS_FILE}: for another election")
    hex_bytes(value["tally"], 32, f"{RESULTS_FILE} tally")
    trustees = tuple(integer(t, f"{RESULTS_FILE} trustees") for t in array(value["trustees"], "trustees"))
    out = []
    for d, item in zip(districts, array(value["districts"], f"{RESULTS_FILE} districts", len(districts)),
                       strict=True):
        where = f"{RESULTS_FILE} district {d['id']!r}"
        item = members(item, {"ballots", "budget", "counts", "currency", "district", "outcome"}, where)
        if item["district"] != d["id"]:
            raise VerifyError(f"{RESULTS_FILE}: districts are not the manifest's in manifest order")
        projects = [p for p, _ in projects_of(state.manifest, d["id"])]
        counts = []
        for p, c in zip(projects, array(item["counts"], f"{where} counts", len(projects)), strict=True):
            c = members(c, {"count", "project"}, f"{where} count")
            if c["project"] != p:
                raise VerifyError(f"{where}: counts are not for the district's projects in manifest order")
            counts.append(integer(c["count"], f"{where} count of {p!r}"))
        out.append(ResultsDistrict(d["id"], integer(item["ballots"], f"{where} ballots"),
                                   integer(item["budget"], f"{where} budget"), string(item["currency"], "currency"),
                                   tuple(projects), tuple(counts), item["outcome"]))
    return PublishedResults(value, trustees, tuple(out), hex_bytes(value["signature"], 64, f"{RESULTS_FILE} signature"))
