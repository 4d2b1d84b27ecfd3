"""The board pass: chain, polls entries, ballots, spoiled ballots, ciphertext reuse and head
(spec section 31.2 items 5 to 10 and 6).

board.jsonl is streamed line by line; lines go to worker processes in
chunks (at most a few chunks in flight, so memory stays bounded) and come
back in order, so the sequential checks and the report are identical
whatever the number of processes.  The same pass computes the tally's input
(section 32): each worker sums its chunk's valid ballots, the sequential
part adds the partial sums and takes out the ballots it does not count,
and notes the close entry's index and ``h_c`` (tally_checks.py compares).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult

from tally.verify.codes import display, short_code
from tally.verify.encoding import (
    canonical,
    digest,
    frame,
    hex_bytes,
    integer,
    members,
    parse_canonical,
    parse_canonical_line,
)
from tally.verify.entries import (
    ChunkResult,
    LineResult,
    check_chunk,
    check_chunk_with,
    init_worker,
    kiosks_bytes,
    make_election,
)
from tally.verify.errors import VerifyError
from tally.verify.group import signature_verifies
from tally.verify.record import RecordState, Unavailable
from tally.verify.report import Check, Problems, failed
from tally.verify.sums import DistrictSums, Sums, merge_into

CHUNK_LINES = 32
CHUNK_BYTES = 1 << 20
Progress = Callable[[int, int], None]
"""Called with (bytes of board.jsonl done, total bytes)."""


@dataclass
class BoardFacts:
    """What the board pass leaves for the receipt and tally checks."""

    size: int = 0
    hashes: bytearray = field(default_factory=bytearray)
    """Stated ``hash`` of every line, 32 bytes each (zeros for an unreadable line)."""
    tracking: dict[bytes, tuple[int, str, bool]] = field(default_factory=dict)
    """``T`` -> (position, kind, entry passed its checks)."""
    head: bytes | None = None
    """The recomputed ``h_{n-1}`` (None when the chain could not be recomputed)."""
    counted: list[int] = field(default_factory=list)
    """Positions of the ballot entries that passed every check and lie before the ``close`` entry (the tally's
    input, section 32)."""
    close: int | None = None
    """Index ``c`` of the (first) ``close`` entry, None when the board has none."""
    close_head: bytes | None = None
    """The recomputed ``h_c`` (None without a close entry or when the chain could not be recomputed)."""
    close_ballots: int = 0
    """The number of ``ballot`` entries before the close entry (valid or not)."""
    sums: Sums = field(default_factory=dict)
    """Section 32's sums of the counted ballots, per district id."""


