"""Running the service under uvicorn: one process, or N worker processes on one port.

With ``workers == 1`` the app is built here, in the process that already
unlocked the ballot-box key.  With more, uvicorn starts worker processes
that each import ``worker_app`` (a factory): they read the database URL
and the limits from the environment and unlock the key themselves with
``$PBVOTE_BOARD_PASSPHRASE`` (the key never travels between processes).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import uvicorn
from starlette.applications import Starlette

from ballot.authority import unlock_board_key
from ballot.service.access import ACCESS_LOGGER
from ballot.service.app import create_app
from ballot.service.limits import ServiceLimits
from ballot.storage import Store
from crypto.signatures import SigningKey

__all__ = ["LIMITS_ENV", "Listen", "configure_access_log", "serve", "worker_app"]

LIMITS_ENV: Final = "PBVOTE_SERVE_LIMITS"
DB_ENV: Final = "PBVOTE_DB"
PASSPHRASE_ENV: Final = "PBVOTE_BOARD_PASSPHRASE"
CONCURRENCY_LIMIT: Final = 512
"""Open connections per process beyond which uvicorn answers 503 at once instead of queueing."""


@dataclass(frozen=True, slots=True)
class Listen:
    """Where to listen and with which TLS certificate (both files or neither)."""

    host: str
    port: int
    tls_cert: Path | None = None
    tls_key: Path | None = None

    @property
    def url(self) -> str:
        """The base URL clients use."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if self.tls_cert else 'http'}://{host}:{self.port}"


def configure_access_log() -> None:
    """Send the JSON access lines to stderr, one per request, nothing else on that logger."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def worker_app() -> Starlette:
    """uvicorn's factory in each worker process (environment: database URL, limits, passphrase)."""
    configure_access_log()
    store = Store(os.environ[DB_ENV])
    limits = ServiceLimits(**json.loads(os.environ.get(LIMITS_ENV, "{}")))
    with store.read() as s:
        key = unlock_board_key(s, os.environ[PASSPHRASE_ENV])
    return create_app(store, key, limits=limits)


def serve(store: Store, key: SigningKey, listen: Listen, *, workers: int = 1, limits: ServiceLimits | None = None,
          instance: str | None = None, passphrase: str | None = None) -> None:
    """Serve until interrupted.

    Args:
        store: the election's database (already checked to be current).
        key: the unlocked ballot-box key.
        listen: address, port and TLS files.
        workers: uvicorn worker processes (each a full, stateless instance).
        limits: the abuse limits (default ServiceLimits()).
        instance: the name in the access logs (one process only; workers use host:pid).
        passphrase: the key's passphrase, handed to worker processes through their environment.
    """
    limits = limits or ServiceLimits()
    configure_access_log()
    common: dict[str, object] = {
        "host": listen.host, "port": listen.port, "access_log": False, "log_level": "warning",
        "server_header": False, "date_header": True, "timeout_keep_alive": 5, "timeout_graceful_shutdown": 10,
        "limit_concurrency": CONCURRENCY_LIMIT, "proxy_headers": False,
        "ssl_certfile": str(listen.tls_cert) if listen.tls_cert else None,
        "ssl_keyfile": str(listen.tls_key) if listen.tls_key else None,
    }
    if workers <= 1:
        app = create_app(store, key, limits=limits, instance=instance)
        uvicorn.Server(uvicorn.Config(app, **common)).run()  # type: ignore[arg-type]
        return
    os.environ[DB_ENV] = store.engine.url.render_as_string(hide_password=False)
    os.environ[LIMITS_ENV] = json.dumps(dataclasses.asdict(limits))
    if passphrase is not None:
        os.environ[PASSPHRASE_ENV] = passphrase
    store.close()
    uvicorn.run("ballot.service.run:worker_app", factory=True, workers=workers, **common)  # type: ignore[arg-type]
