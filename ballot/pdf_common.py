"""Shared drawing helpers for pbvote's printouts: fonts, text wrapping, QR codes, canvases.

Receipts and code letters are drawn with reportlab.  Three things here
exist so that a printout can be checked, not just looked at:

* Traditional Chinese is drawn with an embedded TrueType font (AR PL UMing
  TW from Debian's fonts-arphic-uming).  reportlab's built-in CID fonts
  are not embedded and poppler, like many printers, then shows nothing.
* QR codes are drawn as vector squares whose content-stream text has the
  same length whatever the data (runs of dark modules, padded with
  whitespace to the worst case), so a receipt's size cannot tell one
  ballot from another.
* Canvases are made with ``invariant=1``: no creation date, a fixed
  document id, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import os
import re
import struct
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, Literal

import qrcode
import qrcode.constants
import qrcode.util
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFile
from reportlab.pdfgen.canvas import Canvas

from ballot.errors import BallotError

__all__ = [
    "CJK_FONT_ENV",
    "CJK_FONT_FILE",
    "MM",
    "MONO",
    "MONO_BOLD",
    "FontMissing",
    "LangFonts",
    "PrintoutError",
    "TextStyle",
    "cjk_font",
    "draw_box",
    "draw_mono",
    "draw_paragraph",
    "draw_qr",
    "draw_rule",
    "fonts_for",
    "new_canvas",
    "qr_matrix",
    "qr_operators",
    "save_pdf",
    "style_for_text",
    "text_width",
    "wrap_text",
]

CJK_FONT_FILE: Final = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
"""Where Debian's fonts-arphic-uming puts AR PL UMing (a TrueType collection)."""
CJK_FONT_ENV: Final = "PBVOTE_CJK_FONT"
"""Environment variable naming another copy of the font file (other systems)."""
CJK_FAMILY: Final = "AR PL UMing TW"
"""The subfont of the collection with Taiwanese glyph shapes."""
_CJK_FONT_NAME: Final = "pbvote-UMingTW"
_CJK_SUBFONT_GUESS: Final = 2  # its index in Debian's uming.ttc; checked by family name
MM: Final[float] = float(_reportlab_mm)
"""One millimetre in points."""
MONO_BOLD: Final = "Courier-Bold"
"""Face for codes: a standard font, never embedded, so drawing a code changes no font subset."""
MONO: Final = "Courier"
_registered: dict[Path, str] = {}
_register_lock = threading.Lock()

Align = Literal["left", "centre", "right"]


class FontMissing(BallotError, FileNotFoundError):
    """Raised when the font for Traditional Chinese is not installed; the message names the file."""


class PrintoutError(BallotError, ValueError):
    """Raised when a printout is asked for with input it cannot print.

    An unknown language or layout, a string that is not a voting code, a
    receipt of another election.  Messages never quote a code.
    """


def _font_path() -> Path:
    override = os.environ.get(CJK_FONT_ENV)
    return Path(override) if override else CJK_FONT_FILE


def _find_subfont(path: Path) -> int:
    """Return the index of AR PL UMing TW in the collection (a plain .ttf has just index 0)."""
    if path.suffix.lower() != ".ttc":
        return 0
    candidates = [_CJK_SUBFONT_GUESS, *(i for i in range(8) if i != _CJK_SUBFONT_GUESS)]
    for index in candidates:
        try:
            face = TTFontFile(str(path), charInfo=0, subfontIndex=index)
        except (TTFError, IndexError):  # past the last subfont
            continue
        if face.familyName == CJK_FAMILY.encode():
            return index
    raise FontMissing(f"{path}: has no subfont named {CJK_FAMILY!r} (install fonts-arphic-uming)")


