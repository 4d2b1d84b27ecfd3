"""The verification report on screen: verdict banner, the election and its fingerprint, every check, the results."""

from __future__ import annotations

from kiosk.i18n import fill, format_number
from kiosk.observer.texts import check_title
from kiosk.observer.verification import Verified
from kiosk.qt import QFrame, QGridLayout, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, Signal
from kiosk.widgets import KioskButton, label
from tally.verify.report_html import RESULT_CHECKS
from tally.verify.summary import DistrictResult, short_fingerprint, text_in

__all__ = ["ReportPage"]

PASS_MARK, FAIL_MARK = "✔", "✘"


def _selectable(lab: QLabel) -> QLabel:
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def _clear(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is not None and item.widget() is not None:
            item.widget().deleteLater()  # type: ignore[union-attr]


class ReportPage(QWidget):
    """Shows one :class:`Verified` run; the verdict is said in words and by a mark, never by colour alone.

    Signals:
        save(): the observer asked to save the report as HTML.
        receipts(): the observer asked to check a receipt.
        open_other(): the observer asked to open another record.
    """

    save = Signal()
    receipts = Signal()
    open_other = Signal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.verified: Verified | None = None
        self._built: tuple[int, str] | None = None
        col = QVBoxLayout(self)
        col.setContentsMargins(40, 24, 40, 32)
        col.setSpacing(14)
        self.banner = QFrame()
        self.banner.setObjectName("VerdictValid")
        banner_col = QVBoxLayout(self.banner)
        banner_col.setContentsMargins(24, 16, 24, 16)
        self.verdict = label("Verdict")
        self.verdict_detail = label()
        banner_col.addWidget(self.verdict)
        banner_col.addWidget(self.verdict_detail)
        col.addWidget(self.banner)
        self.election = label("Heading")
        self.fingerprint = _selectable(label("Fingerprint"))
        col.addWidget(self.election)
        col.addWidget(self.fingerprint)
        buttons = QHBoxLayout()
        self.save_button = KioskButton("primary")
        self.save_button.clicked.connect(self.save)
        self.receipt_button = KioskButton()
        self.receipt_button.clicked.connect(self.receipts)
        self.other_button = KioskButton()
        self.other_button.clicked.connect(self.open_other)
        for button in (self.save_button, self.receipt_button, self.other_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        col.addLayout(buttons)
        self.status = _selectable(label("Muted"))
        self.status.hide()
        col.addWidget(self.status)
        self.checks_heading = label("Heading")
        self.language_note = label("Small")
        self.checks = QGridLayout()
        self.checks.setHorizontalSpacing(16)
        self.checks.setVerticalSpacing(8)
        self.checks.setColumnStretch(2, 1)
        self.results_heading = label("Heading")
        self.results_note = label("Banner")
        self.results = QVBoxLayout()
        self.results.setSpacing(6)
        self.provenance = _selectable(label("Small"))
        for widget in (self.checks_heading, self.language_note):
            col.addWidget(widget)
        col.addLayout(self.checks)
        col.addWidget(self.results_heading)
        col.addWidget(self.results_note)
        col.addLayout(self.results)
        col.addWidget(self.provenance)
        col.addStretch(1)

    def show_verified(self, verified: Verified, language: str) -> None:
        """Show ``verified`` in ``language``."""
        self.verified = verified
        self.language = language
        self.show_status("")
        self.refresh()

    def show_status(self, text: str) -> None:
        """Say what became of the last "Save report" ("" hides it)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def refresh(self) -> None:
        """Re-render everything in the installed language."""
        self.save_button.set_texts(self.tr("Save report (HTML)…"), self.tr("Save report as HTML"),
                                   self.tr("Saves the whole report as one web page to share or print"))
        self.receipt_button.set_texts(self.tr("Check a receipt"), "",
                                      self.tr("Looks up a ballot's tracking code or receipt photo in this record"))
        self.other_button.set_texts(self.tr("Open another record"), "",
                                    self.tr("Returns to the first page to choose another record"))
        self.checks_heading.setText(self.tr("Checks"))
        self.results_heading.setText(self.tr("Results"))
        self.language_note.setText(self.tr("The details are the verifier's own words, in English."))
        self.language_note.setVisible(self.language != "en")
        if self.verified is None:
            return
        report, summary = self.verified.report, self.verified.summary
        valid = report.valid
        self.banner.setObjectName("VerdictValid" if valid else "VerdictInvalid")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.verdict.setText(f"{PASS_MARK} " + self.tr("VALID") if valid else f"{FAIL_MARK} " + self.tr("INVALID"))
        failures = report.failures()
        if valid:
            detail = fill(self.tr("All %1 checks hold: this record is a consistent, verified election."),
                          str(len(report.checks)))
        else:
            detail = fill(self.tr("%1 of %2 checks failed: %3. Any failed check makes the whole record invalid."),
                          str(len(failures)), str(len(report.checks)),
                          ", ".join(check_title(c.name) for c in failures))
        self.verdict_detail.setText(detail)
        self.banner.setAccessibleName(f"{self.verdict.text()}. {detail}")
        title = summary.title(self.language) or self.tr("(the election's name cannot be read)")
        self.election.setText(f"{title}  [{summary.election_id}]" if summary.election_id else title)
        if summary.fingerprint:
            self.fingerprint.setText(fill(self.tr("Election fingerprint %1 (full: %2)"),
                                          short_fingerprint(summary.fingerprint), summary.fingerprint))
        else:
            self.fingerprint.setText(self.tr("The election fingerprint cannot be computed: manifest.json is missing."))
        built = (id(self.verified), self.language)
        if built != self._built:  # rebuilt only when needed: new widgets show after the next event loop pass
            self._built = built
            self._fill_checks()
            self._fill_results()
        self.provenance.setText(fill(self.tr("Record %1, checked at %2 by pbvote verify (%3)."), report.record,
                                     self.verified.finished_at.isoformat(timespec="seconds"), "pbvote-spec/1"))

    def _fill_checks(self) -> None:
        assert self.verified is not None
        _clear(self.checks)
        checks = self.verified.report.checks
        failed_first = [c for c in checks if not c.ok] + [c for c in checks if c.ok]  # what went wrong on top
        for row, check in enumerate(failed_first):
            mark = label("CheckPass" if check.ok else "CheckFail", f"{PASS_MARK} " + self.tr("pass") if check.ok
                         else f"{FAIL_MARK} " + self.tr("FAIL"), wrap=False)
            name = label("Status", check_title(check.name))
            lines = [check.summary] + [f"• {p}" for p in check.problems if p != check.summary]
            if check.problem_count > len(check.problems):
                lines.append(fill(self.tr("… and %1 more"), format_number(check.problem_count - len(check.problems))))
            detail = _selectable(label("Small", "\n".join(lines)))
            self.checks.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            self.checks.addWidget(name, row, 1, Qt.AlignmentFlag.AlignTop)
            self.checks.addWidget(detail, row, 2)

    def _fill_results(self) -> None:
        assert self.verified is not None
        by_name = {c.name: c for c in self.verified.report.checks}
        verified = all(n in by_name and by_name[n].ok for n in RESULT_CHECKS)
        self.results_note.setVisible(not verified)
        self.results_note.setText(self.tr("NOT VERIFIED: these are the published results, but the checks that "
                                          "confirm them did not all pass. Do not rely on them."))
        _clear(self.results)
        districts = self.verified.summary.districts
        if not districts:
            self.results.addWidget(label("Muted", self.tr("The record holds no results to show.")))
        for district in districts:
            self.results.addWidget(self._district(district))

    def _district(self, d: DistrictResult) -> QWidget:
        box = QFrame()
        box.setObjectName("Card")
        grid = QGridLayout(box)
        grid.setContentsMargins(20, 14, 20, 14)
        grid.setColumnStretch(0, 1)
        name = text_in(d.name, self.language) or d.id
        grid.addWidget(label("Status", name), 0, 0, 1, 3)
        grid.addWidget(label("Small", fill(self.tr("%1 ballots · budget %2 %3 · used %4 · left %5"),
                                           format_number(d.ballots), format_number(d.budget), d.currency,
                                           format_number(d.spent), format_number(d.budget - d.spent))), 1, 0, 1, 3)
        for column, head in enumerate((self.tr("Project"), self.tr("Votes"), self.tr("Funded"))):
            grid.addWidget(label("Small", head, wrap=False), 2, column)
        for row, p in enumerate(d.projects, start=3):
            title = text_in(p.title, self.language) or p.id
            mark = f"{PASS_MARK} " + self.tr("funded") if p.funded else self.tr("not funded")
            grid.addWidget(label("", f"{title} ({p.id})"), row, 0)
            votes = label("", format_number(p.count), wrap=False)
            votes.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(votes, row, 1)
            grid.addWidget(label("CheckPass" if p.funded else "Muted", mark, wrap=False), row, 2)
        return box

    def focus_first(self) -> None:
        """Put keyboard focus on "Save report"."""
        self.save_button.setFocus()
