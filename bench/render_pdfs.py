"""Render sample receipts, a code letter and a card sheet to PNG for review, and time the printouts.

Writes docs/screenshots/pdf/*.png (pdftoppm), then prints one JSON line:
time per receipt (median of --reps), time for --count letters and cards,
and the PDF sizes.  The codes and keys are fixed demo values, so the
pictures do not change between runs.

    .venv/bin/python bench/render_pdfs.py [--out DIR] [--dpi 110] [--reps 20] [--count 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ballot.code_letters import render_code_cards, render_code_letters
from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.receipt_pdf import render_receipt_pdf
from ballot.receipts import Receipt, sign_receipt
from ballot.samples import sample_manifest
from crypto.codes import _code_from_bytes
from crypto.signatures import signing_key_from_seed


def demo_receipt(election: Election, rng: random.Random, position: int) -> Receipt:
    key = signing_key_from_seed(bytes(range(32)))
    return sign_receipt(key, election.fingerprint, rng.randbytes(32), position, rng.randbytes(32))


def demo_codes(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [_code_from_bytes(rng.randbytes(15)) for _ in range(n)]


def to_png(pdf: bytes, out: Path, name: str, dpi: int) -> Path:
    """Rasterise page 1 of ``pdf`` to ``out/name.png``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", "1", "-l", "1", source,
                        out / name], check=True)
    return out / f"{name}.png"


def main() -> None:
    """Parse arguments, render the pictures, time the printouts, print the JSON summary."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "pdf")
    p.add_argument("--dpi", type=int, default=110)
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--count", type=int, default=1000)
    a = p.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    election = load_manifest(sample_manifest())
    rng = random.Random(2027)
    receipt = demo_receipt(election, rng, 48213)
    sizes: dict[str, int] = {}
    for lang in ("en", "zh-TW"):
        for layout in ("roll80", "a4", "letter"):
            pdf = render_receipt_pdf(receipt, election, lang, layout)
            sizes[f"receipt-{lang}-{layout}"] = len(pdf)
            if layout != "letter":
                to_png(pdf, a.out, f"receipt-{lang}-{layout}", a.dpi)
    codes = demo_codes(a.count)
    to_png(render_code_letters(codes[:1], election), a.out, "code-letter", a.dpi)
    to_png(render_code_cards(codes[:10], election), a.out, "code-cards", a.dpi)

    times = []
    for i in range(a.reps):
        r = demo_receipt(election, rng, i)
        start = time.perf_counter()
        render_receipt_pdf(r, election, ("en", "zh-TW")[i % 2], "roll80")
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    letters = render_code_letters(codes, election)
    letters_s = time.perf_counter() - start
    start = time.perf_counter()
    cards = render_code_cards(codes, election)
    cards_s = time.perf_counter() - start
    sizes[f"letters-{a.count}"] = len(letters)
    sizes[f"cards-{a.count}"] = len(cards)
    print(json.dumps({
        "receipt_ms_median": round(statistics.median(times) * 1000, 1),
        f"letters_{a.count}_s": round(letters_s, 2),
        f"cards_{a.count}_s": round(cards_s, 2),
        "bytes": sizes,
        "pngs": sorted(p.name for p in a.out.glob("*.png")),
    }))


if __name__ == "__main__":
    main()
