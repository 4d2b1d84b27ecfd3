"""Printed receipts, read back for real: pypdf for the text, pdftoppm + zxing-cpp for the QR code.

The acceptance check: 200 random receipts round-trip their tracking code
through the PDF (text and QR), every receipt of one election, language and
layout has the same byte length, the same receipt gives the same bytes,
the Chinese text is embedded, and nothing about the choices is printed.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import multiprocessing
import os
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from ballot.manifest import load_manifest
from ballot.manifest_model import Election, Text, short_fingerprint
from ballot.pdf_common import CJK_FONT_ENV, FontMissing, PrintoutError
from ballot.receipt_pdf import LAYOUTS, POSITION_WIDTH, ROLL80_WIDTH, render_receipt_pdf
from ballot.receipts import Receipt, sign_receipt
from ballot.samples import sample_manifest
from crypto.errors import CodeTypo
from crypto.human_code import ALPHABET
from crypto.signatures import SigningKey, generate_signing_key
from crypto.tracking import parse_tracking_code

LANGS = ("en", "zh-TW")
_CODE = re.compile(r"(?:[0-9A-Z]{4}-){2}[0-9A-Z]{4}-?\s*[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\b")

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")


@functools.cache
def sample_election() -> Election:
    """The bundled taipei-daan election (en, zh-TW), loaded once per process."""
    return load_manifest(sample_manifest())


@pytest.fixture(scope="module")
def election() -> Election:
    return sample_election()


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return generate_signing_key()


def random_receipt(rng: random.Random, key: SigningKey, election: Election, position: int | None = None) -> Receipt:
    if position is None:
        position = rng.randrange(10 ** rng.randrange(1, 20))
    return sign_receipt(key, election.fingerprint, rng.randbytes(32), position, rng.randbytes(32))


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 == len(reader.pages)
    return str(reader.pages[0].extract_text())


def code_in(text: str) -> str:
    """The tracking code printed on the page (on two lines on the roll), as it would be typed."""
    found = _CODE.findall(text)
    assert 1 == len(found), text
    return str(found[0])


def rasterise(pdf: bytes, folder: Path, name: str, *, png: bool = True, dpi: int = 150) -> Image.Image:
    """Render page 1 with pdftoppm, as a printer driver would."""
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    fmt = ["-png"] if png else ["-gray"]  # -gray writes PGM: the same pixels, without PNG's zlib cost
    subprocess.run(["pdftoppm", "-r", str(dpi), *fmt, "-singlefile", "-f", "1", "-l", "1", source,
                    folder / name], check=True, capture_output=True)
    image = Image.open(folder / f"{name}.{'png' if png else 'pgm'}")
    image.load()
    return image


def qr_texts(image: Image.Image) -> list[str]:
    return [str(b.text) for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))]


# ---------------------------------------------------------------- the acceptance round trip


def _round_trip(job: tuple[Receipt, str, Path]) -> int:
    """Print one receipt, read it back (text, then QR from the rasterised page); return the PDF's length."""
    receipt, lang, folder = job
    pdf = render_receipt_pdf(receipt, sample_election(), lang, "roll80")
    assert receipt.tracking_code.short == parse_tracking_code(code_in(page_text(pdf)))
    [payload] = qr_texts(rasterise(pdf, folder, receipt.tracking_hash.hex(), png=False))
    assert receipt == Receipt.from_qr_payload(payload)
    return len(pdf)


@needs_poppler
def test_200_random_receipts_round_trip_through_text_and_qr(election: Election, key: SigningKey,
                                                              tmp_path: Path) -> None:
    rng = random.Random(20270301)
    receipts = [random_receipt(rng, key, election, position=(0, 123456, 2**64 - 1)[i] if i < 3 else None)
                for i in range(200)]
    jobs = [(r, LANGS[i % 2], tmp_path) for i, r in enumerate(receipts)]
    workers = min(4, (os.cpu_count() or 1) + 1)  # one more than the cores: pdftoppm runs while a worker waits
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        sizes = list(pool.map(_round_trip, jobs, chunksize=10))
    assert {1} == {len(set(sizes[i::2])) for i in range(2)}, sizes  # one length per language


