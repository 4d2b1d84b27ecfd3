"""``pbvote trustees ceremony --step ...``: the key ceremony at separate machines (docs/spec.md 25.4).

Each trustee works at their own offline machine, in their own folder
(``--out``), and carries public messages on a USB stick (``--in``):

* ``--step commit``: writes trustee-<j>.commit.json (copy it to the stick)
  and the sealed state trustee-<j>.ceremony-state (stays in the folder).
* ``--step shares``: reads every commit message from the stick, writes
  trustee-<j>-to-<t>.share.json for every other trustee t (copy them over).
* ``--step finish``: reads the shares for j from the stick, writes the
  sealed trustee-<j>.share and the public ceremony.json, byte-identical on
  every trustee's machine.
* ``--step store`` (officials, at the database): stores ceremony.json.

The trustee machines have no database, so the election comes from the
manifest file (``--election``), the same file ``pbvote election init``
stored: its fingerprint is what every message and proof is bound to.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
from pathlib import Path
from typing import Final

from ballot.ceremony_record import CEREMONY_FILE, parse_ceremony, save_ceremony
from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.storage import Store, load_election
from tally.ceremony import share_file_name, write_share_file
from tally.ceremony_messages import commit_file_name, share_message_name
from tally.ceremony_steps import (
    begin,
    deal_shares,
    key_fingerprint,
    load_commits,
    read_message,
    read_state_file,
    receive_shares,
    share_message_paths,
    state_file_name,
    write_state_file,
)
from tally.cli._common import EXIT_OK, EXIT_USAGE, CliError, db_url, existing_file, read_passphrase
from tally.cli._trustees import PASSPHRASE_ENV, _positive, _refuse_existing, _write_new

__all__ = ["SHARED_PASSPHRASE_ENV", "STEPS", "add_step_options", "run_step"]

STEPS: Final = ("commit", "shares", "finish", "store")

SHARED_PASSPHRASE_ENV: Final = "PBVOTE_PASSPHRASE"
"""At a trustee's own machine, ``$PBVOTE_PASSPHRASE`` serves when ``$PBVOTE_PASSPHRASE_<j>`` is not set."""

STEPS_EPILOG: Final = """at separate machines (files carried on a USB stick), each trustee j in their own folder:
  --step commit --trustee J --election MANIFEST.toml --out MYDIR
  --step shares --trustee J --election MANIFEST.toml --in STICK --out MYDIR
  --step finish --trustee J --election MANIFEST.toml --in STICK --out MYDIR
then officials: --step store --in STICK [--db URL].  Copy each step's public files from MYDIR to
the stick; trustee-<j>.ceremony-state and trustee-<j>.share stay with the trustee.  At a trustee's
machine the passphrase is $PBVOTE_PASSPHRASE_<j>, else $PBVOTE_PASSPHRASE, else typed."""

_NEEDS: Final = {
    "commit": ("trustee", "out"),
    "shares": ("trustee", "inbox", "out"),
    "finish": ("trustee", "inbox", "out"),
    "store": ("inbox",),
}
_FLAG: Final = {"trustee": "--trustee", "inbox": "--in", "out": "--out", "election": "--election"}


def add_step_options(p: argparse.ArgumentParser) -> None:
    """Add --step, --trustee, --in and --election to ``pbvote trustees ceremony``."""
    p.add_argument("--step", choices=STEPS, help="at separate machines: run one step of the ceremony (below)")
    p.add_argument("--trustee", type=_positive, metavar="J", help="with --step: the trustee running this step")
    p.add_argument("--in", dest="inbox", type=Path, metavar="DIR",
                   help="with --step shares, finish, store: the folder (USB stick) with the others' messages")
    p.add_argument("--election", type=existing_file, metavar="MANIFEST",
                   help="with --step: the election manifest (default: the election in the database)")


def in_room_misuse(args: argparse.Namespace) -> str | None:
    """Name a step-only flag given without --step (the in-room mode takes none of them)."""
    for name in ("trustee", "inbox", "election"):
        if getattr(args, name, None) is not None:
            return f"{_FLAG[name]} needs --step (the in-room ceremony takes --trustees, --threshold, --out)"
    return None


def _check_flags(args: argparse.Namespace) -> None:
    missing = [_FLAG[name] for name in _NEEDS[args.step] if getattr(args, name) is None]
    if missing:
        raise CliError(f"--step {args.step} needs {', '.join(missing)}", EXIT_USAGE)
    if args.step == "store" and (args.trustee is not None or args.election is not None):
        raise CliError("--step store takes the election from the database, and no --trustee", EXIT_USAGE)


def _check_counts(args: argparse.Namespace, election: Election) -> None:
    """--trustees and --threshold are optional with --step, but if given must match the manifest."""
    n, k = args.trustees, args.threshold
    if (n is not None and n != election.trustees) or (k is not None and k != election.threshold):
        raise CliError(f"--trustees/--threshold do not match the election manifest, which names "
                       f"{election.trustees} trustees with threshold {election.threshold}")


