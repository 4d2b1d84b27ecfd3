"""docs/audit-events.md, spec section 38's table and the verifier's catalogue are generated from one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.audit_catalog import audit_events
from ballot.audit_docs import SPEC, main, outputs, spec_text, stale
from tally.verify.audit_catalog import EVENTS


def test_the_generated_files_are_up_to_date() -> None:
    assert [] == stale(), "run: .venv/bin/python -m ballot.audit_docs"
    assert 0 == main(["--check"])


def test_the_verifier_knows_exactly_the_declared_events_and_keys() -> None:
    assert {e.id: (e.type, dict(e.details)) for e in audit_events().values()} == EVENTS


def test_a_stale_file_is_detected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    original = outputs()[SPEC]
    edited = original.replace("| `polls-open` | polls |", "| `polls-opened` | polls |")
    assert edited != original
    assert original == spec_text(edited)  # regenerating puts the declared row back
    doc = tmp_path / "audit-events.md"
    doc.write_text("# hand-edited\n", encoding="utf-8")
    monkeypatch.setattr("ballot.audit_docs.DOC", doc)
    assert [doc] == stale()
    assert 1 == main(["--check"])


def test_every_event_is_documented() -> None:
    text = outputs()[SPEC]
    for event in audit_events():
        assert f"| `{event}` |" in text
