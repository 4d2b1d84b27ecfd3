"""The election manifest as frozen domain records, and its canonical form.

Everything downstream (kiosk, ballot box, tally, verifier) works on these
records; only ``ballot.manifest.parse_manifest`` builds them, after checking
every field, so nothing downstream re-validates.  The canonical form is what
the election fingerprint hashes (docs/spec.md "Election fingerprint").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, NewType

from crypto.canonical import canonical_json

MANIFEST_FORMAT = "pbvote-manifest/1"
SUPPORTED_LANGUAGES = ("en", "zh-TW")
BALLOT_TYPES = ("approval", "knapsack", "cumulative")
OUTCOME_RULES = ("greedy", "greedy-no-skip", "greedy-threshold", "equal-shares")
ELIGIBILITY_MODES = ("codes", "roll")
DISTRICT_CHOICES = ("assigned", "resident")

ProjectId = NewType("ProjectId", str)
DistrictId = NewType("DistrictId", str)
BallotType = Literal["approval", "knapsack", "cumulative"]


@dataclass(frozen=True, slots=True)
class Text:
    """A resident-facing text in every language of the election.

    Stored as sorted (language, text) pairs so that the record is hashable
    and its canonical form does not depend on TOML key order.
    """

    items: tuple[tuple[str, str], ...]

    def get(self, language: str) -> str:
        """Return the text in ``language``, falling back to the first language."""
        for lang, text in self.items:
            if lang == language:
                return text
        return self.items[0][1]

    def as_dict(self) -> dict[str, str]:
        """Return the texts as a plain language -> text mapping."""
        return dict(self.items)


@dataclass(frozen=True, slots=True)
class BallotRule:
    """How a resident may fill the ballot of one district.

    Attributes:
        type: approval (pick projects), knapsack (picks' total cost within
            the budget) or cumulative (spread ``points`` over projects).
        min_picks: fewest projects an approval/knapsack ballot may pick.
        max_picks: most projects an approval/knapsack ballot may pick.
        points: the points a cumulative ballot spreads (None otherwise).
        max_per_project: most points on one project (None otherwise).
    """

    type: BallotType
    min_picks: int
    max_picks: int
    points: int | None = None
    max_per_project: int | None = None

    def canonical(self) -> dict[str, Any]:
        """Return the canonical JSON object of the rule."""
        out: dict[str, Any] = {"type": self.type}
        if self.type == "cumulative":
            out["points"] = self.points
            out["max_per_project"] = self.max_per_project
        else:
            out["min"] = self.min_picks
            out["max"] = self.max_picks
        return out


@dataclass(frozen=True, slots=True)
class OutcomeRule:
    """Which projects win, given the counts (tally/rules implements each).

    Attributes:
        rule: one of OUTCOME_RULES.
        threshold: minimum votes (points) a project needs to be funded by a
            greedy rule; required (>= 1) for greedy-threshold, optional for
            greedy and greedy-no-skip (some cities, e.g. Gdynia, combine them).
        completion: "add1" for equal-shares (None otherwise).
        fill: what fills leftover budget after equal-shares ("greedy"/"none").
    """

    rule: str
    threshold: int = 0
    completion: str | None = None
    fill: str | None = None

    def canonical(self) -> dict[str, Any]:
        """Return the canonical JSON object of the rule."""
        out: dict[str, Any] = {"rule": self.rule}
        if self.rule != "equal-shares":
            out["threshold"] = self.threshold
        if self.rule == "equal-shares":
            out["completion"] = self.completion
            out["fill"] = self.fill
        return out


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A project picture: its path as written and the SHA-256 of its bytes.

    The hash, not the path, enters the fingerprint, so replacing a picture
    with another of the same name changes the election's fingerprint.
    ``resolved`` is the file on disk when the manifest came from a file;
    an election loaded from a database or record finds images by hash.
    """

    path: str
    sha256: str
    resolved: Path | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Project:
    """One project residents can vote for."""

    id: ProjectId
    district: DistrictId
    title: Text
    description: Text
    cost: int
    category: str | None = None
    image: ImageRef | None = None
    location: Text | None = None

    def canonical(self) -> dict[str, Any]:
        """Return the canonical JSON object of the project."""
        out: dict[str, Any] = {
            "id": self.id,
            "district": self.district,
            "title": self.title.as_dict(),
            "description": self.description.as_dict(),
            "cost": self.cost,
        }
        if self.category is not None:
            out["category"] = self.category
        if self.image is not None:
            out["image"] = {"path": self.image.path, "sha256": self.image.sha256}
        if self.location is not None:
            out["location"] = self.location.as_dict()
        return out


