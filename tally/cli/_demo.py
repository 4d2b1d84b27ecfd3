"""``pbvote demo``: the election lifecycle so far, end to end, on the bundled sample.

It is the headless "main job" the README points to where no display exists:
the real ceremony, real codes and letters, a registered kiosk, the polls
opened, simulated residents casting through the real ballot box (one of
them checks a ballot first, Benaloh style), receipts printed, the polls
closed, k trustees decrypting the tally, the results signed, the record
published.  DESIGN.md "Interfaces" fixes the layout: DIR/record (and
DIR/record.zip), DIR/receipts/*.pdf, DIR/results.pdf.  Every run starts
afresh: the demo's own outputs in DIR are replaced, nothing else there is
touched.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

from ballot.authority import create_authority, unlock_board_key
from ballot.box import Accepted, BallotBox, Spoiled
from ballot.ceremony_record import save_ceremony
from ballot.code_letters import render_code_cards, render_code_letters
from ballot.encrypt import encrypt_ballot
from ballot.kiosk_key import KioskKey, write_kiosk_key
from ballot.manifest import load_manifest
from ballot.manifest_model import District, Election
from ballot.polls import close_polls, open_polls
from ballot.receipt_pdf import render_receipt_pdf
from ballot.record import publish_record
from ballot.registry import issue_codes, register_kiosk, store_credentials
from ballot.samples import DEFAULT_SAMPLE, sample_manifest
from ballot.selection import Selection, can_add
from ballot.storage import Store, save_election
from crypto.codes import credential_keypair
from crypto.signatures import SigningKey, generate_signing_key
from tally.ceremony import run_in_room_ceremony, write_share_file
from tally.cli._common import EXIT_OK, CliError
from tally.cli._election import describe
from tally.cli._tally import print_results
from tally.errors import TallyError
from tally.pipeline import decrypt_as_trustee, refuse_individual_ballot_rules, tally_and_sign
from tally.results import Results
from tally.results_pdf import render_results_pdf

DEMO_PASSPHRASE = "demo only: not a secret"
"""Every passphrase of the demo (trustees, kiosk, ballot box); real elections take them from people."""
_OUTPUTS = ("pbvote.sqlite3", "pbvote.sqlite3-wal", "pbvote.sqlite3-shm", "trustees", "codes", "kiosks", "receipts",
            "record", "record.zip", "results.pdf")


def register(commands: Any) -> None:
    """Add the ``demo`` command."""
    p = commands.add_parser("demo", help="run the election lifecycle on the bundled sample election")
    p.add_argument("--voters", type=int, default=50, metavar="N", help="simulated residents (default 50)")
    p.add_argument("--out", type=Path, default=Path("pbvote-demo"), metavar="DIR",
                   help="output folder (default ./pbvote-demo)")
    p.add_argument("--sample", default=DEFAULT_SAMPLE, help=f"bundled sample election (default {DEFAULT_SAMPLE})")
    p.add_argument("--seed", type=int, default=2026, help="seed of the simulated residents' choices")
    p.set_defaults(handler=demo)


def random_selection(election: Election, district: District, rng: random.Random) -> Selection:
    """A valid ballot a resident might fill in: random picks that fit the rule."""
    projects = list(election.projects_in(district.id))
    rng.shuffle(projects)
    rule = district.ballot
    selection = Selection(district.id)
    if rule.type == "cumulative":
        for _ in range(rng.randint(1, rule.points or 1)):
            project = rng.choice(projects)
            if can_add(election, district.id, selection, project.id) is None:
                selection = selection.with_points(project.id, selection.points.get(project.id, 0) + 1)
        return selection
    wanted = rng.randint(max(rule.min_picks, 1), max(rule.min_picks, 1, rule.max_picks))
    for project in projects:
        if len(selection.picks) >= wanted:
            break
        if can_add(election, district.id, selection, project.id) is None:
            selection = selection.with_pick(project.id)
    return selection


def _clear_previous(out: Path) -> None:
    for name in _OUTPUTS:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def demo(args: argparse.Namespace) -> int:
    """Run the lifecycle: ceremony, codes, kiosk, polls, casting, receipts, record."""
    if not 1 <= args.voters <= 10_000:
        raise CliError(f"--voters: must be 1..10000, got {args.voters}")
    out: Path = args.out
    manifest = sample_manifest(args.sample)
    election = load_manifest(manifest)
    print(f"1. manifest {manifest} is valid; fingerprint {election.fingerprint_hex}")
    out.mkdir(parents=True, exist_ok=True)
    _clear_previous(out)
    db = (out / "pbvote.sqlite3").resolve()
    store = Store(f"sqlite:///{db}")
    store.upgrade()
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, DEMO_PASSPHRASE)
    print(f"2. election initialised in {out / 'pbvote.sqlite3'} (SQLite, WAL); ballot-box key sealed")

    record, shares = run_in_room_ceremony(election, election.trustees, election.threshold)
    (out / "trustees").mkdir()
    for share in shares:
        write_share_file(out / "trustees" / f"trustee-{share.trustee}.share", share, DEMO_PASSPHRASE)
    with store.write() as s:
        save_ceremony(s, record)
    print(f"3. key ceremony: {election.trustees} trustees, any {election.threshold} decrypt; "
          f"shares sealed in {out / 'trustees'}")

    codes, credentials = issue_codes(args.voters, election.fingerprint)
    (out / "codes").mkdir()
    (out / "codes" / "codes.csv").write_text("code\n" + "".join(f"{c}\n" for c in codes), encoding="utf-8")
    (out / "codes" / "letters.pdf").write_bytes(render_code_letters(codes, election))
    (out / "codes" / "cards.pdf").write_bytes(render_code_cards(codes, election))
    kiosk = generate_signing_key()
    (out / "kiosks").mkdir()
    write_kiosk_key(out / "kiosks" / "library-1.key", KioskKey(election.fingerprint, "library-1", kiosk),
                    DEMO_PASSPHRASE)
    with store.write() as s:
        store_credentials(s, sorted(credentials))
        register_kiosk(s, "library-1", kiosk.public_key)
    print(f"4. {len(codes)} voting codes: {out / 'codes'} (codes.csv, letters.pdf, cards.pdf); "
          f"kiosk library-1 registered")

    with store.read() as s:
        board_key = unlock_board_key(s, DEMO_PASSPHRASE)
    with store.write() as s:
        open_polls(s, board_key)
    print("5. polls open (signed board entry)")

    box = BallotBox(store, board_key)
    rng = random.Random(args.seed)
    receipts = out / "receipts"
    receipts.mkdir()
    accepted = spoiled = 0
    for i, code in enumerate(codes):
        district = election.districts[i % len(election.districts)]
        key, _ = credential_keypair(code, election.fingerprint)
        at_kiosk = i % 2 == 0
        lang = election.languages[i % len(election.languages)]
        if i == 0:  # the first resident checks a ballot before casting (Benaloh)
            checked = encrypt_ballot(election, box.public_key, random_selection(election, district, rng), key,
                                     kiosk=("library-1", kiosk))
            result = box.spoil(checked.to_bytes(), checked.values, checked.nonces)
            if isinstance(result, Spoiled):
                spoiled += 1
                print(f"   resident 1 checked a ballot first: {result.receipt.tracking_code.short} published "
                      f"as spoiled; it encrypted {dict(result.choices)}")
        prepared = encrypt_ballot(election, box.public_key, random_selection(election, district, rng), key,
                                  kiosk=("library-1", kiosk) if at_kiosk else None)
        cast = box.cast(prepared.to_bytes())
        if not isinstance(cast, Accepted):
            raise CliError(f"demo: resident {i + 1}'s ballot was not accepted: {cast}")
        accepted += 1
        short = cast.receipt.tracking_code.short
        (receipts / f"{short}.pdf").write_bytes(
            render_receipt_pdf(cast.receipt, election, lang, "roll80" if at_kiosk else "a4"))
    print(f"6. {accepted} ballots cast ({(accepted + 1) // 2} at kiosk library-1, the rest from home), "
          f"{spoiled} checked and spoiled; receipts in {receipts}")

    with store.write() as s:
        close_polls(s, board_key)
    print("7. polls closed (signed board entry)")
    results = _tally(store, election, board_key, out)
    published = publish_record(store, out / "record", board_key)
    store.close()
    print(f"9. election record: {published.directory} ({published.entries} board entries) and {published.zip_path}")
    print(f"   check it: pbvote verify {published.directory}")
    print(f"   Demo passphrases (trustees, kiosk, ballot box): {DEMO_PASSPHRASE!r}")
    print()
    if results is None:
        print("\n".join(describe(election, election.languages[0])))
    else:
        print_results(results, election, election.languages[0])
    return EXIT_OK


def _tally(store: Store, election: Election, board_key: SigningKey, out: Path) -> Results | None:
    """Trustees 1..k decrypt, the results are signed and rendered; None where the rule needs ballots."""
    try:
        refuse_individual_ballot_rules(election)
    except TallyError as exc:
        print(f"8. no tally: {exc}")
        return None
    trustees = range(1, election.threshold + 1)
    for j in trustees:
        decrypt_as_trustee(store, out / "trustees" / f"trustee-{j}.share", DEMO_PASSPHRASE)
    results = tally_and_sign(store, board_key)
    (out / "results.pdf").write_bytes(render_results_pdf(results, election, election.languages[0]))
    print(f"8. trustees {', '.join(map(str, trustees))} decrypted the tally (any {election.threshold} of "
          f"{election.trustees}); results signed, report in {out / 'results.pdf'}")
    return results
