"""Project pictures as pixmaps, loaded once through a byte source the app builder passes in."""

from __future__ import annotations

from collections.abc import Callable

from ballot.manifest_model import Project
from kiosk.qt import QPixmap

ImageBytes = Callable[[Project], bytes | None]


class PixmapCache:
    """Turn a project's image bytes into a cached QPixmap.

    Args:
        source: returns the PNG bytes of a project's picture, or None.
    """

    def __init__(self, source: ImageBytes) -> None:
        self.source = source
        self._cache: dict[str, QPixmap | None] = {}

    def __call__(self, project: Project) -> QPixmap | None:
        """Return the project's picture, or None if it has none or it cannot be read."""
        if project.image is None:
            return None
        key = project.image.sha256
        if key not in self._cache:
            data = self.source(project)
            pixmap = QPixmap()
            self._cache[key] = pixmap if data and pixmap.loadFromData(data) else None
        return self._cache[key]


def file_image_bytes(project: Project) -> bytes | None:
    """Read a picture from the file the manifest named (elections loaded from a file)."""
    if project.image is None or project.image.resolved is None:
        return None
    try:
        return project.image.resolved.read_bytes()
    except OSError:
        return None
