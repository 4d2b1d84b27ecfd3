"""``pbvote trustees ceremony``: the in-room key ceremony (DESIGN.md "Who does what", step 2).

All n trustees sit at one offline machine.  Each chooses a passphrase
(typed twice at a terminal, or ``$PBVOTE_PASSPHRASE_<j>`` for scripts);
the machine runs the ceremony, writes each trustee's sealed share file and
the public transcript, and stores the transcript in the database so the
ballot box can encrypt to the joint key.  Nothing is overwritten: not a
share file, not a stored ceremony.  Every file is written whole or not at
all, and an interrupted run removes what it wrote: a rerun completes.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any, Final

from ballot.ceremony_record import CEREMONY_FILE, CeremonyRecord, save_ceremony
from ballot.storage import Store, load_election
from ballot.storage.record_files import load_record_file
from tally._files import write_whole
from tally.ceremony import run_in_room_ceremony, share_file_name, write_share_file
from tally.cli._common import EXIT_OK, EXIT_USAGE, CliError, add_db_option, db_url, read_passphrase
from tally.cli._signals import interruptible

PASSPHRASE_ENV: Final = "PBVOTE_PASSPHRASE_{}"
"""Scripts give trustee j's passphrase in ``$PBVOTE_PASSPHRASE_<j>``."""

_ATTEMPTS: Final = 3

_EPILOG = """passphrases: trustee j's comes from $PBVOTE_PASSPHRASE_<j> if set, else it is typed twice
at the terminal.  Writes DIR/trustee-<j>.share (sealed, mode 0600: hand each trustee their own)
and DIR/ceremony.json (public), and stores the transcript in the database.  Existing files and
an already stored ceremony are never overwritten."""


def register(commands: Any) -> None:
    """Add the ``trustees`` command group."""
    group = commands.add_parser("trustees", help="key ceremony of the trustees")
    sub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    from tally.cli._ceremony_steps import STEPS_EPILOG, add_step_options  # imports this module

    p = sub.add_parser("ceremony", help="key ceremony: all trustees at this machine, or one step at a trustee's",
                       epilog=f"{_EPILOG}\n\n{STEPS_EPILOG}", formatter_class=argparse.RawDescriptionHelpFormatter)
    # Required in the in-room mode (checked in ceremony()), optional with --step.
    p.add_argument("--trustees", type=_positive, metavar="N",
                   help="number of trustees (must equal the manifest's)")
    p.add_argument("--threshold", type=_positive, metavar="K",
                   help="trustees needed to decrypt (must equal the manifest's)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder for the share files and ceremony.json (with --step: this trustee's folder)")
    add_step_options(p)
    add_db_option(p)
    p.set_defaults(handler=ceremony)
    from tally.cli._tally import register_decrypt  # trustees decrypt: the tally's own module

    register_decrypt(sub)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def passphrase_for(j: int, n: int) -> str:
    """Return trustee j's passphrase: ``$PBVOTE_PASSPHRASE_<j>``, else typed twice at a terminal.

    Raises:
        CliError: if it is empty, never confirmed, or there is neither the variable nor a terminal.
    """
    return read_passphrase(PASSPHRASE_ENV.format(j), f"trustee {j} of {n}", confirm=True)


def _refuse_existing(paths: list[Path]) -> None:
    for path in paths:
        if path.exists():
            raise CliError(f"{path}: already exists; refusing to overwrite it (choose another --out)")


def _write_new(path: Path, data: bytes) -> None:
    """Write a public file that must not exist yet, whole or not at all (FileExistsError if it exists)."""
    write_whole(path, data, overwrite=False)


def _refuse_leftovers(targets: list[Path], transcript: Path) -> None:
    """Explain files an interrupted ceremony left in --out, instead of overwriting them."""
    if all(p.exists() for p in [*targets, transcript]):
        raise CliError(f"{transcript.parent} holds a complete ceremony (every share file and {transcript.name}) "
                       "that is not stored in the database: an earlier run was stopped just before storing it; "
                       f"store it with 'pbvote trustees ceremony --step store --in {transcript.parent}'")
    left = [p for p in [*targets, transcript] if p.exists()]
    if left and not transcript.exists():
        raise CliError(f"{left[0]}: already exists; refusing to overwrite it (choose another --out; if a "
                       f"ceremony stopped before writing {transcript.name} left it, its shares are useless: "
                       "delete them and run the ceremony again)")


def ceremony(args: argparse.Namespace) -> int:
    """Run the in-room ceremony (write the share files, the transcript, and store it), or one --step.

    Ctrl-C or SIGTERM at any moment: the files written so far are removed and
    nothing is stored (exit 130), so the same command can simply be run again.
    """
    with interruptible("key ceremony", "run the same command again"):
        return _ceremony(args)


def _ceremony(args: argparse.Namespace) -> int:
    from tally.cli._ceremony_steps import in_room_misuse, run_step

    if args.step is not None:
        return run_step(args)
    missing = [flag for flag, value in (("--trustees", args.trustees), ("--threshold", args.threshold),
                                        ("--out", args.out)) if value is None]
    if missing:
        raise CliError(f"the following arguments are required: {', '.join(missing)} (or --step)", EXIT_USAGE)
    misuse = in_room_misuse(args)
    if misuse:
        raise CliError(misuse, EXIT_USAGE)
    n, k, out = args.trustees, args.threshold, args.out
    store = Store(db_url(args))
    store.require_current()
    try:
        with store.read() as session:
            election = load_election(session)
            already = load_record_file(session, CEREMONY_FILE) is not None
        if (n, k) != (election.trustees, election.threshold):
            raise CliError(f"--trustees {n} --threshold {k} do not match the election manifest, which names "
                           f"{election.trustees} trustees with threshold {election.threshold}")
        if already:
            raise CliError("a key ceremony is already stored in this database; nothing was changed")
        out.mkdir(parents=True, exist_ok=True)
        targets = [out / share_file_name(j) for j in range(1, n + 1)]
        transcript = out / CEREMONY_FILE
        _refuse_leftovers(targets, transcript)
        _refuse_existing([*targets, transcript])
        passphrases = [passphrase_for(j, n) for j in range(1, n + 1)]
        print(f"key ceremony for election {election.id}: {n} trustees, any {k} decrypt", flush=True)
        record, shares = run_in_room_ceremony(election, n, k, progress=lambda line: print(line, flush=True))
        written: list[Path] = []
        try:
            with store.write() as session:
                # Under the write lock: a ceremony stored meanwhile by another run wins, ours is undone.
                save_ceremony(session, record)
                for share, passphrase, target in zip(shares, passphrases, targets, strict=True):
                    write_share_file(target, share, passphrase)
                    written.append(target)
                    print(f"trustee {share.trustee} of {n}: share sealed into {target}", flush=True)
                _write_new(transcript, record.to_canonical_bytes())
                written.append(transcript)
        except BaseException:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
    finally:
        store.close()
    _report(record, election.fingerprint_hex, targets, transcript, store.describe())
    return EXIT_OK


def _report(record: CeremonyRecord, fingerprint: str, targets: list[Path], transcript: Path, db: str) -> None:
    print(f"joint election public key: {bytes(record.public_key).hex()}")
    print(f"election fingerprint:      {fingerprint}")
    print(f"share files (mode 0600, one per trustee, each sealed by its passphrase): {targets[0].parent}")
    for path in targets:
        print(f"  {path}")
    print(f"public transcript: {transcript} (also stored in {db})")
