"""One honest demo record per test session, copied for each test that tampers with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tally.cli import main


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pbvote demo --voters 20``: 20 cast ballots, one spoiled, receipts as PDFs."""
    out = tmp_path_factory.mktemp("verify_demo")
    assert 0 == main(["demo", "--voters", "20", "--out", str(out)])
    return out


@pytest.fixture
def record(demo_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the demo record, free to tamper with."""
    return Path(shutil.copytree(demo_dir / "record", tmp_path / "record"))
