"""Every real pabulib election imports to a manifest that validates and round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.manifest import load_manifest
from ballot.manifest_model import District
from ballot.pabulib import read_pb
from ballot.pabulib_manifest import import_pb

PABULIB = Path(__file__).resolve().parents[3] / "shared" / "data" / "pabulib"  # also the pabulib_dir fixture
FILES = sorted(PABULIB.glob("*.pb"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_import_validates_and_keeps_projects_costs_budget(path: Path, tmp_path: Path) -> None:
    pb = read_pb(path)
    out = tmp_path / "manifest.toml"
    election = import_pb(pb, path, out)
    assert election.fingerprint == load_manifest(out).fingerprint
    assert [p.id for p in pb.projects] == [p.id for p in election.projects]
    assert [p.cost for p in pb.projects] == [p.cost for p in election.projects]
    assert int(float(pb.meta["budget"])) == election.districts[0].budget


def test_rules_and_ballots_follow_the_file(tmp_path: Path) -> None:
    def district(name: str) -> District:
        pb = read_pb(PABULIB / name)
        return import_pb(pb, PABULIB / name, tmp_path / f"{name}.toml").districts[0]

    gdynia = district("Poland_Gdynia_2020_Babie_Doly__large.pb")
    assert ("greedy-no-skip", 50, 1, 3) == (gdynia.outcome.rule, gdynia.outcome.threshold,
                                           gdynia.ballot.min_picks, gdynia.ballot.max_picks)
    czesto = district("Poland_Czestochowa_2025_Bleszno.pb")
    assert ("cumulative", 10, "greedy-threshold", 300) == (czesto.ballot.type, czesto.ballot.points,
                                                         czesto.outcome.rule, czesto.outcome.threshold)
    assen = district("Netherlands_Assen_2024.pb")
    assert ("equal-shares", "add1", "none", "EUR") == (assen.outcome.rule, assen.outcome.completion,
                                                       assen.outcome.fill, assen.currency)
