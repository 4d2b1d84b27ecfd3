"""``pbvote audit show`` and ``pbvote officials passphrase``: the officials' audit log and passphrases.

``audit show`` prints the log officials and auditors read (``--json`` for
machines: one canonical JSON entry per line, as in the record's
``audit.jsonl``).  ``officials passphrase`` sets the passphrase the
officials' console asks for (typed twice, or ``$PBVOTE_OFFICIALS_PASSPHRASE``
for scripts); it is stored only as an Argon2id hash.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ballot.audit import AuditEntry, read_audit_log
from ballot.officials import MIN_PASSPHRASE, PASSPHRASE_ROLES, set_passphrase
from tally.cli._common import EXIT_OK, CliError, add_db_option, open_store, read_passphrase

OFFICIALS_PASSPHRASE_ENV = "PBVOTE_OFFICIALS_PASSPHRASE"


def register(commands: Any) -> None:
    """Add the ``audit`` and ``officials`` command groups."""
    audit = commands.add_parser("audit", help="the officials' audit log (every official action, hash-chained)")
    sub = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("show", help="print the audit log, oldest first",
                       description="Print every entry of the officials' audit log: index, time (UTC), role, "
                                   "event, disposition and details. It never holds a code, passphrase, key or "
                                   "selection, and no per-voter event.")
    p.add_argument("--json", action="store_true", help="one canonical JSON entry per line (as audit.jsonl)")
    add_db_option(p)
    p.set_defaults(handler=show_cmd)
    officials = commands.add_parser("officials", help="officials' and attendants' passphrases for the console")
    sub = officials.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("passphrase", help="set a role's passphrase (stored as an Argon2id hash)",
                       description=f"Set the passphrase the officials' console asks for (at least {MIN_PASSPHRASE} "
                                   f"characters), typed twice or from ${OFFICIALS_PASSPHRASE_ENV}. Setting it "
                                   "clears failed attempts and any lockout; it is recorded in the audit log "
                                   "(never the passphrase).")
    p.add_argument("--role", choices=PASSPHRASE_ROLES, default="official")
    add_db_option(p)
    p.set_defaults(handler=passphrase_cmd)


def describe(entry: AuditEntry) -> str:
    """One human-readable line of an entry."""
    details = " ".join(f"{k}={v}" for k, v in sorted(entry.details.items()) if k != "reason")
    reason = entry.details.get("reason")
    mark = "" if entry.disposition == "success" else " REFUSED/FAILED"
    line = f"{entry.index:>5}  {entry.at}  {entry.role:<9} {entry.event}{mark}"
    if details:
        line += f"  {details}"
    if reason is not None:
        line += f"  ({reason})"
    return line


def show_cmd(args: argparse.Namespace) -> int:
    """Print the audit log."""
    store = open_store(args)
    try:
        with store.read() as s:
            entries = read_audit_log(s)
    finally:
        store.close()
    if args.json:
        for entry in entries:
            sys.stdout.write(entry.to_line().decode("utf-8"))
        return EXIT_OK
    if not entries:
        print("the audit log is empty")
    for entry in entries:
        print(describe(entry))
    return EXIT_OK


def passphrase_cmd(args: argparse.Namespace) -> int:
    """Set a role's passphrase."""
    store = open_store(args)
    try:
        passphrase = read_passphrase(OFFICIALS_PASSPHRASE_ENV, f"the {args.role}s' console", confirm=True)
        if len(passphrase.strip()) < MIN_PASSPHRASE:
            raise CliError(f"the {args.role}s' passphrase needs at least {MIN_PASSPHRASE} characters; nothing was set")
        with store.write() as s:
            set_passphrase(s, args.role, passphrase)
    finally:
        store.close()
    print(f"the {args.role}s' passphrase is set (stored as an Argon2id hash); failed attempts and lockouts cleared")
    return EXIT_OK
