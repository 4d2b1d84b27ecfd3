"""Real pabulib elections replayed through the ballot box reproduce the cities' winners (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.pabulib import read_pb
from crypto.codes import parse_code
from tally.pabulib_outcome import pabulib_outcome, pabulib_scores
from tally.replay import ReplayError, replay_pb, voter_codes

# The small greedy-type files; Warsaw Bemowo and Łódź are in bench/replay_bench.py.
GREEDY_FILES = (
    "Poland_Gdynia_2020_Babie_Doly__large",  # approval 1..3, greedy-no-skip, META threshold 50
    "Poland_Czestochowa_2025_Bleszno",  # cumulative (10 points), greedy-threshold 300
    "Poland_Krakow_2019_Bienczyce",  # ordinal: 3/2/1 points by rank, greedy
    "Poland_Poznan_2024_9_-_Stare_Miasto__small",  # choose-1, greedy-custom
)


@pytest.mark.slow  # every vote encrypted and verified: 10-30 s each on two free cores, Czestochowa ~60 s
@pytest.mark.parametrize("name", GREEDY_FILES)
def test_replay_reproduces_the_selected_column(name: str, pabulib_dir: Path, tmp_path: Path) -> None:
    path = pabulib_dir / f"{name}.pb"
    pb = read_pb(path)
    report = replay_pb(path, tmp_path / "out")

    assert {p.id for p in pb.projects if p.selected} == set(report.selected)
    assert report.matches_file is True
    plain = pabulib_outcome(pb)
    assert (plain.rule, plain.selected) == (report.rule, report.selected)  # what 'pabulib outcome' prints
    district = report.results.districts[0]
    assert len(pb.votes) == district.ballots == report.ballots
    # The decrypted counts are the city's own scores (ordinal: 3/2/1 points; cumulative: points).
    assert pabulib_scores(pb) == {c.project: c.count for c in district.counts}
    if "score" in pb.projects[0].extra:
        assert {p.id: int(p.extra["score"]) for p in pb.projects} == {c.project: c.count for c in district.counts}
    assert (tmp_path / "out" / "record" / "results.json").is_file()
    assert (tmp_path / "out" / "record.zip").is_file()


@pytest.mark.parametrize("name", ["Netherlands_Assen_2024", "Poland_Swiecie_2023"])
def test_equal_shares_is_refused_before_anything_is_written(name: str, pabulib_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ReplayError, match="Equal Shares, which needs individual ballots") as caught:
        replay_pb(pabulib_dir / f"{name}.pb", out)
    assert "pbvote pabulib outcome" in str(caught.value)
    assert not out.exists()


def test_voter_codes_are_valid_distinct_and_reproducible() -> None:
    codes = voter_codes(b"a .pb file", 500)
    assert codes == voter_codes(b"a .pb file", 500)
    assert len(set(codes)) == 500
    assert all(parse_code(c) == c for c in codes)
    assert codes[0] != voter_codes(b"another .pb file", 1)[0]
