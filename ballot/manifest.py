"""Parse and validate election manifests (TOML) once, at the boundary.

Every problem is reported as one ``InvalidManifest`` whose message names the
file, the line where it can be found, the field path and what is wrong, e.g.
``daan.toml:41: projects[3].cost: must be a positive integer, got -5``.
Officials read these messages in the CLI and in the officials' console, so
they say what to fix, not what the parser was doing.  The schema is in
docs/manifest.md.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

from ballot._manifest_lines import LineIndex
from ballot.errors import InvalidManifest
from ballot.manifest_model import (
    BALLOT_TYPES,
    DISTRICT_CHOICES,
    ELIGIBILITY_MODES,
    MANIFEST_FORMAT,
    OUTCOME_RULES,
    SUPPORTED_LANGUAGES,
    BallotRule,
    District,
    DistrictId,
    Election,
    ImageRef,
    OutcomeRule,
    Project,
    ProjectId,
    Text,
)
from crypto.canonical import parse_canonical_json
from crypto.errors import EncodingError

__all__ = ["load_manifest", "parse_canonical_manifest", "parse_manifest"]

MAX_MONEY = 2**40
MAX_TRUSTEES = 20
MAX_POINTS = 255
"""A cumulative ballot's total: its count proof covers 0..points (at most 256 values, crypto/proofs/count.py)."""
MAX_POINTS_PER_PROJECT = 100
"""The points proof covers 0..max_per_project (at most 101 values, crypto/proofs/points.py)."""
MAX_COUNT_RANGE = 256
_ELECTION_ID = re.compile(r"[a-z0-9][a-z0-9-]{2,63}")
_DISTRICT_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
_PROJECT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_CATEGORY_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_IMAGE_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class _Checker:
    """Walks the parsed TOML, turning each problem into one located message."""

    def __init__(self, source: str, text: str, base_dir: Path | None) -> None:
        self.source = source
        self.lines = LineIndex(text)
        self.base_dir = base_dir
        self.languages: tuple[str, ...] = ()
        self.canonical = False

    def fail(self, path: str, message: str) -> InvalidManifest:
        line = self.lines.line_of(path)
        where = f"{self.source}:{line}" if line else self.source
        return InvalidManifest(f"{where}: {path}: {message}")

    # -- generic field readers -------------------------------------------
    def table(self, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(_join(path, key), "is missing (a table is required)")
            return {}
        if not isinstance(value, dict):
            raise self.fail(_join(path, key), f"must be a table, got {_show(value)}")
        return value

    def no_unknown(self, data: dict[str, Any], allowed: set[str], path: str) -> None:
        for key in data:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                raise self.fail(_join(path, key), f"unknown field (allowed here: {hint})")

    def string(self, data: dict[str, Any], key: str, path: str, *, pattern: re.Pattern[str] | None = None,
               required: bool = True) -> str | None:
        p = _join(path, key)
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(p, "is missing")
            return None
        if not isinstance(value, str):
            raise self.fail(p, f"must be a string, got {_show(value)}")
        value = unicodedata.normalize("NFC", value)
        if pattern is not None and not pattern.fullmatch(value):
            raise self.fail(p, f"{_show(value)} is not a valid identifier (expected {pattern.pattern})")
        return value

    def choice(self, data: dict[str, Any], key: str, path: str, choices: tuple[str, ...],
               default: str | None = None) -> str:
        value = self.string(data, key, path, required=default is None)
        if value is None:
            assert default is not None
            return default
        if value not in choices:
            raise self.fail(_join(path, key), f"must be one of {', '.join(choices)}, got {_show(value)}")
        return value

    def integer(self, data: dict[str, Any], key: str, path: str, *, low: int, high: int,
                what: str = "an integer", default: int | None = None) -> int:
        p = _join(path, key)
        value = data.get(key)
        if value is None:
            if default is None:
                raise self.fail(p, "is missing")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(p, f"must be {what}, got {_show(value)}")
        if not low <= value <= high:
            raise self.fail(p, f"must be {what} between {low:,} and {high:,}, got {value}")
        return value

    def money(self, data: dict[str, Any], key: str, path: str) -> int:
        p = _join(path, key)
        value = data.get(key)
        if value is None:
            raise self.fail(p, "is missing")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise self.fail(p, f"must be a positive integer (smallest currency unit), got {_show(value)}")
        if value >= MAX_MONEY:
            raise self.fail(p, f"must be below 2^40, got {value}")
        return value

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> Text | None:
        p = _join(path, key)
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(p, f"is missing (a text in every language: {', '.join(self.languages)})")
            return None
        if not isinstance(value, dict):
            raise self.fail(p, f"must be a table of texts by language, e.g. {{ en = \"...\" }}, got {_show(value)}")
        for lang in value:
            if lang not in self.languages:
                raise self.fail(f"{p}.{lang}", f"language {lang!r} is not in election.languages")
        items = []
        for lang in self.languages:
            s = value.get(lang)
            if s is None:
                raise self.fail(p, f"has no text in language {lang!r}")
            if not isinstance(s, str):
                raise self.fail(f"{p}.{lang}", f"must be a string, got {_show(s)}")
            s = unicodedata.normalize("NFC", s.strip())
            if not s:
                raise self.fail(f"{p}.{lang}", "must not be empty")
            items.append((lang, s))
        return Text(tuple(sorted(items)))

    def datetime_(self, data: dict[str, Any], key: str, path: str) -> datetime:
        p = _join(path, key)
        value = data.get(key)
        if value is None:
            raise self.fail(p, "is missing")
        if self.canonical and isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                raise self.fail(p, f"is not an ISO 8601 date-time: {_show(value)}") from None
        if not isinstance(value, datetime):
            raise self.fail(p, f"must be a date-time with offset, e.g. 2027-03-01T08:00:00+08:00, got {_show(value)}")
        if value.tzinfo is None:
            raise self.fail(p, "needs a UTC offset, e.g. 2027-03-01T08:00:00+08:00")
        return value.replace(microsecond=0)

    def image(self, data: dict[str, Any], path: str) -> ImageRef | None:
        if self.canonical and isinstance(data.get("image"), dict):
            ref = data["image"]
            name = self.string(ref, "path", f"{path}.image")
            digest = self.string(ref, "sha256", f"{path}.image", pattern=_SHA256)
            assert name is not None and digest is not None
            return ImageRef(path=name, sha256=digest, resolved=None)
        name = self.string(data, "image", path, required=False)
        if name is None:
            return None
        p = _join(path, "image")
        if not name.lower().endswith(_IMAGE_SUFFIXES):
            raise self.fail(p, f"must be a PNG, JPEG or SVG file, got {name!r}")
        if self.base_dir is None:
            raise self.fail(p, "images need a manifest read from a file (no base folder)")
        resolved = (self.base_dir / name).resolve()
        try:
            content = resolved.read_bytes()
        except OSError:
            raise self.fail(p, f"image file {name!r} not found next to the manifest") from None
        return ImageRef(path=name, sha256=hashlib.sha256(content).hexdigest(), resolved=resolved)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value[:60])
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def load_manifest(path: str | Path) -> Election:
    """Read and validate a manifest file.

    Args:
        path: the TOML file; images are resolved relative to its folder.

    Returns:
        The validated election.

    Raises:
        InvalidManifest: naming the file, line, field and problem.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InvalidManifest(f"{p}: cannot read the manifest ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidManifest(f"{p}: not UTF-8 text (byte {exc.start})") from None
    return parse_manifest(text, source=str(p), base_dir=p.resolve().parent)


def parse_manifest(text: str, *, source: str = "<manifest>", base_dir: Path | None = None) -> Election:
    """Validate a manifest's TOML text and build the election record.

    Args:
        text: the TOML document.
        source: the name used in error messages (usually the file path).
        base_dir: folder that image paths are relative to.

    Returns:
        The validated election.

    Raises:
        InvalidManifest: naming the file, line, field and problem.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidManifest(f"{source}: malformed TOML: {exc}") from None
    return _build(_Checker(source, text, base_dir), data, base_dir is not None)


