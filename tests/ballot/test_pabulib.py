"""Tests of the .pb reader and writer against every real pabulib file and malformed inputs."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ballot.errors import PabulibError
from ballot.pabulib import PbFile, PbProject, PbVote, dumps_pb, loads_pb, read_pb, write_pb


def pabulib_dir() -> Path:
    """The folder of real .pb files: PBVOTE_PABULIB_DIR, else ../shared/data/pabulib."""
    env = os.environ.get("PBVOTE_PABULIB_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "data" / "pabulib"


PB_FILES = sorted(pabulib_dir().glob("*.pb"))


@pytest.mark.parametrize("path", PB_FILES, ids=[p.stem for p in PB_FILES])
def test_real_file_parses_and_round_trips(path: Path, tmp_path: Path) -> None:
    pb = read_pb(path)
    assert int(pb.meta["num_projects"]) == len(pb.projects)
    assert int(pb.meta["num_votes"]) == len(pb.votes)
    assert pb.budget > 0
    counted = Counter(pid for vote in pb.votes for pid in vote.projects)
    assert [p.votes for p in pb.projects] == [counted[p.id] for p in pb.projects]
    assert pb == loads_pb(dumps_pb(pb))
    out = tmp_path / path.name
    write_pb(pb, out)
    assert pb == read_pb(out)


def test_folder_is_there() -> None:
    assert len(PB_FILES) >= 8, f"expected the pabulib files in {pabulib_dir()}"


def test_quoted_fields_and_points() -> None:
    pb = read_pb(pabulib_dir() / "Poland_Czestochowa_2025_Bleszno.pb")
    assert "cumulative" == pb.vote_type
    assert all(v.points is not None and len(v.points) == len(v.projects) for v in pb.votes)
    lodz = read_pb(pabulib_dir() / "Poland_Lodz_2022.pb")
    names = {p.id: p.name for p in lodz.projects}
    assert names["L111"].endswith('"Strefa Kurtyn Wodnych"')
    assert 90494 == len(lodz.votes)


GOOD = """META
key;value
budget;100
vote_type;approval
PROJECTS
project_id;cost;votes;name;selected
a;60;2;"Park; big";1
b;40.0;1;Bench;0
VOTES
voter_id;vote;age
v1;a,b;30
v2;a;
"""


def test_small_file_fields() -> None:
    pb = loads_pb(GOOD)
    assert 100 == pb.budget
    assert (PbProject("a", 60, "Park; big", 2, True), PbProject("b", 40, "Bench", 1, False)) == (
        pb.projects
    )
    assert (
        PbVote("v1", ("a", "b"), None, {"age": "30"}),
        PbVote("v2", ("a",), None, {"age": ""}),
    ) == (pb.votes)
    assert pb == loads_pb(dumps_pb(pb))


def _bad(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


MALFORMED = [
    (_bad("a;60;2", "a;6x;2"), ":7: PROJECTS cost", "must be an integer"),
    (_bad("a;60;2", "a;60.5;2"), ":7: PROJECTS cost", "'60.5'"),
    (_bad("a;60;2", "a;-60;2"), ":7: PROJECTS cost", "negative"),
    (_bad("v1;a,b;30", "v1;a,zz;30"), ":11: VOTES vote", "unknown project 'zz'"),
    (_bad("v1;a,b;30", "v1;a,a;30"), ":11: VOTES vote", "twice"),
    (_bad("budget;100", "budget;100.5"), ":10: META budget", "integer"),
    (_bad("budget;100\n", ""), ":9: META budget", "missing"),
    (_bad("b;40.0;1;Bench;0", "a;40;1;Bench;0"), ":8: PROJECTS project_id", "duplicate"),
    (_bad("v2;a;", "v1;a;"), ":12: VOTES voter_id", "duplicate"),
    (_bad("b;40.0;1;Bench;0", "b;40;1;Bench"), ":8: PROJECTS row", "4 fields"),
    (_bad("Bench;0", "Bench;yes"), ":8: PROJECTS selected", "'yes'"),
    (_bad("b;40.0;1;", "b;40;x;"), ":8: PROJECTS votes", "integer"),
    (_bad("project_id;cost", "project_id;price"), ":6: PROJECTS cost", "required column"),
    (GOOD[: GOOD.index("VOTES")], ":8: VOTES section", "missing"),
    (_bad("META\n", ""), ":1: META section", "must start with META"),
]


@pytest.mark.parametrize(("text", "where", "what"), MALFORMED)
def test_malformed_input_names_line_and_field(text: str, where: str, what: str) -> None:
    with pytest.raises(PabulibError) as info:
        loads_pb(text, source="bad.pb")
    message = str(info.value)
    assert message.startswith("bad.pb:"), message
    assert where in message, message
    assert what in message, message


POINTS = """META
key;value
budget;10
vote_type;cumulative
PROJECTS
project_id;cost
a;5
b;5
VOTES
voter_id;vote;points
1;a,b;3,2
2;a;{points}
"""


@pytest.mark.parametrize(
    ("points", "where", "what"),
    [("3,1", ":12: VOTES points", "2 values for 1 projects"), ("x", ":12: VOTES points", "'x'")],
)
def test_bad_points(points: str, where: str, what: str) -> None:
    with pytest.raises(PabulibError, match=what) as info:
        loads_pb(POINTS.format(points=points), source="p.pb")
    assert where in str(info.value)


def test_cumulative_needs_points_column() -> None:
    text = POINTS.replace("voter_id;vote;points", "voter_id;vote").replace(";3,2", "")
    with pytest.raises(PabulibError, match=r":10: VOTES points: column is required"):
        loads_pb(text.replace("2;a;{points}", "2;a"), source="p.pb")


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.pb"
    path.write_text(_bad("a;60;2", "a;6x;2"), encoding="utf-8")
    with pytest.raises(PabulibError, match=r"^broken\.pb:7: PROJECTS cost"):
        read_pb(path)


_ids = st.text("abcXYZ019-_.", min_size=1, max_size=6)
_free = st.text(st.characters(codec="utf-8"), max_size=12)


@st.composite
def pb_files(draw: st.DrawFn) -> PbFile:
    """Random well-formed PbFiles with awkward names (quotes, ;, commas, newlines)."""
    ids = draw(st.lists(_ids, min_size=1, max_size=5, unique=True))
    projects = tuple(
        PbProject(
            pid,
            draw(st.integers(0, 10**9)),
            draw(_free),
            draw(st.integers(0, 99)),
            draw(st.booleans()),
            {"note": draw(_free)},
        )
        for pid in ids
    )
    votes = []
    for number in range(draw(st.integers(0, 6))):
        chosen = tuple(draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids))))
        points = tuple(draw(st.integers(0, 9)) for _ in chosen)
        votes.append(PbVote(f"v{number}", chosen, points, {"sex": draw(_free)}))
    meta = {"budget": str(draw(st.integers(0, 10**12))), "comment": draw(_free)}
    return PbFile(meta, projects, tuple(votes))


@settings(max_examples=150, deadline=None)
@given(pb_files())
def test_round_trip_property(pb: PbFile) -> None:
    assert pb == loads_pb(dumps_pb(pb))
