"""What a verification report shows besides the checks: the election, the record's files and the results.

The verdict comes from the checks alone (tally.verify.run); this module only
reads the record again for people to look at: the election's title and id,
the fingerprint, the SHA-256 of the files that were checked, and the results
as results.json publishes them.  It never raises for a damaged record: what
it cannot read is left out and named in ``unreadable``, and a reader of the
report sees from the checks whether those results verified.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tally.verify.errors import VerifyError
from tally.verify.files import RecordFiles

HASH_BLOCK = 1 << 20
"""Bytes read at a time while hashing a file (the board may be large)."""


@dataclass(frozen=True)
class ProjectResult:
    """One project of a district as results.json and the manifest give it."""

    id: str
    title: tuple[tuple[str, str], ...]
    """(language, title) pairs from the manifest, in its order."""
    cost: int
    count: int
    funded: bool


@dataclass(frozen=True)
class DistrictResult:
    """One district of results.json: its projects in the outcome's order, and the money spent."""

    id: str
    name: tuple[tuple[str, str], ...]
    ballots: int
    budget: int
    spent: int
    currency: str
    rule: str
    projects: tuple[ProjectResult, ...]


@dataclass(frozen=True)
class FileHash:
    """One file the verifier read: its path (record-relative, or the zip itself), size and SHA-256."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class RecordSummary:
    """The election, the files and the results of a record, for people (not a verdict)."""

    location: str
    election_id: str = ""
    titles: tuple[tuple[str, str], ...] = ()
    fingerprint: str = ""
    """``hex(SHA-256(manifest.json))``, empty when the manifest is unreadable."""
    files: tuple[FileHash, ...] = ()
    districts: tuple[DistrictResult, ...] = ()
    unreadable: tuple[str, ...] = ()
    """What could not be shown, one reason each (the checks say whether it matters)."""

    def title(self, language: str) -> str:
        """The election's title in ``language``, else in its first language, else its id."""
        return text_in(self.titles, language) or self.election_id


def text_in(texts: tuple[tuple[str, str], ...], language: str) -> str:
    """The text for ``language`` from (language, text) pairs, else the first one, else ""."""
    for lang, text in texts:
        if lang == language:
            return text
    return texts[0][1] if texts else ""


def short_fingerprint(fingerprint: str) -> str:
    """Spec section 24's short form: the first 16 hex digits in groups of four (``ff40-e23c-0c86-6883``)."""
    head = fingerprint[:16]
    return "-".join(head[i:i + 4] for i in range(0, len(head), 4))


def _texts(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        return ()
    return tuple((str(k), str(v)) for k, v in value.items())


def _sha256_file(path: Path) -> FileHash:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(HASH_BLOCK):
            digest.update(chunk)
            size += len(chunk)
    return FileHash(path.name, size, digest.hexdigest())


def hash_files(location: Path) -> tuple[FileHash, ...]:
    """The zip's SHA-256, or every file's of a record directory (sorted by path).

    Raises:
        OSError: a file cannot be read.
    """
    if location.is_file():
        return (_sha256_file(location),)
    out = []
    for path in sorted(p for p in location.rglob("*") if p.is_file()):
        one = _sha256_file(path)
        out.append(FileHash(path.relative_to(location).as_posix(), one.size, one.sha256))
    return tuple(out)


def _district(item: dict[str, Any], manifest: dict[str, Any]) -> DistrictResult:
    district_id = str(item["district"])
    projects = {p["id"]: p for p in manifest.get("projects", []) if isinstance(p, dict) and "id" in p}
    names = {d["id"]: d.get("name") for d in manifest.get("districts", []) if isinstance(d, dict) and "id" in d}
    outcome: dict[str, Any] = item["outcome"] if isinstance(item.get("outcome"), dict) else {}
    counts = {str(c["project"]): int(c["count"]) for c in item["counts"]}
    selected = {str(p) for p in outcome.get("selected", [])}
    order = [str(step["project"]) for step in outcome.get("explanation", []) if isinstance(step, dict)]
    order += [p for p in counts if p not in order]
    rows = tuple(ProjectResult(p, _texts(projects.get(p, {}).get("title")), int(projects.get(p, {}).get("cost", 0)),
                               counts.get(p, 0), p in selected) for p in order)
    spent = outcome.get("spent")
    return DistrictResult(district_id, _texts(names.get(district_id)), int(item["ballots"]), int(item["budget"]),
                          int(spent) if isinstance(spent, int) else sum(r.cost for r in rows if r.funded),
                          str(item.get("currency", "")), str(outcome.get("rule", "")), rows)


def _json(files: RecordFiles, name: str) -> Any:
    try:
        return json.loads(files.read(name))
    except (ValueError, UnicodeDecodeError) as exc:
        raise VerifyError(f"{name}: not JSON ({exc})") from None


def summarize_record(location: Path) -> RecordSummary:
    """Read what the report shows about the record at ``location``; never raises.

    Args:
        location: the record directory or its zip.

    Returns:
        The summary; parts that cannot be read are empty and named in ``unreadable``.
    """
    unreadable: list[str] = []
    try:
        hashes = hash_files(location)
    except OSError as exc:
        hashes = ()
        unreadable.append(f"file hashes: {exc}")
    try:
        files = RecordFiles(location)
    except VerifyError as exc:
        return RecordSummary(str(location), files=hashes, unreadable=(*unreadable, str(exc)))
    fields: dict[str, Any] = {}
    try:
        manifest_bytes = files.read("manifest.json")
        fields["fingerprint"] = hashlib.sha256(manifest_bytes).hexdigest()
        manifest = _json(files, "manifest.json")
        election = manifest["election"]
        fields["election_id"] = str(election["id"])
        fields["titles"] = _texts(election.get("title"))
        if files.exists("results.json"):
            results = _json(files, "results.json")
            fields["districts"] = tuple(_district(d, manifest) for d in results["districts"])
        else:
            unreadable.append("results.json: not in the record (no tally published)")
    except VerifyError as exc:
        unreadable.append(str(exc))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        unreadable.append(f"the record's manifest or results cannot be shown ({type(exc).__name__}: {exc})")
    finally:
        files.close()
    return RecordSummary(str(location), files=hashes, unreadable=tuple(unreadable), **fields)
