"""Find the bundled sample elections (assets/elections/<name>/manifest.toml)."""

from __future__ import annotations

import os
from pathlib import Path

from ballot.errors import BallotError

ASSETS_ENV = "PBVOTE_ASSETS"
DEFAULT_SAMPLE = "taipei-daan"
ROLL_SAMPLE = "jingmei-roll"
"""The bundled voter-roll election; its roll (``roll.csv``, invented entries) sits beside the manifest."""


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


def sample_roll(name: str = ROLL_SAMPLE) -> Path:
    """Return the path of a bundled sample's voter roll (``roll.csv``: columns id, birth_date).

    Raises:
        BallotError: if the sample has no roll (only voter-roll samples do).
    """
    path = sample_manifest(name).with_name("roll.csv")
    if not path.is_file():
        raise BallotError(f"the bundled sample {name!r} has no voter roll (the roll sample is {ROLL_SAMPLE!r})")
    return path
