"""
The published results as files other tools open: a CSV for spreadsheets, a pabulib ``.pb`` for researchers.

Both are drawn from the signed ``Results`` and the manifest it names, like
the PDF report, and both hold counts only: a ballot is secret, so no export
ever carries an individual vote.
"""

from __future__ import annotations

import csv
import io
from typing import Final

from ballot.manifest_model import District, Election, Project
from ballot.pabulib import PbFile, PbProject, dumps_pb
from ballot.pdf_common import PrintoutError
from tally.results import DistrictResult, Results

__all__ = ["COUNTS_ONLY_COMMENT", "pb_counts", "ranked", "results_csv", "results_pb"]

COUNTS_ONLY_COMMENT: Final = (
    "pbvote results export: counts only. Ballots are secret, so VOTES is empty on purpose; "
    "the counts are in PROJECTS (votes, or score for cumulative ballots)."
)
"""The META comment of every exported .pb, so a reader of the file knows the empty VOTES is deliberate."""


def ranked(result: DistrictResult, election: Election) -> list[tuple[int, Project, int, bool]]:
    """
    The district's projects as (rank, project, count, funded), most votes first.

    Rank is competition ranking (1, 2, 2, 4): tied projects share a rank, so
    neither the report nor the CSV suggests that one of two equal counts came
    first.  Ties are listed cheaper first, then by id (the order greedy
    considers them).

    Raises:
        PrintoutError: the results name a project the manifest's district lacks.
    """
    by_id: dict[str, Project] = {p.id: p for p in election.projects_in(result.district)}
    selected = set(result.outcome.selected)
    rows = []
    for item in result.counts:
        if item.project not in by_id:
            raise PrintoutError(f"results name project {item.project!r}, which district "
                                f"{result.district!r} of the manifest does not have")
        rows.append((by_id[item.project], item.count, item.project in selected))
    rows.sort(key=lambda r: (-r[1], r[0].cost, r[0].id))
    return [(1 + sum(1 for _, c, _ in rows if c > count), p, count, funded) for p, count, funded in rows]


def _check(results: Results, election: Election) -> None:
    if results.election != election.fingerprint:
        raise PrintoutError("these results belong to another election (the fingerprints differ)")


def results_csv(results: Results, election: Election) -> bytes:
    """
    One row per project of every district, for spreadsheets.

    Columns: ``district``, ``project``, ``title_<lang>`` for each of the
    election's languages (manifest order), ``cost``, ``votes`` (points for a
    cumulative ballot), ``funded`` (``yes``/``no``) and ``rank`` (competition
    ranking within the district).  Rows follow the districts in manifest
    order, then the rank.

    Encoding: UTF-8 with a byte-order mark and CRLF line ends.  Excel opens a
    CSV as the system's ANSI code page unless it starts with the UTF-8 BOM,
    which turns Chinese titles into mojibake; LibreOffice, Google Sheets,
    Python's ``utf-8-sig`` and pandas all accept the BOM, so it is the one
    choice every common tool reads correctly.  CRLF is RFC 4180's line end.

    Raises:
        PrintoutError: results of another election, or an unknown project.
    """
    _check(results, election)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["district", "project", *(f"title_{lang}" for lang in election.languages), "cost", "votes",
                     "funded", "rank"])
    for result in results.districts:
        for rank, project, count, funded in ranked(result, election):
            writer.writerow([result.district, project.id, *(project.title.get(lang) for lang in election.languages),
                             project.cost, count, "yes" if funded else "no", rank])
    return out.getvalue().encode("utf-8-sig")


def _pb_rule(district: District) -> str:
    """The pabulib rule name (tally/pabulib_outcome.py PB_RULE_NAMES) of the district's outcome rule."""
    rule = district.outcome
    if rule.rule == "equal-shares":
        return "equalshares/add1/greedy" if rule.fill == "greedy" else "equalshares/add1"
    return rule.rule


