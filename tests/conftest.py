"""Shared fixtures: database URLs for both engines, a real PostgreSQL server."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_server import PgUnavailable, create_database, running_postgres

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Secrets sealed by tests use the 64 MiB Argon2id cost (files record their own cost; readers accept both).
os.environ.setdefault("PBVOTE_KDF", "interactive")

REPO = Path(__file__).resolve().parents[1]
_db_counter = itertools.count()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server started for this test session (superuser URL)."""
    try:
        with running_postgres() as url:
            yield url
    except PgUnavailable as exc:
        if in_ci():
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(str(exc))


@pytest.fixture
def pg_url(postgres_server: str) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    return create_database(postgres_server, f"t{os.getpid()}_{next(_db_counter)}")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh empty database on each engine pbvote supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'pbvote.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(scope="session")
def pabulib_dir() -> Path:
    """The real pabulib elections in ../shared/data/pabulib (or $PBVOTE_PABULIB_DIR)."""
    folder = Path(os.environ.get("PBVOTE_PABULIB_DIR", REPO.parent / "shared" / "data" / "pabulib"))
    if not any(folder.glob("*.pb")):
        if in_ci():
            pytest.fail(f"no .pb files in {folder}")
        pytest.skip(f"no .pb files in {folder}")
    return folder
