"""``pbvote-kiosk``: parse the command line, load the election, build the window (dependencies passed in).

With no arguments the kiosk opens the embedded SQLite store in the user-data
folder, stores the bundled sample election there if the database is empty,
and shows the voter flow.  When the store holds a ballot-box key and a key
ceremony, the key is unlocked ($PBVOTE_BOARD_PASSPHRASE, or typed when
stdin is a terminal) and residents cast for real; otherwise the kiosk runs
in preview mode (review ends on the pending screen) and says why in the log.
``--kiosk-key FILE`` signs every ballot with this kiosk's device key
($PBVOTE_PASSPHRASE); a voter-roll election also needs ``--roll-key FILE``
($PBVOTE_ROLL_PASSPHRASE, else $PBVOTE_PASSPHRASE), as ``pbvote roll check-in`` does.

Home mode, ``--server URL [--fingerprint HEX]``: the election, its public
key and the ballot-box key come from the server (ballot/remote.py checks
them all, and every receipt); the connection is made off the GUI thread.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ballot.authority import has_authority, unlock_board_key
from ballot.box import BallotBox
from ballot.errors import BallotError, StorageError
from ballot.kiosk_key import read_kiosk_key
from ballot.manifest import load_manifest
from ballot.manifest_model import Election, Project
from ballot.remote import RemoteBallotBox
from ballot.roll import RollKey, read_roll_key
from ballot.samples import sample_manifest
from ballot.storage import Store, load_asset, load_election, save_election
from crypto.errors import CryptoError
from crypto.signatures import SigningKey
from kiosk.errors import KioskError
from kiosk.flow import VoterFlow
from kiosk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, MissingCatalogue, translate_in
from kiosk.idle import DEFAULT_IDLE_SECONDS, DEFAULT_WARNING_SECONDS
from kiosk.images import ImageBytes, PixmapCache, file_image_bytes
from kiosk.ops import BackgroundOp, VotingService, kiosk_pool
from kiosk.printing import PAPERS, ReceiptPrinter, printer_from_option
from kiosk.qt import QApplication, QEventLoop, QMainWindow, QMessageBox, Qt
from kiosk.screens.receipt import DEFAULT_RECEIPT_SECONDS
from kiosk.theme import install_font
from kiosk.window import ConnectingWindow, KioskWindow

__all__ = ["Options", "build_window", "load_startup_election", "main", "parse_args", "run"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

STARTUP_FAILED = QT_TRANSLATE_NOOP("Startup", "The kiosk cannot start")
CONTACT_OFFICIALS = QT_TRANSLATE_NOOP("Startup", "Please contact the election officials.")
TRY_LATER = QT_TRANSLATE_NOOP("Startup", "The ballot box cannot be reached just now: please try again later.")

BOARD_PASSPHRASE_ENV = "PBVOTE_BOARD_PASSPHRASE"
KIOSK_PASSPHRASE_ENV = "PBVOTE_PASSPHRASE"
ROLL_PASSPHRASE_ENV = "PBVOTE_ROLL_PASSPHRASE"

Connect = Callable[[str, str | None], RemoteBallotBox]
Ask = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked for."""

    kiosk: bool = False
    mode: str = "voter"
    election: str | None = None
    server: str | None = None
    db: str | None = None
    kiosk_key: str | None = None
    fingerprint: str | None = None
    printer: str | None = None
    paper: str = "roll80"
    roll_key: str | None = None
    district: str | None = None
    record: str | None = None


