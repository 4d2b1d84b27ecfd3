"""
The results report, read back for real: pdftoppm renders it, pypdf extracts its text, pixels show the chart.

Fixtures are built here from the bundled sample manifests with made-up
counts (the tally that produces real ones is written elsewhere): taipei-daan
(two greedy districts, en + zh-TW) and riverside-knapsack (Equal Shares, from
made-up approval ballots, for the round-by-round explanation).
"""

from __future__ import annotations

import dataclasses
import functools
import io
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from ballot.manifest import load_manifest
from ballot.manifest_model import Election, Project, ProjectId, Text, short_fingerprint
from ballot.pdf_common import PrintoutError
from ballot.samples import sample_manifest
from crypto.signatures import SigningKey, generate_signing_key, signing_key_from_seed
from tally.results import DistrictResult, ProjectCount, Results
from tally.results_pdf import CHART_BAR_X, FUNDED_RGB, ranked, render_results_pdf
from tally.rules.equal_shares import equal_shares
from tally.rules.greedy import greedy
from tally.rules.model import EqualSharesRound, GreedyStep, RuleProject

LANGS = ("en", "zh-TW")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
DEMO_KEY = signing_key_from_seed(bytes(range(32)))


def greedy_results(election: Election, key: SigningKey = DEMO_KEY, seed: int = 6) -> Results:
    """Made-up counts for every district of a greedy election, outcomes by tally/rules/greedy.py."""
    rng = random.Random(seed)
    districts = []
    for d in election.districts:
        projects = election.projects_in(d.id)
        ballots = rng.randrange(800, 3000)
        counts: dict[str, int] = {p.id: rng.randrange(ballots // 10, ballots * 6 // 10) for p in projects}
        outcome = greedy([RuleProject(p.id, p.cost) for p in projects], d.budget, counts,
                         skip=d.outcome.rule != "greedy-no-skip", threshold=d.outcome.threshold)
        districts.append(DistrictResult(d.id, ballots, d.budget, d.currency,
                                        tuple(ProjectCount(p.id, counts[p.id]) for p in projects), outcome))
    return Results(election.fingerprint, bytes(range(32, 64)), (1, 2), tuple(districts)).signed(key)


def mes_results(election: Election, key: SigningKey = DEMO_KEY, seed: int = 7, voters: int = 240) -> Results:
    """Made-up approval ballots for an Equal Shares election; counts are the approvals."""
    rng = random.Random(seed)
    districts = []
    for d in election.districts:
        projects = election.projects_in(d.id)
        weights = {p.id: rng.uniform(0.1, 0.7) for p in projects}
        ballots = [{p.id for p in projects if rng.random() < weights[p.id]} for _ in range(voters)]
        outcome = equal_shares([RuleProject(p.id, p.cost) for p in projects], d.budget, ballots,
                               completion=d.outcome.completion or "add1", fill=d.outcome.fill or "none")
        counts = tuple(ProjectCount(p.id, sum(p.id in b for b in ballots)) for p in projects)
        districts.append(DistrictResult(d.id, voters, d.budget, d.currency, counts, outcome))
    return Results(election.fingerprint, bytes(32), (1, 3), tuple(districts)).signed(key)


@functools.cache
def taipei() -> tuple[Election, Results]:
    election = load_manifest(sample_manifest("taipei-daan"))
    return election, greedy_results(election)


@functools.cache
def riverside() -> tuple[Election, Results]:
    election = load_manifest(sample_manifest("riverside-knapsack"))
    return election, mes_results(election)


def many_projects(n: int = 60) -> tuple[Election, Results]:
    """taipei-daan with ``n`` projects in the north, titles long enough to wrap, for pagination."""
    election = load_manifest(sample_manifest("taipei-daan"))
    base = election.projects_in("north")[0]
    extra = tuple(dataclasses.replace(
        base, id=ProjectId(f"x{i:02d}"), cost=100_000 + 7_919 * i,
        title=Text((("en", f"Project {i}: a long title about shade trees, benches, ramps and lights "
                            f"for the whole of the neighbourhood around the park, part {i}"),
                    ("zh-TW", f"第 {i} 案：公園周邊整體環境改善，包括遮蔭喬木、座椅、無障礙坡道與夜間照明的長標題"))))
        for i in range(n))
    projects: tuple[Project, ...] = tuple(p for p in election.projects if p.district != "north") + extra
    big = dataclasses.replace(election, projects=projects)
    return big, greedy_results(big)


def pdf_text(pdf: bytes) -> list[str]:
    return [str(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def render_png(pdf: bytes, tmp: Path, dpi: int = 60) -> list[Path]:
    source = tmp / "report.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", source, tmp / "page"], check=True, capture_output=True)
    return sorted(tmp.glob("page*.png"))


def squash(s: str) -> str:
    """Text without whitespace: pypdf breaks wrapped lines where the layout did."""
    return "".join(s.split())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sample", [taipei, riverside])
def test_report_text_reads_back(sample: object, lang: str) -> None:
    """Title, the word Results, the fingerprint, every project title and the verify command are real text."""
    assert callable(sample)
    election, results = sample()
    text = squash("\n".join(pdf_text(render_results_pdf(results, election, lang))))
    assert squash(election.title.get(lang)) in text
    assert ("投票結果" if lang == "zh-TW" else "Results") in text
    assert election.fingerprint_hex in text and short_fingerprint(election.fingerprint) in text
    for project in election.projects:
        assert squash(project.title.get(lang)) in text, project.id
    assert "pbvoteverifyRECORD" in text
    for district in results.districts:
        assert f"{district.outcome.spent:,}" in text
        assert squash(election.district(district.district).name.get(lang)) in text


def test_chinese_title_extracts_exactly() -> None:
    """The embedded AR PL UMing subset has a ToUnicode map: pypdf gets the Chinese back verbatim."""
    election, results = taipei()
    first = pdf_text(render_results_pdf(results, election, "zh-TW"))[0]
    assert first.splitlines()[:2] == ["大安區參與式預算 2027", "投票結果"]
    assert "永康公園遮蔭喬木補植" in first and "獲補助" in first and "未獲補助" in first


@pytest.mark.parametrize("lang", LANGS)
def test_same_results_same_bytes(lang: str) -> None:
    election, results = riverside()
    first = render_results_pdf(results, election, lang)
    assert first.startswith(b"%PDF-") and first == render_results_pdf(results, election, lang)
    rebuilt = mes_results(load_manifest(sample_manifest("riverside-knapsack")))
    assert first == render_results_pdf(rebuilt, election, lang)


def test_explanations_are_printed() -> None:
    """Greedy prints one step per project with its reason; Equal Shares prints its rounds then the fill."""
    election, results = taipei()
    text = "\n".join(pdf_text(render_results_pdf(results, election, "en")))
    steps = [s for d in results.districts for s in d.outcome.explanation if isinstance(s, GreedyStep)]
    assert len(steps) == sum(len(d.counts) for d in results.districts)
    assert squash(text).count("funded:fitsinthemoneyleft") == sum(s.funded for s in steps)
    assert squash(text).count("skipped:morethanthemoneyleft") == sum(not s.funded for s in steps)
    election, results = riverside()
    text = squash("\n".join(pdf_text(render_results_pdf(results, election, "zh-TW"))))
    rounds = [s for s in results.districts[0].outcome.explanation if isinstance(s, EqualSharesRound)]
    assert rounds and "逐輪說明" in text
    for r in rounds:
        assert f"{r.cost:,}{r.supporters:,}" in text  # cost then supporters, in the round's row


def _bar_runs(png: Path, x_pt: float, dpi: int, colour: tuple[int, int, int], min_px: int) -> int:
    """Vertical runs of ``colour`` (within 3 levels) at least ``min_px`` tall in the pixel column at x_pt."""
    image = Image.open(png).convert("RGB")
    x = round(x_pt * dpi / 72)
    runs = length = 0
    for y in range(image.height):
        pixel = image.getpixel((x, y))
        assert isinstance(pixel, tuple)
        if all(abs(a - b) <= 3 for a, b in zip(pixel, colour, strict=True)):
            length += 1
            continue
        runs += length >= min_px
        length = 0
    return runs + (length >= min_px)


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
def test_pages_render_and_chart_marks_funded(lang: str, tmp_path: Path) -> None:
    """pdftoppm renders every page; the chart has one green bar per funded project, one grey bar per other."""
    election, results = taipei()
    pdf = render_results_pdf(results, election, lang)
    pages = render_png(pdf, tmp_path, dpi=100)
    assert len(pages) == len(PdfReader(io.BytesIO(pdf)).pages) >= 2
    green = tuple(round(v * 255) for v in FUNDED_RGB)
    assert len(green) == 3
    grey = (199, 199, 199)
    funded = sum(len(d.outcome.selected) for d in results.districts)
    total = sum(len(d.counts) for d in results.districts)
    x = CHART_BAR_X + 3
    assert funded == sum(_bar_runs(p, x, 100, (green[0], green[1], green[2]), 12) for p in pages)
    assert total - funded == sum(_bar_runs(p, x, 100, grey, 12) for p in pages)
    for png in pages:
        extrema = Image.open(png).convert("L").getextrema()
        assert extrema[0] < 60  # type: ignore[operator]  # an "L" image gives (min, max) ints  # something dark is drawn on every page


@needs_poppler
def test_sixty_projects_paginate(tmp_path: Path) -> None:
    """60 long titles: every row whole on some page, each page numbered, all pages render."""
    election, results = many_projects(60)
    pdf = render_results_pdf(results, election, "zh-TW")
    texts = pdf_text(pdf)
    assert len(texts) >= 6
    for n, page in enumerate(texts, 1):
        assert f"第 {n} 頁" in page
    joined = squash("\n".join(texts))
    for i in range(60):
        assert joined.count(f"[x{i:02d}]") == 2  # once in the results table, once in the explanation
    assert len(render_png(pdf, tmp_path, dpi=30)) == len(texts)


def polish_projects() -> tuple[Election, Results]:
    """taipei-daan whose north projects carry Polish names (Łódź's own), as an imported pabulib election does."""
    election = load_manifest(sample_manifest("taipei-daan"))
    names = ("Sala sportowa w Szkole Podstawowej nr 3 w Łodzi", "Modernizacja sal gimnastycznych w SP 182 - Teofilów",
             "Na dziedzińcu i w ogrodzie uczymy się o przyrodzie", "10\u202f000 godzin miłości: ZWIERZĘTA SĄ WAŻNE")
    north = election.projects_in("north")
    renamed = {p.id: dataclasses.replace(p, title=Text((("en", name), ("zh-TW", f"{name}（羅茲）"))))
               for p, name in zip(north, names, strict=False)}
    polish = dataclasses.replace(election, projects=tuple(renamed.get(p.id, p) for p in election.projects))
    return polish, greedy_results(polish)


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
def test_polish_names_are_drawn_in_one_unicode_latin_face(lang: str, tmp_path: Path) -> None:
    """Ł, ń, ę and a narrow no-break space read back, drawn in embedded DejaVu Sans throughout, not Helvetica."""
    election, results = polish_projects()
    pdf = render_results_pdf(results, election, lang)
    text = squash("\n".join(pdf_text(pdf)))
    for p in election.projects_in("north")[:4]:
        assert squash(p.title.get(lang)) in text
    drawn = faces_drawn(pdf)
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= drawn
    assert not any(face.startswith("Helvetica") for face in drawn)  # one Latin face for every row of the tables
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout.splitlines()
    assert all(" yes " in line for line in fonts[2:] if "DejaVu" in line)  # embedded
    sample, sample_results = taipei()
    drawn = faces_drawn(render_results_pdf(sample_results, sample, lang))
    assert not any("DejaVu" in face for face in drawn)  # names within WinAnsi keep the standard faces


def faces_drawn(pdf: bytes) -> set[str]:
    """The fonts (subset prefix removed) that draw some visible text on some page."""
    faces: set[str] = set()

    def visit(text: str, _cm: object, _tm: object, font: dict[str, object] | None, _size: object) -> None:
        if text.strip() and font is not None:
            faces.add(str(font["/BaseFont"]).lstrip("/").split("+")[-1])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return faces


def test_ranks_share_ties() -> None:
    election, results = taipei()
    district = results.districts[0]
    first = district.counts[0]
    tied = dataclasses.replace(district, counts=(first, *(ProjectCount(c.project, first.count)
                                                          for c in district.counts[1:3]), *district.counts[3:]))
    ranks = [rank for rank, *_ in ranked(tied, election)]
    assert ranks[:3] == [1, 1, 1] and ranks[3] == 4 and ranks == sorted(ranks)


def test_refuses_what_it_cannot_print() -> None:
    election, results = taipei()
    other, _ = riverside()
    with pytest.raises(PrintoutError, match="another election"):
        render_results_pdf(results, other, "en")
    with pytest.raises(PrintoutError, match="language"):
        render_results_pdf(results, election, "fr")


def test_both_languages_have_the_same_strings() -> None:
    """Every key in both languages, with the same placeholders (a gap would crash in front of officials)."""
    import string

    from tally._results_texts import TEXTS

    assert TEXTS["en"].keys() == TEXTS["zh-TW"].keys()
    for key, words in TEXTS["en"].items():
        def fields(s: str) -> set[str]:
            return {f for _, f, _, _ in string.Formatter().parse(s) if f}
        assert fields(words) == fields(TEXTS["zh-TW"][key]), key


def test_signing_key_independent() -> None:
    """The signature is not printed: results signed by another key give the same report."""
    election, results = taipei()
    again = dataclasses.replace(results, signature=b"").signed(generate_signing_key())
    assert render_results_pdf(results, election, "en") == render_results_pdf(again, election, "en")


@needs_poppler
def test_fingerprint_qr_reads_back(tmp_path: Path) -> None:
    """The QR code beside the fingerprint decodes (zxing, after pdftoppm) to the full fingerprint."""
    import zxingcpp

    election, results = riverside()
    first = render_png(render_results_pdf(results, election, "zh-TW"), tmp_path, dpi=150)[0]
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(first))]
    assert found == [election.fingerprint_hex]
