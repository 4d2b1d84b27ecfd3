"""Frozen test vectors: one opener for every JSON file under tests/vectors/<area>/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

VECTORS_DIR = Path(__file__).resolve().parent


def load_vectors(area: str, name: str) -> dict[str, Any]:
    """Load tests/vectors/<area>/<name>.json.

    Each file is an object with "provenance" (source, generator, date) and
    "vectors" (a list of cases).
    """
    path = VECTORS_DIR / area / f"{name}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if "provenance" not in data or "vectors" not in data:
        raise ValueError(f"{path}: a vector file needs 'provenance' and 'vectors'")
    return data
