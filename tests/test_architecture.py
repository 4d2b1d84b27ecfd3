"""Dependencies point one way: kiosk -> tally/ballot -> crypto (STYLE.md section 0).

Scans every module's imports (including function-local ones) with the AST, so
a forbidden import fails here even on a code path no other test takes.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STDLIB = set(sys.stdlib_module_names)

# package -> top-level modules it may import besides the standard library and itself
ALLOWED = {
    "crypto": {"nacl"},
    "ballot": {"crypto", "nacl", "sqlalchemy", "alembic", "platformdirs", "qrcode", "reportlab", "PIL", "psycopg",
               "starlette", "uvicorn", "anyio"},  # anyio, starlette, uvicorn: ballot/service only (issue 9)
    "tally": {"crypto", "ballot", "nacl", "sqlalchemy", "reportlab", "qrcode", "PIL", "psycopg", "zxingcpp"},
    "kiosk": {"crypto", "ballot", "tally", "PySide6", "nacl", "PIL"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_its_layer_allows(package: str) -> None:
    allowed = ALLOWED[package] | {package, "__future__"}
    bad = {
        f"{path.relative_to(REPO)}: {name}"
        for path in modules(package)
        for name in imports_of(path)
        if name not in allowed and name not in STDLIB
    }
    assert set() == bad


def test_only_the_hazardous_layer_touches_nacl_bindings() -> None:
    offenders = []
    for package in ALLOWED:
        for path in modules(package):
            if path.name == "_group.py" and package == "crypto":
                continue
            if package == "tally" and path.parent == REPO / "tally" / "verify":
                continue  # the observers' verifier re-implements the group from the spec (issue 7)
            if "nacl.bindings" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(REPO)))
    assert [] == offenders


def test_no_sql_or_crypto_internals_in_the_kiosk() -> None:
    offenders = []
    for path in modules("kiosk"):
        text = path.read_text(encoding="utf-8")
        if "sqlalchemy" in text or "ballot.storage.models" in text or "crypto._group" in text:
            offenders.append(str(path.relative_to(REPO)))
    assert [] == offenders
