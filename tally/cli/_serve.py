"""``pbvote serve``: the ballot box as an HTTP service for library kiosks and home desktops (docs/spec.md 37).

The service runs the very BallotBox that ``pbvote cast`` and the kiosk run
in-process; this command only opens the database, unlocks the ballot-box
key (``$PBVOTE_BOARD_PASSPHRASE`` or typed) and starts uvicorn.  The server
stack is the optional ``serve`` extra: the command says how to install it
when it is missing, and clients never need it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tally.cli._common import (
    BOARD_PASSPHRASE_ENV,
    EXIT_OK,
    CliError,
    add_db_option,
    existing_file,
    open_store,
    read_passphrase,
)

__all__ = ["register"]


def _listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r}: expected HOST:PORT, e.g. 127.0.0.1:8443")
    return host, int(port)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a positive whole number")
    return int(text)


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a positive number")
    return value


def register(commands: Any) -> None:
    """Add ``serve``."""
    p = commands.add_parser(
        "serve", help="run the ballot box as an HTTP service (PostgreSQL; several instances may share it)",
        description="Serve the election's ballot box over HTTP (API under /v1, docs/spec.md section 37). "
                    "The ballot-box key is unlocked with $PBVOTE_BOARD_PASSPHRASE or a typed passphrase. "
                    "Access logs are JSON lines on stderr (no codes, ballots or choices).",
        epilog="exit status: 0 stopped cleanly, 1 error (database, key, port, TLS files), 2 bad command line")
    p.add_argument("--listen", type=_listen, required=True, metavar="HOST:PORT",
                   help="address and port to listen on, e.g. 0.0.0.0:8443")
    p.add_argument("--tls-cert", type=existing_file, metavar="C", help="TLS certificate chain (PEM)")
    p.add_argument("--tls-key", type=existing_file, metavar="K", help="TLS private key (PEM)")
    p.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="worker processes on this port (default 1); each is a full, stateless instance")
    p.add_argument("--instance", metavar="NAME", help="this instance's name in the access logs")
    p.add_argument("--rate-per-ip", type=_rate, metavar="R",
                   help="requests per second one client address may sustain, per instance (default 50)")
    p.add_argument("--burst-per-ip", type=_rate, metavar="B",
                   help="requests one client address may send at once, per instance (default 100)")
    add_db_option(p)
    p.set_defaults(handler=serve_cmd)


def serve_cmd(args: argparse.Namespace) -> int:
    """Open the database, unlock the key, serve until interrupted."""
    if (args.tls_cert is None) != (args.tls_key is None):
        raise CliError("--tls-cert and --tls-key go together", 2)
    try:
        from ballot.service.limits import ServiceLimits
        from ballot.service.run import Listen, serve
    except ImportError as exc:
        raise CliError(f"pbvote serve needs the server stack ({exc.name}): pip install 'pbvote[serve]'") from None
    from ballot.authority import unlock_board_key
    from ballot.manifest_model import short_fingerprint
    from ballot.storage import load_election

    store = open_store(args)
    passphrase = read_passphrase(BOARD_PASSPHRASE_ENV, "the ballot-box key", confirm=False)
    with store.read() as s:
        key = unlock_board_key(s, passphrase)
        election = load_election(s)
    if store.dialect != "postgresql" and args.workers > 1:
        raise CliError("--workers above 1 needs PostgreSQL (--db postgresql://...): SQLite has one writer")
    defaults = ServiceLimits()
    limits = ServiceLimits(ip_rate=args.rate_per_ip or defaults.ip_rate,
                           ip_burst=args.burst_per_ip or defaults.ip_burst)
    host, port = args.listen
    listen = Listen(host, port, Path(args.tls_cert) if args.tls_cert else None,
                    Path(args.tls_key) if args.tls_key else None)
    print(f"pbvote serve: election {short_fingerprint(election.fingerprint)} ({election.fingerprint_hex}) "
          f"at {listen.url}, {args.workers} worker(s), database {store.describe()}", file=sys.stderr, flush=True)
    serve(store, key, listen, workers=args.workers, limits=limits, instance=args.instance, passphrase=passphrase)
    return EXIT_OK
