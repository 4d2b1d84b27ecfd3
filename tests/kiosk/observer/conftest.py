"""One ``pbvote demo --voters 5`` record per test session for the observer screen's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tally.cli import main


@pytest.fixture(scope="session")
def observer_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's output folder: record/, record.zip, receipts/*.pdf (5 cast ballots, tallied)."""
    out = tmp_path_factory.mktemp("observer_demo")
    assert 0 == main(["demo", "--voters", "5", "--out", str(out)])
    assert (out / "record.zip").is_file() and (out / "record" / "results.json").is_file()
    return out


@pytest.fixture
def tampered_record(observer_demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo record whose results.json claims one more vote for the first project."""
    import json

    record = Path(shutil.copytree(observer_demo / "record", tmp_path / "record"))
    results = json.loads((record / "results.json").read_bytes())
    results["districts"][0]["counts"][0]["count"] += 1
    (record / "results.json").write_text(json.dumps(results, separators=(",", ":"), sort_keys=True,
                                                    ensure_ascii=False), encoding="utf-8")
    return record
