"""
Read and write pabulib ``.pb`` files so real PB elections can be imported and replayed.

A ``.pb`` file has three ``;``-separated sections, each opened by its name on a
line of its own and followed by a header row: META (``key;value``), PROJECTS
(``project_id;cost;...``) and VOTES (``voter_id;vote;...``). Fields may be quoted
with ``"`` (the csv module's dialect with ``;`` as delimiter). Every malformed
input raises :class:`~ballot.errors.PabulibError` whose message has the form
``FILE:LINE: SECTION FIELD: what is wrong``.

Lossy points, on purpose: costs, budgets and vote counts written as ``1234.0``
are read as the integer 1234 (non-integral values are refused), and a
``selected`` value of ``2`` (Poznań: funded from reserve money) is read as True.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ballot.errors import PabulibError

__all__ = ["PbFile", "PbProject", "PbVote", "dumps_pb", "loads_pb", "read_pb", "write_pb"]

_SECTIONS = ("META", "PROJECTS", "VOTES")
_PROJECT_COLUMNS = ("project_id", "cost", "votes", "name", "selected")
_VOTE_COLUMNS = ("voter_id", "vote", "points")
_POINTS_VOTE_TYPES = frozenset({"cumulative", "scoring"})


@dataclass(frozen=True, slots=True)
class PbProject:
    """
    One row of the PROJECTS section.

    Fields: ``id`` (project_id), ``cost`` (integral currency units), ``name``
    ("" when absent), ``votes`` (the file's own count, None when absent),
    ``selected`` (the city's real decision, None when absent) and ``extra`` (every
    other column, e.g. ``score``, ``category``, ``latitude``, as raw strings).
    """

    id: str
    cost: int
    name: str = ""
    votes: int | None = None
    selected: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PbVote:
    """
    One row of the VOTES section.

    Fields: ``voter_id``; ``projects`` (project ids in file order, which is the
    rank order for ordinal votes); ``points`` (one integer per project when the
    file has a ``points`` column, else None) and ``extra`` (age, sex, ...).
    """

    voter_id: str
    projects: tuple[str, ...]
    points: tuple[int, ...] | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PbFile:
    """
    A whole ``.pb`` file: META key/values in file order, projects and votes.

    ``budget`` and ``vote_type`` are read from ``meta``; ``read_pb`` has
    already checked that the budget is integral.
    """

    meta: dict[str, str]
    projects: tuple[PbProject, ...]
    votes: tuple[PbVote, ...]

    @property
    def budget(self) -> int:
        """
        The total budget from META, as an integer.

        Returns:
            META ``budget`` parsed as an integer (``"1234.0"`` gives 1234).

        Raises:
            PabulibError: the budget is missing or not integral.
        """
        return _integral(self.meta.get("budget", ""), "<meta>", 0, "META", "budget")

    @property
    def vote_type(self) -> str:
        """
        The META ``vote_type``, ``approval`` when the file does not say.

        Returns:
            The vote type string, e.g. ``approval``, ``cumulative``, ``ordinal``.
        """
        return self.meta.get("vote_type", "approval")


def _fail(source: str, line: int, section: str, fieldname: str, message: str) -> PabulibError:
    """Build the one error shape every check uses, so messages stay uniform."""
    return PabulibError(f"{source}:{line}: {section} {fieldname}: {message}")


def _integral(text: str, source: str, line: int, section: str, fieldname: str) -> int:
    """
    Parse an integral number, accepting ``1234.0`` but refusing ``1234.5``.

    Args:
        text: the raw field.
        source, line, section, fieldname: where the field is, for the message.

    Returns:
        The integer value.

    Raises:
        PabulibError: the field is empty, not a number or not integral.
    """
    stripped = text.strip()
    try:
        return int(stripped)
    except ValueError:
        pass
    try:
        value = Decimal(stripped)
    except InvalidOperation:
        raise _fail(source, line, section, fieldname, f"must be an integer, got {text!r}") from None
    if not value.is_finite() or value != value.to_integral_value():
        raise _fail(source, line, section, fieldname, f"must be an integer, got {text!r}")
    return int(value)


def _rows(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for every non-blank csv row of a .pb text."""
    reader = csv.reader(lines, delimiter=";", quotechar='"')
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        yield reader.line_num, row


def _parse(lines: Iterable[str], source: str) -> PbFile:
    """
    Parse the rows of a .pb text into a PbFile, checking every field.

    Args:
        lines: the text, line by line (a file object streams it).
        source: the file name used in error messages.

    Returns:
        The parsed file.

    Raises:
        PabulibError: anything is malformed; the message names file, line and field.
    """
    meta: dict[str, str] = {}
    projects: dict[str, PbProject] = {}
    votes: list[PbVote] = []
    seen_voters: set[str] = set()
    seen: list[str] = []
    section = ""
    header: list[str] | None = None
    last_line = 0
    for line, row in _rows(lines):
        last_line = line
        if len(row) == 1 and row[0].strip() in _SECTIONS:
            section = row[0].strip()
            if section in seen:
                raise _fail(source, line, section, "section", "appears twice")
            seen.append(section)
            header = None
            continue
        if not section:
            raise _fail(source, line, "META", "section", "file must start with META")
        if header is None:
            header = [name.strip() for name in row]
            _check_header(header, section, source, line)
            if section == "VOTES":
                _check_meta(meta, header, source, line)
            continue
        if len(row) != len(header):
            raise _fail(
                source, line, section, "row", f"has {len(row)} fields, header has {len(header)}"
            )
        record = dict(zip(header, row, strict=True))
        if section == "META":
            key, value = row[0].strip(), row[1]
            if key in meta:
                raise _fail(source, line, "META", key, "key appears twice")
            meta[key] = value
        elif section == "PROJECTS":
            project = _project(record, source, line)
            if project.id in projects:
                raise _fail(source, line, "PROJECTS", "project_id", f"duplicate id {project.id!r}")
            projects[project.id] = project
        else:
            vote = _vote(record, projects, source, line)
            if vote.voter_id in seen_voters:
                raise _fail(source, line, "VOTES", "voter_id", f"duplicate id {vote.voter_id!r}")
            seen_voters.add(vote.voter_id)
            votes.append(vote)
    for name in _SECTIONS:
        if name not in seen:
            raise _fail(source, last_line, name, "section", "is missing")
    return PbFile(meta=meta, projects=tuple(projects.values()), votes=tuple(votes))


def _check_header(header: list[str], section: str, source: str, line: int) -> None:
    """Refuse a section header that lacks the required columns or repeats one."""
    required = {
        "META": ("key", "value"),
        "PROJECTS": ("project_id", "cost"),
        "VOTES": ("voter_id", "vote"),
    }[section]
    for name in required:
        if name not in header:
            raise _fail(source, line, section, name, "required column is missing from the header")
    if len(set(header)) != len(header):
        raise _fail(source, line, section, "header", "repeats a column name")
    if section == "META" and len(header) != 2:
        raise _fail(source, line, section, "header", "must be exactly key;value")


def _check_meta(meta: dict[str, str], vote_header: list[str], source: str, line: int) -> None:
    """Check META once its section is complete: integral budget, points where needed."""
    if "budget" not in meta:
        raise _fail(source, line, "META", "budget", "is missing")
    budget = _integral(meta["budget"], source, line, "META", "budget")
    if budget < 0:
        raise _fail(source, line, "META", "budget", f"must not be negative, got {budget}")
    vote_type = meta.get("vote_type", "approval")
    if vote_type in _POINTS_VOTE_TYPES and "points" not in vote_header:
        raise _fail(
            source, line, "VOTES", "points", f"column is required for vote_type {vote_type}"
        )


def _project(record: dict[str, str], source: str, line: int) -> PbProject:
    """Turn one PROJECTS row into a PbProject, checking cost, votes and selected."""
    project_id = record["project_id"].strip()
    if not project_id:
        raise _fail(source, line, "PROJECTS", "project_id", "must not be empty")
    cost = _integral(record["cost"], source, line, "PROJECTS", "cost")
    if cost < 0:
        raise _fail(source, line, "PROJECTS", "cost", f"must not be negative, got {cost}")
    raw_votes = record.get("votes", "").strip()
    votes = _integral(raw_votes, source, line, "PROJECTS", "votes") if raw_votes else None
    raw_selected = record.get("selected", "").strip()
    selected: bool | None = None
    if raw_selected:
        if raw_selected not in ("0", "1", "2"):
            raise _fail(
                source, line, "PROJECTS", "selected", f"must be 0, 1 or 2, got {raw_selected!r}"
            )
        selected = raw_selected != "0"
    extra = {k: v for k, v in record.items() if k not in _PROJECT_COLUMNS}
    return PbProject(project_id, cost, record.get("name", ""), votes, selected, extra)


def _vote(record: dict[str, str], projects: dict[str, PbProject], source: str, line: int) -> PbVote:
    """Turn one VOTES row into a PbVote, checking project ids and points."""
    voter_id = record["voter_id"].strip()
    if not voter_id:
        raise _fail(source, line, "VOTES", "voter_id", "must not be empty")
    raw = record["vote"].strip()
    chosen = tuple(p.strip() for p in raw.split(",")) if raw else ()
    for project_id in chosen:
        if project_id not in projects:
            raise _fail(source, line, "VOTES", "vote", f"unknown project {project_id!r}")
    if len(set(chosen)) != len(chosen):
        raise _fail(source, line, "VOTES", "vote", "names a project twice")
    points: tuple[int, ...] | None = None
    if "points" in record:
        raw_points = record["points"].strip()
        parts = raw_points.split(",") if raw_points else []
        points = tuple(_integral(p, source, line, "VOTES", "points") for p in parts)
        if len(points) != len(chosen):
            message = f"has {len(points)} values for {len(chosen)} projects"
            raise _fail(source, line, "VOTES", "points", message)
    extra = {k: v for k, v in record.items() if k not in _VOTE_COLUMNS}
    return PbVote(voter_id, chosen, points, extra)


def read_pb(path: str | os.PathLike[str]) -> PbFile:
    """
    Read a ``.pb`` file, streaming its rows, so real elections can be replayed.

    Args:
        path: the file; UTF-8, with or without a byte-order mark.

    Returns:
        The parsed, checked file.

    Raises:
        PabulibError: the file is malformed; the message names file, line and field.
        OSError: the file cannot be read.
    """
    source = Path(path).name
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return _parse(handle, source)


def loads_pb(text: str, *, source: str = "<string>") -> PbFile:
    """
    Parse ``.pb`` text held in memory, e.g. received over the network or in tests.

    Args:
        text: the whole file.
        source: the name to use in error messages.

    Returns:
        The parsed, checked file.

    Raises:
        PabulibError: the text is malformed.
    """
    return _parse(io.StringIO(text.removeprefix("\ufeff"), newline=""), source)


def _union_keys(extras: Iterable[dict[str, str]], reserved: tuple[str, ...]) -> list[str]:
    """List extra column names in first-seen order, refusing standard column names."""
    keys: dict[str, None] = {}
    for extra in extras:
        for key in extra:
            if key in reserved:
                raise PabulibError(f"<write>: extra column {key!r} clashes with a standard column")
            keys.setdefault(key, None)
    return list(keys)


def _row(fields: Iterable[str]) -> str:
    """Render one row, quoting as csv's QUOTE_MINIMAL would, plus a lone ``\\r`` (3.11 does not)."""
    quoted = (
        '"' + f.replace('"', '""') + '"' if any(c in f for c in ';"\r\n') else f for f in fields
    )
    return ";".join(quoted) + "\n"


def dumps_pb(pb: PbFile) -> str:
    """
    Render a PbFile as ``.pb`` text such that ``loads_pb(dumps_pb(x)) == x``.

    Standard columns come first, then extra columns in first-seen order; a
    project or vote lacking an extra column gets an empty field there.

    Args:
        pb: the file to render.

    Returns:
        The text, ``\\n`` line endings, fields quoted only where needed.

    Raises:
        PabulibError: an extra column name clashes with a standard column.
    """
    out = ["META\n", _row(["key", "value"]), *(_row(item) for item in pb.meta.items())]
    p_extra = _union_keys((p.extra for p in pb.projects), _PROJECT_COLUMNS)
    has_votes = any(p.votes is not None for p in pb.projects)
    has_selected = any(p.selected is not None for p in pb.projects)
    optional = (["votes"] if has_votes else []) + ["name"] + (["selected"] if has_selected else [])
    out += ["PROJECTS\n", _row(["project_id", "cost", *optional, *p_extra])]
    for p in pb.projects:
        row = [p.id, str(p.cost)]
        if has_votes:
            row.append("" if p.votes is None else str(p.votes))
        row.append(p.name)
        if has_selected:
            row.append("" if p.selected is None else str(int(p.selected)))
        out.append(_row(row + [p.extra.get(k, "") for k in p_extra]))
    v_extra = _union_keys((v.extra for v in pb.votes), _VOTE_COLUMNS)
    # A cumulative file must have a points column even with no votes (read_pb insists, see
    # _check_meta); a counts-only results export (tally/results_export.py) has exactly that.
    has_points = any(v.points is not None for v in pb.votes) or pb.vote_type in _POINTS_VOTE_TYPES
    out += ["VOTES\n", _row(["voter_id", "vote", *(["points"] if has_points else []), *v_extra])]
    for v in pb.votes:
        row = [v.voter_id, ",".join(v.projects)]
        if has_points:
            row.append(",".join(str(x) for x in v.points or ()))
        out.append(_row(row + [v.extra.get(k, "") for k in v_extra]))
    return "".join(out)


def write_pb(pb: PbFile, path: str | os.PathLike[str]) -> None:
    """
    Write a PbFile to disk as UTF-8 ``.pb`` text that ``read_pb`` reads back equal.

    Args:
        pb: the file to write.
        path: where to write it (overwritten).

    Raises:
        PabulibError: an extra column name clashes with a standard column.
        OSError: the file cannot be written.
    """
    text = dumps_pb(pb)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
