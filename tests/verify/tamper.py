"""Helpers to tamper with a copy of a record in ways a dishonest official might."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from tally.verify.encoding import canonical, digest


def board_lines(record: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (record / "board.jsonl").read_bytes().splitlines()]


def write_board(record: Path, lines: list[dict[str, Any]], *, rechain: bool = True) -> None:
    """Write board.jsonl; with ``rechain`` recompute every hash so only the semantic checks can object."""
    if rechain:
        fingerprint = hashlib.sha256((record / "manifest.json").read_bytes()).digest()
        previous = digest("pbvote/1/board-genesis", fingerprint)
        for i, line in enumerate(lines):
            payload_hash = digest("pbvote/1/board-payload", canonical(line["payload"]))
            line["hash"] = digest("pbvote/1/board-entry", fingerprint, i, line["kind"], payload_hash, previous).hex()
            previous = bytes.fromhex(line["hash"])
    (record / "board.jsonl").write_bytes(b"".join(canonical(line) + b"\n" for line in lines))


def is_noop(path: Path, tampered: bytes, original: bytes) -> bool:
    """A change that canonical re-serialisation shows to be no change at all."""
    if tampered == original:
        return True
    try:
        return canonical(json.loads(tampered)) == original
    except ValueError:
        return False