def parse_args(argv: Sequence[str] | None = None) -> Options:
    """Parse ``pbvote-kiosk`` arguments (argparse exits 2 on bad usage)."""
    p = argparse.ArgumentParser(prog="pbvote-kiosk", description="pbvote voting kiosk (PySide6).")
    modes = p.add_mutually_exclusive_group()
    modes.add_argument("--kiosk", action="store_true", help="full screen, frameless: for a public kiosk")
    modes.add_argument("--officials", action="store_true",
                       help="officials' console: set up, run and tally the election in --db (the officials' "
                            "passphrase is asked; the first start sets it)")
    modes.add_argument("--observer", action="store_true",
                       help="observer screen: verify a published election record and check receipts")
    p.add_argument("--record", metavar="PATH",
                   help="observer screen: the election record (folder or .zip) to verify at once")
    p.add_argument("--election", metavar="MANIFEST", help="election manifest TOML (default: the bundled sample)")
    p.add_argument("--server", metavar="URL", help="home mode: cast to a pbvote ballot-box server (pbvote serve)")
    p.add_argument("--fingerprint", metavar="HEX",
                   help="home mode: the election fingerprint from your code letter (full or xxxx-xxxx-xxxx-xxxx)")
    p.add_argument("--db", metavar="URL", help="database URL (default: $PBVOTE_DB or SQLite in the user-data folder)")
    p.add_argument("--kiosk-key", metavar="FILE",
                   help="this kiosk's device key file (passphrase: $PBVOTE_PASSPHRASE, or typed)")
    p.add_argument("--roll-key", metavar="FILE",
                   help="voter-roll elections: the roll key from 'pbvote roll import' (passphrase: "
                        "$PBVOTE_ROLL_PASSPHRASE, else $PBVOTE_PASSPHRASE, or typed)")
    p.add_argument("--district", metavar="ID",
                   help="the district this kiosk serves, for elections whose manifest assigns districts "
                        "(district_choice = \"assigned\") and has more than one")
    p.add_argument("--printer", metavar="NAME",
                   help="print receipts on this printer (a Qt/CUPS printer name), or pdf:DIR to save them as "
                        "PDF files in DIR (default: no printer, no Print button)")
    p.add_argument("--paper", choices=PAPERS, default="roll80",
                   help="receipt paper: 80 mm thermal roll (default), A4 or US Letter")
    a = p.parse_args(argv)
    if a.fingerprint is not None and a.server is None:
        p.error("--fingerprint needs --server")
    if a.record is not None and not a.observer:
        p.error("--record needs --observer")
    mode = "officials" if a.officials else "observer" if a.observer else "voter"
    return Options(kiosk=a.kiosk, mode=mode, election=a.election, server=a.server, db=a.db,
                   kiosk_key=a.kiosk_key, fingerprint=a.fingerprint, printer=a.printer, paper=a.paper,
                   district=a.district,
                   roll_key=a.roll_key, record=a.record)


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


def _ask_terminal(prompt: str) -> str:
    """Ask for a passphrase on the terminal; "" when stdin is not one (scripts, a desktop launcher)."""
    if not sys.stdin.isatty():
        return ""
    return getpass.getpass(prompt)


def _passphrase(env: str, prompt: str, ask: Ask) -> str:
    return os.environ.get(env) or ask(prompt)


def open_kiosk_key(path: str, fingerprint: bytes, ask: Ask = _ask_terminal) -> tuple[str, SigningKey]:
    """This kiosk's registered name and device key, from its key file (``$PBVOTE_PASSPHRASE`` or typed).

    Raises:
        KioskError: no passphrase was given.
        SecretFileError: wrong passphrase, damaged file, or a key of another election.
    """
    passphrase = _passphrase(KIOSK_PASSPHRASE_ENV, f"Passphrase of the kiosk key {path}: ", ask)
    if not passphrase:
        raise KioskError(f"{path}: set ${KIOSK_PASSPHRASE_ENV} (or start the kiosk from a terminal) "
                         "to open the kiosk key")
    kiosk = read_kiosk_key(path, passphrase, fingerprint)
    return kiosk.name, kiosk.key