@needs_poppler
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_layout_round_trips_as_png(election: Election, key: SigningKey, tmp_path: Path, lang: str,
                                         layout: str) -> None:
    receipt = random_receipt(random.Random(f"{lang}/{layout}"), key, election)
    pdf = render_receipt_pdf(receipt, election, lang, layout)
    assert receipt.tracking_code.short == parse_tracking_code(code_in(page_text(pdf)))
    assert [receipt.qr_payload()] == qr_texts(rasterise(pdf, tmp_path, "page"))


def test_a_one_character_typo_in_a_code_read_back_is_reported(election: Election, key: SigningKey) -> None:
    rng = random.Random(7)
    for lang in LANGS:
        printed = code_in(page_text(render_receipt_pdf(random_receipt(rng, key, election), election, lang, "a4")))
        for i, ch in enumerate(printed):
            if ch == "-":
                continue
            wrong = rng.choice([c for c in ALPHABET if c != ch])
            with pytest.raises(CodeTypo):
                parse_tracking_code(printed[:i] + wrong + printed[i + 1 :])


# ---------------------------------------------------------------- hard requirements


def test_the_receipt_record_holds_no_choices() -> None:
    assert ("fingerprint", "tracking_hash", "position", "head_hash", "signature") == tuple(
        f.name for f in dataclasses.fields(Receipt))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", LANGS)
def test_nothing_about_the_choices_is_printed(election: Election, key: SigningKey, lang: str, layout: str) -> None:
    text = page_text(render_receipt_pdf(random_receipt(random.Random(3), key, election), election, lang, layout))
    for project in election.projects:
        assert project.id not in text
        for _, title in project.title.items:
            assert title not in text
    for district in election.districts:
        for _, name in district.name.items:
            assert name not in text


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", LANGS)
def test_same_receipt_same_bytes(election: Election, key: SigningKey, lang: str, layout: str) -> None:
    receipt = random_receipt(random.Random(11), key, election)
    first = render_receipt_pdf(receipt, election, lang, layout)
    assert first == render_receipt_pdf(receipt, election, lang, layout)
    assert b"/CreationDate (D:20000101000000" in first  # reportlab's invariant date, never the clock


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_receipt_has_the_same_length(election: Election, key: SigningKey, lang: str, layout: str) -> None:
    rng = random.Random(f"length/{lang}/{layout}")
    positions: list[int | None] = [0, 9, 123456, 10**12, 2**64 - 1, None, None, None, None, None]
    receipts = [random_receipt(rng, key, election, p) for p in positions]
    extremes = [dataclasses.replace(receipts[0], tracking_hash=bytes(32), head_hash=bytes(32)),
                dataclasses.replace(receipts[0], tracking_hash=b"\xff" * 32, head_hash=b"\xff" * 32)]
    sizes = {len(render_receipt_pdf(r, election, lang, layout)) for r in receipts + extremes}
    assert 1 == len(sizes), sizes


def test_position_is_padded_to_the_largest_u64() -> None:
    assert len(str(2**64 - 1)) == POSITION_WIDTH


# ---------------------------------------------------------------- content and fonts


@pytest.mark.parametrize("lang, cast, check", [("en", "Your ballot was cast", "How to check your ballot"),
                                               ("zh-TW", "您的選票已投出", "如何查核您的選票")])
def test_texts_in_the_language_asked(election: Election, key: SigningKey, lang: str, cast: str, check: str) -> None:
    receipt = random_receipt(random.Random(5), key, election, 4321)
    text = page_text(render_receipt_pdf(receipt, election, lang, "roll80"))
    assert cast in text
    assert check in text
    assert election.title.get(lang) in " ".join(text.split())  # the roll wraps the title
    assert short_fingerprint(election.fingerprint) in text
    assert "pbvote verify RECORD --receipt CODE" in text
    assert re.search(r"\b4321\b", text)


