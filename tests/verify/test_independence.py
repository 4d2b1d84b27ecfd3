"""tally/verify imports only the standard library, PyNaCl and itself (issue 7).

The observers' verifier must not trust the application it checks, so no
module of it may import crypto/, ballot/, kiosk/, other tally modules or
sqlalchemy, not even inside a function: scanned with the AST.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ALLOWED_TOP = set(sys.stdlib_module_names) | {"nacl", "__future__"}


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert 0 == node.level, f"{path.name}: relative import"
            names.add(node.module or "")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                "__import__", "import_module"):
            names.add(f"<dynamic import in {path.name}>")
    return names


def test_verify_imports_only_the_stdlib_pynacl_and_itself() -> None:
    paths = sorted((REPO / "tally" / "verify").glob("*.py"))
    assert len(paths) >= 8
    bad = {f"{p.name}: {name}" for p in paths for name in imported_names(p)
           if name.split(".")[0] not in ALLOWED_TOP and name != "tally.verify" and not name.startswith("tally.verify.")}
    assert set() == bad


def test_the_scan_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from crypto.signatures import verify\n    import ballot.record\n", encoding="utf-8")
    assert {"crypto.signatures", "ballot.record"} == imported_names(bad)