def open_roll_key(path: str, fingerprint: bytes, ask: Ask = _ask_terminal) -> RollKey:
    """The voter-roll key, as ``pbvote roll check-in`` opens it (``$PBVOTE_ROLL_PASSPHRASE``,
    else ``$PBVOTE_PASSPHRASE``, else typed).

    Raises:
        KioskError: no passphrase was given.
        SecretFileError: wrong passphrase, damaged file, or a key of another election.
    """
    passphrase = os.environ.get(ROLL_PASSPHRASE_ENV) or _passphrase(
        KIOSK_PASSPHRASE_ENV, f"Passphrase of the roll key {path}: ", ask)
    if not passphrase:
        raise KioskError(f"{path}: set ${ROLL_PASSPHRASE_ENV} (or start the kiosk from a terminal) "
                         "to open the roll key")
    return read_roll_key(path, passphrase, fingerprint)


def _roll_key_for(options: Options, election: Election, has_kiosk_key: bool, ask: Ask) -> RollKey | None:
    """The roll key a voter-roll election needs at a casting kiosk (None for voting codes).

    Raises:
        KioskError: the election uses the roll and --roll-key or --kiosk-key is missing.
    """
    if election.eligibility != "roll":
        return None
    if options.roll_key is None or not has_kiosk_key:
        raise KioskError(f"election {election.id} checks residents in on the voter roll: start the kiosk with "
                         "--roll-key FILE (from 'pbvote roll import') and --kiosk-key FILE (roll ballots are "
                         "signed by the kiosk)")
    return open_roll_key(options.roll_key, election.fingerprint, ask)


def local_service(store: Store, options: Options, election: Election,
                  ask: Ask = _ask_terminal) -> VotingService | None:
    """The real ballot box over ``store``, or None (preview mode, with a log line saying why).

    Preview mode when the store has no ballot-box key or key ceremony yet, or when no passphrase is
    available ($PBVOTE_BOARD_PASSPHRASE unset and stdin not a terminal).

    Raises:
        SecretFileError: a wrong passphrase (board or kiosk key): officials must fix it, not vote in preview.
        StorageError: the key belongs to another election.
    """
    with store.read() as session:
        ready = has_authority(session)
    if not ready:
        log.warning("preview mode: this database has no ballot-box key yet (run 'pbvote election init'); "
                    "residents can try the ballot, nothing is cast")
        return None
    passphrase = _passphrase(BOARD_PASSPHRASE_ENV, "Ballot-box passphrase: ", ask)
    if not passphrase:
        log.warning("preview mode: $%s is not set and there is no terminal to ask for it; "
                    "residents can try the ballot, nothing is cast", BOARD_PASSPHRASE_ENV)
        return None
    with store.read() as session:
        board_key = unlock_board_key(session, passphrase)
    try:
        box = BallotBox(store, board_key)
    except StorageError as exc:
        if "ballot-box key does not belong" in str(exc):
            raise
        log.warning("preview mode: the ballot box is not ready (%s); residents can try the ballot, "
                    "nothing is cast", exc)
        return None
    kiosk = None if options.kiosk_key is None else open_kiosk_key(options.kiosk_key, election.fingerprint, ask)
    roll_key = _roll_key_for(options, election, kiosk is not None, ask)
    return VotingService(box, kiosk=kiosk, roll_key=roll_key)


def connect_remote(url: str, fingerprint: str | None, connect: Connect = RemoteBallotBox, *,
                   kiosk: bool = False) -> RemoteBallotBox:
    """Connect to the ballot-box server off the GUI thread, showing "Connecting to the ballot box…" meanwhile.

    Args:
        url: the server.
        fingerprint: the election fingerprint the resident expects (from the code letter), or None.
        connect: builds the remote ballot box (checks the election, its key and the board's key).
        kiosk: full screen, as the voter window will be.

    Raises:
        whatever ``connect`` raised: ServiceUnavailable, ElectionMismatch, ServiceRefused, ValueError.
    """
    app = QApplication.instance()
    assert app is not None
    loop = QEventLoop()
    outcome: list[object] = []

    def done(value: object) -> None:
        outcome.append(value)
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome.append(exc)
        loop.quit()

    waiting = ConnectingWindow(url)
    _show(waiting, kiosk)
    op = BackgroundOp(lambda: connect(url, fingerprint), done, failed, app)
    op.start(kiosk_pool(app))
    if not outcome:
        loop.exec()
    waiting.close()
    waiting.deleteLater()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    assert isinstance(result, RemoteBallotBox)
    return result


