"""One honest demo record with a tally per test session, copied for each test that tampers with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tally.cli import main

DEMO_PASSPHRASE = "demo only: not a secret"
"""Every passphrase of ``pbvote demo`` (tally/cli/_demo.py)."""
TALLY_FILES = ("tally.json", "results.json", "decryptions")


def _add_tally(out: Path) -> None:
    """The steps after ``pbvote demo``: trustees 1 and 2 decrypt, the tally is signed, the record republished.

    Only run when the demo's record has no results.json (the demo may come to do these steps itself).
    """
    db = f"sqlite:///{(out / 'pbvote.sqlite3').resolve()}"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PBVOTE_PASSPHRASE", DEMO_PASSPHRASE)
        env.setenv("PBVOTE_BOARD_PASSPHRASE", DEMO_PASSPHRASE)
        for j in (1, 2):
            assert 0 == main(["trustees", "decrypt", "--share", str(out / "trustees" / f"trustee-{j}.share"),
                              "--db", db])
        assert 0 == main(["tally", "--db", db])
        assert 0 == main(["publish", "--out", str(out / "record"), "--db", db])


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pbvote demo --voters 20`` and its tally: 20 cast ballots, one spoiled, receipts as PDFs, results."""
    out = tmp_path_factory.mktemp("verify_demo")
    assert 0 == main(["demo", "--voters", "20", "--out", str(out)])
    if not (out / "record" / "results.json").exists():
        _add_tally(out)
    assert (out / "record" / "results.json").exists()
    return out


@pytest.fixture(scope="session")
def untallied_dir(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo record as published before the tally: the same files without the tally's (spec section 36)."""
    record = Path(shutil.copytree(demo_dir / "record", tmp_path_factory.mktemp("untallied") / "record"))
    for name in TALLY_FILES:
        path = record / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return record


@pytest.fixture
def record(demo_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the demo record, free to tamper with."""
    return Path(shutil.copytree(demo_dir / "record", tmp_path / "record"))
