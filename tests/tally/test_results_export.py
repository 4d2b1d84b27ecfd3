"""
The CSV and pabulib exports read back to the signed counts; results.json round-trips and its signature binds.

Fixtures come from tests/tally/test_results_report.py (made-up counts on the
bundled sample manifests): greedy (taipei-daan, two districts), Equal Shares
(riverside-knapsack) and cumulative points (school-points).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io

import pytest

from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.pabulib import loads_pb
from ballot.pabulib_manifest import manifest_data
from ballot.pdf_common import PrintoutError
from ballot.samples import sample_manifest
from crypto.signatures import generate_signing_key
from tally.errors import InvalidResults
from tally.results import ProjectCount, Results, parse_results
from tally.results_export import COUNTS_ONLY_COMMENT, pb_counts, ranked, results_csv, results_pb
from tests.tally.test_results_report import DEMO_KEY, greedy_results, riverside, taipei


@functools.cache
def school() -> tuple[Election, Results]:
    election = load_manifest(sample_manifest("school-points"))
    return election, greedy_results(election, seed=11)


SAMPLES = [taipei, riverside, school]


@pytest.mark.parametrize("sample", SAMPLES)
def test_csv_reads_back(sample: object) -> None:
    """BOM first (Excel), then one row per project with its count, funded flag and rank."""
    assert callable(sample)
    election, results = sample()
    data = results_csv(results, election)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == ["district", "project", *(f"title_{lang}" for lang in election.languages), "cost",
                             "votes", "funded", "rank"]
    assert len(rows) == sum(len(d.counts) for d in results.districts)
    for row in rows:
        district = results.district(row["district"])
        project = next(p for p in election.projects if p.id == row["project"])
        assert int(row["votes"]) == district.count_of(row["project"])
        assert row["funded"] == ("yes" if row["project"] in district.outcome.selected else "no")
        assert int(row["cost"]) == project.cost
        for lang in election.languages:
            assert row[f"title_{lang}"] == project.title.get(lang)
    for district in results.districts:
        ranks = [int(r["rank"]) for r in rows if r["district"] == district.district]
        assert ranks[0] == 1 and ranks == sorted(ranks)


@pytest.mark.parametrize("sample", SAMPLES)
def test_pb_reimports_to_the_same_counts(sample: object) -> None:
    """Every district's .pb re-reads (ballot/pabulib.py) to the same counts, selected flags, budget, ballots."""
    assert callable(sample)
    election, results = sample()
    for district in results.districts:
        text = results_pb(results, election, district.district)
        pb = loads_pb(text, source=f"{district.district}.pb")
        assert pb.votes == ()  # counts only: never an individual vote
        assert pb.meta["comment"] == COUNTS_ONLY_COMMENT
        assert pb_counts(pb) == {c.project: c.count for c in district.counts}
        assert {p.id for p in pb.projects if p.selected} == set(district.outcome.selected)
        assert all(p.selected is not None for p in pb.projects)
        assert pb.budget == district.budget and int(pb.meta["num_votes"]) == district.ballots
        assert int(pb.meta["num_projects"]) == len(district.counts)
        assert pb.meta["election_fingerprint"] == election.fingerprint_hex
        assert loads_pb(text) == pb  # and deterministic text: dumps(loads(x)) is x
        spec = election.district(district.district)
        rebuilt = manifest_data(pb, name="export")  # the pabulib importer understands the ballot and rule
        assert rebuilt["districts"][0]["outcome"]["rule"] == spec.outcome.rule
        assert rebuilt["districts"][0]["ballot"]["type"] == ("cumulative" if spec.ballot.type == "cumulative"
                                                             else "approval")


def test_pb_cumulative_puts_points_in_score() -> None:
    election, results = school()
    pb = loads_pb(results_pb(results, election, "campus"))
    assert pb.vote_type == "cumulative" and all(p.votes is None for p in pb.projects)
    assert int(pb.meta["max_sum_points"]) == election.district("campus").ballot.points


def test_pb_names_in_every_language() -> None:
    election, results = taipei()
    pb = loads_pb(results_pb(results, election, "south"))
    first = election.projects_in("south")[0]
    row = next(p for p in pb.projects if p.id == first.id)
    assert row.name == first.title.get(election.languages[0])
    assert row.extra["name_en"] == first.title.get("en")


def test_exports_refuse_other_elections() -> None:
    election, results = taipei()
    other, _ = riverside()
    with pytest.raises(PrintoutError):
        results_csv(results, other)
    with pytest.raises(PrintoutError):
        results_pb(results, other, "north")
    with pytest.raises(KeyError):
        results_pb(results, election, "nowhere")
    bad = dataclasses.replace(results.districts[0], counts=(ProjectCount("zz", 1),))
    with pytest.raises(PrintoutError, match="zz"):
        ranked(bad, election)


@pytest.mark.parametrize("sample", SAMPLES)
def test_results_json_round_trip(sample: object) -> None:
    """parse_results(to_canonical_bytes(r)) == r, explanations (greedy steps, Equal Shares rounds) included."""
    assert callable(sample)
    _, results = sample()
    data = results.to_canonical_bytes()
    again = parse_results(data)
    assert again == results and again.to_canonical_bytes() == data
    again.verify_signature(DEMO_KEY.public_key)


def test_tampered_results_are_refused() -> None:
    _, results = taipei()
    district = results.districts[0]
    more = (ProjectCount(district.counts[0].project, district.counts[0].count + 1), *district.counts[1:])
    tampered = dataclasses.replace(results, districts=(dataclasses.replace(district, counts=more),
                                                       *results.districts[1:]))
    with pytest.raises(InvalidResults, match="does not verify"):
        tampered.verify_signature(DEMO_KEY.public_key)
    flipped = dataclasses.replace(results, signature=bytes([results.signature[0] ^ 1]) + results.signature[1:])
    with pytest.raises(InvalidResults, match="does not verify"):
        parse_results(flipped.to_canonical_bytes()).verify_signature(DEMO_KEY.public_key)
    with pytest.raises(InvalidResults, match="does not verify"):
        results.verify_signature(generate_signing_key().public_key)
