"""The human-readable verification report: one self-contained HTML file (``pbvote verify --report FILE.html``).

An observer hands this page to people who will not run the verifier: it
says the verdict in words (not by colour alone), names the election and
its fingerprint, lists every check with its counts and reasons, shows the
published results (saying whether they verified), names the verifier's
version and the exact files checked (SHA-256), and says how to reproduce
it.  No script, no external style sheet, font or image: it opens offline
and prints as it looks.  Every string from the record is escaped
(``html.escape``): a project title may be hostile.  Given the same report,
summary and ``generated_at`` the bytes are the same.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from datetime import datetime
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from tally.verify.proofs import SPEC_VERSION
from tally.verify.report import Check, Report
from tally.verify.summary import DistrictResult, RecordSummary, short_fingerprint, text_in

RESULT_CHECKS = ("tally", "decryptions", "counts", "outcomes", "results")
"""The checks that together make the published results verified (spec section 36, items 12 to 16)."""

SPEC_POINTER = "docs/spec.md, section 31.2 (and 36 for the tally, 29 for receipts)"

_STYLE = """
body { font-family: "Noto Sans", "Noto Sans CJK TC", "DejaVu Sans", sans-serif; color: #111; margin: 2em auto;
       max-width: 60em; line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #444; padding-bottom: 0.1em; margin-top: 1.6em; }
.verdict { border: 4px solid; padding: 0.6em 1em; margin: 1em 0; }
.verdict p { margin: 0.2em 0; }
p.word { font-size: 30pt; font-weight: bold; letter-spacing: 0.05em; }
.valid { border-color: #1e7d46; background: #eaf6ee; }
.invalid { border-color: #b3261e; background: #fdeceb; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.fail, td.pass { font-weight: bold; white-space: nowrap; }
td.fail { color: #b3261e; }
td.pass { color: #1e7d46; }
code, pre, .hash { font-family: "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
pre { background: #f4f4f4; border: 1px solid #ccc; padding: 0.5em; white-space: pre-wrap; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
.note { border-left: 4px solid #888; padding-left: 0.6em; }
@media print { body { margin: 0; max-width: none; } .verdict, tr { break-inside: avoid; } }
"""


def verifier_version() -> str:
    """The installed pbvote's version (the verifier ships with it), or "unknown"."""
    try:
        return version("pbvote")
    except PackageNotFoundError:
        return "unknown"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _verdict(report: Report) -> str:
    if report.valid:
        return (f'<section class="verdict valid" id="verdict"><p class="word">&#10004; VALID</p>'
                f"<p>All {len(report.checks)} checks hold.</p></section>")
    names = ", ".join(c.name for c in report.failures()) or "no checks ran"
    return (f'<section class="verdict invalid" id="verdict"><p class="word">&#10008; INVALID</p>'
            f"<p>{len(report.failures())} of {len(report.checks)} checks failed: {_e(names)}.</p>"
            "<p>Any check that fails or cannot run makes the whole record INVALID.</p></section>")


def _election(summary: RecordSummary) -> str:
    rows = [("Election id", f"<code>{_e(summary.election_id or '(unreadable)')}</code>")]
    rows += [(f"Title ({_e(lang)})", f'<span lang="{_e(lang)}">{_e(text)}</span>') for lang, text in summary.titles]
    if summary.fingerprint:
        rows += [("Fingerprint", f'<span class="hash">{_e(summary.fingerprint)}</span>'),
                 ("Short form", f'<span class="hash">{_e(short_fingerprint(summary.fingerprint))}</span>'
                                " (as printed on code letters and shown by kiosks)")]
    else:
        rows.append(("Fingerprint", "(manifest.json unreadable)"))
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<section id="election"><h2>Election</h2><dl>{body}</dl></section>'


def _problems(check: Check) -> str:
    listed = [p for p in check.problems if p != check.summary]
    items = "".join(f"<li>{_e(p)}</li>" for p in listed)
    more = check.problem_count - len(check.problems)
    if more > 0:
        items += f"<li>... and {more:,} more</li>"
    return f"<ul>{items}</ul>" if items else ""


def _checks(report: Report) -> str:
    rows = "".join(
        f'<tr><td class="num">{i}</td><td>{_e(c.name)}</td>'
        f'<td class="{"pass" if c.ok else "fail"}">{"&#10004; PASS" if c.ok else "&#10008; FAIL"}</td>'
        f"<td>{_e(c.summary)}{_problems(c)}</td></tr>"
        for i, c in enumerate(report.checks, start=1))
    return ('<section id="checks"><h2>Checks</h2><table><thead><tr><th>#</th><th>Check</th><th>Result</th>'
            f"<th>Counts and detail</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _district(d: DistrictResult, language: str) -> str:
    name = text_in(d.name, language)
    rows = "".join(
        f'<tr><td><code>{_e(p.id)}</code></td><td>{_e(text_in(p.title, language))}</td>'
        f'<td class="num">{p.count:,}</td><td class="num">{p.cost:,}</td>'
        f"<td>{'Yes, funded' if p.funded else 'No'}</td></tr>" for p in d.projects)
    return (f"<h3>{_e(name) + ' ' if name else ''}<code>[{_e(d.id)}]</code></h3>"
            f"<p>{d.ballots:,} ballots; rule {_e(d.rule)}; budget {d.budget:,} {_e(d.currency)}, "
            f"used {d.spent:,}, left {d.budget - d.spent:,}.</p>"
            "<table><thead><tr><th>Project</th><th>Title</th><th>Votes</th><th>Cost</th><th>Funded</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>")


def _results(report: Report, summary: RecordSummary, language: str) -> str:
    by_name = {c.name: c for c in report.checks}
    verified = all(name in by_name and by_name[name].ok for name in RESULT_CHECKS)
    if verified:
        note = ("These results are as results.json publishes them; the checks tally, decryptions, counts, outcomes "
                "and results above recomputed and confirmed them.")
    else:
        note = ("NOT VERIFIED: these results are as results.json publishes them, but the checks that confirm them "
                "did not all pass. Do not rely on them.")
    if not summary.districts:
        note += " No results can be shown."
    body = "".join(_district(d, language) for d in summary.districts)
    return f'<section id="results"><h2>Results</h2><p class="note">{_e(note)}</p>{body}</section>'


def _record(report: Report, summary: RecordSummary, generated_at: datetime, version_text: str) -> str:
    facts = [("Record", f"<code>{_e(report.record)}</code>"),
             ("Checked at", _e(generated_at.isoformat(timespec="seconds"))),
             ("Verifier", f"pbvote verify {_e(version_text)} (tally/verify, written from docs/spec.md)"),
             ("Specification", _e(SPEC_VERSION))]
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    rows = "".join(f'<tr><td><code>{_e(f.name)}</code></td><td class="num">{f.size:,}</td>'
                   f'<td class="hash">{_e(f.sha256)}</td></tr>' for f in summary.files)
    unreadable = "".join(f"<li>{_e(u)}</li>" for u in summary.unreadable)
    return (f'<section id="record"><h2>Record checked</h2><dl>{dl}</dl>'
            "<table><thead><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            + (f"<p>Not shown in this report:</p><ul>{unreadable}</ul>" if unreadable else "") + "</section>")


def _reproduce(report: Report) -> str:
    name = shlex.quote(Path(report.record).name or report.record)
    return ('<section id="reproduce"><h2>How to reproduce</h2>'
            "<p>Anyone can repeat every check on the same files (compare the SHA-256 above) with:</p>"
            f"<pre>pbvote verify {_e(name)}\npython -m tally.verify {_e(name)}</pre>"
            "<p>Exit status 0 means VALID; add <code>--json</code> for a machine-readable report. "
            f"What each check means and how to write your own verifier: {_e(SPEC_POINTER)}.</p></section>")


def render_html(report: Report, summary: RecordSummary, *, generated_at: datetime, language: str = "en",
                version_text: str | None = None) -> str:
    """The whole report page.

    Args:
        report: the checks of one verification run.
        summary: the election, files and results of the same record (summarize_record).
        generated_at: when the checks ran (injected, so the bytes are reproducible).
        language: which language's project titles and district names to show (others: the first).
        version_text: the verifier's version (default: the installed pbvote's).

    Returns:
        The HTML text (UTF-8 when written).
    """
    title = summary.title(language) or "election record"
    verdict = "VALID" if report.valid else "INVALID"
    parts: Iterable[str] = (
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{verdict}: verification of {_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Verification report: {_e(title)}</h1>", _verdict(report), _election(summary), _checks(report),
        _results(report, summary, language), _record(report, summary, generated_at, version_text or verifier_version()),
        _reproduce(report), "</body></html>\n")
    return "\n".join(parts)


def write_html_report(path: Path, report: Report, summary: RecordSummary, *, generated_at: datetime,
                      language: str = "en") -> None:
    """Write :func:`render_html` to ``path`` as UTF-8.

    Raises:
        OSError: the file cannot be written.
    """
    path.write_text(render_html(report, summary, generated_at=generated_at, language=language), encoding="utf-8")
