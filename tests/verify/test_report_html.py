"""The HTML verification report (``pbvote verify --report``): read back with html.parser, not by eye."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tally.cli import main
from tally.verify import verify_record
from tally.verify.report_html import render_html
from tally.verify.summary import summarize_record

AT = datetime(2027, 3, 15, 9, 30, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


class Page(HTMLParser):
    """The page as sections of text and table rows; records every tag, to find what must not be there."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.section = ""
        self.texts: dict[str, list[str]] = {}
        self.rows: dict[str, list[list[str]]] = {}
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "section":
            self.section = dict(attrs).get("id") or ""
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.setdefault(self.section, []).append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.texts.setdefault(self.section, []).append(data)
        if self._cell is not None:
            self._cell.append(data)

    def text(self, section: str) -> str:
        return " ".join(" ".join(self.texts.get(section, [])).split())


def page_of(record: Path) -> tuple[str, Page]:
    html = render_html(verify_record(record, jobs=1), summarize_record(record), generated_at=AT)
    return html, Page(html)


def test_a_valid_record_shows_every_check_the_results_and_how_to_reproduce(demo_dir: Path) -> None:
    record = demo_dir / "record.zip"
    report = verify_record(record, jobs=1)
    html = render_html(report, summarize_record(record), generated_at=AT, version_text="9.9")
    page = Page(html)
    assert [[str(i), c.name, "✔ PASS", c.summary] for i, c in enumerate(report.checks, start=1)] == page.rows["checks"][1:]
    assert page.text("verdict") == f"✔ VALID All {len(report.checks)} checks hold."
    manifest = (demo_dir / "record" / "manifest.json").read_bytes()
    fingerprint = hashlib.sha256(manifest).hexdigest()
    election = page.text("election")
    assert fingerprint in election
    assert "-".join(fingerprint[i:i + 4] for i in range(0, 16, 4)) in election
    assert "taipei-daan-2027" in election and "大安區參與式預算 2027" in election
    results = json.loads((demo_dir / "record" / "results.json").read_bytes())
    north = results["districts"][0]
    assert "confirmed them" in page.text("results")
    assert f"{north['ballots']} ballots; rule greedy; budget 5,500,000 TWD, used {north['outcome']['spent']:,}" \
        in page.text("results")
    funded = {row[0] for row in page.rows["results"] if row[-1] == "Yes, funded"}
    assert set(north["outcome"]["selected"]) <= funded
    zip_hash = hashlib.sha256(record.read_bytes()).hexdigest()
    assert [["record.zip", f"{record.stat().st_size:,}", zip_hash]] == page.rows["record"][1:]
    assert "pbvote verify 9.9" in page.text("record") and "pbvote-spec/1" in page.text("record")
    assert "pbvote verify record.zip" in page.text("reproduce") and "section 31.2" in page.text("reproduce")
    assert {"script", "link", "img", "iframe", "object"}.isdisjoint(page.tags)  # self-contained, nothing fetched
    assert "http" not in html


def test_an_altered_count_makes_the_report_invalid_naming_the_check_and_the_results_unverified(record: Path) -> None:
    results = json.loads((record / "results.json").read_bytes())
    results["districts"][0]["counts"][0]["count"] += 1
    (record / "results.json").write_text(json.dumps(results, separators=(",", ":"), sort_keys=True,
                                                    ensure_ascii=False), encoding="utf-8")
    _html, page = page_of(record)
    assert page.text("verdict").startswith("✘ INVALID")
    failing = [row[1] for row in page.rows["checks"][1:] if row[2] == "✘ FAIL"]
    assert "counts" in failing
    assert ", ".join(failing) in page.text("verdict")
    counts_row = next(row for row in page.rows["checks"] if row[1] == "counts")
    assert "results.json says" in counts_row[3]
    assert page.text("results").startswith("Results NOT VERIFIED")
    assert {row[0] for row in page.rows["record"][1:]} >= {"manifest.json", "board.jsonl", "results.json"}


def test_hostile_strings_from_the_record_are_escaped(record: Path) -> None:
    manifest = json.loads((record / "manifest.json").read_bytes())
    manifest["election"]["title"]["en"] = HOSTILE
    manifest["projects"][0]["title"]["en"] = HOSTILE
    (record / "manifest.json").write_text(json.dumps(manifest, separators=(",", ":"), sort_keys=True,
                                                     ensure_ascii=False), encoding="utf-8")
    html, page = page_of(record)
    assert "script" not in page.tags and "b" not in page.tags
    assert "&lt;script&gt;" in html
    assert HOSTILE in page.text("election")
    assert any(HOSTILE in row for row in page.rows["results"])
    assert page.text("verdict").startswith("✘ INVALID")  # a changed manifest is another election


def test_the_same_run_gives_the_same_bytes_and_a_random_file_still_gives_a_page(demo_dir: Path,
                                                                               tmp_path: Path) -> None:
    record = demo_dir / "record"
    report, summary = verify_record(record, jobs=1), summarize_record(record)
    assert render_html(report, summary, generated_at=AT) == render_html(report, summarize_record(record),
                                                                        generated_at=AT)
    junk = tmp_path / "record.zip"
    junk.write_bytes(b"not a zip at all \x00\xff")
    _html, page = page_of(junk)
    assert page.text("verdict").startswith("✘ INVALID")
    assert "(unreadable)" in page.text("election")
    assert "No results can be shown" in page.text("results")


def test_the_report_flag_writes_the_page_and_keeps_the_exit_status(demo_dir: Path, record: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "valid.html"
    assert 0 == main(["verify", str(demo_dir / "record"), "--jobs", "1", "--report", str(out)])
    assert Page(out.read_text(encoding="utf-8")).text("verdict").startswith("✔ VALID")
    (record / "head.json").write_bytes((record / "head.json").read_bytes()[:-5])
    assert 1 == main(["verify", str(record), "--jobs", "1", "--report", str(tmp_path / "invalid.html")])
    page = Page((tmp_path / "invalid.html").read_text(encoding="utf-8"))
    assert "head" in [row[1] for row in page.rows["checks"] if row[2] == "✘ FAIL"]
    capsys.readouterr()
    assert 2 == main(["verify", str(record), "--report", str(tmp_path / "missing" / "r.html")])
    assert "no such folder" in capsys.readouterr().err