def _election(args: argparse.Namespace) -> Election:
    if args.election is not None:
        election = load_manifest(args.election)
    else:
        store = Store(db_url(args))
        try:
            store.require_current()
            with store.read() as session:
                election = load_election(session)
        finally:
            store.close()
    _check_counts(args, election)
    if args.trustee > election.trustees:
        raise CliError(f"--trustee {args.trustee}: the election has trustees 1..{election.trustees}")
    return election


def _passphrase(j: int, n: int, *, confirm: bool) -> str:
    env = PASSPHRASE_ENV.format(j)
    if env not in os.environ and SHARED_PASSPHRASE_ENV in os.environ:
        env = SHARED_PASSPHRASE_ENV
    return read_passphrase(env, f"trustee {j} of {n}", confirm=confirm)


def _say(line: str) -> None:
    print(line, flush=True)


def run_step(args: argparse.Namespace) -> int:
    """Run the one step ``--step`` names."""
    _check_flags(args)
    if args.step == "store":
        return _store(args)
    election = _election(args)
    args.out.mkdir(parents=True, exist_ok=True)
    step = {"commit": _commit, "shares": _shares, "finish": _finish}[args.step]
    step(args, election)
    return EXIT_OK


def _commit(args: argparse.Namespace, election: Election) -> None:
    j, n, out = args.trustee, election.trustees, args.out
    state_path, message_path = out / state_file_name(j), out / commit_file_name(j)
    _refuse_existing([state_path, message_path])
    passphrase = _passphrase(j, n, confirm=True)
    _say(f"trustee {j} of {n}, election {election.id}: drawing the polynomial and the ceremony keys")
    state, message = begin(election, j)
    write_state_file(state_path, state, passphrase)
    try:
        _write_new(message_path, message.to_canonical_bytes())
    except BaseException:
        with contextlib.suppress(OSError):
            state_path.unlink()
        raise
    _say(f"private state (mode 0600, keep it on this machine): {state_path}")
    _say(f"commit message (copy it to the USB stick): {message_path}")
    _say(f"your ceremony signing key: {key_fingerprint(message.signing_key)} "
         "(read it out: the others check it in step 2)")


def _shares(args: argparse.Namespace, election: Election) -> None:
    j, n, out = args.trustee, election.trustees, args.out
    targets = [out / share_message_name(j, t) for t in range(1, n + 1) if t != j]
    _refuse_existing(targets)
    state = read_state_file(out / state_file_name(j), _passphrase(j, n, confirm=False), election, j)
    commits = load_commits(args.inbox, election, progress=_say)
    _say(f"commit messages digest: {key_fingerprint(commits.digest)} (the same at every trustee's machine)")
    messages = deal_shares(state, commits, progress=_say)
    written: list[Path] = []
    try:
        for message, target in zip(messages, targets, strict=True):
            _write_new(target, message.to_canonical_bytes())
            written.append(target)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    _say(f"share messages (copy them to the USB stick): {out}")
    for path in targets:
        _say(f"  {path}")


def _finish(args: argparse.Namespace, election: Election) -> None:
    j, n, out = args.trustee, election.trustees, args.out
    share_path, transcript = out / share_file_name(j), out / CEREMONY_FILE
    _refuse_existing([share_path])
    passphrase = _passphrase(j, n, confirm=False)
    state = read_state_file(out / state_file_name(j), passphrase, election, j)
    commits = load_commits(args.inbox, election, progress=_say)
    _say(f"commit messages digest: {key_fingerprint(commits.digest)}")
    paths = share_message_paths(args.inbox, j, n)
    record, share = receive_shares(state, commits, [(read_message(p), str(p)) for p in paths], progress=_say)
    data = record.to_canonical_bytes()
    if transcript.exists() and transcript.read_bytes() != data:
        raise CliError(f"{transcript}: already exists with other content; refusing to overwrite it")
    if not transcript.exists():  # first: public and deterministic, so a re-run after a failure finds it equal
        _write_new(transcript, data)
    write_share_file(share_path, share, passphrase)
    _say(f"joint election public key: {bytes(record.public_key).hex()}")
    _say(f"share file (mode 0600, sealed by your passphrase): {share_path}")
    _say(f"public transcript: {transcript} (sha256 {hashlib.sha256(data).hexdigest()}: "
         "the same for every trustee; officials store it with --step store)")
    _say(f"{state_file_name(j)} is no longer needed once the transcript is stored")


def _store(args: argparse.Namespace) -> int:
    path = args.inbox / CEREMONY_FILE
    data = read_message(path)
    store = Store(db_url(args))
    try:
        store.require_current()
        with store.read() as session:
            election = load_election(session)
        _check_counts(args, election)
        record = parse_ceremony(data, election.fingerprint, election.trustees, election.threshold, what=str(path))
        with store.write() as session:
            stored = save_ceremony(session, record)
    finally:
        store.close()
    _say(f"joint election public key: {bytes(record.public_key).hex()}")
    _say(f"transcript {path} {'stored in' if stored else 'was already stored in'} {store.describe()}")
    return EXIT_OK
