"""Receipts (spec section 29) against the record: typed codes, QR text and printed receipts read back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tally.cli import main
from tally.verify import verify_record
from tally.verify.codes import display, short_code, tracking_hash
from tally.verify.encoding import canonical


def receipt_check(record: Path, text: str) -> str:
    report = verify_record(record, jobs=1, receipt=text)
    check = report.checks[-1]
    assert "receipt" == check.name
    return ("ok " if check.ok else "FAILED ") + check.summary


def test_printed_tracking_codes_are_found_and_counted(demo_dir: Path) -> None:
    codes = sorted(p.stem for p in (demo_dir / "receipts").glob("*.pdf"))
    assert 20 == len(codes)
    result = receipt_check(demo_dir / "record", codes[0].lower().replace("-", " "))
    assert result.startswith(f"ok {codes[0]}: on the board at position ")
    assert result.endswith(", included in the tally")


def test_a_typo_is_not_a_valid_code_and_a_valid_unknown_code_is_not_on_the_board(demo_dir: Path) -> None:
    code = sorted(p.stem for p in (demo_dir / "receipts").glob("*.pdf"))[0]
    typo = code[:3] + ("0" if code[3] != "0" else "1") + code[4:]
    assert receipt_check(demo_dir / "record", typo).startswith("FAILED not a valid code (typo?)")
    assert receipt_check(demo_dir / "record", "ABC").startswith("FAILED not a valid code (typo?)")
    stranger = display(short_code(tracking_hash(b"a ballot that was never cast")))
    result = receipt_check(demo_dir / "record", stranger)
    assert result.startswith(f"FAILED {stranger}: NOT on the board. Keep your receipt and contact")


def test_the_spoiled_ballot_is_reported_as_checked_not_counted(demo_dir: Path) -> None:
    lines = [json.loads(x) for x in (demo_dir / "record" / "board.jsonl").read_bytes().splitlines()]
    spoiled = next(x for x in lines if x["kind"] == "spoiled")
    code = display(short_code(tracking_hash(canonical(spoiled["payload"]["ballot"]))))
    assert (f"ok {code}: a spoiled (checked) ballot at position {spoiled['index']}, not counted"
            == receipt_check(demo_dir / "record", code))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_a_printed_receipt_round_trips_through_its_qr_code(demo_dir: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("zxingcpp")
    pdf = sorted((demo_dir / "receipts").glob("*.pdf"))[0]
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "scan")], check=True,
                   timeout=60)
    status = main(["verify", str(demo_dir / "record"), "--jobs", "1", "--json",
                   "--receipt-image", str(tmp_path / "scan.png")])
    report = json.loads(capsys.readouterr().out)
    receipt = report["checks"][-1]
    assert ("receipt", True) == (receipt["name"], receipt["ok"])
    assert receipt["summary"].startswith(f"{pdf.stem}: on the board at position ")
    assert 0 == status


def test_a_qr_text_for_another_position_or_with_a_bad_signature_fails(demo_dir: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("L", (50, 50), 255).save(blank)
    assert 1 == main(["verify", str(demo_dir / "record"), "--jobs", "1", "--receipt-image", str(blank)])
    assert "no pbvote receipt QR code" in capsys.readouterr().err
    assert receipt_check(demo_dir / "record", "PBV1:" + "A" * 271).startswith("FAILED")
    assert receipt_check(demo_dir / "record", "PBV1:short").startswith("FAILED not a valid code")
