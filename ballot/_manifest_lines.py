"""Map manifest field paths (``projects[3].cost``) to TOML line numbers.

tomllib reports lines only for syntax errors; for field errors an official
still wants "line 41".  A light line scanner is enough for the manifest's
shapes (tables, arrays of tables, ``key = value`` and one-line inline
tables); it never decides validity, it only points.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?")
_KEY = re.compile(r"^\s*(\"[^\"]+\"|[A-Za-z0-9_\-]+)\s*=")


class LineIndex:
    """Remembers on which line each field path was written."""

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        counters: dict[str, int] = {}
        table = ""
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                name = header.group(2).replace('"', "")
                if header.group(1) == "[[":
                    index = counters.get(name, -1) + 1
                    counters[name] = index
                    table = f"{name}[{index}]"
                else:
                    table = _attach(name, counters)
                self._lines.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                name = key.group(1).strip('"')
                path = f"{table}.{name}" if table else name
                self._lines.setdefault(path, number)

    def line_of(self, path: str) -> int | None:
        """Return the line of ``path`` or of its nearest written ancestor."""
        while path:
            if path in self._lines:
                return self._lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                return self._lines.get(path)
            path = path[:cut]
        return None


def _attach(name: str, counters: dict[str, int]) -> str:
    """Resolve ``districts.ballot`` to ``districts[2].ballot`` (the current element)."""
    head, _, rest = name.partition(".")
    if head in counters and rest:
        return f"{head}[{counters[head]}].{rest}"
    return name
