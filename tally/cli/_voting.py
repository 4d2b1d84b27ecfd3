"""``pbvote polls open|close``, ``pbvote cast`` and ``pbvote publish``.

``cast`` goes through the real ballot box (the code becomes a credential,
the choices an encrypted, proven, signed ballot) and prints the receipt
as one JSON object; its exit status tells scripts what happened:
0 accepted (or spoiled with --spoil), 3 already voted, 4 not eligible,
5 polls closed, 6 invalid ballot.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ballot.box import Accepted, BallotBox, CastResult, Spoiled, SpoilResult, exit_status
from ballot.encrypt import InvalidSelection, PreparedBallot, encrypt_ballot
from ballot.manifest_model import Election
from ballot.polls import close_polls, open_polls
from ballot.record import publish_record
from ballot.selection import Selection
from ballot.storage import Store, load_election
from ballot.storage.record_files import load_record_file
from crypto.codes import credential_keypair
from crypto.errors import InvalidCode
from tally.cli._common import EXIT_OK, CliError, add_db_option, open_store, unlock_board
from tally.results import RESULTS_FILE, parse_results
from tally.results_pdf import render_results_pdf

EXIT_NOT_ELIGIBLE = 4
EXIT_INVALID = 6


def register(commands: Any) -> None:
    """Add ``polls``, ``cast`` and ``publish``."""
    polls = commands.add_parser("polls", help="open or close the polls (signed bulletin-board entries)")
    polls.add_argument("action", choices=("open", "close"))
    add_db_option(polls)
    polls.set_defaults(handler=polls_cmd)
    p = commands.add_parser(
        "cast", help="cast (or --spoil) a ballot through the real ballot box; prints the receipt as JSON",
        epilog="exit status: 0 accepted (or spoiled), 3 already voted, 4 not eligible, 5 polls closed, "
               "6 invalid ballot, 1 other errors")
    p.add_argument("--code", required=True, help="the voting code (typed form; hyphens and case are forgiven)")
    p.add_argument("--choices", default="", metavar="ID,ID", help="picked project ids (approval, knapsack)")
    p.add_argument("--points", default="", metavar="ID=P,...", help="points per project (cumulative ballots)")
    p.add_argument("--district", help="the district (needed when the election has several)")
    p.add_argument("--spoil", action="store_true",
                   help="check this ballot instead of casting it (Benaloh): it is published with its secrets "
                        "and the code stays usable")
    p.add_argument("--server", metavar="URL",
                   help="cast through a remote ballot box ('pbvote serve', e.g. https://vote.example.org:8443): "
                        "the ballot is encrypted here and the receipt's signature checked before it is printed")
    p.add_argument("--fingerprint", metavar="HEX",
                   help="with --server: the election fingerprint to insist on (64 hex digits or the short form "
                        "on the code letter); without it the served election's fingerprint is printed on stderr")
    add_db_option(p)
    p.set_defaults(handler=cast_cmd)
    p = commands.add_parser("publish", help="write the election record directory (and DIR.zip)")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    add_db_option(p)
    p.set_defaults(handler=publish_cmd)


def polls_cmd(args: argparse.Namespace) -> int:
    """Open or close the polls."""
    store = open_store(args)
    try:
        key = unlock_board(store)
        with store.write() as s:
            position = open_polls(s, key) if args.action == "open" else close_polls(s, key)
    finally:
        store.close()
    print(f"polls {'opened' if args.action == 'open' else 'closed'}: board entry {position}")
    return EXIT_OK


def _parse_points(text: str) -> dict[str, int]:
    points: dict[str, int] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        project, sep, value = item.partition("=")
        if not sep or not value.strip().lstrip("-").isdigit():
            raise CliError(f"--points: {item!r} must look like ID=P", EXIT_INVALID)
        points[project.strip()] = int(value)
    return points


def _district(election: Election, given: str | None) -> str:
    if given is not None:
        return given
    if len(election.districts) == 1:
        return election.districts[0].id
    ids = ", ".join(d.id for d in election.districts)
    raise CliError(f"--district is needed: this election has several districts ({ids})", EXIT_INVALID)


def _result_json(result: CastResult | SpoilResult) -> dict[str, Any]:
    if isinstance(result, Accepted):
        return {"result": "accepted", "duplicate": result.duplicate, **result.receipt.to_json()}
    if isinstance(result, Spoiled):
        return {"result": "spoiled", "choices": dict(result.choices), **result.receipt.to_json()}
    names = {3: "already_voted", 4: "not_eligible", 5: "polls_closed", 6: "invalid_ballot"}
    out: dict[str, Any] = {"result": names[exit_status(result)]}
    for name in ("reason", "state"):
        if hasattr(result, name):
            out[name] = getattr(result, name)
    return out


_MESSAGES = {3: "this voting code has already been used to vote", 4: "not eligible",
             5: "the polls are not open", 6: "invalid ballot"}


def _prepare(args: argparse.Namespace, election: Election, public_key: bytes) -> PreparedBallot:
    """The code's credential and the choices, encrypted and proven here (never on a server)."""
    try:
        credential_key, _ = credential_keypair(args.code, election.fingerprint)
    except InvalidCode as exc:
        raise CliError(f"--code: {exc}", EXIT_NOT_ELIGIBLE) from None
    picks = frozenset(filter(None, (c.strip() for c in args.choices.split(","))))
    selection = Selection(_district(election, args.district), picks, _parse_points(args.points))
    try:
        return encrypt_ballot(election, public_key, selection, credential_key)
    except InvalidSelection as exc:
        raise CliError(f"invalid ballot: {exc}", EXIT_INVALID) from None


