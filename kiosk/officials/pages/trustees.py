"""Trustees page: guide the in-room key ceremony, one trustee after another at the screen.

What ``pbvote trustees ceremony`` does, for people rather than scripts:
the number of trustees and the threshold come from the manifest; each
trustee in turn types a name (for the screen only), a passphrase twice
(never shown, never logged, held only until their share is sealed) and
where their share file goes (a folder per trustee by default).  Then the
ceremony runs off the GUI thread (tally/ceremony.py), every share is sealed
into its file, the public transcript is stored in the election and written
beside the shares, and the page shows the joint key's fingerprint.  A
second ceremony is refused, by the page and by the back end.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ballot.audit import key_fingerprint
from ballot.ceremony_record import CEREMONY_FILE, load_ceremony, save_ceremony
from ballot.manifest_model import Election
from ballot.storage.record_files import load_record_file
from kiosk.i18n import fill
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import NewPassphraseForm, explain, show_problem
from kiosk.officials.page import ConsolePage
from kiosk.officials.progress import OwnAction, ProgressLog, field_row, scrolling_page_layout
from kiosk.officials.widgets import Section, StatusChip, button, button_row
from kiosk.qt import QFileDialog, QFormLayout, QLineEdit, QWidget
from kiosk.widgets import label
from tally.ceremony import CeremonyError, run_in_room_ceremony, share_file_name, write_share_file

__all__ = ["CeremonyDone", "TrusteesPage", "default_share_path", "run_ceremony"]


@dataclass(frozen=True, slots=True)
class CeremonyDone:
    """What the ceremony left: the joint key's fingerprint, the share files and the transcript file."""

    key_fingerprint: str
    shares: tuple[Path, ...]
    transcript: Path