def cjk_font() -> str:
    """Register the embedded Traditional Chinese font once and return its reportlab name.

    Returns:
        The font name to pass to ``setFont``.

    Raises:
        FontMissing: if the font file (``$PBVOTE_CJK_FONT`` or
            /usr/share/fonts/truetype/arphic/uming.ttc) is absent or unreadable.
    """
    path = _font_path()
    with _register_lock:
        if path in _registered:
            return _registered[path]
        if not path.is_file():
            raise FontMissing(
                f"{path}: font for Traditional Chinese not found; install the Debian package "
                f"fonts-arphic-uming or set {CJK_FONT_ENV} to a copy of AR PL UMing TW"
            )
        try:
            font = TTFont(_CJK_FONT_NAME + f"-{len(_registered)}", str(path), subfontIndex=_find_subfont(path))
        except (TTFError, OSError, struct.error) as exc:  # what reportlab raises on a damaged file
            raise FontMissing(f"{path}: cannot read the font for Traditional Chinese ({exc})") from None
        pdfmetrics.registerFont(font)
        _registered[path] = font.fontName
        return str(font.fontName)


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a run of text is drawn.

    Attributes:
        font: a registered reportlab font name.
        size: font size in points.
        leading: distance between baselines, in points.
        bold: thicken the glyphs by stroking their outline too, for fonts
            without a bold face (AR PL UMing has none).
        gray: fill gray level, 0 black .. 1 white.
        latin: face for Latin runs inside text in ``font`` (None: ``font``
            draws everything).  AR PL UMing's Latin letters are typewriter-like;
            "App", "QR" and dates read better in the Latin text face (DejaVu
            Sans takes its place for letters beyond WinAnsi, see ``_runs``).
    """

    font: str
    size: float
    leading: float
    bold: bool = False
    gray: float = 0.0
    latin: str | None = None
    unicode_latin: bool = False
    """Draw Latin in DejaVu Sans even where a line alone would fit the standard fonts (see ``style_for_text``)."""


_TOKEN: Final = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"  # one CJK ideograph or full-width mark
    r"|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+"  # a Latin word
    r"|\s+"
)
_NO_LINE_START: Final = set("，。、；：！？）」』》〉】,.;:!?)")


_STANDARD_FONTS: Final = frozenset(pdfmetrics.standardFonts)

LATIN_FONT_FILES: Final = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                           Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
"""DejaVu Sans (Debian's fonts-dejavu-core), regular and bold: Latin text beyond WinAnsi (Polish, Czech...)."""
_latin_registered: dict[bool, str | None] = {}

_CJK_CHARS: Final = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_RUN: Final = re.compile(f"[{_CJK_CHARS}]+|[^{_CJK_CHARS}]+")
_CJK_RUN_START: Final = re.compile(f"[{_CJK_CHARS}]")
_LATIN_CHARS: Final = "\x20-\x7e\u00a0\u00c0-\u024f\u1e00-\u1eff\u2000-\u200a\u202f"
"""What the Latin face draws inside Chinese text: ASCII, accented Latin letters and spaces (not punctuation,
which Chinese text sets full-width)."""
_LATIN_RUN: Final = re.compile(f"[{_LATIN_CHARS}]+|[^{_LATIN_CHARS}]+")
_LATIN_RUN_START: Final = re.compile(f"[{_LATIN_CHARS}]")


def _winansi(text: str) -> bool:
    """Whether the 14 standard PDF fonts can show ``text`` (they cover WinAnsi, i.e. cp1252, only)."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _unicode_latin(bold: bool) -> str | None:
    """Register DejaVu Sans (regular or bold) once; None when it is not installed."""
    with _register_lock:
        if bold not in _latin_registered:
            path = LATIN_FONT_FILES[bold]
            try:
                font = TTFont(f"pbvote-DejaVuSans{'-Bold' if bold else ''}", str(path))
            except (OSError, TTFError):
                _latin_registered[bold] = None  # AR PL UMing draws these letters instead: legible, less even
            else:
                pdfmetrics.registerFont(font)
                _latin_registered[bold] = str(font.fontName)
        return _latin_registered[bold]


def _classified(text: str, style: TextStyle) -> list[tuple[str, bool]] | None:
    """``text`` cut into runs, each flagged True when ``style``'s Latin face draws it; None: ``style.font`` draws all.

    Under a standard font only Chinese is not Latin; inside Chinese text (a
    ``latin`` face) only ASCII, accented letters and spaces are.
    """
    if style.font in _STANDARD_FONTS:
        return [(run, not _CJK_RUN_START.match(run)) for run in _CJK_RUN.findall(text)]
    if style.latin is None:
        return None
    return [(run, bool(_LATIN_RUN_START.match(run))) for run in _LATIN_RUN.findall(text)]


def _runs(text: str, style: TextStyle) -> list[tuple[str, str, bool]]:
    """Split text into (run, font, faux bold) pieces, each in a face that has its glyphs.

    Text the standard fonts can show stays in them (nothing embedded).  Otherwise
    Chinese is drawn in AR PL UMing and Latin in DejaVu Sans, the Latin of one
    line all in one face: AR PL UMing's own Latin letters are typewriter-like
    and smaller, so a Polish project name drawn with them (Łódź, ń, ę) looked
    broken in an English report, and it has no narrow no-break space at all.
    """
    standard_font = style.font in _STANDARD_FONTS
    if standard_font and _winansi(text) and not style.unicode_latin:
        return [(text, style.font, style.bold)]
    runs = _classified(text, style)
    if runs is None:
        return [(text, style.font, style.bold)]
    standard = style.font if standard_font else style.latin or style.font
    bold = style.bold or "Bold" in standard
    plain = _winansi("".join(run for run, latin in runs if latin))
    unicode = None if plain and not style.unicode_latin else _unicode_latin(bold)
    out = []
    for run, latin in runs:
        if latin and (unicode is not None or _winansi(run)):
            out.append((run, unicode or standard, False))
        else:  # Chinese, or Latin beyond WinAnsi without DejaVu Sans; UMing is registered only when needed
            out.append((run, cjk_font() if standard_font else style.font, bold))
    return out


def style_for_text(text: str, style: TextStyle) -> TextStyle:
    """``style``, set to draw all of ``text``'s Latin in DejaVu Sans when any of it is beyond WinAnsi.

    One face per paragraph or table cell: deciding line by line would draw
    a wrapped Polish project name half in Helvetica, half in DejaVu Sans,
    which differ in width and size.
    """
    runs = _classified(text, style)
    if style.unicode_latin or runs is None or _winansi("".join(run for run, latin in runs if latin)):
        return style
    return replace(style, unicode_latin=True)


@dataclass(frozen=True, slots=True)
class LangFonts:
    """The faces used for one language's text.

    Attributes:
        regular: font for running text.
        bold: font for headings (the same as ``regular`` when ``faux_bold``).
        faux_bold: headings are thickened by stroking (the face has no bold).
        latin: regular and bold faces for Latin runs, if not ``regular``/``bold``.
    """

    regular: str
    bold: str
    faux_bold: bool
    latin: tuple[str, str] | None = None
    unicode_latin: bool = False
    """Every style draws Latin in DejaVu Sans (a document whose names need it, see ``fonts_for``)."""

    def style(self, size: float, *, bold: bool = False, leading: float | None = None,
              gray: float = 0.0) -> TextStyle:
        """Return a text style in this language's faces."""
        font = self.bold if bold else self.regular
        latin = None if self.latin is None else self.latin[1 if bold else 0]
        return TextStyle(font, size, leading if leading is not None else size * 1.3, bold and self.faux_bold, gray,
                         latin, self.unicode_latin)


def fonts_for(lang: str, texts: Iterable[str] = ()) -> LangFonts:
    """Return the faces for text in ``lang`` ("en" or "zh-TW").

    ``texts`` are the document's own names (election, districts, projects):
    when any has Latin letters beyond WinAnsi (a Polish city's projects), the
    whole document's Latin is drawn in DejaVu Sans, so that its tables do not
    alternate between two faces of different widths from one row to the next.

    Raises:
        PrintoutError: for another language (names it).
        FontMissing: for zh-TW when the font file is absent.
    """
    if lang == "en":
        fonts = LangFonts("Helvetica", "Helvetica-Bold", faux_bold=False)
    elif lang == "zh-TW":
        cjk = cjk_font()
        fonts = LangFonts(cjk, cjk, faux_bold=True, latin=("Helvetica", "Helvetica-Bold"))
    else:
        raise PrintoutError(f"no printout fonts for language {lang!r} (known: en, zh-TW)")
    base = fonts.style(10)
    if any(style_for_text(t, base).unicode_latin for t in texts) and _unicode_latin(False) is not None:
        return replace(fonts, unicode_latin=True)
    return fonts


def text_width(text: str, style: TextStyle) -> float:
    """Return the width of ``text`` in points."""
    return sum(float(pdfmetrics.stringWidth(run, font, style.size)) for run, font, _ in _runs(text, style))


def wrap_text(text: str, style: TextStyle, width: float, *, balanced: bool = False) -> list[str]:
    """Break text into lines no wider than ``width``: Latin at spaces, Chinese between characters.

    A closing punctuation mark never starts a line (it stays with the
    character before it), as Chinese typesetting expects.  A word wider
    than the line is kept whole and overflows rather than being split.
    ``balanced`` narrows the measure as far as the line count allows, so
    a centred title does not end in one orphaned word.
    """
    style = style_for_text(text, style)
    lines = _greedy_wrap(text, style, width)
    if not balanced or len(lines) < 2:
        return lines
    low, high = 0.0, width
    for _ in range(12):
        trial = (low + high) / 2
        if len(_greedy_wrap(text, style, trial)) > len(lines):
            low = trial
        else:
            high = trial
    return _greedy_wrap(text, style, high)


def _greedy_wrap(text: str, style: TextStyle, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(paragraph):
            candidate = line + token
            fits = text_width(candidate.rstrip(), style) <= width
            if fits or not line.strip() or token.isspace() or token[0] in _NO_LINE_START:
                line = candidate
                continue
            lines.append(line.rstrip())
            line = token
        lines.append(line.rstrip())
    return lines


def _draw_line(canvas: Canvas, x: float, y: float, line: str, style: TextStyle, align: Align) -> None:
    width = text_width(line, style)
    start = {"left": x, "centre": x - width / 2, "right": x - width}[align]
    canvas.saveState()
    canvas.setStrokeGray(style.gray)
    canvas.setLineWidth(style.size * 0.035)
    text = canvas.beginText(start, y)
    text.setFillGray(style.gray)
    for run, font, faux_bold in _runs(line, style):
        text.setFont(font, style.size)
        text.setTextRenderMode(2 if faux_bold else 0)  # 2: fill and stroke, a bold for a face without one
        text.textOut(run)
    canvas.drawText(text)
    canvas.restoreState()


def draw_paragraph(canvas: Canvas, text: str, x: float, top: float, width: float, style: TextStyle,
                   align: Align = "left", *, balanced: bool = False) -> float:
    """Draw wrapped text whose first line's top is at ``top``.

    Args:
        canvas: where to draw.
        text: the text; ``\\n`` starts a new line.
        x: the left edge, the centre or the right edge, per ``align``.
        top: the y of the top of the first line.
        width: the width to wrap to.
        style: font, size and leading.
        align: where ``x`` is.
        balanced: even out the line lengths (for titles).

    Returns:
        The y just below the last line's descenders, to continue from.
    """
    style = style_for_text(text, style)
    baseline = top - style.size
    for i, line in enumerate(wrap_text(text, style, width, balanced=balanced)):
        baseline = top - style.size - i * style.leading
        _draw_line(canvas, x, baseline, line, style, align)
    return baseline - style.size * 0.25


def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """Return the QR modules of ``data`` (error correction M, no quiet zone), True for dark.

    The data is one segment in the most compact mode that holds all of it,
    so texts of the same length and character set always give a symbol of
    the same version, hence the same size.
    """
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, box_size=1)
    qr.add_data(qrcode.util.QRData(data))
    qr.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in qr.get_matrix())


