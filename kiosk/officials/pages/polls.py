"""Polls page: the polls' state in words, open and close them, and the signed polls report on paper.

"Open polls" and "Close polls" call the very functions ``pbvote polls
open|close`` calls (ballot/polls.py) with the ballot-box key, unlocked from
``$PBVOTE_BOARD_PASSPHRASE`` or a passphrase asked right then, and so get
the same refusals (reopening after the close, closing before the opening)
and the same audit entries.  Right after either, the signed polls report
(ballot/polls_report_pdf.py) is rendered in every language the console has
texts for, ready to save or print.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ballot.authority import unlock_board_key
from ballot.board import count_kind, current_head
from ballot.manifest_model import Election
from ballot.polls import close_polls, open_polls
from ballot.polls_report_pdf import PollsReport, polls_report, render_polls_report_pdf
from kiosk.i18n import fill, format_number
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import confirm, explain, show_problem
from kiosk.officials.page import ConsolePage
from kiosk.officials.progress import OwnAction, current_language
from kiosk.officials.widgets import Section, StatusChip, button, button_row, page_layout
from kiosk.printing import PrintFailed
from kiosk.qt import QFileDialog, QGridLayout, QWidget
from kiosk.widgets import label

__all__ = ["BOARD_PASSPHRASE_ENV", "PollsDone", "PollsPage", "polls_action", "print_pdf"]

BOARD_PASSPHRASE_ENV = "PBVOTE_BOARD_PASSPHRASE"
REPORT_LANGUAGES = ("en", "zh-TW")


@dataclass(frozen=True, slots=True)
class PollsDone:
    """What opening or closing the polls produced: the signed report and its PDF per language."""

    report: PollsReport
    pdfs: dict[str, bytes]


def polls_action(context: ConsoleContext, election: Election, action: str, passphrase: str) -> PollsDone:
    """Open or close the polls, then sign and render the polls report (runs on the worker thread).

    Raises:
        SecretFileError: wrong ballot-box passphrase.
        PollsError: the back end refused (already open, closed, not ready), with its message.
    """
    store = context.store
    with store.read() as s:
        key = unlock_board_key(s, passphrase)
    with store.write() as s:
        (open_polls if action == "open" else close_polls)(s, key)
    with store.read() as s:
        report = polls_report(s, election, action, context.clock()).signed(key)
    languages = [lang for lang in election.languages if lang in REPORT_LANGUAGES] or ["en"]
    return PollsDone(report, {lang: render_polls_report_pdf(report, election, lang) for lang in languages})


class PollsPage(ConsolePage):
    """Open and close the polls; see the ballots cast and the board head; save or print the polls report."""

    object_name = "polls"
    roles = ("official",)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.done: PollsDone | None = None
        self.action = ""
        self.own = OwnAction()
        self.state = ""
        column, self.heading, self.subtitle = page_layout(self)
        self.status = Section()
        self.chip = StatusChip()
        self.status.body.addLayout(button_row(self.chip))
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        self.names = [label("Muted") for _ in range(3)]
        self.figures = [label("Figure") for _ in range(3)]
        for i, (name, figure) in enumerate(zip(self.names, self.figures, strict=True)):
            grid.addWidget(name, 0, i)
            grid.addWidget(figure, 1, i)
        self.status.body.addLayout(grid)
        self.head = label("Fingerprint")
        self.status.body.addWidget(self.head)
        column.addWidget(self.status)
        self.controls = Section()
        self.hint = label("Muted")
        self.open_button = button("primary")
        self.close_button = button("primary")
        self.open_button.clicked.connect(self._open_clicked)
        self.close_button.clicked.connect(self._close_clicked)
        self.controls.body.addWidget(self.hint)
        self.controls.body.addLayout(button_row(self.open_button, self.close_button))
        column.addWidget(self.controls)
        self.report_section = Section()
        self.report_text = label()
        self.save_button = button()
        self.print_button = button()
        self.save_button.clicked.connect(self._save_clicked)
        self.print_button.clicked.connect(self._print_clicked)
        self.report_section.body.addWidget(self.report_text)
        self.report_section.body.addLayout(button_row(self.save_button, self.print_button))
        self.report_section.hide()
        column.addWidget(self.report_section)
        column.addStretch(1)
        self.refresh()

    def title(self) -> str:
        """The navigation name."""
        return self.tr("Polls")

    def refresh(self) -> None:
        """Re-read the polls' state, the counts and the board head."""
        self.heading.setText(self.tr("Polls"))
        self.subtitle.setText(self.tr("Open the polls when the election is ready; close them when voting ends. "
                                      "Each step is a signed entry on the bulletin board and gives a signed report."))
        self.status.set_title(self.tr("Now"))
        self.controls.set_title(self.tr("Open or close"))
        self.report_section.set_title(self.tr("Polls report"))
        self.open_button.set_texts(self.tr("Open polls"), "", self.tr("Append the signed opening entry to the board"))
        self.close_button.set_texts(self.tr("Close polls"), "", self.tr("Append the signed closing entry; no ballot is "
                                                                        "accepted after it"))
        self.save_button.set_texts(self.tr("Save report as PDF…"), "", self.tr("Save the signed polls report"))
        self.print_button.set_texts(self.tr("Print report"), "", self.tr("Send the signed polls report to the printer"))
        for name, text in zip(self.names, (self.tr("Ballots cast"), self.tr("Ballots checked (spoiled)"),
                                           self.tr("Board entries")), strict=True):
            name.setText(text)
        election = self.context.election()
        if election is None:
            self.state = ""
            self.chip.set_state(self.tr("No election yet"), "off")
            for figure in self.figures:
                figure.setText("–")
            self.head.setText("")
        else:
            with self.context.store.read() as s:
                head, self.state = current_head(s, election.fingerprint)
                counts = (count_kind(s, "ballot"), count_kind(s, "spoiled"), head.size)
            chip = {"before": (self.tr("Polls: not open yet"), "off"), "open": (self.tr("Polls: open"), "ok"),
                    "closed": (self.tr("Polls: closed"), "warn")}[self.state]
            self.chip.set_state(*chip)
            for figure, n in zip(self.figures, counts, strict=True):
                figure.setText(format_number(n))
            self.head.setText(fill(self.tr("Board head: %1"), _grouped(head.head_hash.hex()[:32])))
        hints = {"": self.tr("Set up the election first."),
                 "before": self.tr("Opening needs the key ceremony and, with voting codes, the codes generated."),
                 "open": self.tr("Residents are voting. Close the polls when voting time is over."),
                 "closed": self.tr("The polls are closed for good: they cannot be opened again. Go on to the tally.")}
        self.hint.setText(hints[self.state])
        busy = self.own.running
        self.open_button.setEnabled(self.state == "before" and not busy)  # after the close, the hint says why
        self.close_button.setEnabled(self.state == "open" and not busy)
        self._show_report()

    def _show_report(self) -> None:
        done = self.done
        self.report_section.setVisible(done is not None)
        if done is None:
            return
        r = done.report
        what = self.tr("opening") if r.action == "open" else self.tr("closing")
        self.report_text.setText(fill(self.tr("Signed report of the %1 at %2: board entry %3, %4 ballots cast."),
                                      what, r.at.strftime("%Y-%m-%d %H:%M"), format_number(r.position),
                                      format_number(r.ballots)))

    # ------------------------------------------------------------------ actions

    def _open_clicked(self) -> None:
        self._act("open")

    def _close_clicked(self) -> None:
        self._act("close")

    def _act(self, action: str) -> None:
        election = self.context.election()
        if election is None or self.own.running:
            return
        if action == "open":
            asked = confirm(self, self.tr("Open the polls?"),
                            self.tr("Residents can vote from the moment the polls open. The list of voting codes is "
                                    "frozen."), self.tr("Open polls"))
        else:
            asked = confirm(self, self.tr("Close the polls?"),
                            self.tr("No ballot is accepted after the close, and the polls can never be opened "
                                    "again."), self.tr("Close polls"))
        if not asked:
            return
        passphrase = self.context.passphrase(BOARD_PASSPHRASE_ENV, self.tr("Passphrase of the ballot-box key"))
        if not passphrase:
            return
        self.action = action
        context = self.context
        self.own.start(context.run(lambda: polls_action(context, election, action, passphrase), self._acted,
                                   self._failed, self))
        self.refresh()

    def _acted(self, done: object) -> None:
        assert isinstance(done, PollsDone)
        self.done = done
        self.context.changed()
        self.refresh()
        text = (self.tr("The polls are open.") if done.report.action == "open" else self.tr("The polls are closed."))
        explain(self, text, self.tr("The signed polls report is ready: save it or print it, sign it and post it."))

    def _failed(self, exc: BaseException) -> None:
        self.refresh()
        what = (self.tr("The polls were not opened") if self.action == "open"
                else self.tr("The polls were not closed"))
        show_problem(self, what, exc)

    def save_reports(self, folder: Path) -> list[Path]:
        """Write the report's PDFs into ``folder`` (``polls-<action>-report-<lang>.pdf``); return their paths."""
        assert self.done is not None
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for lang, pdf in self.done.pdfs.items():
            path = folder / f"polls-{self.done.report.action}-report-{lang}.pdf"
            path.write_bytes(pdf)
            paths.append(path)
        return paths

    def _save_clicked(self) -> None:
        if self.done is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the polls report"), str(Path.home()))
        if not folder:
            return
        try:
            paths = self.save_reports(Path(folder))
        except OSError as exc:
            show_problem(self, self.tr("The report was not saved"), exc)
            return
        explain(self, self.tr("Report saved"), "\n".join(str(p) for p in paths))

    def _print_clicked(self) -> None:
        if self.done is None:
            return
        pdfs = self.done.pdfs
        pdf = pdfs.get(current_language()) or next(iter(pdfs.values()))
        name = f"polls-{self.done.report.action}"
        self.context.run(lambda: print_pdf(pdf, name), self._printed, self._print_failed, self)

    def _printed(self, _value: object) -> None:
        explain(self, self.tr("Report sent to the printer"), self.tr("Sign the printed report and post it."))

    def _print_failed(self, exc: BaseException) -> None:
        show_problem(self, self.tr("The report was not printed"), exc)


def print_pdf(pdf: bytes, title: str, timeout: float = 20.0) -> None:
    """Hand the report's PDF to the system's default printer through CUPS ``lp`` (on the worker thread).

    QPrinter cannot draw an existing PDF without QtPdf (not installed), and redrawing the report with
    QPainter would print a second, untested rendering: the spooler prints the one document the tests read.

    Raises:
        PrintFailed: no ``lp``, or the spooler refused the job.
    """
    lp = shutil.which("lp")
    if lp is None:
        raise PrintFailed("no 'lp' command: install CUPS, or save the report as PDF and print that")
    try:
        done = subprocess.run([lp, "-t", f"pbvote {title}", "-"], input=pdf, capture_output=True, timeout=timeout,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailed(f"lp: {type(exc).__name__}") from None
    if done.returncode != 0:
        raise PrintFailed(f"lp exit {done.returncode}: {done.stderr.decode(errors='replace').strip()[:200]}")


def _grouped(digits: str) -> str:
    return " ".join(digits[i:i + 8] for i in range(0, len(digits), 8))