def _startup_message(exc: BaseException) -> str:
    """The start-up problem, and what to do next in both languages for the remote ballot box's errors."""
    from ballot.service.errors import ElectionMismatch, ForgedReceipt, ServiceUnavailable

    hint = (CONTACT_OFFICIALS if isinstance(exc, ElectionMismatch | ForgedReceipt)
            else TRY_LATER if isinstance(exc, ServiceUnavailable) else None)
    if hint is None:
        return str(exc)
    try:
        advice = " · ".join(translate_in(lang, "Startup", hint) for lang in LANGUAGES)
    except MissingCatalogue:
        advice = hint
    return f"{exc}\n\n{advice}"


def build_window(election: Election, *, images: ImageBytes = file_image_bytes, clock: Clock | None = None,
                 idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 warning_seconds: float = DEFAULT_WARNING_SECONDS, service: VotingService | None = None,
                 printer: ReceiptPrinter | None = None,
                 receipt_seconds: int = DEFAULT_RECEIPT_SECONDS, district: str | None = None) -> KioskWindow:
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
        district: the district this kiosk serves when the manifest assigns districts.

    Raises:
        MissingCatalogue: a language's compiled translations are missing (a broken install).
        AssignedDistrictMissing: the election assigns one of several districts and none (or an unknown one)
            was named.
    """
    flow = VoterFlow(election, casting=service is not None, district=district)
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


def _show(window: QMainWindow, kiosk: bool) -> None:
    """Full screen without decorations at a public kiosk; a 1280 x 800 window at home."""
    if kiosk:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()


def run(options: Options, *, present_error: Callable[[str], None] = _message_box,
        clock: Clock | None = None, exec_loop: bool = True, connect: Connect = RemoteBallotBox,
        ask: Ask = _ask_terminal) -> tuple[int, QMainWindow | None]:
    """Start the kiosk for ``options``; start-up errors go to ``present_error``, never a traceback.

    ``connect`` builds the remote ballot box (home mode) and ``ask`` asks for a passphrase (tests inject them).

    Returns:
        (exit code, the window shown or None).
    """
    app = _application()
    window: QMainWindow
    try:
        if options.mode == "officials":
            from kiosk.officials.console import build_officials_window  # the resident's kiosk never loads it

            window = build_officials_window(Store(options.db), clock=clock)
        elif options.mode == "observer":
            from kiosk.observer import ObserverWindow  # the resident's kiosk never loads it

            window = ObserverWindow(None if options.record is None else Path(options.record))
        elif options.server is not None:
            box = connect_remote(options.server, options.fingerprint, connect, kiosk=options.kiosk)
            kiosk = (None if options.kiosk_key is None
                     else open_kiosk_key(options.kiosk_key, box.election.fingerprint, ask))
            log.warning("home mode: casting to %s, election %s", options.server, box.election.id)
            window = build_window(box.election, clock=clock, service=VotingService(box, kiosk=kiosk),
                                  printer=printer_from_option(options.printer, options.paper),
                                  district=options.district)
        else:
            store = Store(options.db)
            election = load_startup_election(options, store)
            service = local_service(store, options, election, ask)
            window = build_window(election, images=store_image_bytes(store), clock=clock, service=service,
                                  printer=printer_from_option(options.printer, options.paper),
                                  district=options.district)
    except (BallotError, CryptoError, KioskError, OSError, ValueError) as exc:
        log.error("kiosk start-up failed: %s", exc)
        present_error(_startup_message(exc))
        return 1, None
    _show(window, options.kiosk)
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