def default_share_path(base: Path, j: int, name: str) -> Path:
    """``base/trustee-<j>[-<name>]/trustee-<j>.share``: a folder per trustee, named so each takes their own."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:32]
    return base / (f"trustee-{j}-{slug}" if slug else f"trustee-{j}") / share_file_name(j)


def run_ceremony(context: ConsoleContext, election: Election, targets: Sequence[Path], passphrases: Sequence[str],
                 transcript: Path, say: Callable[[str], None]) -> CeremonyDone:
    """Run the in-room ceremony, store the transcript, seal each share into its file (worker thread).

    As ``pbvote trustees ceremony``: nothing is overwritten, and if sealing a share fails the files
    written so far are removed and the transcript is not stored (one write transaction).

    Raises:
        CeremonyError: a ceremony is already stored, or a target file exists.
        StorageError: the back end refused to store the transcript (and audited the refusal).
    """
    store = context.store
    with store.read() as s:
        if load_record_file(s, CEREMONY_FILE) is not None:
            raise CeremonyError("a key ceremony is already stored for this election; nothing was changed")
    for path in (*targets, transcript):
        if path.exists():
            raise CeremonyError(f"{path}: already exists; refusing to overwrite it (choose another folder)")
    n = len(targets)
    record, shares = run_in_room_ceremony(election, n, election.threshold, progress=say)
    written: list[Path] = []
    try:
        with store.write() as s:
            save_ceremony(s, record)
            for share, passphrase, target in zip(shares, passphrases, targets, strict=True):
                target.parent.mkdir(parents=True, exist_ok=True)
                write_share_file(target, share, passphrase)
                written.append(target)
                say(f"trustee {share.trustee} of {n}: share sealed into {target}")
            transcript.parent.mkdir(parents=True, exist_ok=True)
            with open(transcript, "xb") as fh:
                fh.write(record.to_canonical_bytes())
                fh.flush()
                os.fsync(fh.fileno())
            written.append(transcript)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return CeremonyDone(key_fingerprint(bytes(record.public_key)), tuple(targets), transcript)


class TrusteesPage(ConsolePage):
    """The key ceremony, step by step: who the trustees are, each one's passphrase and share file, the result."""

    object_name = "trustees"
    roles = ("official", "trustee")

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.names: list[str] = []
        self.targets: list[Path] = []
        self.passphrases: list[str] = []
        self.done: CeremonyDone | None = None
        self.own = OwnAction()
        column, self.heading, self.subtitle = scrolling_page_layout(self)
        self.status = Section()
        self.chip = StatusChip()
        self.status.body.addLayout(button_row(self.chip))
        self.summary = label()
        self.status.body.addWidget(self.summary)
        self.key = label("Fingerprint")
        self.status.body.addWidget(self.key)
        column.addWidget(self.status)
        self.step = Section()
        self.step_text = label()
        self.step.body.addWidget(self.step_text)
        form = QFormLayout()
        self.folder = QLineEdit(str(Path.home() / "pbvote-trustees"))
        self.folder_label = label(wrap=False)
        self.choose_folder = button("tool")
        self.choose_folder.clicked.connect(self._choose_folder)
        self.name = QLineEdit()
        self.name_label = label(wrap=False)
        self.share = QLineEdit()
        self.share_label = label(wrap=False)
        self.choose_share = button("tool")
        self.choose_share.clicked.connect(self._choose_share)
        form.setSpacing(10)
        form.addRow(self.folder_label, field_row(self.folder, self.choose_folder))
        form.addRow(self.name_label, self.name)
        form.addRow(self.share_label, field_row(self.share, self.choose_share))
        self.step.body.addLayout(form)
        self.passphrase = NewPassphraseForm()
        self.passphrase.submitted.connect(self._next)
        self.step.body.addWidget(self.passphrase)
        self.next_button = button("primary")
        self.next_button.clicked.connect(self._next)
        self.step.body.addLayout(button_row(self.next_button))
        column.addWidget(self.step)
        self.log_section = Section()
        self.log = ProgressLog()
        self.log_section.body.addWidget(self.log)
        column.addWidget(self.log_section)
        column.addStretch(1)
        self.name.textChanged.connect(self._name_changed)
        self.refresh()

    def title(self) -> str:
        """The navigation name."""
        return self.tr("Trustees")

    def count(self) -> tuple[int, int]:
        """(n, k) of the election's manifest; (0, 0) before there is an election."""
        election = self.context.election()
        return (election.trustees, election.threshold) if election is not None else (0, 0)

    def refresh(self) -> None:
        """Show the ceremony's state and the current step."""
        self.heading.setText(self.tr("Trustees"))
        self.subtitle.setText(self.tr("The trustees create the election key together. Each keeps a share of it, sealed "
                                      "by their own passphrase; any threshold of them can later decrypt the totals."))
        self.status.set_title(self.tr("Key ceremony"))
        self.log_section.set_title(self.tr("Progress"))
        self.folder_label.setText(self.tr("Folder for the share files"))
        self.name_label.setText(self.tr("Trustee's name"))
        self.share_label.setText(self.tr("This trustee's share file"))
        for b in (self.choose_folder, self.choose_share):
            b.set_texts(self.tr("Choose…"), "", self.tr("Choose with a file dialog"))
        n, k = self.count()
        stored = self._stored_key()
        self.summary.setText(fill(self.tr("%1 trustees; any %2 of them together can decrypt the totals."), str(n),
                                  str(k)) if n else self.tr("Set up the election first."))
        if stored:
            self.chip.set_state(self.tr("Ceremony: done"), "ok")
            self.key.setText(fill(self.tr("Joint election key: %1. The election has its key: a second ceremony is "
                                          "refused."), stored))
        else:
            self.chip.set_state(self.tr("Ceremony: not done yet"), "off")
            self.key.setText("")
        self.key.setVisible(bool(stored))
        self.step.setVisible(bool(n) and not stored and not self.own.running)
        self.log_section.setVisible(bool(self.log.lines()))
        self._show_step(n)

    def _stored_key(self) -> str:
        with self.context.store.read() as s:
            if load_record_file(s, CEREMONY_FILE) is None:
                return ""
            return key_fingerprint(bytes(load_ceremony(s).public_key))

    def _show_step(self, n: int) -> None:
        j = len(self.passphrases) + 1
        self.step.set_title(fill(self.tr("Trustee %1 of %2"), str(min(j, n)), str(n)) if n else "")
        self.step_text.setText(fill(self.tr("Trustee %1: type your name, check where your share file goes, and choose "
                                            "your passphrase (typed twice, never shown). Then hand over to the next "
                                            "trustee."), str(j)))
        self.folder.setEnabled(j == 1)
        self.choose_folder.setEnabled(j == 1)
        last = j >= n
        self.next_button.set_texts(self.tr("Seal my part and run the ceremony") if last else self.tr("Next trustee"),
                                   "", self.tr("Keep this trustee's choices and go on"))
        if not self.share.text():
            self._name_changed(self.name.text())

    def _name_changed(self, name: str) -> None:
        j = len(self.passphrases) + 1
        self.share.setText(str(default_share_path(Path(self.folder.text() or "."), j, name)))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the share files"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self._name_changed(self.name.text())

    def _choose_share(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("This trustee's share file"), self.share.text(),
                                              self.tr("Share files (*.share)"))
        if path:
            self.share.setText(path)

    # ------------------------------------------------------------------ the steps

    def _next(self) -> None:
        """Keep this trustee's name, file and passphrase; after the last one, run the ceremony."""
        n, _k = self.count()
        target = Path(self.share.text().strip())
        if not self.share.text().strip() or target in self.targets:
            self.share.setFocus()
            return
        passphrase = self.passphrase.take()
        if passphrase is None:
            return
        self.names.append(self.name.text().strip())
        self.targets.append(target)
        self.passphrases.append(passphrase)
        self.name.clear()
        self.share.clear()
        self.log.add(fill(self.tr("Trustee %1 of %2 is ready."), str(len(self.targets)), str(n)))
        if len(self.passphrases) < n:
            self.refresh()
            self.name.setFocus()
            return
        self._run()

    def _run(self) -> None:
        election = self.context.election()
        if election is None:
            return
        targets, passphrases = list(self.targets), list(self.passphrases)
        self.passphrases = []  # the worker holds them until the shares are sealed; the page forgets them now
        transcript = Path(self.folder.text() or ".") / CEREMONY_FILE
        context, say = self.context, self.log.relay.say
        self.log.start(self.tr("Running the key ceremony…"))
        self.log_section.show()
        self.own.start(context.run(lambda: run_ceremony(context, election, targets, passphrases, transcript, say),
                                   self._ran, self._failed, self))
        self.refresh()

    def _ran(self, done: object) -> None:
        """Show the joint key and where the files went."""
        assert isinstance(done, CeremonyDone)
        self.done = done
        self.targets, self.names = [], []
        self.log.stop(fill(self.tr("Ceremony complete. Joint election key: %1"), done.key_fingerprint))
        self.context.changed()
        self.refresh()
        explain(self, self.tr("Key ceremony complete"),
                fill(self.tr("Joint election key: %1. The transcript is stored in the election and saved as %2. "
                             "Each trustee now takes their own share file."), done.key_fingerprint,
                     str(done.transcript)))

    def _failed(self, exc: BaseException) -> None:
        self.targets, self.names, self.passphrases = [], [], []
        self.log.stop(self.tr("The ceremony did not complete; nothing was kept."))
        self.refresh()
        show_problem(self, self.tr("The key ceremony did not complete"), exc)

