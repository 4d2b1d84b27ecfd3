"""Turn a pabulib .pb election into a pbvote manifest.

Lets officials and researchers replay real elections through pbvote.  The
.pb format carries a single language and no schedule or trustee setup, so
the import fills those with documented defaults (language ``en`` holding the
file's own texts, 3 trustees with threshold 2, voting codes) and says so in
the manifest's header comment.

Vote types: approval and choose-1 become approval ballots (choose-1: exactly
one pick), cumulative and scoring become cumulative ballots, and ordinal
becomes a cumulative ballot too: the city counted ``L - position`` points for
the project ranked at ``position`` (Kraków 2019: 3, 2, 1 with ``L`` = META
``max_length``), and a homomorphic tally can only add per-project numbers, so
a ranking is cast as those points (``L(L+1)/2`` to spread, at most ``L`` on
one project).  The counts then equal the city's ``score`` column; what the
ballot no longer enforces is that the points form a ranking.  ``vote_selection``
turns a file's vote into the ballot the manifest describes, for replays.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ballot.errors import PabulibError
from ballot.manifest import parse_manifest
from ballot.manifest_model import MANIFEST_FORMAT, Election
from ballot.manifest_toml import dumps_manifest
from ballot.pabulib import PbFile, PbVote
from ballot.selection import Selection

RULES = {
    "greedy": "greedy",
    "greedy-no-skip": "greedy-no-skip",
    "greedy-threshold": "greedy-threshold",
    "greedy-custom": "greedy-no-skip",  # approximated: see APPROXIMATED
    "equalshares": "equal-shares",
    "equalshares/add1": "equal-shares",
    "equalshares/add1/greedy": "equal-shares",
}
# pabulib's "equalshares/add1" leaves leftover budget unspent: Assen 2024's real winners are
# reproduced only without a greedy fill (a fill would also fund project 7).
_FILL = {"equalshares/add1/greedy": "greedy"}

APPROXIMATED = {
    "greedy-custom": (
        "META rule 'greedy-custom' (Poznań, per the file's META comment) funds projects in order of votes "
        "until the next one does not fit, and then that one too, from reserve money beyond the budget, when "
        "what is left covers at least 80 % of its cost. A manifest's budget cannot be exceeded, so this "
        "manifest uses 'greedy-no-skip': the same projects within the budget, without the reserve-funded one "
        "(marked 2 in the file's 'selected' column). 'pbvote pabulib outcome' computes the full rule."),
}
"""pabulib rules the manifest can only approximate, and what the approximation leaves out."""


def rule_note(pb: PbFile) -> str | None:
    """Why the manifest's outcome rule only approximates the file's META rule (None: it expresses it)."""
    return APPROXIMATED.get(pb.meta.get("rule", ""))


_TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def _slug(text: str, limit: int) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].strip("-")


def _date(text: str | None, *, end: bool) -> datetime | None:
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(text.strip(), fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
        return day + timedelta(hours=23, minutes=59, seconds=59) if end else day
    return None


def _int_meta(pb: PbFile, key: str) -> int | None:
    raw = pb.meta.get(key)
    if raw is None or raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise PabulibError(f"META {key}: must be a number, got {raw!r}") from None
    if value != int(value):
        raise PabulibError(f"META {key}: must be a whole number, got {raw!r}")
    return int(value)


def ordinal_length(pb: PbFile) -> int:
    """``L`` of an ordinal file: META ``max_length``, else its longest ranking (at least 1)."""
    return _int_meta(pb, "max_length") or max((len(v.projects) for v in pb.votes), default=1) or 1


def vote_selection(pb: PbFile, vote: PbVote, district: str = "main") -> Selection:
    """The ballot a vote of the file becomes under the imported manifest.

    Approval and choose-1 votes pick their projects; cumulative and scoring
    votes put their points; an ordinal vote puts ``L - position`` points on
    the project ranked at ``position`` (0-based; none past ``L``).

    Raises:
        PabulibError: a points vote without points.
    """
    kind = pb.vote_type
    if kind == "ordinal":
        length = ordinal_length(pb)
        return Selection(district, points={p: length - i for i, p in enumerate(vote.projects) if i < length})
    if kind in ("cumulative", "scoring"):
        if vote.points is None:
            raise PabulibError(f"voter {vote.voter_id!r}: {kind} vote without points")
        return Selection(district, points=dict(zip(vote.projects, vote.points, strict=True)))
    return Selection(district, picks=frozenset(vote.projects))


def manifest_data(pb: PbFile, *, name: str) -> dict[str, Any]:
    """Build manifest data (docs/manifest.md shape) from a parsed .pb file.

    Args:
        pb: the parsed file.
        name: the file's stem, used for the election id when META lacks one.

    Returns:
        Plain data ready for ``dumps_manifest``.
    """
    meta = pb.meta
    parts = [meta.get(k, "") for k in ("country", "unit", "subunit", "instance")]
    election_id = _slug("-".join(p for p in parts if p), 64) or _slug(name, 64)
    if len(election_id) < 3:
        election_id = f"pb-{election_id}".strip("-") + "-election"
    title = meta.get("description") or " ".join(p for p in parts[1:] if p) or name
    opens = _date(meta.get("date_begin"), end=False) or datetime(2000, 1, 1, tzinfo=UTC)
    closes = _date(meta.get("date_end"), end=True)
    if closes is None or closes <= opens:
        closes = opens + timedelta(days=14)

    budget = _int_meta(pb, "budget")
    if budget is None:
        raise PabulibError("META budget: is missing")
    n = len(pb.projects)
    vote_type = meta.get("vote_type", "approval")
    ballot: dict[str, Any]
    if vote_type == "ordinal":
        length = ordinal_length(pb)
        ballot = {"type": "cumulative", "points": length * (length + 1) // 2, "max_per_project": length}
    elif vote_type in ("cumulative", "scoring"):
        points = _int_meta(pb, "max_sum_points") or max((sum(v.points or ()) for v in pb.votes), default=1)
        ballot = {"type": "cumulative", "points": points}
        per = _int_meta(pb, "max_points")
        if per is not None:
            ballot["max_per_project"] = min(per, points)
    else:
        low = _int_meta(pb, "min_length") or (1 if vote_type == "choose-1" else 0)
        high = _int_meta(pb, "max_length") or (1 if vote_type == "choose-1" else n)
        high = max(1, min(high, n))
        ballot = {"type": "approval", "min": min(low, high), "max": high}

    rule = RULES.get(meta.get("rule", ""), "greedy")
    outcome: dict[str, Any] = {"rule": rule}
    threshold = _int_meta(pb, "min_project_score_threshold")
    if rule == "equal-shares":
        outcome.update(completion="add1", fill=_FILL.get(meta.get("rule", ""), "none"))
    elif threshold:
        outcome["threshold"] = threshold
    elif rule == "greedy-threshold":
        outcome["rule"] = "greedy"

    categories: dict[str, dict[str, str]] = {}
    projects = []
    for p in pb.projects:
        label = p.name.strip() or f"Project {p.id}"
        project: dict[str, Any] = {
            "id": p.id, "district": "main", "title": {"en": label},
            "description": {"en": (p.extra.get("description") or label).strip()}, "cost": p.cost,
        }
        category = p.extra.get("category", "").split(",")[0].strip()
        if category and _slug(category, 32):
            cid = _slug(category, 32)
            categories.setdefault(cid, {"en": category})
            project["category"] = cid
        projects.append(project)

    district_name = meta.get("district") or meta.get("subunit") or meta.get("unit") or "Main"
    currency = meta.get("currency", "").upper()
    return {
        "format": MANIFEST_FORMAT,
        "election": {
            "id": election_id, "title": {"en": title}, "languages": ["en"],
            "opens": opens, "closes": closes,
        },
        "trustees": {"count": 3, "threshold": 2},
        "eligibility": {"mode": "codes"},
        **({"categories": categories} if categories else {}),
        "districts": [{
            "id": "main", "name": {"en": district_name}, "budget": budget,
            "currency": currency if re.fullmatch(r"[A-Z]{3}", currency) else "XXX",
            "ballot": ballot, "outcome": outcome,
        }],
        "projects": projects,
    }


def import_pb(pb: PbFile, source: Path, out: Path) -> Election:
    """Write the manifest for a .pb file to ``out`` and return it validated.

    Raises:
        PabulibError: for META values the manifest cannot express.
        InvalidManifest: if the resulting manifest does not validate.
    """
    header = (f"Imported from {source.name} by 'pbvote pabulib import'.\n"
              "Texts are in the file's own language under 'en'; schedule, trustees and\n"
              "eligibility are defaults: review them before initialising an election.")
    note = rule_note(pb)
    if note:
        header += "\n\n" + textwrap.fill(note, 100)
    text = dumps_manifest(manifest_data(pb, name=source.stem), header=header)
    election = parse_manifest(text, source=str(out), base_dir=out.resolve().parent)
    out.write_text(text, encoding="utf-8")
    return election
