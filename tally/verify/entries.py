"""Checking one line of board.jsonl on its own (the parallel part of spec section 31.2 items 5, 8, 9).

Worker processes run :func:`check_chunk`; only bytes, strings, integers and
the partial sums of :mod:`tally.verify.sums` (lists of bytes) cross the
process boundary (the election comes in as published bytes and is rebuilt
in each worker by :func:`init_worker`).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from tally.verify.ballot import BallotFacts, Election, check_parsed_ballot, check_spoiled
from tally.verify.codes import tracking_hash
from tally.verify.encoding import canonical, digest, hex_bytes, members, parse_canonical
from tally.verify.errors import VerifyError
from tally.verify.record import districts_of
from tally.verify.sums import DistrictSums, Sums

KIND = re.compile(r"[a-z][a-z0-9-]{0,31}")


class LineResult(NamedTuple):
    """What the sequential part needs of one board line (primitives only)."""

    position: int
    """0-based line number."""
    line_error: str
    """Why the line itself is unreadable ("" if it is readable)."""
    stated_index: int
    kind: str
    hash: bytes
    """The stated ``hash`` member."""
    payload_hash: bytes
    """``p_i`` of the payload bytes."""
    entry_error: str
    """Why the ballot or spoiled entry fails section 26.5 / 27 ("" if it passes or is another kind)."""
    tracking: bytes
    """``T`` of a ballot or spoiled entry (b"" when it could not be computed)."""
    credential: bytes
    kiosk: str
    alphas: bytes
    """The concatenated 32-byte ``α`` of the selections of a valid ballot or spoiled entry."""
    payload: bytes
    """The payload bytes of ``open`` and ``close`` entries (checked sequentially); b"" otherwise."""
    district: str = ""
    """The ``district`` of a valid ballot entry ("" otherwise)."""
    betas: bytes = b""
    """The concatenated 32-byte ``β`` of the selections of a valid ballot entry (with ``alphas``: the tally's input)."""


_election: Election | None = None


def make_election(fingerprint: bytes, manifest_bytes: bytes, public_key: bytes, kiosks: bytes) -> Election:
    """The Election of ballot.py from published bytes (``kiosks``: canonical JSON name -> hex key)."""
    names: dict[str, str] = parse_canonical(kiosks, "kiosks")
    return Election(fingerprint, public_key, districts_of(parse_canonical(manifest_bytes, "manifest.json")),
                    {name: bytes.fromhex(key) for name, key in names.items()})


def kiosks_bytes(kiosks: dict[str, bytes]) -> bytes:
    """The inverse of make_election's ``kiosks`` argument."""
    return canonical({name: key.hex() for name, key in kiosks.items()})


def init_worker(args: tuple[bytes, bytes, bytes, bytes] | None) -> None:
    """Pool initializer: rebuild the election (None: ballots cannot be checked)."""
    global _election
    _election = None if args is None else make_election(*args)


def _facts_fields(facts: BallotFacts, kind: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"tracking": facts.tracking, "credential": facts.credential, "kiosk": facts.kiosk or "",
                              "alphas": b"".join(facts.alphas)}
    if kind == "ballot":
        fields.update(district=facts.district, betas=b"".join(b for _, b in facts.selections))
    return fields


def check_line(position: int, raw: bytes, election: Election | None) -> LineResult:
    """Parse one line of board.jsonl and check its payload when it is a ballot or spoiled entry."""
    empty = LineResult(position, "", -1, "", b"", b"", "", b"", b"", "", b"", b"")
    try:
        if not raw.endswith(b"\n"):
            raise VerifyError("does not end with a line feed (truncated?)")
        line = members(parse_canonical(raw[:-1], "line"), {"hash", "index", "kind", "payload"}, "line")
        index, kind = line["index"], line["kind"]
        if isinstance(index, bool) or not isinstance(index, int) or index < 0:
            raise VerifyError("index is not a non-negative integer")
        if not isinstance(kind, str) or not KIND.fullmatch(kind):
            raise VerifyError("kind does not match [a-z][a-z0-9-]{0,31}")
        stated = hex_bytes(line["hash"], 32, "hash")
    except VerifyError as exc:
        return empty._replace(line_error=str(exc))
    except Exception as exc:  # fail closed
        return empty._replace(line_error=f"could not be read ({type(exc).__name__}: {exc})")
    payload_bytes = canonical(line["payload"])
    result = empty._replace(stated_index=index, kind=kind, hash=stated,
                            payload_hash=digest("pbvote/1/board-payload", payload_bytes))
    if kind in ("open", "close"):
        return result._replace(payload=payload_bytes)
    if kind not in ("ballot", "spoiled"):
        return result
    if kind == "ballot":
        result = result._replace(tracking=tracking_hash(payload_bytes))
    elif isinstance(line["payload"], dict) and "ballot" in line["payload"]:
        result = result._replace(tracking=tracking_hash(canonical(line["payload"]["ballot"])))
    if election is None:
        return result._replace(entry_error="cannot be checked: the election's keys did not verify")
    try:
        facts = (check_parsed_ballot(line["payload"], payload_bytes, election) if kind == "ballot"
                 else check_spoiled(line["payload"], election))
    except VerifyError as exc:
        return result._replace(entry_error=str(exc))
    except Exception as exc:  # fail closed: a check that raises is a failed check, never a crash
        return result._replace(entry_error=f"could not be checked ({type(exc).__name__}: {exc})")
    return result._replace(**_facts_fields(facts, kind))


ChunkResult = tuple[list[LineResult], Sums]
"""The lines of a chunk and the partial sums of its ballot entries that passed section 26.5."""


def chunk_sums(results: list[LineResult]) -> Sums:
    """Section 32's sums over the chunk's ballot entries that passed section 26.5 on their own."""
    sums: Sums = {}
    for r in results:
        if r.kind == "ballot" and not r.entry_error and r.district:
            sums.setdefault(r.district, DistrictSums()).add_ballot(r.alphas, r.betas)
    return sums


def check_chunk_with(chunk: list[tuple[int, bytes]], election: Election | None) -> ChunkResult:
    """Check consecutive lines and sum their valid ballots (the same function serially and in workers)."""
    results = [check_line(position, raw, election) for position, raw in chunk]
    return results, chunk_sums(results)


def check_chunk(chunk: list[tuple[int, bytes]]) -> ChunkResult:
    """Worker entry point: check consecutive lines with the election of init_worker."""
    return check_chunk_with(chunk, _election)