def _chunks(lines: Iterator[bytes], on_bytes: Callable[[int], None]) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    size = 0
    for position, raw in enumerate(lines):
        chunk.append((position, raw))
        size += len(raw)
        on_bytes(len(raw))
        if len(chunk) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _results(state: RecordState, jobs: int, progress: Progress | None) -> Iterator[ChunkResult]:
    """Every chunk's LineResults and partial sums, in board order, serially (jobs == 1) or with a process pool."""
    try:
        election_args = (state.need_fingerprint(), state.manifest_bytes or b"", state.public_key or b"",
                         kiosks_bytes(state.kiosks or {})) if state.public_key and state.kiosks is not None else None
    except Unavailable:
        election_args = None
    total = state.files.size("board.jsonl")
    done = 0

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    chunks = _chunks(state.files.lines("board.jsonl"), on_bytes)
    if jobs <= 1:
        election = None if election_args is None else make_election(*election_args)
        for chunk in chunks:
            yield check_chunk_with(chunk, election)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=init_worker, initargs=(election_args,)) as pool:
        pending: deque[AsyncResult[ChunkResult]] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(check_chunk, (chunk,)))
            while len(pending) >= 4 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def default_jobs() -> int:
    """All CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Pass:
    """The sequential checks over the stream of LineResults."""

    def __init__(self, state: RecordState) -> None:
        self.state = state
        self.fingerprint = state.need_fingerprint()
        self.facts = BoardFacts()
        self.chain, self.polls, self.kinds = Problems(), Problems(), Problems()
        self.ballots, self.spoiled, self.reuse = Problems(), Problems(), Problems()
        self.true_prev: bytes | None = digest("pbvote/1/board-genesis", self.fingerprint)
        self.stated_prev: bytes | None = self.true_prev
        self.opened: int | None = None
        self.closed: int | None = None
        self.n_ballots = self.n_spoiled = self.valid_ballots = self.valid_spoiled = 0
        self.ballot_credentials: dict[bytes, int] = {}
        self.alpha_prefixes: set[int] = set()
        self.suspects: set[int] = set()
        self.ballot_tracking: set[bytes] = set()
        self.spoiled_tracking: dict[bytes, int] = {}
        self.facts.sums = {d: DistrictSums.empty(len(rule.costs)) for d, rule in (state.districts or {}).items()}

    def consume(self, r: LineResult) -> None:
        i = r.position
        self.facts.size += 1
        if r.line_error:
            self.chain.add(f"entry {i}: {r.line_error}")
            self.facts.hashes += bytes(32)
            self.true_prev = self.stated_prev = None
            return
        self.facts.hashes += r.hash
        reasons = []
        if r.stated_index != i:
            reasons.append(f"index is {r.stated_index} (gap, repeat or reorder)")
        if self.stated_prev is not None and r.hash != digest(
                "pbvote/1/board-entry", self.fingerprint, i, r.kind, r.payload_hash, self.stated_prev):
            reasons.append("hash is not h_i of its index, kind, payload and the previous hash")
        if reasons:
            self.chain.add(f"entry {i}: " + "; ".join(reasons))
        if self.true_prev is not None:
            self.true_prev = digest("pbvote/1/board-entry", self.fingerprint, i, r.kind, r.payload_hash,
                                    self.true_prev)
        previous, self.stated_prev = self.stated_prev, r.hash
        if r.kind == "close" and self.facts.close is None:
            self.facts.close, self.facts.close_head, self.facts.close_ballots = i, self.true_prev, self.n_ballots
        if r.kind in ("open", "close"):
            self._polls_entry(r, previous)
        elif r.kind in ("ballot", "spoiled"):
            if self.opened is None or self.closed is not None:
                self.polls.add(f"entry {i}: a {r.kind} entry outside the open polls")
            self._ballot_entry(r) if r.kind == "ballot" else self._spoiled_entry(r)
        else:
            self.kinds.add(f"entry {i}: kind {r.kind!r} has no check in this verifier (fail closed)")
        if i == 0 and r.kind != "open":
            self.polls.add("entry 0 is not the open entry")

    def _polls_entry(self, r: LineResult, previous: bytes | None) -> None:
        i = r.position
        try:
            payload = parse_canonical(r.payload, "polls payload")
            if r.kind == "open":
                payload = members(payload, {"credentials", "format", "kiosks", "polls", "signature"}, "open")
                if self.opened is not None:
                    raise VerifyError("a second open entry")
                self.opened = i
                if integer(payload["credentials"], "credentials") != self.state.credential_lines:
                    raise VerifyError("credentials is not the number of lines of credentials.jsonl")
                if self.state.kiosks is None:
                    raise VerifyError("kiosks cannot be checked: kiosks.json did not verify")
                if integer(payload["kiosks"], "kiosks") > len(self.state.kiosks):
                    raise VerifyError("kiosks is more than kiosks.json lists")
            else:
                payload = members(payload, {"ballots", "format", "polls", "signature", "spoiled"}, "close")
                if self.closed is not None or self.opened is None:
                    raise VerifyError("a close entry without an open entry before it, or a second one")
                self.closed = i
                if integer(payload["ballots"], "ballots") != self.n_ballots:
                    raise VerifyError(f"ballots is {payload['ballots']}, the board has {self.n_ballots} before it")
                if integer(payload["spoiled"], "spoiled") != self.n_spoiled:
                    raise VerifyError(f"spoiled is {payload['spoiled']}, the board has {self.n_spoiled} before it")
            if payload["format"] != "pbvote-polls/1" or payload["polls"] != r.kind:
                raise VerifyError("format or polls member does not match the kind")
            if self.state.board_key is None or previous is None:
                raise VerifyError("signature cannot be checked (no board key or no previous hash)")
            unsigned = canonical({k: v for k, v in payload.items() if k != "signature"})
            message = frame("pbvote/1/polls", self.fingerprint, i, previous, unsigned)
            if not signature_verifies(self.state.board_key, hex_bytes(payload["signature"], 64, "signature"),
                                      message):
                raise VerifyError("signature does not verify")
        except VerifyError as exc:
            self.polls.add(f"entry {i} ({r.kind}): {exc}")

    def _where(self, r: LineResult) -> str:
        code = f" (tracking code {display(short_code(r.tracking))})" if r.tracking else ""
        return f"position {r.position}{code}"

    def _eligible(self, r: LineResult) -> str:
        manifest = self.state.manifest or {}
        mode = manifest.get("eligibility", {}).get("mode")
        if mode == "codes" and (self.state.credentials is None or r.credential not in self.state.credentials):
            return "the credential is not on the published list"
        if mode == "roll" and not r.kiosk:
            return "roll mode and the ballot was not cast at a kiosk"
        return ""

    def _alphas(self, r: LineResult) -> None:
        for k in range(0, len(r.alphas), 32):
            prefix = int.from_bytes(r.alphas[k:k + 8], "little")
            if prefix in self.alpha_prefixes:
                self.suspects.add(prefix)
            self.alpha_prefixes.add(prefix)

    def _track(self, r: LineResult, ok: bool) -> None:
        if r.tracking and r.tracking not in self.facts.tracking:
            self.facts.tracking[r.tracking] = (r.position, r.kind, ok)

    def _ballot_entry(self, r: LineResult) -> None:
        self.n_ballots += 1
        reason = r.entry_error or self._eligible(r)
        if not reason and r.credential in self.ballot_credentials:
            reason = f"the credential already cast the ballot at position {self.ballot_credentials[r.credential]}"
        if reason:
            self.ballots.add(f"{self._where(r)}: {reason}")
        else:
            self.valid_ballots += 1
            self.ballot_credentials[r.credential] = r.position
            if self.facts.close is None:
                self.facts.counted.append(r.position)
        if not r.entry_error and r.district and (reason or self.facts.close is not None):
            # in its chunk's partial sums (it passed 26.5 on its own), but not counted (section 32)
            self.facts.sums.setdefault(r.district, DistrictSums()).remove(r.alphas, r.betas)
        if r.tracking:
            self.ballot_tracking.add(r.tracking)
        self._alphas(r)
        self._track(r, not reason)

    def _spoiled_entry(self, r: LineResult) -> None:
        self.n_spoiled += 1
        reason = r.entry_error or self._eligible(r)
        if not reason and r.credential in self.ballot_credentials:
            reason = "its credential had already cast a ballot"
        if reason:
            self.spoiled.add(f"{self._where(r)}: {reason}")
        else:
            self.valid_spoiled += 1
        if r.tracking:
            self.spoiled_tracking.setdefault(r.tracking, r.position)
        self._alphas(r)
        self._track(r, not reason)

    def add_sums(self, sums: Sums) -> None:
        """A chunk's partial sums, added after its lines were consumed."""
        merge_into(self.facts.sums, sums)

    def finish_reuse(self) -> None:
        """Item 10, exactly: re-read the board for the full α of any colliding 8-byte prefix."""
        if not self.suspects:
            return
        seen: dict[bytes, int] = {}
        for position, raw in enumerate(self.state.files.lines("board.jsonl")):
            try:
                line = parse_canonical(raw[:-1], "line")
                payload = line["payload"]
                ballot = payload if line["kind"] == "ballot" else payload["ballot"]
                alphas = [hex_bytes(pair[0], 32, "alpha") for pair in ballot["selections"]]
            except (VerifyError, TypeError, IndexError, KeyError):
                continue
            for alpha in alphas:
                if int.from_bytes(alpha[:8], "little") in self.suspects:
                    if alpha in seen:
                        self.reuse.add(f"position {position}: reuses a ciphertext of position {seen[alpha]}")
                    else:
                        seen[alpha] = position

    def checks(self) -> list[Check]:
        size = self.facts.size
        self.facts.head = self.true_prev
        for t, position in self.spoiled_tracking.items():
            if t in self.ballot_tracking:
                self.spoiled.add(f"position {position}: the spoiled ballot was also cast")
        invalid_b = self.n_ballots - self.valid_ballots
        invalid_s = self.n_spoiled - self.valid_spoiled
        return [
            self.chain.check("chain", f"{size:,} entries" + ("" if self.chain.count == 0 else
                                                             f", {self.chain.count:,} broken")),
            self.kinds.check("entry kinds", "open, ballot, spoiled, close"),
            self.polls.check("polls", f"open at {self.opened}, close at {self.closed}"),
            self.ballots.check("ballots", f"{self.valid_ballots:,} valid" + (
                f", {invalid_b:,} INVALID" if invalid_b else "") + " (signatures, proofs, eligibility, once each)"),
            self.spoiled.check("spoiled", f"{self.valid_spoiled:,} spoiled ballots pass the Benaloh audit" + (
                f", {invalid_s:,} INVALID" if invalid_s else "")),
            self.reuse.check("ciphertexts", f"{len(self.alpha_prefixes):,} distinct ciphertexts, none reused"
                             if self.reuse.count == 0 else "ciphertexts reused"),
        ]


