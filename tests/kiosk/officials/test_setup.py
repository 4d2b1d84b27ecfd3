"""Setup page: sample and pabulib sources, the CLI's own validation messages, preview, save and its refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.authority import has_authority, unlock_board_key
from ballot.pabulib import read_pb
from ballot.storage import load_election
from kiosk.officials.console import OfficialsWindow
from kiosk.officials.pages.setup import SetupPage
from kiosk.qt import QApplication, QMessageBox
from kiosk.window import KioskWindow
from tally.cli import main as pbvote
from tests.ballot.box_setup import prepare_election
from tests.kiosk.officials.shell_steps import BOARD, OFFICIAL, empty_store, open_console, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PABULIB = Path("/work/shared/data/pabulib/Poland_Gdynia_2020_Babie_Doly__large.pb")


def _setup(qtbot, store) -> tuple[OfficialsWindow, SetupPage]:  # type: ignore[no-untyped-def]
    from ballot.officials import set_passphrase

    with store.write() as s:
        from ballot.officials import has_passphrase
        if not has_passphrase(s, "official"):
            set_passphrase(s, "official", OFFICIAL)
    window = open_console(qtbot, store)
    sign_in(qtbot, window)
    page = window.show_page("setup")
    assert isinstance(page, SetupPage)
    return window, page


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_sample_loads_valid_and_a_bad_cost_shows_the_clis_message_on_its_cell(qtbot, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _window, page = _setup(qtbot, empty_store(tmp_path / "e.db"))
    assert not page.save_button.isEnabled()
    page.load_sample()
    assert page.election is not None and page.save_button.isEnabled()
    assert page.message.text.text().startswith("Valid. Election taipei-daan-2027, 20 projects in 2 district(s).")
    manifest = tmp_path / "daan.toml"
    page.export(manifest)
    page.load_manifest_file(manifest)  # messages name this file, as the CLI's do
    page.form.setCurrentIndex(2)
    page.form.set_cell("projects", 3, "cost", "-5")
    qtbot.waitUntil(lambda: page.problem is not None)
    assert not page.save_button.isEnabled() and not page.preview_button.isEnabled()
    page.export(manifest)
    assert 1 == pbvote(["election", "validate", str(manifest)])
    cli = capsys.readouterr().err.strip()
    assert f"pbvote: error: {page.problem}" == cli
    assert "projects[3].cost: must be a positive integer" in page.message.text.text()
    table = page.form.tables["projects"]
    column = next(i for i, f in enumerate(page.form.columns["projects"]) if f.heading == "cost")
    assert "#fdecea" == table.item(3, column).background().color().name()
    page.form.set_cell("projects", 3, "cost", "950_000")
    qtbot.waitUntil(lambda: page.problem is None)
    assert "#fdecea" != table.item(3, column).background().color().name()


def test_election_field_error_marks_the_field(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, page = _setup(qtbot, empty_store(tmp_path / "e.db"))
    page.load_sample()
    field = page.form.election_fields["election.closes"]
    field.setText("2027-02-01T08:00:00+08:00")
    field.textEdited.emit(field.text())
    page.validate()
    assert page.problem is not None and "election.closes: must be after election.opens" in page.problem
    assert field.property("invalid") is True


def test_save_stores_the_election_like_election_init(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", BOARD)
    store = empty_store(tmp_path / "e.db")
    window, page = _setup(qtbot, store)
    page.load_sample()
    page.save_button.click()
    qtbot.waitUntil(lambda: not window.context.busy(), timeout=20000)
    with store.read() as s:
        assert "taipei-daan-2027" == load_election(s).id and has_authority(s)
        unlock_board_key(s, BOARD)
        assert "election-init" in [e.event for e in read_audit_log(s)]
    assert page.stored.text().startswith("Stored: taipei-daan-2027")
    assert "Da'an District Participatory Budget 2027" == window.header.title.text()


def test_save_after_polls_opened_is_refused_with_the_back_ends_message(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready = prepare_election(f"sqlite:///{tmp_path / 'e.db'}", 3)
    store, election_id = ready.store, ready.election.id
    _window, page = _setup(qtbot, store)
    page.load_sample()
    page.form.set_cell("projects", 0, "cost", "1_300_000")
    page.save_button.click()
    qtbot.waitUntil(lambda: bool(_boxes()), timeout=20000)
    box = _boxes()[0]
    assert "The election was not saved" == box.windowTitle()
    assert "polls" in box.text() and "Traceback" not in box.text()
    box.close()
    with store.read() as s:
        assert election_id == load_election(s).id and 1_200_000 == load_election(s).projects[0].cost
        refused = [e for e in read_audit_log(s) if e.disposition == "failure"]
    assert refused and refused[-1].event.startswith("election")


def test_pabulib_import_fills_the_tables_and_validates(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, page = _setup(qtbot, empty_store(tmp_path / "e.db"))
    page.import_pabulib(PABULIB)
    pb = read_pb(PABULIB)
    assert page.problem is None and page.election is not None
    assert len(pb.projects) == page.form.tables["projects"].rowCount() == len(page.election.projects)
    assert 1 == page.form.tables["districts"].rowCount()


def test_preview_opens_the_residents_ballot_for_the_edited_election(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, page = _setup(qtbot, empty_store(tmp_path / "e.db"))
    page.load_sample()
    page.form.set_cell("projects", 0, "title.en", "Shade trees, edited")
    page.preview_button.click()
    preview = page.preview_window
    assert isinstance(preview, KioskWindow) and preview.isVisible()
    assert "Shade trees, edited" == preview.flow.election.projects[0].title.get("en")
    preview.close()
    qtbot.waitUntil(lambda: page.preview_window is None)


def test_the_page_opens_on_the_stored_election_with_its_fingerprint(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.kiosk.officials.shell_steps import sample_store

    store = sample_store(tmp_path / "e.db")
    with store.read() as s:
        stored = load_election(s)
    _window, page = _setup(qtbot, store)
    assert page.problem is None and page.election is not None
    assert stored.fingerprint == page.election.fingerprint  # pictures come from the store, at their own paths
    column = next(i for i, f in enumerate(page.form.columns["projects"]) if f.heading == "title.en")
    assert stored.projects[0].title.get("en") == page.form.tables["projects"].item(0, column).text()
