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


DEMO_PASSPHRASE = "demo only: not a secret"
_board_keys: dict[Path, Any] = {}


def fingerprint_of(record: Path) -> bytes:
    return hashlib.sha256((record / "manifest.json").read_bytes()).digest()


def read_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def write_canonical(path: Path, value: Any) -> None:
    """The tally's files: canonical JSON, no trailing newline (spec sections 32, 33, 35)."""
    path.write_bytes(canonical(value))


def sign_results(record: Path, demo_dir: Path, value: dict[str, Any]) -> None:
    """Write results.json signed by the demo's ballot-box key, as a dishonest official holding it could.

    The application signs (ballot/, crypto/): the tests may use it, the verifier may not.
    """
    from ballot.authority import unlock_board_key
    from ballot.storage import Store
    from crypto.signatures import sign

    if demo_dir not in _board_keys:
        with Store(f"sqlite:///{(demo_dir / 'pbvote.sqlite3').resolve()}").read() as session:
            _board_keys[demo_dir] = unlock_board_key(session, DEMO_PASSPHRASE)
    unsigned = canonical({k: v for k, v in value.items() if k != "signature"})
    value["signature"] = sign(_board_keys[demo_dir], "pbvote/1/results", fingerprint_of(record), unsigned).hex()
    write_canonical(record / "results.json", value)
