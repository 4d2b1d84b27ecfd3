"""``pbvote verify RECORD [--json] [--receipt CODE | --receipt-image PNG]``: the observers' check.

The checking is tally.verify's (independent of the rest of pbvote); this
layer only adds reading a receipt's QR code from a photo or scan, with
zxing-cpp imported lazily because it is an optional dependency.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tally.cli._common import EXIT_USAGE, CliError, existing_file


def register(commands: Any) -> None:
    """Add the ``verify`` command."""
    from tally.verify.console import add_arguments

    p = commands.add_parser("verify", help="independently verify an election record (and a receipt)",
                            description="Check a published election record from docs/spec.md alone; "
                                        "exit 0 only if everything holds, 1 if INVALID, 2 bad command line.")
    add_arguments(p)
    p.add_argument("--receipt-image", type=existing_file, metavar="PNG",
                   help="a photo or scan (PNG/JPEG) of a receipt's QR code")
    p.set_defaults(handler=verify)


def read_qr_image(path: Path) -> str:
    """The text of the one pbvote receipt QR code in an image.

    Raises:
        CliError: zxing-cpp or Pillow is missing, the image cannot be read, or holds no receipt QR code.
    """
    try:
        import zxingcpp
        from PIL import Image
    except ImportError as exc:
        raise CliError(f"--receipt-image needs zxing-cpp and Pillow ({exc.name} is not installed): "
                       "pip install zxing-cpp pillow, or type the tracking code with --receipt") from None
    try:
        with Image.open(path) as image:
            results = zxingcpp.read_barcodes(image.convert("L"))
    except OSError as exc:
        raise CliError(f"{path}: cannot read the image ({exc})") from None
    texts = [r.text for r in results if r.text.startswith("PBV1:")]
    if not texts:
        raise CliError(f"{path}: no pbvote receipt QR code found in the image")
    return str(texts[0])


def verify(args: argparse.Namespace) -> int:
    """Run the verifier; exit status 0 valid, 1 INVALID, 2 bad command line."""
    from tally.verify.console import run

    if args.receipt is not None and args.receipt_image is not None:
        raise CliError("give --receipt or --receipt-image, not both", EXIT_USAGE)
    receipt = read_qr_image(args.receipt_image) if args.receipt_image is not None else None
    return run(args, receipt)
