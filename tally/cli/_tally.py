"""``pbvote trustees decrypt`` and ``pbvote tally``: from the closed board to signed results (spec 32-35).

Each trustee recomputes the tally from the whole closed board and decrypts
only that, never a file handed over.  ``pbvote tally`` recomputes it too,
keeps the valid partial decryptions (naming the others), combines ``k`` of
them, applies each district's rule and signs ``results.json`` with the
ballot-box key.  Nothing is stored until a step has completed, so an
interrupted run leaves the database as it was and can simply be rerun:
Ctrl-C or SIGTERM end the command with status 130 and say so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final

from ballot.manifest_model import Election
from ballot.storage import load_election
from tally._files import write_whole
from tally.cli._common import EXIT_OK, CliError, add_db_option, existing_file, open_store, read_passphrase, unlock_board
from tally.cli._signals import interruptible
from tally.decryption import NotEnoughDecryptions
from tally.pipeline import decrypt_as_trustee, refuse_individual_ballot_rules, tally_and_sign
from tally.results import RESULTS_FILE, Results

__all__ = ["decrypt_cmd", "print_results", "register", "register_decrypt", "tally_cmd"]

SHARE_PASSPHRASE_ENV: Final = "PBVOTE_PASSPHRASE"


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def register_decrypt(sub: Any) -> None:
    """Add ``trustees decrypt`` to the ``trustees`` group."""
    p = sub.add_parser("decrypt", help="decrypt your part of the tally with your share file (after polls close)",
                       epilog="passphrase: $PBVOTE_PASSPHRASE if set, else typed.  The partial decryption is "
                              "stored in the database; --out also writes a copy (e.g. for a USB stick).")
    p.add_argument("--share", type=existing_file, required=True, metavar="FILE", help="your trustee-<j>.share")
    p.add_argument("--out", type=Path, metavar="FILE", help="also write the partial decryption here")
    add_db_option(p)
    p.set_defaults(handler=decrypt_cmd)


def register(commands: Any) -> None:
    """Add ``tally``."""
    p = commands.add_parser("tally", help="combine k partial decryptions into counts and signed results")
    p.add_argument("--partial", type=existing_file, action="append", default=[], metavar="FILE",
                   help="a trustee's partial decryption file (repeatable); stored ones are used too")
    add_db_option(p)
    p.set_defaults(handler=tally_cmd)


def decrypt_cmd(args: argparse.Namespace) -> int:
    """Recompute the tally from the closed board and store this trustee's partial decryption."""
    store = open_store(args)
    try:
        passphrase = read_passphrase(SHARE_PASSPHRASE_ENV, "the trustee share", confirm=False)
        with interruptible("partial decryption", "run 'pbvote trustees decrypt' again"):
            stored = decrypt_as_trustee(store, args.share, passphrase, _say)
        if args.out is not None:
            with interruptible(f"writing the copy {args.out} (the decryption itself is stored)",
                               "run 'pbvote trustees decrypt --out FILE' again"):
                write_whole(args.out, stored.data, overwrite=True)
    finally:
        store.close()
    print(f"trustee {stored.trustee}: partial decryption of tally {stored.tally.tally_hash.hex()[:16]}... "
          f"({stored.tally.ballots} ballots) stored as {stored.name}"
          + (f"; copy written to {args.out}" if args.out else ""))
    return EXIT_OK


def tally_cmd(args: argparse.Namespace) -> int:
    """Combine k valid partial decryptions, apply the rules, sign and store the results."""
    store = open_store(args)
    try:
        with store.read() as s:
            election = load_election(s)
        refuse_individual_ballot_rules(election)
        extra = [(str(path), path.read_bytes()) for path in args.partial]
        board_key = unlock_board(store)
        try:
            with interruptible("tally", "run 'pbvote tally' again (it recomputes everything from the "
                                            "closed board)"):
                results = tally_and_sign(store, board_key, extra, _say)
        except NotEnoughDecryptions as exc:
            raise CliError(f"{exc}; each trustee runs 'pbvote trustees decrypt --share FILE'") from None
    finally:
        store.close()
    print_results(results, election, election.languages[0])
    print(f"results signed and stored ({RESULTS_FILE}, tally {results.tally.hex()[:16]}..., "
          f"trustees {', '.join(map(str, results.trustees))}); publish them with 'pbvote publish --out DIR'")
    return EXIT_OK


def print_results(results: Results, election: Election, lang: str) -> None:
    """Print each district's table in the order the rule considered the projects, funded ones marked."""
    for d in results.districts:
        funded = set(d.outcome.selected)
        district = election.district(d.district)
        print(f"{district.name.get(lang)} [{d.district}]: {d.ballots:,} ballots, rule {d.outcome.rule}; "
              f"budget {d.budget:,} {d.currency}, spent {d.outcome.spent:,}, left {d.budget - d.outcome.spent:,}")
        titles: dict[str, str] = {p.id: p.title.get(lang) for p in election.projects_in(d.district)}
        width = max([7, *(len(c.project) for c in d.counts)])
        print(f"  {'project':<{width}}  {'votes':>8}  {'cost':>12}  {'funded':<6}  title")
        for step in d.outcome.explanation:
            mark = "yes" if step.project in funded else "no"
            print(f"  {step.project:<{width}}  {d.count_of(step.project):>8,}  {step.cost:>12,}  {mark:<6}  "
                  f"{titles.get(step.project, '')}")
