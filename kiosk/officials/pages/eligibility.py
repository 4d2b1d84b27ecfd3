"""Eligibility: generate voting codes with their letters and cards, or import the voter roll; counts only on screen.

Codes are secrets: they go straight from the generator into the files of the
chosen folder (mode 0600) and the database keeps only public credentials.  The
page shows how many, and where the files are; never a code.  The roll is
stored as keyed hashes; its key file is sealed with a passphrase typed twice.
"""

from __future__ import annotations

from pathlib import Path

from ballot.registry import count_credentials
from ballot.roll import count_roll
from kiosk.i18n import fill, format_number
from kiosk.officials.actions import CodeBatch, generate_code_batch, import_voter_roll
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import NewPassphraseForm, show_problem
from kiosk.officials.letters_print import print_pdf_file, printers_available
from kiosk.officials.page import ConsolePage
from kiosk.officials.widgets import Note, PathField, Section, StatusChip, button, button_row, field_rows, page_layout
from kiosk.qt import QFileDialog, QHBoxLayout, QLineEdit, QWidget
from kiosk.widgets import label

__all__ = ["EligibilityPage"]


class EligibilityPage(ConsolePage):
    """Who may vote: a batch of codes (codes mode) or the voter roll (roll mode), with the counts so far."""

    object_name = "eligibility"

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        column, self.heading, self.subtitle = page_layout(self)
        self.mode = StatusChip()
        self.counts = label("Figure")
        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addWidget(self.counts, 1)
        column.addLayout(top)
        # codes
        self.codes = Section()
        self.count = QLineEdit("100")
        self.count.setMaxLength(9)
        self.count.setMaximumWidth(220)
        self.folder = PathField()
        self.folder.choose.clicked.connect(self._choose_folder)
        form, (self.count_label, self.folder_label) = field_rows(self.count, self.folder)
        self.codes.body.addLayout(form)
        self.generate = button("primary")
        self.generate.setObjectName("GenerateCodes")
        self.generate.clicked.connect(self.generate_codes)
        self.print_letters = button()
        self.print_letters.clicked.connect(self._print_letters)
        self.print_letters.setVisible(printers_available())
        self.codes.body.addLayout(button_row(self.generate, self.print_letters))
        self.codes_note = Note()
        self.codes.body.addWidget(self.codes_note)
        column.addWidget(self.codes)
        # roll
        self.roll = Section()
        self.roll_file, self.key_file = PathField(), PathField()
        self.roll_file.choose.clicked.connect(self._choose_roll)
        self.key_file.choose.clicked.connect(self._choose_key)
        form, (self.roll_label, self.key_label) = field_rows(self.roll_file, self.key_file)
        self.roll.body.addLayout(form)
        self.roll_passphrase = NewPassphraseForm()
        self.roll.body.addWidget(self.roll_passphrase)
        self.import_button = button("primary")
        self.import_button.setObjectName("ImportRoll")
        self.import_button.clicked.connect(self.import_roll)
        self.roll.body.addLayout(button_row(self.import_button))
        self.roll_note = Note()
        self.roll.body.addWidget(self.roll_note)
        column.addWidget(self.roll)
        column.addStretch(1)
        self.last_batch: CodeBatch | None = None
        self.retranslate()

    def title(self) -> str:
        """The navigation's name of the page."""
        return self.tr("Eligibility")

    # ----- codes

    def generate_codes(self) -> None:
        """Generate the batch into the chosen folder, off the GUI thread."""
        if self.context.busy():
            return
        folder = self.folder.text()
        if not folder:
            self.codes_note.set_note(self.tr("Choose the folder for this batch's files first."), "error")
            return
        digits = self.count.text().replace(",", "").replace("_", "").strip()
        if not digits.isdigit() or not 1 <= int(digits) <= 1_000_000:
            self.codes_note.set_note(self.tr("The number of codes must be a whole number from 1 to 1,000,000."),
                                     "error")
            return
        store, count, out = self.context.store, int(digits), Path(folder)
        self._busy(True)
        self.codes_note.set_note(fill(self.tr("Drawing %1 codes and printing their letters…"), format_number(count)),
                                 "muted")
        self.context.run(lambda: generate_code_batch(store, count, out), self._generated, self._codes_failed, self)

    def _generated(self, batch: object) -> None:
        self._busy(False)
        assert isinstance(batch, CodeBatch)
        self.last_batch = batch
        self.codes_note.set_note(fill(self.tr("%1 codes generated; %2 credentials added. Letters, cards and the "
                                              "mail-merge file are in %3 (readable only by you: they hold the "
                                              "codes)."), format_number(batch.count), format_number(batch.added),
                                      str(batch.files[0].parent)), "ok")
        self.print_letters.setEnabled(True)
        self.context.changed()
        self.refresh()

    def _codes_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.codes_note.set_note(self.tr("No codes were generated."), "error")
        show_problem(self, self.tr("The codes were not generated"), exc)

    def _print_letters(self) -> None:
        if self.last_batch is None or self.context.busy():
            return
        letters = self.last_batch.files[1]
        self._busy(True)
        self.context.run(lambda: print_pdf_file(letters), self._printed, self._print_failed, self)

    def _printed(self, pages: object) -> None:
        self._busy(False)
        self.codes_note.set_note(fill(self.tr("%1 letter pages sent to the printer."), str(pages)), "ok")

    def _print_failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_problem(self, self.tr("The letters did not print"), exc)

    # ----- roll

    def import_roll(self) -> None:
        """Import the roll CSV and seal its key, off the GUI thread."""
        if self.context.busy():
            return
        roll, key = self.roll_file.text(), self.key_file.text()
        if not roll or not key:
            self.roll_note.set_note(self.tr("Choose the roll file and where to write its key first."), "error")
            return
        passphrase = self.roll_passphrase.take()
        if passphrase is None:
            return
        store = self.context.store
        self._busy(True)
        self.context.run(lambda: import_voter_roll(store, Path(roll), Path(key), passphrase), self._imported,
                         self._roll_failed, self)

    def _imported(self, added: object) -> None:
        self._busy(False)
        self.roll_note.set_note(fill(self.tr("%1 residents on the roll, stored as keyed hashes only. Keep the key "
                                             "file %2 safe: attendants need it to check residents in."),
                                     format_number(int(str(added))), self.key_file.text()), "ok")
        self.context.changed()
        self.refresh()

    def _roll_failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_problem(self, self.tr("The roll was not imported"), exc)

    # ----- files

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for this batch of codes"), str(Path.home()))
        if path:
            self.folder.edit.setText(path)

    def _choose_roll(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The voter roll"), str(Path.home()),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.roll_file.edit.setText(path)

    def _choose_key(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Where to write the roll key"),
                                              str(Path.home() / "roll.key"), self.tr("Key files (*.key)"))
        if path:
            self.key_file.edit.setText(path)

    # ----- state and texts

    def _busy(self, busy: bool) -> None:
        for b in (self.generate, self.import_button, self.print_letters):
            b.setEnabled(not busy)

    def refresh(self) -> None:
        """Show the election's mode and the counts so far."""
        election = self.context.election()
        codes = election is None or election.eligibility == "codes"
        self.codes.setVisible(election is not None and codes)
        self.roll.setVisible(election is not None and not codes)
        self.print_letters.setEnabled(self.last_batch is not None)
        if election is None:
            self.mode.set_state(self.tr("No election stored yet"), "warn")
            self.counts.setText("")
            return
        with self.context.store.read() as session:
            if codes:
                n = count_credentials(session)
                text = fill(self.tr("%1 voting codes issued"), format_number(n))
            else:
                entries, used = count_roll(session)
                n = entries
                text = fill(self.tr("%1 residents on the roll, %2 checked in"), format_number(entries),
                            format_number(used))
        self.mode.set_state(self.tr("Eligibility: voting codes") if codes else self.tr("Eligibility: voter roll"),
                            "ok" if n else "warn")
        self.counts.setText(text)
        self.counts.setAccessibleName(text)

    def retranslate(self) -> None:
        """Set every text in the installed language."""
        self.heading.setText(self.tr("Eligibility"))
        self.subtitle.setText(self.tr("Who may vote. Codes and keys go only into the files you choose; this "
                                      "screen shows counts, never a code."))
        self.codes.set_title(self.tr("A batch of voting codes"))
        self.count_label.setText(self.tr("Number of codes"))
        self.count.setAccessibleName(self.tr("Number of codes"))
        self.folder_label.setText(self.tr("Folder for the files"))
        self.folder.set_texts(self.tr("Folder for the files"), self.tr("Choose…"))
        self.generate.set_texts(self.tr("Generate codes and letters"), "",
                                self.tr("Writes codes.csv, letters.pdf and cards.pdf and publishes the credentials"))
        self.print_letters.set_texts(self.tr("Print letters"), "", self.tr("Print this batch's letters"))
        self.roll.set_title(self.tr("The voter roll"))
        self.roll_label.setText(self.tr("Roll file (CSV: id, birth_date)"))
        self.roll_file.set_texts(self.tr("Roll file"), self.tr("Choose…"))
        self.key_label.setText(self.tr("Roll key file to write"))
        self.key_file.set_texts(self.tr("Roll key file to write"), self.tr("Choose…"))
        self.roll_passphrase.retranslate()
        self.import_button.set_texts(self.tr("Import roll"), "",
                                     self.tr("Stores keyed hashes of the roll and seals its key"))
        self.refresh()
