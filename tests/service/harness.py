"""Service instances for the tests and the benchmark: real ``pbvote serve`` processes on loopback ports.

Each instance is the command officials run (``python -m tally.cli serve``),
so the tests cover the command line, uvicorn and the app together.  Their
stderr (the JSON access log) goes to a file the tests read back.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.ballot.box_setup import BOARD_PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Instance:
    """One running ``pbvote serve``."""

    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def access_lines(self) -> list[dict[str, Any]]:
        """The JSON access-log lines written so far (other stderr lines skipped)."""
        lines = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("{"):
                lines.append(json.loads(line))
        return lines

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def start_instance(db_url: str, log: Path, *extra: str, name: str = "test") -> Instance:
    """Start ``pbvote serve`` on a free loopback port and wait until /v1/health answers."""
    port = free_port()
    env = {**os.environ, "PBVOTE_BOARD_PASSPHRASE": BOARD_PASSPHRASE}
    err = open(log, "wb")  # noqa: SIM115  # the child owns it from here
    proc = subprocess.Popen([sys.executable, "-m", "tally.cli", "--db", db_url, "serve", "--listen",
                             f"127.0.0.1:{port}", "--instance", name, *extra],
                            stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=REPO)
    err.close()
    instance = Instance(proc, port, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"pbvote serve exited with {proc.returncode}: {log.read_text(errors='replace')}")
        try:
            status, _ = request(instance.url, "GET", "/v1/health")
            if status == 200:
                return instance
        except OSError:
            pass
        time.sleep(0.1)
    instance.stop()
    raise RuntimeError("pbvote serve did not answer within 60 s")


def request(url: str, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
            source: str | None = None, timeout: float = 30) -> tuple[int, dict[str, Any]]:
    """One raw request (no retries, no checks): status and JSON body ({} if none)."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        raw = response.read()
        try:
            value = json.loads(raw) if raw else {}
        except ValueError:
            value = {"raw": raw.decode(errors="replace")}
        return response.status, value
    finally:
        conn.close()
