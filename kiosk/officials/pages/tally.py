"""Tally page: after the close, k trustees decrypt one after another, the results are signed, then published.

The steps are those of ``pbvote trustees decrypt``, ``pbvote tally`` and
``pbvote publish``, through the same functions (tally/pipeline.py,
ballot/record.py), so the console gets the same refusals (tallying before
the close) and the same audit entries.  Each trustee chooses their share
file and types their passphrase; a wrong one names the file and the next
trustee simply tries.  Everything slow runs off the GUI thread with its
progress lines shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ballot.authority import unlock_board_key
from ballot.board import current_head
from ballot.ceremony_record import CEREMONY_FILE, load_ceremony
from ballot.record import publish_record
from ballot.storage import load_election
from ballot.storage.record_files import load_record_file
from kiosk.i18n import fill
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import explain, show_problem
from kiosk.officials.page import ConsolePage
from kiosk.officials.pages.polls import BOARD_PASSPHRASE_ENV
from kiosk.officials.progress import OwnAction, ProgressLog, field_row, scrolling_page_layout
from kiosk.officials.widgets import Section, StatusChip, button, button_row
from kiosk.qt import QFileDialog, QLineEdit, QWidget
from kiosk.widgets import label
from tally.decryption import decryption_file_name
from tally.pipeline import PartialStored, decrypt_as_trustee, tally_and_sign
from tally.results import RESULTS_FILE, Results, parse_results
from tally.results_export import results_csv
from tally.results_pdf import render_results_pdf

__all__ = ["Published", "TallyPage", "publish_all"]


@dataclass(frozen=True, slots=True)
class Published:
    """Where the publication went: the record directory, its zip, the results reports and CSV."""

    directory: Path
    files: tuple[Path, ...]


def publish_all(context: ConsoleContext, out: Path, passphrase: str, say: Callable[[str], None]) -> Published:
    """Write the record (and zip), the results report per language and the results CSV beside it (worker thread).

    As ``pbvote publish``, plus the CSV officials hand to the press: ``<DIR>-results-<lang>.pdf`` and
    ``<DIR>-results.csv`` beside ``DIR``.

    Raises:
        SecretFileError: wrong ballot-box passphrase.
        RecordError, StorageError: the record cannot be written (named), or the election is incomplete.
    """
    store = context.store
    with store.read() as s:
        key = unlock_board_key(s, passphrase)
    record = publish_record(store, out, key, progress=say)
    with store.read() as s:
        election = load_election(s)
        data = load_record_file(s, RESULTS_FILE)
    files = [record.zip_path]
    if data is not None:
        results = parse_results(data)
        outputs = {record.directory.with_name(f"{record.directory.name}-results-{lang}.pdf"):
                   render_results_pdf(results, election, lang) for lang in election.languages}
        outputs[record.directory.with_name(f"{record.directory.name}-results.csv")] = results_csv(results, election)
        for path, content in outputs.items():
            tmp = path.with_name(f".{path.name}.partial")
            tmp.write_bytes(content)
            tmp.replace(path)
            files.append(path)
    return Published(record.directory, tuple(files))


class TallyPage(ConsolePage):
    """Guide the trustees' decryptions, compute and sign the results, publish the record."""

    object_name = "tally"
    roles = ("official", "trustee")

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.published: Published | None = None
        self.results: Results | None = None
        self.decrypted: list[int] = []
        self.share_name = ""
        self.own = OwnAction()
        column, self.heading, self.subtitle = scrolling_page_layout(self)
        self.status = Section()
        self.chip = StatusChip()
        self.status.body.addLayout(button_row(self.chip))
        self.summary = label()
        self.status.body.addWidget(self.summary)
        column.addWidget(self.status)
        self.decrypt = Section()
        self.decrypt_text = label("Muted")
        self.share = QLineEdit()
        self.choose_share = button("tool")
        self.decrypt_button = button("primary")
        self.decrypt.body.addWidget(self.decrypt_text)
        self.decrypt.body.addLayout(field_row(self.share, self.choose_share, self.decrypt_button))
        column.addWidget(self.decrypt)
        self.count = Section()
        self.count_text = label("Muted")
        self.count_button = button("primary")
        self.count.body.addWidget(self.count_text)
        self.count.body.addLayout(button_row(self.count_button))
        column.addWidget(self.count)
        self.publish = Section()
        self.publish_text = label("Muted")
        self.folder = QLineEdit(str(Path.home() / "pbvote-record" / "record"))
        self.choose_folder = button("tool")
        self.publish_button = button("primary")
        self.publish.body.addWidget(self.publish_text)
        self.publish.body.addLayout(field_row(self.folder, self.choose_folder, self.publish_button))
        column.addWidget(self.publish)
        self.log = ProgressLog()
        self.log.hide()
        column.addWidget(self.log)
        column.addStretch(1)
        self.choose_share.clicked.connect(self._choose_share)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.decrypt_button.clicked.connect(self._decrypt_clicked)
        self.share.returnPressed.connect(self._decrypt_clicked)
        self.count_button.clicked.connect(self._count_clicked)
        self.publish_button.clicked.connect(self._publish_clicked)
        self.refresh()

    def title(self) -> str:
        """The navigation name."""
        return self.tr("Tally")

    def refresh(self) -> None:
        """Re-read the polls' state, the stored partial decryptions and results."""
        self.heading.setText(self.tr("Tally"))
        self.subtitle.setText(self.tr("After the close: enough trustees decrypt the totals, one after another; the "
                                      "results are computed and signed; then the election record is published."))
        self.status.set_title(self.tr("Now"))
        self.decrypt.set_title(self.tr("1. Trustees decrypt"))
        self.count.set_title(self.tr("2. Compute and sign the results"))
        self.publish.set_title(self.tr("3. Publish the election record"))
        dialog = self.tr("Choose with a file dialog")
        self.choose_share.set_texts(self.tr("Choose…"), self.tr("Choose your share file"), dialog)
        self.choose_folder.set_texts(self.tr("Choose…"), self.tr("Choose the record folder"), dialog)
        self.share.setPlaceholderText(self.tr("your trustee-N.share file"))
        self.share.setAccessibleName(self.tr("Share file"))
        self.folder.setAccessibleName(self.tr("Record folder"))
        self.decrypt_button.set_texts(self.tr("Decrypt my part"), "",
                                      self.tr("Asks for your passphrase, then decrypts your part of the totals"))
        self.count_button.set_texts(self.tr("Compute and sign results"), "",
                                    self.tr("Combines the partial decryptions and signs the results"))
        self.publish_button.set_texts(self.tr("Publish"), "",
                                      self.tr("Writes the record, its zip, the results report and CSV into the folder"))
        n, k, polls = self._state()
        done = ", ".join(map(str, self.decrypted)) or self.tr("none yet")
        self.decrypt_text.setText(fill(self.tr("Trustee by trustee: choose your share file and press the button; you "
                                               "will be asked for your passphrase. Done so far: %1 (any %2 of %3 "
                                               "needed)."), done, str(k), str(n)))
        self.count_text.setText(self.tr("Needs enough partial decryptions and the ballot-box key's passphrase."))
        self.publish_text.setText(self.tr("Writes the record observers verify with 'pbvote verify', its zip, the "
                                          "results report in each language and the results as CSV."))
        if polls != "closed":
            self.chip.set_state(self.tr("Tally: waiting for the polls to close"), "off")
        elif self.results is not None:
            self.chip.set_state(self.tr("Results: signed"), "ok")
        else:
            self.chip.set_state(fill(self.tr("Tally: %1 of %2 partial decryptions"), str(len(self.decrypted)),
                                     str(k)), "warn")
        summary = [self.tr("The polls must be closed before anything can be decrypted.") if polls != "closed" else
                   self.tr("The polls are closed: the trustees can decrypt.")]
        if self.results is not None:
            summary.append(fill(self.tr("Results signed by the ballot box from the decryptions of trustees %1."),
                                ", ".join(map(str, self.results.trustees))))
        if self.published is not None:
            summary.append(fill(self.tr("Published in %1."), str(self.published.directory)))
        self.summary.setText(" ".join(summary))
        busy = self.own.running
        for b in (self.decrypt_button, self.count_button, self.publish_button):
            b.setEnabled(not busy and n > 0)

    def _state(self) -> tuple[int, int, str]:
        """(n, k, polls) and the stored decryptions and results, read from the store."""
        election = self.context.election()
        if election is None:
            self.decrypted, self.results = [], None
            return 0, 0, ""
        with self.context.store.read() as s:
            _head, polls = current_head(s, election.fingerprint)
            has_ceremony = load_record_file(s, CEREMONY_FILE) is not None
            n = load_ceremony(s).count if has_ceremony else election.trustees
            self.decrypted = [j for j in range(1, n + 1) if load_record_file(s, decryption_file_name(j)) is not None]
            data = load_record_file(s, RESULTS_FILE)
        self.results = parse_results(data) if data is not None else None
        return election.trustees, election.threshold, polls

    # ------------------------------------------------------------------ actions

    def _choose_share(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Your share file"), self.share.text() or str(Path.home()),
                                              self.tr("Share files (*.share)"))
        if path:
            self.share.setText(path)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the election record"), self.folder.text())
        if folder:
            self.folder.setText(str(Path(folder) / "record"))

    def _decrypt_clicked(self) -> None:
        text = self.share.text().strip()
        if not text or self.own.running:
            self.share.setFocus()
            return
        path = Path(text)
        passphrase = self.context.ask(fill(self.tr("Passphrase of the share file %1"), path.name))
        if not passphrase:
            return
        self.share_name = path.name
        self.log.start(fill(self.tr("Decrypting with %1…"), path.name))
        context, say = self.context, self.log.relay.say
        self.own.start(context.run(lambda: decrypt_as_trustee(context.store, path, passphrase, say),
                                   self._decrypted, self._decrypt_failed, self))
        self.refresh()

    def _decrypted(self, stored: object) -> None:
        assert isinstance(stored, PartialStored)
        self.share.clear()
        self.log.stop(fill(self.tr("Trustee %1's partial decryption is stored. Next trustee, please."),
                           str(stored.trustee)))
        self.context.changed()
        self.refresh()

    def _decrypt_failed(self, exc: BaseException) -> None:
        self.log.stop(fill(self.tr("%1 was not used. The next trustee may try."), self.share_name))
        self.refresh()
        show_problem(self, fill(self.tr("The share file %1 was not used"), self.share_name), exc)

    def _count_clicked(self) -> None:
        if self.own.running:
            return
        passphrase = self.context.passphrase(BOARD_PASSPHRASE_ENV, self.tr("Passphrase of the ballot-box key"))
        if not passphrase:
            return
        self.log.start(self.tr("Computing the results…"))
        context, say = self.context, self.log.relay.say

        def work() -> Results:
            with context.store.read() as s:
                key = unlock_board_key(s, passphrase)
            return tally_and_sign(context.store, key, (), say)

        self.own.start(context.run(work, self._counted, self._count_failed, self))
        self.refresh()

    def _counted(self, results: object) -> None:
        assert isinstance(results, Results)
        self.log.stop(self.tr("Results computed and signed."))
        self.context.changed()
        self.refresh()
        explain(self, self.tr("Results signed"), self.tr("The results are signed and stored. See them on the "
                                                         "Results page, then publish the election record."))

    def _count_failed(self, exc: BaseException) -> None:
        self.log.stop(self.tr("The results were not computed."))
        self.refresh()
        show_problem(self, self.tr("The results were not computed"), exc)

    def _publish_clicked(self) -> None:
        text = self.folder.text().strip()
        if not text or self.own.running:
            return
        passphrase = self.context.passphrase(BOARD_PASSPHRASE_ENV, self.tr("Passphrase of the ballot-box key"))
        if not passphrase:
            return
        out = Path(text)
        self.log.start(fill(self.tr("Publishing into %1…"), str(out)))
        context, say = self.context, self.log.relay.say
        self.own.start(context.run(lambda: publish_all(context, out, passphrase, say), self._published,
                                   self._publish_failed, self))
        self.refresh()

    def _published(self, published: object) -> None:
        assert isinstance(published, Published)
        self.published = published
        self.log.stop(self.tr("Published."))
        self.context.changed()
        self.refresh()
        explain(self, self.tr("Election record published"),
                "\n".join([str(published.directory), *(str(p) for p in published.files)]))

    def _publish_failed(self, exc: BaseException) -> None:
        self.log.stop(self.tr("The record was not published."))
        self.refresh()
        show_problem(self, self.tr("The election record was not published"), exc)

