"""A throwaway PostgreSQL server for the test session (initdb + pg_ctl on loopback).

Storage tests run against a real server, never a mock.  In CI a missing
server is a failure; on a developer machine without PostgreSQL the tests
skip with the reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN_ENV = "PBVOTE_PG_BIN"


class PgUnavailable(RuntimeError):
    """PostgreSQL server binaries are not installed here."""


def find_pg_bin() -> Path:
    """Locate the folder holding initdb, pg_ctl and postgres."""
    candidates = []
    if os.environ.get(PG_BIN_ENV):
        candidates.append(os.environ[PG_BIN_ENV])
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).parent))
    for folder in candidates:
        if all((Path(folder) / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    raise PgUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install the 'postgresql' package")


def _version_key(path: str) -> int:
    try:
        return int(Path(path).parent.name)
    except ValueError:
        return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user() -> tuple[list[str], str | None]:
    """PostgreSQL refuses to run as root: run it as 'postgres' (or 'nobody') then."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], name
    raise PgUnavailable("running as root and no unprivileged user (postgres, nobody) exists to run PostgreSQL")


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start a private server; yield a superuser URL; stop and delete it afterwards."""
    bindir = find_pg_bin()
    prefix, user = _as_user()
    root = Path(tempfile.mkdtemp(prefix="pbvote-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if user is not None:
        os.chmod(root, 0o755)
        shutil.chown(root, user)
        shutil.chown(sock, user)
    port = _free_port()
    run = subprocess.run
    try:
        run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "pbvote", "--auth=trust",
             "--encoding=UTF8", "--locale=C.UTF-8", "-N"], check=True, capture_output=True)
        opts = f"-c listen_addresses=127.0.0.1 -c port={port} -k {sock} -c fsync=off -c max_connections=200"
        run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"),
             "-w", "-t", "60", "start"], check=True, capture_output=True)
        try:
            _wait_ready(port)
            yield f"postgresql://pbvote@127.0.0.1:{port}/postgres"
        finally:
            run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True)
    except subprocess.CalledProcessError as exc:
        log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
        raise RuntimeError(f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')}\n{log}") from None
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("PostgreSQL did not start listening within 30 s")


def create_database(server_url: str, name: str) -> str:
    """Create an empty database on the server and return its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