@needs_poppler
def test_chinese_font_is_embedded(election: Election, key: SigningKey, tmp_path: Path) -> None:
    path = tmp_path / "zh.pdf"
    path.write_bytes(render_receipt_pdf(random_receipt(random.Random(1), key, election), election, "zh-TW", "a4"))
    fonts = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout
    uming = [line for line in fonts.splitlines() if "UMingTW" in line]
    assert uming
    assert all(" yes " in line for line in uming)  # emb column: poppler draws the glyphs from the file


@needs_poppler
def test_long_title_beyond_latin_1_wraps_embeds_and_keeps_one_length(election: Election, key: SigningKey,
                                                                      tmp_path: Path) -> None:
    title = Text((("en", "Łódź Śródmieście Participatory Budget 2027: the neighbourhood vote on parks, "
                         "pavements and the river path"), ("zh-TW", "羅茲市中心參與式預算 2027")))
    other = dataclasses.replace(election, title=title)
    rng = random.Random(9)
    receipts = [sign_receipt(key, other.fingerprint, rng.randbytes(32), p, rng.randbytes(32)) for p in (0, 2**64 - 1)]
    pdfs = [render_receipt_pdf(r, other, "en", "roll80") for r in receipts]
    assert len(pdfs[0]) == len(pdfs[1])
    assert title.get("en") in " ".join(page_text(pdfs[0]).split())
    path = tmp_path / "long.pdf"
    path.write_bytes(pdfs[0])
    fonts = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts  # Helvetica has no Ł: that line is drawn in an embedded Unicode Latin face
    assert [receipts[0].qr_payload()] == qr_texts(rasterise(pdfs[0], tmp_path, "long"))


def test_page_sizes(election: Election, key: SigningKey) -> None:
    receipt = random_receipt(random.Random(2), key, election)
    widths = {}
    for layout in LAYOUTS:
        box = PdfReader(io.BytesIO(render_receipt_pdf(receipt, election, "en", layout))).pages[0].mediabox
        widths[layout] = (round(float(box.width)), round(float(box.height)))
    assert round(ROLL80_WIDTH) == widths["roll80"][0]
    assert (595, 842) == widths["a4"]
    assert (612, 792) == widths["letter"]


# ---------------------------------------------------------------- errors


def test_unknown_language_is_named(election: Election, key: SigningKey) -> None:
    with pytest.raises(PrintoutError, match="'fr'"):
        render_receipt_pdf(random_receipt(random.Random(), key, election), election, "fr", "a4")


def test_unknown_layout_is_named(election: Election, key: SigningKey) -> None:
    with pytest.raises(ValueError, match=r"'a5'.*roll80"):
        render_receipt_pdf(random_receipt(random.Random(), key, election), election, "en", "a5")


def test_receipt_of_another_election_is_refused(election: Election, key: SigningKey) -> None:
    other = sign_receipt(key, bytes(32), bytes(32), 1, bytes(32))
    with pytest.raises(PrintoutError, match="0000-0000-0000-0000"):
        render_receipt_pdf(other, election, "en", "a4")


def test_missing_font_names_the_file(election: Election, key: SigningKey, monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "uming.ttc"
    monkeypatch.setenv(CJK_FONT_ENV, str(missing))
    with pytest.raises(FontMissing, match=re.escape(str(missing))):
        render_receipt_pdf(random_receipt(random.Random(), key, election), election, "zh-TW", "a4")


def test_damaged_font_names_the_file(election: Election, key: SigningKey, monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    damaged = tmp_path / "uming.ttc"
    damaged.write_bytes(b"ttcf" + bytes(64))
    monkeypatch.setenv(CJK_FONT_ENV, str(damaged))
    with pytest.raises(FontMissing, match=re.escape(str(damaged))):
        render_receipt_pdf(random_receipt(random.Random(), key, election), election, "zh-TW", "a4")


@pytest.fixture(autouse=True)
def _no_stray_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(CJK_FONT_ENV, raising=False)
    yield
