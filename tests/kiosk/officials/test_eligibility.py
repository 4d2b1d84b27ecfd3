"""Eligibility page: a batch of codes (files written, credentials counted, no code on screen) and the voter roll."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader

from ballot.audit import read_audit_log
from ballot.registry import count_credentials
from ballot.roll import count_roll, read_roll_key
from ballot.samples import sample_manifest
from ballot.storage import load_election
from kiosk.officials.letters_print import print_pdf_file
from kiosk.officials.pages.eligibility import EligibilityPage
from tests.kiosk.officials.shell_steps import open_page, sample_store, texts

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _page(qtbot, store) -> tuple[object, EligibilityPage]:  # type: ignore[no-untyped-def]
    window, page = open_page(qtbot, store, "eligibility")
    assert isinstance(page, EligibilityPage)
    return window, page


def test_codes_are_written_to_files_counted_and_never_shown(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = sample_store(tmp_path / "e.db")
    window, page = _page(qtbot, store)
    assert page.codes.isVisible() and not page.roll.isVisible()
    assert "0 voting codes issued" == page.counts.text()
    out = tmp_path / "batch-1"
    page.count.setText("7")
    page.folder.edit.setText(str(out))
    page.generate.click()
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=60000)
    with (out / "codes.csv").open(encoding="utf-8") as fh:
        codes = [row["code"] for row in csv.DictReader(fh)]
    assert 7 == len(codes) == len(set(codes))
    assert 7 == len(PdfReader(out / "letters.pdf").pages)
    assert {0o600} == {(out / n).stat().st_mode & 0o777 for n in ("codes.csv", "letters.pdf", "cards.pdf")}
    with store.read() as s:
        assert 7 == count_credentials(s)
        assert "codes-generate" in [e.event for e in read_audit_log(s)]
    assert "7 voting codes issued" == page.counts.text()
    assert page.codes_note.text.text().startswith("7 codes generated; 7 credentials added.")
    shown = "\n".join(texts(window))
    for code in codes:
        assert code not in shown and code.replace("-", "") not in shown.replace("-", "")


def test_a_second_batch_into_the_same_folder_is_refused_and_nothing_added(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = sample_store(tmp_path / "e.db")
    window, page = _page(qtbot, store)
    out = tmp_path / "batch"
    out.mkdir()
    (out / "codes.csv").write_text("code\n", encoding="utf-8")
    page.folder.edit.setText(str(out))
    page.count.setText("3")
    page.generate.click()
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=60000)
    assert "No codes were generated." == page.codes_note.text.text()
    with store.read() as s:
        assert 0 == count_credentials(s)


def test_letters_print_every_page(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.officials.actions import generate_code_batch

    store = sample_store(tmp_path / "e.db")
    batch = generate_code_batch(store, 3, tmp_path / "b")
    printed = tmp_path / "printed.pdf"
    assert 3 == print_pdf_file(batch.files[1], output=printed)
    assert 3 == len(PdfReader(printed).pages)


def test_roll_import_stores_keyed_hashes_and_seals_the_key(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = sample_store(tmp_path / "e.db", "jingmei-roll")
    window, page = _page(qtbot, store)
    assert page.roll.isVisible() and not page.codes.isVisible()
    roll = Path(sample_manifest("jingmei-roll")).parent / "roll.csv"
    key = tmp_path / "roll.key"
    page.roll_file.edit.setText(str(roll))
    page.key_file.edit.setText(str(key))
    page.roll_passphrase.first.setText("roll passphrase 1")
    page.roll_passphrase.second.setText("roll passphrase 1")
    page.import_button.click()
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=60000)
    with store.read() as s:
        entries, used = count_roll(s)
        fingerprint = load_election(s).fingerprint
    lines = len(roll.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert (lines, 0) == (entries, used)
    read_roll_key(key, "roll passphrase 1", fingerprint)
    assert page.counts.text() == f"{lines} residents on the roll, 0 checked in"
    assert "" == page.roll_passphrase.first.text()
