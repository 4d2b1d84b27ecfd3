"""Election setup: load a manifest, import a pabulib file or start from the sample; edit, validate, preview, save.

Validation is the CLI's: the form's tables are written as TOML and read back by
``parse_manifest`` (what ``pbvote election validate`` runs), so the message
beside the form is the one the command line prints, naming the field, and the
form marks that field.  "Save" does what ``pbvote election init`` does (store
the election, then create the ballot-box key sealed by a new passphrase, or
$PBVOTE_BOARD_PASSPHRASE); the back end refuses a different manifest once one is
stored and polls have opened, and the page shows its message.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from ballot.authority import create_authority, has_authority
from ballot.errors import BallotError
from ballot.manifest import parse_manifest
from ballot.manifest_model import Election, short_fingerprint
from ballot.manifest_toml import dumps_manifest
from ballot.pabulib import read_pb
from ballot.pabulib_manifest import manifest_data
from ballot.samples import sample_manifest
from ballot.storage import save_election
from kiosk.i18n import fill
from kiosk.officials.actions import stored_manifest
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import ask_new_passphrase, show_problem
from kiosk.officials.manifest_form import ManifestForm
from kiosk.officials.page import ConsolePage
from kiosk.officials.widgets import Note, Section, StatusChip, button, page_layout
from kiosk.qt import QFileDialog, QHBoxLayout, Qt, QTimer, QVBoxLayout, QWidget

__all__ = ["BOARD_PASSPHRASE_ENV", "SetupPage"]

BOARD_PASSPHRASE_ENV = "PBVOTE_BOARD_PASSPHRASE"


def _moved_image(project: Any, base: Path, folder: Path) -> Any:
    """A project table whose image path still finds the picture from ``folder`` (the manifest moved there)."""
    image = project.get("image") if isinstance(project, dict) else None
    if not isinstance(image, str) or not image:
        return project
    return {**project, "image": os.path.relpath((base / image).resolve(), folder)}


class SetupPage(ConsolePage):
    """The election's manifest: sources, the form editor, the CLI's verdict, preview and save."""

    object_name = "setup"

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        column, self.heading, self.subtitle = page_layout(self)
        top = QHBoxLayout()
        self.stored = StatusChip()
        top.addWidget(self.stored)
        top.addStretch(1)
        self.open_button, self.pabulib_button, self.sample_button = button(), button(), button()
        self.open_button.clicked.connect(self._choose_manifest)
        self.pabulib_button.clicked.connect(self._choose_pabulib)
        self.sample_button.clicked.connect(self.load_sample)
        for b in (self.open_button, self.pabulib_button, self.sample_button):
            top.addWidget(b)
        column.addLayout(top)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.form = ManifestForm()
        self.form.edited.connect(self._edited)
        row.addWidget(self.form, 1)
        side = QVBoxLayout()
        self.verdict = Section()
        self.verdict.setFixedWidth(400)
        self.message = Note()
        self.verdict.body.addWidget(self.message)
        self.preview_button, self.save_button, self.export_button = button(), button("primary"), button()
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.export_button.clicked.connect(self._choose_export)
        for b in (self.save_button, self.preview_button, self.export_button):
            self.verdict.body.addWidget(b)
        side.addWidget(self.verdict)
        side.addStretch(1)
        row.addLayout(side)
        column.addLayout(row, 1)
        self.source = ""
        self.election: Election | None = None
        self.problem: str | None = None
        self.preview_window: QWidget | None = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._language = "en"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.validate)
        self.retranslate()

    def title(self) -> str:
        """The navigation's name of the page."""
        return self.tr("Setup")

    # ----- sources

    def load_manifest_file(self, path: Path) -> None:
        """Edit the manifest in ``path`` (TOML); a file that is not TOML at all is reported, the form kept."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            show_problem(self, self.tr("The manifest could not be read"), BallotError(f"{path}: {exc}"))
            return
        self._edit(data, str(path), path.resolve().parent)

    def import_pabulib(self, path: Path) -> None:
        """Edit the manifest ``pbvote pabulib import`` would write for the .pb file ``path``."""
        try:
            data = manifest_data(read_pb(path), name=path.stem)
        except (OSError, BallotError) as exc:
            show_problem(self, self.tr("The pabulib file could not be imported"), exc)
            return
        self._edit(data, str(path.with_suffix(".toml")), path.resolve().parent)

    def load_stored(self) -> None:
        """Edit the election stored in the database (its pictures taken from the store)."""
        self._workdir = tempfile.TemporaryDirectory(prefix="pbvote-manifest-")
        found = stored_manifest(self.context.store, Path(self._workdir.name))
        if found is not None:
            data, base = found
            self._edit(data, self.tr("stored manifest"), base)

    def load_sample(self) -> None:
        """Start from the bundled sample election (Da'an District)."""
        self.load_manifest_file(sample_manifest())

    def _edit(self, data: dict[str, Any], source: str, base_dir: Path) -> None:
        self.source = source
        self.form.load(data, base_dir)
        self.validate()

    def _choose_manifest(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a manifest"), str(Path.home()),
                                              self.tr("Election manifests (*.toml)"))
        if path:
            self.load_manifest_file(Path(path))

    def _choose_pabulib(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a pabulib file"), str(Path.home()),
                                              self.tr("pabulib files (*.pb)"))
        if path:
            self.import_pabulib(Path(path))

    # ----- validation

    def _edited(self) -> None:
        self._timer.start()

    def toml_text(self, folder: Path | None = None) -> str:
        """The form's manifest as TOML (what validation reads); ``folder``: image paths made relative to it."""
        data = self.form.data
        base = self.form.base_dir
        if folder is not None and base is not None and isinstance(data.get("projects"), list):
            data = {**data, "projects": [_moved_image(p, base, folder) for p in data["projects"]]}
        return dumps_manifest(data)

    def validate(self) -> Election | None:
        """Validate the form with the CLI's parser; show its verdict and mark the field it names."""
        self._timer.stop()
        if not self.form.data:
            self.election, self.problem = None, None
        else:
            try:
                self.election = parse_manifest(self.toml_text(), source=self.source or "<manifest>",
                                               base_dir=self.form.base_dir)
                self.problem = None
            except (BallotError, TypeError, ValueError) as exc:
                self.election, self.problem = None, str(exc)
        self.form.mark_problem(self.problem)
        self._show_verdict()
        return self.election

    def _show_verdict(self) -> None:
        if self.problem is not None:
            self.message.set_note(self.problem, "error")
        elif self.election is not None:
            e = self.election
            self.message.set_note(fill(self.tr("Valid. Election %1, %2 projects in %3 district(s). Fingerprint %4."),
                                       e.id, str(len(e.projects)), str(len(e.districts)),
                                       short_fingerprint(e.fingerprint)), "ok")
        else:
            self.message.set_note(self.tr("Open a manifest, import a pabulib file or start from the sample."), "muted")
        ready = self.election is not None
        for b in (self.save_button, self.preview_button, self.export_button):
            b.setEnabled(ready and not self.context.busy())

    # ----- preview, export, save

    def preview(self) -> None:
        """Open the resident's ballot for the edited election in its own window (preview mode: nothing is cast)."""
        from kiosk.app import build_window
        from kiosk.images import file_image_bytes

        election = self.validate()
        if election is None:
            return
        language = self.context_language()
        window = build_window(election, images=file_image_bytes, clock=self.context.clock)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.setWindowTitle(self.tr("Ballot preview (nothing is cast)"))
        window.destroyed.connect(self._preview_closed)
        window.resize(1280, 800)
        window.show()
        self.preview_window = window
        self._language = language

    def context_language(self) -> str:
        """The console's installed language (the preview may switch it; it is restored on close)."""
        from kiosk.i18n import Translations

        return Translations.of().language or "en"

    def _preview_closed(self) -> None:
        from kiosk.i18n import Translations

        self.preview_window = None
        Translations.of().use(self._language)

    def export(self, path: Path) -> None:
        """Write the edited manifest as TOML to ``path`` (for the CLI, or to keep with the election's papers)."""
        try:
            path.write_text(self.toml_text(path.resolve().parent), encoding="utf-8")
        except OSError as exc:
            show_problem(self, self.tr("The manifest was not written"), exc)

    def _choose_export(self) -> None:
        start = self.source if self.source.endswith(".toml") else str(Path.home() / "manifest.toml")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the manifest as"), start,
                                              self.tr("Election manifests (*.toml)"))
        if path:
            self.export(Path(path))

    def save(self) -> None:
        """Store the edited election (what ``pbvote election init`` does), off the GUI thread."""
        election = self.validate()
        if election is None or self.context.busy():
            return
        store = self.context.store
        with store.read() as session:
            has_key = has_authority(session)
        passphrase = ""
        if not has_key:
            passphrase = os.environ.get(BOARD_PASSPHRASE_ENV) or ask_new_passphrase(
                self, self.tr("Choose the ballot-box key's passphrase. Officials need it to open and close the "
                              "polls and to publish the record."))
            if not passphrase:
                return

        def store_it() -> bool:
            with store.write() as session:
                created = save_election(session, election)
                if not has_key:
                    create_authority(session, election, passphrase)
            return created

        self.save_button.setEnabled(False)
        self.context.run(store_it, self._saved, self._save_failed, self)

    def _saved(self, created: object) -> None:
        self._show_verdict()
        self.context.changed()
        self.refresh()

    def _save_failed(self, exc: BaseException) -> None:
        self._show_verdict()
        show_problem(self, self.tr("The election was not saved"), exc)

    # ----- texts

    def refresh(self) -> None:
        """Show which election the store holds."""
        stored = self.context.election()
        if stored is not None and not self.form.data:
            self.load_stored()  # the page opens on the current election
        if stored is None:
            self.stored.set_state(self.tr("No election stored yet"), "warn")
        else:
            self.stored.set_state(fill(self.tr("Stored: %1 (%2)"), stored.id, short_fingerprint(stored.fingerprint)),
                                  "ok")

    def retranslate(self) -> None:
        """Set every text in the installed language."""
        self.heading.setText(self.tr("Election setup"))
        self.subtitle.setText(self.tr("The manifest: texts in every language, districts with their budget and "
                                      "rules, and the projects. The check below is the one 'pbvote election "
                                      "validate' makes."))
        self.open_button.set_texts(self.tr("Open manifest…"), "", self.tr("Edit a manifest file (TOML)"))
        self.pabulib_button.set_texts(self.tr("Import pabulib…"), "",
                                      self.tr("Start from a pabulib .pb file, as 'pbvote pabulib import' does"))
        self.sample_button.set_texts(self.tr("Start from the sample"), "",
                                     self.tr("Start from the bundled sample election"))
        self.verdict.set_title(self.tr("Check"))
        self.save_button.set_texts(self.tr("Save election"), "",
                                   self.tr("Store this election in the database, as 'pbvote election init' does"))
        self.preview_button.set_texts(self.tr("Preview ballot"), "",
                                      self.tr("Open the ballot as residents will see it; nothing is cast"))
        self.export_button.set_texts(self.tr("Export manifest…"), "", self.tr("Write the manifest as a TOML file"))
        self.form.retranslate()
        self._show_verdict()
        self.refresh()
