"""``pbvote pabulib import|outcome|replay``: real pabulib elections in and out, and through the ballot box."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ballot.pabulib import read_pb
from ballot.pabulib_manifest import import_pb, rule_note
from tally.cli._common import EXIT_ERROR, EXIT_OK, CliError, existing_file
from tally.pabulib_outcome import PB_RULE_NAMES


def register(commands: Any) -> None:
    """Add the ``pabulib`` command group."""
    group = commands.add_parser("pabulib", help="import pabulib .pb files and compute their outcomes")
    sub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("import", help="write a pbvote manifest for a .pb file")
    p.add_argument("file", type=existing_file, metavar="FILE.pb")
    p.add_argument("--out", type=Path, required=True, metavar="MANIFEST.toml")
    p.set_defaults(handler=import_)
    p = sub.add_parser("outcome", help="compute the winners from the file's plaintext votes (one JSON line)")
    p.add_argument("file", type=existing_file, metavar="FILE.pb")
    p.add_argument("--rule", choices=PB_RULE_NAMES, metavar="RULE",
                   help=f"outcome rule (default: the file's META rule); one of: {', '.join(PB_RULE_NAMES)}")
    p.set_defaults(handler=outcome)
    p = sub.add_parser("replay", help="replay the file's votes through the real ballot box, tally and record "
                                      "(one JSON line, as 'outcome')")
    p.add_argument("file", type=existing_file, metavar="FILE.pb")
    p.add_argument("--out", type=Path, required=True, metavar="DIR",
                   help="output folder: database, trustee shares, manifest, record (nothing else there is "
                        "touched)")
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="continue an interrupted replay of the same file in DIR: cast only the votes not "
                            "cast yet, then tally and publish (starts afresh if DIR holds none)")
    again.add_argument("--restart", action="store_true", help="discard the replay in DIR and start afresh")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes that encrypt and cast (default: the CPUs available, at most 2)")
    p.add_argument("--progress-every", type=float, default=5.0, metavar="SECONDS",
                   help="seconds between progress lines while casting (default: 5)")
    p.set_defaults(handler=replay)


def import_(args: argparse.Namespace) -> int:
    """Convert a .pb file into a manifest and validate it."""
    pb = read_pb(args.file)
    election = import_pb(pb, args.file, args.out)
    print(f"{args.out}: {len(election.projects)} projects; election {election.id}, "
          f"fingerprint {election.fingerprint_hex}")
    note = rule_note(pb)
    if note:
        print(f"pbvote: note: {note}", file=sys.stderr)
    return EXIT_OK


def outcome(args: argparse.Namespace) -> int:
    """Print the outcome of a .pb file's votes under its rule (or --rule)."""
    from tally.pabulib_outcome import pabulib_outcome

    result = pabulib_outcome(read_pb(args.file), args.rule)
    print(json.dumps({"selected": list(result.selected), "rule": result.rule}))
    return EXIT_OK



def _phases(seconds: Mapping[str, float], cast: int) -> str:
    """``setup 2.0 s, cast 453.0 s for 2,928 ballots, 6.5 ballots/s, tally 814.0 s, publish 613.0 s``."""
    parts = []
    for phase in ("setup", "cast", "tally", "publish"):
        if phase in seconds:
            rate = (f" for {cast:,} ballots, {cast / max(seconds[phase], 1e-9):.1f} ballots/s"
                    if phase == "cast" and cast else "")
            parts.append(f"{phase} {seconds[phase]:.1f} s{rate}")
    return ", ".join(parts)


def replay(args: argparse.Namespace) -> int:
    """Replay a .pb file through pbvote; print the signed results' winners as 'outcome' would."""
    from tally.cli._signals import EXIT_INTERRUPTED, sigterm_as_interrupt
    from tally.replay import ReplayError, ReplayInterrupted, replay_pb

    if args.workers is not None and not 1 <= args.workers <= 64:
        raise CliError(f"--workers: must be 1..64, got {args.workers}")
    if not args.progress_every > 0:
        raise CliError(f"--progress-every: must be more than 0 seconds, got {args.progress_every}")

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        with sigterm_as_interrupt():
            report = replay_pb(args.file, args.out, workers=args.workers, progress=say, every=args.progress_every,
                               resume=args.resume, restart=args.restart)
    except ReplayInterrupted as exc:
        say(f"pbvote: {exc}; every accepted ballot is stored, nothing is half-written")
        say(f"pbvote: continue with: pbvote pabulib replay {shlex.quote(str(args.file))} "
            f"--out {shlex.quote(str(args.out))} --resume")
        return EXIT_INTERRUPTED
    except ReplayError as exc:
        raise CliError(str(exc)) from None
    print(json.dumps({"selected": list(report.selected), "rule": report.rule}))
    cast = report.ballots - report.resumed
    say(f"   replay of {report.ballots:,} ballots x {report.projects} projects took {report.seconds['total']:.1f} s "
        + (f"in this run, which cast {cast:,} " if report.resumed else "") + f"({_phases(report.seconds, cast)})")
    runs = report.runs
    if runs is not None and runs.runs > 1:
        say(f"   all {runs.runs} runs of this replay together: {runs.seconds.get('total', 0.0):.1f} s "
            f"({_phases(runs.seconds, runs.cast)})")
    if not report.matches_plaintext:
        say(f"replay: the signed results select {sorted(report.selected)} but rule {report.rule!r} on the "
            f"plaintext votes selects {sorted(report.plaintext)}: the manifest's rule "
            f"{report.results.districts[0].outcome.rule!r} does not express it")
        return EXIT_ERROR
    return EXIT_OK