def parse_canonical_manifest(data: bytes, *, source: str = "<canonical manifest>") -> Election:
    """Rebuild an election from its canonical JSON (as stored or published).

    The same checks as for TOML run again, and the result must re-serialise
    to exactly the given bytes, so a stored manifest can never silently
    differ from the election it claims to be.

    Args:
        data: canonical JSON bytes of a manifest.
        source: the name used in error messages.

    Returns:
        The election; images carry their hash but no file path.

    Raises:
        InvalidManifest: if the document is invalid or not canonical.
    """
    try:
        obj = parse_canonical_json(data, source)
    except EncodingError as exc:
        raise InvalidManifest(str(exc)) from None
    if not isinstance(obj, dict):
        raise InvalidManifest(f"{source}: a manifest must be a JSON object")
    checker = _Checker(source, "", None)
    checker.canonical = True
    election = _build(checker, obj, False)
    if election.canonical_bytes() != data:
        raise InvalidManifest(f"{source}: manifest is valid but not in its canonical form")
    return election


def _build(c: _Checker, data: dict[str, Any], from_file: bool) -> Election:
    """Check every field of a parsed manifest and assemble the records."""
    c.no_unknown(data, {"format", "election", "trustees", "eligibility", "categories", "districts", "projects"}, "")
    fmt = c.string(data, "format", "")
    if fmt != MANIFEST_FORMAT:
        raise c.fail("format", f"must be {MANIFEST_FORMAT!r}, got {fmt!r}")
    e = c.table(data, "election", "")
    c.no_unknown(e, {"id", "title", "description", "languages", "opens", "closes", "district_choice"}, "election")
    election_id = c.string(e, "id", "election", pattern=_ELECTION_ID)
    c.languages = _languages(c, e)
    title = c.text(e, "title", "election")
    description = c.text(e, "description", "election", required=False)
    opens = c.datetime_(e, "opens", "election")
    closes = c.datetime_(e, "closes", "election")
    if closes <= opens:
        raise c.fail("election.closes", f"must be after election.opens ({opens.isoformat()})")
    district_choice = c.choice(e, "district_choice", "election", DISTRICT_CHOICES, default="assigned")

    t = c.table(data, "trustees", "")
    c.no_unknown(t, {"count", "threshold"}, "trustees")
    count = c.integer(t, "count", "trustees", low=1, high=MAX_TRUSTEES)
    threshold = c.integer(t, "threshold", "trustees", low=1, high=MAX_TRUSTEES)
    if threshold > count:
        raise c.fail("trustees.threshold", f"must be at most trustees.count ({count}), got {threshold}")

    el = c.table(data, "eligibility", "")
    c.no_unknown(el, {"mode"}, "eligibility")
    mode = c.choice(el, "mode", "eligibility", ELIGIBILITY_MODES)

    categories = _categories(c, c.table(data, "categories", "", required=False))
    drafts = _districts(c, data)
    projects = _projects(c, data, drafts, {cid for cid, _ in categories})
    districts = _finish_districts(c, drafts, projects)
    assert election_id is not None and title is not None
    return Election(
        id=election_id, title=title, description=description, languages=c.languages,
        opens=opens, closes=closes, district_choice=district_choice, trustees=count,
        threshold=threshold, eligibility=mode, categories=categories,
        districts=districts, projects=projects,
        source=Path(c.source) if from_file else None,
    )


