"""Render the sample results report (taipei-daan, made-up counts) to PNG for the README, and time it.

Writes docs/screenshots/results-report-en.png and results-report-zh-TW.png
(first page, pdftoppm), then prints one JSON line: render time per report
(median of --reps), page count and PDF size per language.  Counts, keys
and hashes are fixed demo values, so the pictures do not change between runs.

    .venv/bin/python bench/results_report_screens.py [--out DIR] [--dpi 80] [--reps 5]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader

from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.samples import sample_manifest
from crypto.signatures import signing_key_from_seed
from tally.results import DistrictResult, ProjectCount, Results
from tally.results_pdf import render_results_pdf
from tally.rules.greedy import greedy
from tally.rules.model import RuleProject


def demo_results(election: Election, seed: int = 2027) -> Results:
    """Plausible made-up counts per district, outcomes by the district's greedy rule, signed by a demo key."""
    rng = random.Random(seed)
    districts = []
    for d in election.districts:
        projects = election.projects_in(d.id)
        ballots = rng.randrange(1500, 4000)
        counts: dict[str, int] = {p.id: rng.randrange(ballots // 8, ballots * 6 // 10) for p in projects}
        outcome = greedy([RuleProject(p.id, p.cost) for p in projects], d.budget, counts,
                         skip=d.outcome.rule != "greedy-no-skip", threshold=d.outcome.threshold)
        districts.append(DistrictResult(d.id, ballots, d.budget, d.currency,
                                        tuple(ProjectCount(p.id, counts[p.id]) for p in projects), outcome))
    key = signing_key_from_seed(bytes(range(32)))
    return Results(election.fingerprint, bytes(range(32)), (1, 2), tuple(districts)).signed(key)


def to_png(pdf: bytes, target: Path, dpi: int) -> None:
    """Rasterise page 1 of ``pdf`` to ``target`` (a .png path)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", "1", "-l", "1", source,
                        target.with_suffix("")], check=True)


def main() -> None:
    """Parse arguments, render both languages, write the PNGs, print the JSON summary."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "screenshots")
    p.add_argument("--dpi", type=int, default=80)
    p.add_argument("--reps", type=int, default=5)
    a = p.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    election = load_manifest(sample_manifest("taipei-daan"))
    results = demo_results(election)
    summary: dict[str, object] = {"sample": "taipei-daan", "districts": len(results.districts)}
    for lang in ("en", "zh-TW"):
        times = []
        for _ in range(a.reps):
            start = time.perf_counter()
            pdf = render_results_pdf(results, election, lang)
            times.append(time.perf_counter() - start)
        to_png(pdf, a.out / f"results-report-{lang}.png", a.dpi)
        summary[f"{lang}_render_ms"] = round(statistics.median(times) * 1000, 1)
        summary[f"{lang}_pages"] = len(PdfReader(io.BytesIO(pdf)).pages)
        summary[f"{lang}_bytes"] = len(pdf)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