def _cast_remote(args: argparse.Namespace) -> CastResult | SpoilResult:
    """--server: fetch and check the election, encrypt locally, send, check the receipt (ballot/remote.py)."""
    from ballot.manifest_model import short_fingerprint
    from ballot.remote import RemoteBallotBox
    from ballot.service.errors import ElectionMismatch, ForgedReceipt, RemoteError

    try:
        box = RemoteBallotBox(args.server, args.fingerprint)
        if args.fingerprint is None:
            print(f"pbvote: election fingerprint {short_fingerprint(box.fingerprint)} ({box.fingerprint.hex()}): "
                  "compare it with the one on your code letter", file=sys.stderr)
        prepared = _prepare(args, box.election, box.public_key)
        data = prepared.to_bytes()
        return box.spoil(data, prepared.values, prepared.nonces) if args.spoil else box.cast(data)
    except ValueError as exc:
        if isinstance(exc, ElectionMismatch | ForgedReceipt):
            raise CliError(str(exc)) from None
        raise CliError(f"--server: {exc}", 2) from None
    except RemoteError as exc:
        raise CliError(str(exc)) from None


def cast_cmd(args: argparse.Namespace) -> int:
    """Encrypt the choices for the code's credential and cast or spoil them."""
    if args.fingerprint is not None and args.server is None:
        raise CliError("--fingerprint goes with --server", 2)
    if args.server is not None:
        result = _cast_remote(args)
    else:
        store = open_store(args)
        try:
            box = BallotBox(store, unlock_board(store))
            prepared = _prepare(args, box.election, box.public_key)
            data = prepared.to_bytes()
            result = box.spoil(data, prepared.values, prepared.nonces) if args.spoil else box.cast(data)
        finally:
            store.close()
    print(json.dumps(_result_json(result), ensure_ascii=False, sort_keys=True))
    status = exit_status(result)
    if status:
        detail = getattr(result, "reason", None) or getattr(result, "state", None)
        print(f"pbvote: {_MESSAGES[status]}{f': {detail}' if detail else ''}", file=sys.stderr)
    return status


def publish_cmd(args: argparse.Namespace) -> int:
    """Write the election record."""
    store = open_store(args)
    try:
        key = unlock_board(store)
        record = publish_record(store, args.out, key, progress=lambda line: print(line, flush=True))
        reports = _write_results_reports(store, record.directory)
    finally:
        store.close()
    print(f"election record: {record.directory} ({record.entries} board entries, {record.ballots} ballots, "
          f"{record.spoiled} spoiled); zip: {record.zip_path}")
    for path in reports:
        print(f"results report: {path}")
    return EXIT_OK


def _write_results_reports(store: Store, directory: Path) -> list[Path]:
    """Render the signed results, if any, as ``DIR-results-<lang>.pdf`` beside the record, one per language."""
    with store.read() as s:
        data = load_record_file(s, RESULTS_FILE)
        election = load_election(s)
    if data is None:
        return []
    results = parse_results(data)
    paths = []
    for lang in election.languages:
        path = directory.with_name(f"{directory.name}-results-{lang}.pdf")
        tmp = path.with_name(f".{path.name}.partial")
        tmp.write_bytes(render_results_pdf(results, election, lang))
        tmp.replace(path)
        paths.append(path)
    return paths