def _pb_meta(results: Results, election: Election, result: DistrictResult, district: District) -> dict[str, str]:
    """META in pabulib's vocabulary, so ballot/pabulib_manifest.py rebuilds the same ballot and rule."""
    primary = election.languages[0]
    ballot = district.ballot
    meta = {
        "description": f"{election.title.get(primary)}: {district.name.get(primary)}",
        "comment": COUNTS_ONLY_COMMENT,
        "unit": election.id,
        "subunit": district.id,
        "instance": str(election.opens.year),
        "num_projects": str(len(result.counts)),
        "num_votes": str(result.ballots),
        "budget": str(result.budget),
        "currency": result.currency,
        "vote_type": "cumulative" if ballot.type == "cumulative" else "approval",
        "rule": _pb_rule(district),
        "date_begin": election.opens.strftime("%d.%m.%Y"),
        "date_end": election.closes.strftime("%d.%m.%Y"),
        "language": primary,
        "election_fingerprint": results.election.hex(),
    }
    if ballot.type == "cumulative":
        meta["max_sum_points"] = str(ballot.points)
        if ballot.max_per_project is not None:
            meta["max_points"] = str(ballot.max_per_project)
    else:
        meta["min_length"], meta["max_length"] = str(ballot.min_picks), str(ballot.max_picks)
        if ballot.type == "knapsack":
            meta["max_sum_cost"] = str(result.budget)
    if district.outcome.threshold > 0:
        meta["min_project_score_threshold"] = str(district.outcome.threshold)
    return meta


def results_pb(results: Results, election: Election, district: str) -> str:
    """
    One district's result as a pabulib ``.pb`` file: META, PROJECTS with counts, and an empty VOTES.

    pabulib files normally list every ballot; ours never do (ballots are
    secret; only their encrypted form is public).  The counts go where
    pabulib puts aggregate data: ``votes`` (approvals) or, for cumulative
    ballots, ``score`` (points, pabulib's column for them, ``votes`` then
    left empty since the number of voters per project is not tallied);
    ``selected`` is 1 for a funded project.  ``num_votes`` is the number of
    ballots counted.  The file re-reads with ``ballot.pabulib.loads_pb`` to
    the same counts (``pb_counts``) and selected flags.

    ``name`` is the title in the election's first language; every other
    language's title is in a ``name_<lang>`` column.

    Raises:
        PrintoutError: results of another election, or an unknown project.
        KeyError: no such district.
    """
    _check(results, election)
    result, spec = results.district(district), election.district(district)
    cumulative = spec.ballot.type == "cumulative"
    primary, others = election.languages[0], election.languages[1:]
    selected = set(result.outcome.selected)
    by_id: dict[str, Project] = {p.id: p for p in election.projects_in(district)}
    projects = []
    for item in result.counts:
        project = by_id.get(item.project)
        if project is None:
            raise PrintoutError(f"results name project {item.project!r}, which district {district!r} lacks")
        extra = {f"name_{lang}": project.title.get(lang) for lang in others}
        if cumulative:
            extra["score"] = str(item.count)
        if project.category is not None:
            extra["category"] = project.category
        projects.append(PbProject(project.id, project.cost, project.title.get(primary),
                                  None if cumulative else item.count, item.project in selected, extra))
    return dumps_pb(PbFile(_pb_meta(results, election, result, spec), tuple(projects), ()))


def pb_counts(pb: PbFile) -> dict[str, int]:
    """
    The counts of a counts-only ``.pb`` (ours or any pabulib file): ``votes``, or ``score`` for cumulative.

    Raises:
        ValueError: a project has neither.
    """
    counts = {}
    for p in pb.projects:
        if pb.vote_type == "cumulative" and p.extra.get("score", "").strip():
            counts[p.id] = int(p.extra["score"])
        elif p.votes is not None:
            counts[p.id] = p.votes
        else:
            raise ValueError(f"project {p.id!r} has no votes or score")
    return counts
