"""``pbvote trustees decrypt`` and ``pbvote tally``: from the closed board to signed results (spec 32-35).

Each trustee recomputes the tally from the whole closed board and decrypts
only that, never a file handed over.  ``pbvote tally`` recomputes it too,
keeps the valid partial decryptions (naming the others), combines ``k`` of
them, applies each district's rule and signs ``results.json`` with the
ballot-box key.  Nothing is stored until a step has completed, so an
interrupted run leaves the database as it was and can simply be rerun.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, Final

from ballot.ceremony_record import load_ceremony
from ballot.manifest_model import Election
from ballot.storage import load_election
from ballot.storage.record_files import load_record_file, save_record_file
from tally.ceremony import read_share_file
from tally.cli._common import EXIT_OK, CliError, add_db_option, existing_file, open_store, read_passphrase, unlock_board
from tally.decryption import (
    Counts,
    InvalidDecryption,
    NotEnoughDecryptions,
    combine,
    decrypt_tally,
    decryption_file_name,
    parse_decryption,
    select_valid,
)
from tally.homomorphic import TALLY_FILE, EncryptedTally, compute_tally
from tally.results import RESULTS_FILE, DistrictResult, ProjectCount, Results, district_outcome

__all__ = ["decrypt_cmd", "register", "register_decrypt", "tally_cmd"]

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
        with store.read() as s:
            election = load_election(s)
            ceremony = load_ceremony(s)
            share = read_share_file(args.share, passphrase, election.fingerprint, ceremony=ceremony)
            tally = compute_tally(s, election, _say)
        _say(f"trustee {share.trustee}: decrypting {sum(len(d.sums) for d in tally.districts)} sums")
        data = decrypt_tally(tally, election, share, _say).to_canonical_bytes()
        name = decryption_file_name(share.trustee)
        with store.write() as s:
            stored = load_record_file(s, name)
            if stored is not None and stored != data and _for_tally(stored, tally):
                raise CliError(f"trustee {share.trustee}'s partial decryption of this tally is already stored; "
                               "nothing was changed")
            save_record_file(s, name, data)
        if args.out is not None:
            _write_copy(args.out, data)
    finally:
        store.close()
    print(f"trustee {share.trustee}: partial decryption of tally {tally.tally_hash.hex()[:16]}... "
          f"({tally.ballots} ballots) stored as {name}" + (f"; copy written to {args.out}" if args.out else ""))
    return EXIT_OK


def _for_tally(data: bytes, tally: EncryptedTally) -> bool:
    try:
        return parse_decryption(data).tally == tally.tally_hash
    except InvalidDecryption:
        return False


def _write_copy(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.partial")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _refuse_equal_shares(election: Election) -> None:
    for district in election.districts:
        if district.outcome.rule == "equal-shares":
            raise CliError(f"district {district.id!r} uses Equal Shares, which needs individual ballots; a "
                           "homomorphic tally only reveals per-project totals, so its results cannot be computed "
                           "until a verifiable mix-net exists")


def _results(election: Election, tally: EncryptedTally, counts: Counts) -> Results:
    districts = []
    for sums in tally.districts:
        district = election.district(sums.district)
        projects = election.projects_in(district.id)
        values = counts.of(district.id)
        districts.append(DistrictResult(
            district.id, sums.ballots, district.budget, district.currency,
            tuple(ProjectCount(p.id, c) for p, c in zip(projects, values, strict=True)),
            district_outcome(district, projects, values)))
    return Results(election.fingerprint, tally.tally_hash, counts.trustees, tuple(districts))


def tally_cmd(args: argparse.Namespace) -> int:
    """Combine k valid partial decryptions, apply the rules, sign and store the results."""
    store = open_store(args)
    try:
        with store.read() as s:
            election = load_election(s)
            _refuse_equal_shares(election)
            ceremony = load_ceremony(s)
            tally = compute_tally(s, election, _say)
            files = [(decryption_file_name(j), data) for j in range(1, ceremony.count + 1)
                     if (data := load_record_file(s, decryption_file_name(j))) is not None]
        files += [(str(path), path.read_bytes()) for path in args.partial]
        valid = select_valid(files, tally, election, ceremony, _say)
        try:
            counts = combine(tally, election, valid, ceremony.threshold)
        except NotEnoughDecryptions as exc:
            raise CliError(f"{exc}; each trustee runs 'pbvote trustees decrypt --share FILE'") from None
        _say(f"counts decrypted with the partial decryptions of trustees {', '.join(map(str, counts.trustees))}")
        results = _results(election, tally, counts).signed(unlock_board(store))
        with store.write() as s:
            save_record_file(s, TALLY_FILE, tally.to_canonical_bytes())
            for j in counts.trustees:
                save_record_file(s, decryption_file_name(j), valid[j].to_canonical_bytes())
            save_record_file(s, RESULTS_FILE, results.to_canonical_bytes())
    finally:
        store.close()
    _print_results(election, results)
    return EXIT_OK


def _print_results(election: Election, results: Results) -> None:
    for d in results.districts:
        funded = set(d.outcome.selected)
        print(f"district {d.district}: {d.ballots} ballots, rule {d.outcome.rule}, "
              f"budget {d.budget:,} {d.currency}, spent {d.outcome.spent:,}")
        width = max((len(c.project) for c in d.counts), default=7)
        for step in d.outcome.explanation:
            cost = getattr(step, "cost", 0)
            mark = "funded" if step.project in funded else ""
            print(f"  {step.project:<{width}}  {d.count_of(step.project):>8}  {cost:>14,}  {mark}")
    print(f"results signed and stored ({RESULTS_FILE}, tally {results.tally.hex()[:16]}..., "
          f"trustees {', '.join(map(str, results.trustees))}); publish them with 'pbvote publish --out DIR'")