def _languages(c: _Checker, e: dict[str, Any]) -> tuple[str, ...]:
    value = e.get("languages")
    if not isinstance(value, list) or not value:
        raise c.fail("election.languages", f"must be a non-empty list such as [\"zh-TW\", \"en\"], got {_show(value)}")
    seen: list[str] = []
    for i, lang in enumerate(value):
        if lang not in SUPPORTED_LANGUAGES:
            raise c.fail(f"election.languages[{i}]",
                         f"unknown language {_show(lang)} (supported: {', '.join(SUPPORTED_LANGUAGES)})")
        if lang in seen:
            raise c.fail(f"election.languages[{i}]", f"language {lang!r} is listed twice")
        seen.append(lang)
    return tuple(seen)


def _categories(c: _Checker, table: dict[str, Any]) -> tuple[tuple[str, Text], ...]:
    out = []
    for cid in table:
        if not _CATEGORY_ID.fullmatch(cid):
            raise c.fail(f"categories.{cid}", f"{cid!r} is not a valid category id")
        text = c.text(table, cid, "categories")
        assert text is not None
        out.append((cid, text))
    return tuple(out)


def _array_of_tables(c: _Checker, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if value is None or value == []:
        raise c.fail(key, f"is missing: add at least one [[{key}]] table")
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise c.fail(key, f"must be an array of tables ([[{key}]]), got {_show(value)}")
    return value


_Draft = tuple[DistrictId, Text, int, str, dict[str, Any], OutcomeRule]


def _districts(c: _Checker, data: dict[str, Any]) -> list[_Draft]:
    drafts: list[_Draft] = []
    seen: set[str] = set()
    for i, d in enumerate(_array_of_tables(c, data, "districts")):
        path = f"districts[{i}]"
        c.no_unknown(d, {"id", "name", "budget", "currency", "ballot", "outcome"}, path)
        did = c.string(d, "id", path, pattern=_DISTRICT_ID)
        assert did is not None
        if did in seen:
            raise c.fail(f"{path}.id", f"duplicate district id {did!r}")
        seen.add(did)
        name = c.text(d, "name", path)
        assert name is not None
        budget = c.money(d, "budget", path)
        currency = c.string(d, "currency", path, pattern=_CURRENCY)
        assert currency is not None
        ballot = c.table(d, "ballot", path)
        outcome = _outcome(c, c.table(d, "outcome", path), f"{path}.outcome")
        drafts.append((DistrictId(did), name, budget, currency, ballot, outcome))
    return drafts


def _outcome(c: _Checker, o: dict[str, Any], path: str) -> OutcomeRule:
    c.no_unknown(o, {"rule", "threshold", "completion", "fill"}, path)
    rule = c.choice(o, "rule", path, OUTCOME_RULES)
    if rule == "equal-shares":
        if "threshold" in o:
            raise c.fail(f"{path}.threshold", "applies to the greedy rules, not to equal-shares")
        completion = c.choice(o, "completion", path, ("add1",))
        fill = c.choice(o, "fill", path, ("greedy", "none"), default="greedy")
        return OutcomeRule(rule, completion=completion, fill=fill)
    for key in ("completion", "fill"):
        if key in o:
            raise c.fail(f"{path}.{key}", "only applies to rule = \"equal-shares\"")
    if rule == "greedy-threshold":
        threshold = c.integer(o, "threshold", path, low=1, high=2**40, what="a positive integer")
    else:
        threshold = c.integer(o, "threshold", path, low=0, high=2**40, what="a non-negative integer", default=0)
    return OutcomeRule(rule, threshold=threshold)


def _projects(c: _Checker, data: dict[str, Any], districts: list[_Draft], categories: set[str]) -> tuple[Project, ...]:
    known = {d[0] for d in districts}
    seen: set[str] = set()
    out = []
    for i, p in enumerate(_array_of_tables(c, data, "projects")):
        path = f"projects[{i}]"
        c.no_unknown(p, {"id", "district", "title", "description", "cost", "category", "image", "location"}, path)
        pid = c.string(p, "id", path, pattern=_PROJECT_ID)
        assert pid is not None
        if pid in seen:
            raise c.fail(f"{path}.id", f"duplicate project id {pid!r}")
        seen.add(pid)
        district = c.string(p, "district", path)
        if district not in known:
            raise c.fail(f"{path}.district", f"unknown district {district!r} (declared: {', '.join(sorted(known))})")
        title = c.text(p, "title", path)
        description = c.text(p, "description", path)
        cost = c.money(p, "cost", path)
        category = c.string(p, "category", path, required=False)
        if category is not None and category not in categories:
            raise c.fail(f"{path}.category", f"unknown category {category!r} (declare it under [categories])")
        assert title is not None and description is not None
        out.append(Project(
            id=ProjectId(pid), district=DistrictId(district), title=title, description=description,
            cost=cost, category=category, image=c.image(p, path),
            location=c.text(p, "location", path, required=False),
        ))
    return tuple(out)


def _finish_districts(c: _Checker, drafts: list[_Draft], projects: tuple[Project, ...]) -> tuple[District, ...]:
    out = []
    for i, (did, name, budget, currency, ballot, outcome) in enumerate(drafts):
        path = f"districts[{i}]"
        mine = [p for p in projects if p.district == did]
        if not mine:
            raise c.fail(f"{path}.id", f"district {did!r} has no projects")
        cheapest = min(p.cost for p in mine)
        if budget < cheapest:
            raise c.fail(f"{path}.budget",
                         f"budget {budget:,} is smaller than every project's cost (cheapest: {cheapest:,})")
        rule = _ballot(c, ballot, f"{path}.ballot", len(mine))
        if rule.type == "cumulative" and outcome.rule == "equal-shares":
            raise c.fail(f"{path}.outcome.rule", "equal-shares needs approval or knapsack ballots, not cumulative")
        out.append(District(did, name, budget, currency, rule, outcome))
    return tuple(out)


def _ballot(c: _Checker, b: dict[str, Any], path: str, n_projects: int) -> BallotRule:
    kind = c.choice(b, "type", path, BALLOT_TYPES)
    if kind == "cumulative":
        c.no_unknown(b, {"type", "points", "max_per_project"}, path)
        points = c.integer(b, "points", path, low=1, high=MAX_POINTS)
        if "max_per_project" not in b and points > MAX_POINTS_PER_PROJECT:
            raise c.fail(f"{path}.max_per_project",
                         f"required when points exceed {MAX_POINTS_PER_PROJECT} (most points one project may get)")
        per = c.integer(b, "max_per_project", path, low=1, high=min(points, MAX_POINTS_PER_PROJECT), default=points)
        return BallotRule("cumulative", min_picks=0, max_picks=n_projects, points=points, max_per_project=per)
    c.no_unknown(b, {"type", "min", "max"}, path)
    low = c.integer(b, "min", path, low=0, high=n_projects, default=0)
    high = c.integer(b, "max", path, low=1, high=n_projects, default=n_projects,
                     what=f"an integer (this district has {n_projects} projects)")
    if low > high:
        raise c.fail(f"{path}.min", f"min ({low}) must not exceed max ({high})")
    if (low, high) != (0, n_projects) and high - low + 1 > MAX_COUNT_RANGE:
        raise c.fail(f"{path}.max", f"max - min must be below {MAX_COUNT_RANGE} (the ballot's count proof covers "
                                    f"at most {MAX_COUNT_RANGE} values); got {low}..{high}")
    return BallotRule("knapsack" if kind == "knapsack" else "approval", min_picks=low, max_picks=high)
