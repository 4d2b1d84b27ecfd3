"""``pbvote-kiosk``: parse the command line, load the election, build the window (dependencies passed in).

With no arguments the kiosk opens the embedded SQLite store in the user-data
folder, stores the bundled sample election there if the database is empty,
and shows the voter flow.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ballot.errors import BallotError, StorageError
from ballot.manifest import load_manifest
from ballot.manifest_model import Election, Project
from ballot.samples import sample_manifest
from ballot.storage import Store, load_asset, load_election, save_election
from kiosk.errors import KioskError
from kiosk.flow import VoterFlow
from kiosk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, MissingCatalogue, translate_in
from kiosk.idle import DEFAULT_IDLE_SECONDS, DEFAULT_WARNING_SECONDS
from kiosk.images import ImageBytes, PixmapCache, file_image_bytes
from kiosk.ops import VotingService
from kiosk.printing import ReceiptPrinter
from kiosk.qt import QApplication, QMainWindow, QMessageBox, Qt
from kiosk.screens.receipt import DEFAULT_RECEIPT_SECONDS
from kiosk.theme import install_font
from kiosk.window import KioskWindow, UnavailableWindow

__all__ = ["Options", "build_window", "load_startup_election", "main", "parse_args", "run"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

STARTUP_FAILED = QT_TRANSLATE_NOOP("Startup", "The kiosk cannot start")


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked for."""

    kiosk: bool = False
    mode: str = "voter"
    election: str | None = None
    server: str | None = None
    db: str | None = None


def parse_args(argv: Sequence[str] | None = None) -> Options:
    """Parse ``pbvote-kiosk`` arguments (argparse exits 2 on bad usage)."""
    p = argparse.ArgumentParser(prog="pbvote-kiosk", description="pbvote voting kiosk (PySide6).")
    modes = p.add_mutually_exclusive_group()
    modes.add_argument("--kiosk", action="store_true", help="full screen, frameless: for a public kiosk")
    modes.add_argument("--officials", action="store_true", help="officials' console (not in this build yet)")
    modes.add_argument("--observer", action="store_true", help="observer screen (not in this build yet)")
    p.add_argument("--election", metavar="MANIFEST", help="election manifest TOML (default: the bundled sample)")
    p.add_argument("--server", metavar="URL", help="cast to a pbvote ballot-box server (not in this build yet)")
    p.add_argument("--db", metavar="URL", help="database URL (default: $PBVOTE_DB or SQLite in the user-data folder)")
    a = p.parse_args(argv)
    mode = "officials" if a.officials else "observer" if a.observer else "voter"
    return Options(kiosk=a.kiosk, mode=mode, election=a.election, server=a.server, db=a.db)


def store_image_bytes(store: Store) -> ImageBytes:
    """Return an image source that reads the manifest's file, else the store's copy by hash."""

    def source(project: Project) -> bytes | None:
        data = file_image_bytes(project)
        if data is None and project.image is not None:
            with store.read() as session:
                data = load_asset(session, project.image.sha256)
        return data

    return source


def load_startup_election(options: Options, store: Store | None) -> Election:
    """Return the election to show: ``--election``, else the store's, else the bundled sample (stored).

    Raises:
        BallotError: the manifest is invalid, or the database cannot hold it.
    """
    if options.election is not None:
        election = load_manifest(options.election)
        if store is not None:
            store.upgrade()
            with store.write() as session:
                save_election(session, election)
        return election
    if store is None:
        return load_manifest(sample_manifest())
    store.upgrade()
    with store.write() as session:
        try:
            return load_election(session)
        except StorageError as exc:
            if "holds no election" not in str(exc):
                raise
        election = load_manifest(sample_manifest())
        save_election(session, election)
        return election


def build_window(election: Election, *, images: ImageBytes = file_image_bytes, clock: Clock | None = None,
                 idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 warning_seconds: float = DEFAULT_WARNING_SECONDS, service: VotingService | None = None,
                 printer: ReceiptPrinter | None = None,
                 receipt_seconds: int = DEFAULT_RECEIPT_SECONDS) -> KioskWindow:
    """Build the voter window for ``election`` (a QApplication must exist).

    Args:
        election: the election on the ballot.
        images: returns a project's picture bytes.
        clock: the current time (default: the system clock, UTC).
        idle_seconds: quiet time before the "are you still there?" warning.
        warning_seconds: length of the warning's countdown before the session is cleared.
        service: the ballot box and this kiosk's keys; without it the flow ends on the preview's pending screen.
        printer: where receipts print (None: no Print button).
        receipt_seconds: how long the receipt stays on screen.

    Raises:
        MissingCatalogue: a language's compiled translations are missing (a broken install).
    """
    flow = VoterFlow(election, casting=service is not None)
    return KioskWindow(flow, PixmapCache(images), clock or _utc_now, idle_seconds=idle_seconds,
                       warning_seconds=warning_seconds, service=service, printer=printer,
                       receipt_seconds=receipt_seconds)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _message_box(message: str) -> None:
    try:
        title = " · ".join(translate_in(lang, "Startup", STARTUP_FAILED) for lang in LANGUAGES)
    except MissingCatalogue:  # the error may be that very file
        title = STARTUP_FAILED
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.exec()


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("pbvote-kiosk")
    install_font(app)
    return app


def run(options: Options, *, present_error: Callable[[str], None] = _message_box,
        clock: Clock | None = None, exec_loop: bool = True) -> tuple[int, QMainWindow | None]:
    """Start the kiosk for ``options``; start-up errors go to ``present_error``, never a traceback.

    Returns:
        (exit code, the window shown or None).
    """
    app = _application()
    window: QMainWindow
    try:
        if options.mode in ("officials", "observer"):
            window = UnavailableWindow(options.mode)
        elif options.server is not None:
            window = UnavailableWindow("server", options.server)
        else:
            store = Store(options.db)
            election = load_startup_election(options, store)
            window = build_window(election, images=store_image_bytes(store), clock=clock)
    except (BallotError, KioskError, OSError) as exc:
        log.error("kiosk start-up failed: %s", exc)
        present_error(str(exc))
        return 1, None
    if options.kiosk:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    if not exec_loop:
        return 0, window
    return app.exec(), window


def main(argv: Sequence[str] | None = None) -> int:
    """The ``pbvote-kiosk`` entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    code, _window = run(parse_args(argv))
    return code


if __name__ == "__main__":
    sys.exit(main())