@dataclass(frozen=True, slots=True)
class District:
    """A ballot style: its projects share one budget, ballot rule and outcome rule."""

    id: DistrictId
    name: Text
    budget: int
    currency: str
    ballot: BallotRule
    outcome: OutcomeRule

    def canonical(self) -> dict[str, Any]:
        """Return the canonical JSON object of the district."""
        return {
            "id": self.id,
            "name": self.name.as_dict(),
            "budget": self.budget,
            "currency": self.currency,
            "ballot": self.ballot.canonical(),
            "outcome": self.outcome.canonical(),
        }


@dataclass(frozen=True, slots=True)
class Election:
    """A validated election manifest.

    Built only by ``parse_manifest``; ``fingerprint`` names the election in
    every later artefact (ballots, receipts, the record).
    """

    id: str
    title: Text
    description: Text | None
    languages: tuple[str, ...]
    opens: datetime
    closes: datetime
    district_choice: str
    trustees: int
    threshold: int
    eligibility: str
    categories: tuple[tuple[str, Text], ...]
    districts: tuple[District, ...]
    projects: tuple[Project, ...]
    source: Path | None = field(default=None, compare=False)

    def canonical(self) -> dict[str, Any]:
        """Return the canonical form: the JSON object the fingerprint hashes."""
        election: dict[str, Any] = {
            "id": self.id,
            "title": self.title.as_dict(),
            "languages": list(self.languages),
            "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(),
            "district_choice": self.district_choice,
        }
        if self.description is not None:
            election["description"] = self.description.as_dict()
        return {
            "format": MANIFEST_FORMAT,
            "election": election,
            "trustees": {"count": self.trustees, "threshold": self.threshold},
            "eligibility": {"mode": self.eligibility},
            "categories": {cid: text.as_dict() for cid, text in self.categories},
            "districts": [d.canonical() for d in self.districts],
            "projects": [p.canonical() for p in self.projects],
        }

    def canonical_bytes(self) -> bytes:
        """Return the canonical JSON bytes of the manifest."""
        return canonical_json(self.canonical())

    @property
    def fingerprint(self) -> bytes:
        """SHA-256 of the canonical JSON: the election's identity in every artefact."""
        return hashlib.sha256(self.canonical_bytes()).digest()

    @property
    def fingerprint_hex(self) -> str:
        """The fingerprint as 64 lower-case hex digits."""
        return self.fingerprint.hex()

    def district(self, district_id: str) -> District:
        """Return the district with this id.

        Raises:
            KeyError: if there is none.
        """
        for d in self.districts:
            if d.id == district_id:
                return d
        raise KeyError(district_id)

    def projects_in(self, district_id: str) -> tuple[Project, ...]:
        """Return the projects of one district, in manifest order."""
        return tuple(p for p in self.projects if p.district == district_id)

    def category_text(self, category_id: str) -> Text | None:
        """Return the display text of a category id, if declared."""
        for cid, text in self.categories:
            if cid == category_id:
                return text
        return None


def short_fingerprint(fingerprint: bytes) -> str:
    """Return the first 64 bits of a fingerprint as four groups of hex, for letters and screens."""
    h = fingerprint.hex()[:16]
    return "-".join(h[i : i + 4] for i in range(0, 16, 4))