BOARD_CHECKS = ("chain", "entry kinds", "polls", "ballots", "spoiled", "ciphertexts")


def check_board(state: RecordState, jobs: int, progress: Progress | None) -> tuple[list[Check], BoardFacts]:
    """Items 5, 7, 8, 9 and 10 in one streaming pass (see module docstring)."""
    try:
        board = _Pass(state)
        for results, sums in _results(state, jobs, progress):
            for result in results:
                board.consume(result)
            board.add_sums(sums)
        board.finish_reuse()
    except (Unavailable, VerifyError) as exc:
        return [failed(name, str(exc)) for name in BOARD_CHECKS], BoardFacts()
    return board.checks(), board.facts


def check_head(state: RecordState, facts: BoardFacts) -> Check:
    """Item 6: head.json signs the recomputed chain of all the lines."""
    fingerprint = state.need_fingerprint()
    head = members(parse_canonical_line(state.files.read("head.json"), "head.json"),
                   {"election", "format", "head", "signature", "size"}, "head.json")
    if head["format"] != "pbvote-head/1" or head["election"] != fingerprint.hex():
        raise VerifyError("head.json: wrong format or election")
    size = integer(head["size"], "head size")
    stated = hex_bytes(head["head"], 32, "head")
    if size != facts.size:
        raise VerifyError(f"head.json: size {size}, board.jsonl has {facts.size} lines")
    if facts.head is None or stated != facts.head:
        raise VerifyError("head.json: head is not the recomputed chain head")
    if state.board_key is None:
        raise Unavailable("cannot run: authority.json did not verify")
    if not signature_verifies(state.board_key, hex_bytes(head["signature"], 64, "signature"),
                              frame("pbvote/1/board-head", fingerprint, size, stated)):
        raise VerifyError("head.json: signature does not verify")
    return Check("head", True, f"signed head of {size:,} entries")