def qr_operators(matrix: Sequence[Sequence[bool]], quiet: int = 4) -> str:
    """Return the PDF path operators of a QR code, in module units, of a length fixed by its size alone.

    The quiet zone and symbol are first filled white; then each row's dark
    modules are merged into horizontal runs, one ``re`` each, all filled
    black at once (one fill, so touching modules show no hairline seams).
    The number of runs depends on the data, so the text is padded with
    whitespace to the length of the worst case (every row alternating
    dark and light, every number two digits): a QR code's operators then
    have the same length whatever it encodes, and a receipt's file size
    says nothing about its tracking code.  Merging runs keeps the stream
    about a quarter the size of one square per module.

    Args:
        matrix: the modules, rows top to bottom, True for dark.
        quiet: quiet-zone width in modules.

    Returns:
        Operators drawing the symbol with its lower-left module at (0, 0).
    """
    n = len(matrix)
    side = n + 2 * quiet
    runs: list[str] = []
    for r, row in enumerate(matrix):
        y = n - 1 - r
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            runs.append(f"{start} {y} {c - start} 1 re")
    body = f"1 g\n{-quiet} {-quiet} {side} {side} re\nf\n0 g\n" + "\n".join(runs) + "\nf\n"
    worst_run = len(f"{n - 1} {n - 1} {n} 1 re\n")
    worst = len(f"1 g\n{-quiet} {-quiet} {side} {side} re\nf\n0 g\n\nf\n") + n * ((n + 1) // 2) * worst_run
    padding = worst - len(body)
    lines, rest = divmod(padding, 80)
    return body + (" " * 79 + "\n") * lines + " " * rest


def draw_qr(canvas: Canvas, data: str, x: float, y: float, side: float, quiet: int = 4) -> None:
    """Draw a QR code as vector squares, quiet zone included, in a square of ``side`` points.

    The operators come from ``qr_operators``: their length depends only on
    the symbol's size, so payloads of one length and character set (every
    receipt's) give content streams of one length.

    Args:
        canvas: where to draw.
        data: the text to encode.
        x: left edge of the quiet zone, in points.
        y: bottom edge of the quiet zone, in points.
        side: width and height including the quiet zone, in points.
        quiet: quiet-zone width in modules (the standard asks for 4).
    """
    matrix = qr_matrix(data)
    module = side / (len(matrix) + 2 * quiet)
    canvas.saveState()
    canvas.translate(x + quiet * module, y + quiet * module)
    canvas.scale(module, module)  # one unit is one module: integer coordinates, short operators
    canvas.addLiteral(qr_operators(matrix, quiet))
    canvas.restoreState()


def new_canvas(buffer: io.BytesIO, pagesize: tuple[float, float], title: str, *,
               compress_pages: bool) -> Canvas:
    """Make a reproducible canvas: no creation date, fixed document id, fixed metadata.

    Args:
        buffer: where ``save_pdf`` will write the document.
        pagesize: width and height in points.
        title: the document title (never a secret: it is readable in the file).
        compress_pages: deflate page content; off where the file's length must
            not depend on what the page shows (receipts).
    """
    canvas = Canvas(buffer, pagesize=pagesize, invariant=1, pageCompression=1 if compress_pages else 0)
    canvas.setTitle(title)
    canvas.setAuthor("pbvote")
    canvas.setCreator("pbvote")
    canvas.setProducer("pbvote (ReportLab)")
    return canvas


def save_pdf(canvas: Canvas, buffer: io.BytesIO) -> bytes:
    """Finish the document and return its bytes.

    Pages keep the compression they were shown with; font programs are
    written after this call and are deflated (the same fonts and glyphs
    give the same compressed bytes, so this does not leak page content).
    """
    canvas.setPageCompression(1)
    canvas.save()
    return buffer.getvalue()


def draw_mono(canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = True,
              align: Align = "left") -> None:
    """Draw a code or number in Courier at baseline ``y``.

    Courier is monospaced, so a string of fixed length has a fixed width
    and a fixed position: its operators have the same bytes whatever it says.
    """
    canvas.setFont(MONO_BOLD if bold else MONO, size)
    canvas.setFillGray(0)
    if align == "centre":
        canvas.drawCentredString(x, y, text)
    elif align == "right":
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def draw_box(canvas: Canvas, x: float, y: float, w: float, h: float, *, fill: float | None = None,
             stroke: float | None = None, radius: float = 2 * MM, line_width: float = 0.8) -> None:
    """Draw a rounded rectangle, filled with gray ``fill`` and/or outlined in gray ``stroke``."""
    canvas.saveState()
    if fill is not None:
        canvas.setFillGray(fill)
    if stroke is not None:
        canvas.setStrokeGray(stroke)
        canvas.setLineWidth(line_width)
    canvas.roundRect(x, y, w, h, radius, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)
    canvas.restoreState()


def draw_rule(canvas: Canvas, x0: float, x1: float, y: float, gray: float = 0.6, width: float = 0.6,
              dash: Sequence[float] | None = None) -> None:
    """Draw a horizontal line from ``x0`` to ``x1`` at ``y``."""
    canvas.saveState()
    canvas.setStrokeGray(gray)
    canvas.setLineWidth(width)
    if dash:
        canvas.setDash(list(dash))
    canvas.line(x0, y, x1, y)
    canvas.restoreState()
