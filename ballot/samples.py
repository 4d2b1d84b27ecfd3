"""Find the bundled sample elections (assets/elections/<name>/manifest.toml)."""

from __future__ import annotations

import os
from pathlib import Path

from ballot.errors import BallotError

ASSETS_ENV = "PBVOTE_ASSETS"
DEFAULT_SAMPLE = "taipei-daan"


def assets_dir() -> Path:
    """Return the assets folder: ``$PBVOTE_ASSETS`` or the one beside the packages."""
    env = os.environ.get(ASSETS_ENV)
    return Path(env) if env else Path(__file__).resolve().parents[1] / "assets"


def sample_names() -> list[str]:
    """Return the names of the bundled sample elections."""
    root = assets_dir() / "elections"
    return sorted(p.parent.name for p in root.glob("*/manifest.toml"))


def sample_manifest(name: str = DEFAULT_SAMPLE) -> Path:
    """Return the path of a bundled sample manifest.

    Raises:
        BallotError: if the sample does not exist (names the ones that do).
    """
    path = assets_dir() / "elections" / name / "manifest.toml"
    if not path.is_file():
        known = ", ".join(sample_names()) or "none found"
        raise BallotError(f"no bundled sample election {name!r} under {assets_dir()} (available: {known})")
    return path
