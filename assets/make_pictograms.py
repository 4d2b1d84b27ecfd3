"""Draw the pbvote sample pictograms and logo into assets/images/.

Usage:  python assets/make_pictograms.py

Pillow only: no fonts, no network, no randomness.  Every icon is drawn with
ImageDraw primitives on a 1024 px canvas (4x) and downscaled with LANCZOS to
256 px, so edges are anti-aliased.  The PNGs carry no metadata (no
timestamps), so running the script twice gives byte-identical files for a
given Pillow/zlib build.  The drawings are our own and released under CC0.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw

OUT_DIR = Path(__file__).resolve().parent / "images"

SIZE = 256  # final icon size
SCALE = 4  # supersampling factor
S = SIZE * SCALE  # drawing canvas (1024)

Point = tuple[float, float]

# Palette: soft background tones, one white and one dark ink for the shapes.
WHITE = (255, 255, 255, 255)
INK = (46, 58, 79, 255)  # dark slate
BG = {
    "green": (104, 186, 124, 255),
    "blue": (104, 160, 222, 255),
    "purple": (156, 136, 214, 255),
    "orange": (239, 164, 92, 255),
    "teal": (72, 182, 170, 255),
    "indigo": (118, 134, 222, 255),
    "coral": (236, 128, 112, 255),
    "yellow": (240, 190, 80, 255),
    "night": (70, 88, 140, 255),
    "sky": (120, 190, 230, 255),
}
YELLOW = (255, 214, 92, 255)
PALE_YELLOW = (255, 236, 150, 255)
ORANGE = (240, 132, 52, 255)
WATER = (52, 120, 200, 255)
LEAF = (70, 150, 90, 255)
SOIL = (120, 86, 62, 255)
RED = (226, 86, 76, 255)


# --------------------------------------------------------------------------- helpers


def background(d: ImageDraw.ImageDraw, colour: tuple[int, int, int, int]) -> None:
    m = 24
    d.rounded_rectangle((m, m, S - m, S - m), radius=220, fill=colour)


def dot(d: ImageDraw.ImageDraw, c: Point, r: float, fill: tuple[int, ...]) -> None:
    d.ellipse((c[0] - r, c[1] - r, c[0] + r, c[1] + r), fill=fill)


def stroke(d: ImageDraw.ImageDraw, pts: Sequence[Point], width: int, fill: tuple[int, ...]) -> None:
    """Polyline with round joints and round caps."""
    d.line(list(pts), fill=fill, width=width, joint="curve")
    for p in (pts[0], pts[-1]):
        dot(d, p, width / 2, fill)


def lens(c: Point, length: float, width: float, angle_deg: float, n: int = 48) -> list[Point]:
    """A leaf/lens shape centred on c, long axis rotated by angle_deg."""
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    pts: list[Point] = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x = length / 2 * math.cos(t)
        y = width / 2 * math.sin(t) * abs(math.sin(t)) ** 0.3
        pts.append((c[0] + x * ca - y * sa, c[1] + x * sa + y * ca))
    return pts


def drop(c: Point, r: float) -> list[Point]:
    """Teardrop with its point up; c is the centre of the round part."""
    pts: list[Point] = [(c[0], c[1] - 2.1 * r)]
    for i in range(0, 41):
        t = math.radians(-30 + 240 * i / 40)  # lower arc from right to left
        pts.append((c[0] + r * math.cos(t), c[1] + r * math.sin(t)))
    return pts


def arrow_head(tip: Point, direction_deg: float, size: float) -> list[Point]:
    a = math.radians(direction_deg)
    back = (tip[0] - size * math.cos(a), tip[1] - size * math.sin(a))
    px, py = -math.sin(a), math.cos(a)
    return [
        tip,
        (back[0] + px * size * 0.75, back[1] + py * size * 0.75),
        (back[0] - px * size * 0.75, back[1] - py * size * 0.75),
    ]


def person(d: ImageDraw.ImageDraw, x: float, y: float, h: float, fill: tuple[int, ...]) -> None:
    """Walking stick figure; (x, y) is the feet baseline centre, h the height."""
    w = h * 0.13
    dot(d, (x + h * 0.03, y - h * 0.9), h * 0.1, fill)
    hip = (x, y - h * 0.38)
    neck = (x + h * 0.03, y - h * 0.72)
    stroke(d, [neck, hip], int(w), fill)
    stroke(d, [hip, (x + h * 0.16, y - h * 0.2), (x + h * 0.2, y - h * 0.02)], int(w), fill)
    stroke(d, [hip, (x - h * 0.12, y - h * 0.18), (x - h * 0.2, y - h * 0.02)], int(w), fill)
    stroke(d, [(x + h * 0.02, y - h * 0.64), (x + h * 0.18, y - h * 0.47)], int(w * 0.85), fill)
    stroke(d, [(x + h * 0.02, y - h * 0.64), (x - h * 0.15, y - h * 0.5)], int(w * 0.85), fill)


# --------------------------------------------------------------------------- icons


def tree(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["green"])
    d.rounded_rectangle((462, 560, 562, 850), radius=30, fill=INK)
    stroke(d, [(512, 700), (420, 610)], 44, INK)
    stroke(d, [(512, 660), (610, 580)], 44, INK)
    for c, r in (((512, 330), 170), ((370, 470), 150), ((654, 470), 150), ((512, 520), 160)):
        dot(d, c, r, WHITE)
    d.rounded_rectangle((250, 840, 774, 880), radius=20, fill=INK)


def ramp(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["blue"])
    # ramp wedge
    d.polygon([(150, 880), (874, 880), (874, 700)], fill=INK)
    # International Symbol of Access, seated figure and wheel
    dot(d, (470, 215), 70, WHITE)
    stroke(d, [(455, 320), (455, 520), (640, 520), (700, 700)], 74, WHITE)
    stroke(d, [(455, 400), (600, 400)], 60, WHITE)
    d.arc((250, 420, 600, 770), start=95, end=385, fill=WHITE, width=56)
    dot(d, (700, 700), 37, WHITE)


def ebook(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["purple"])
    # kiosk stand
    d.rounded_rectangle((462, 700, 562, 860), radius=20, fill=INK)
    d.rounded_rectangle((340, 830, 684, 880), radius=25, fill=INK)
    # tablet
    d.rounded_rectangle((250, 150, 774, 740), radius=60, fill=INK)
    d.rounded_rectangle((290, 190, 734, 690), radius=24, fill=WHITE)
    # open book on the screen
    d.polygon([(512, 330), (340, 290), (340, 560), (512, 600)], fill=BG["purple"])
    d.polygon([(512, 330), (684, 290), (684, 560), (512, 600)], fill=BG["purple"])
    for i in range(3):
        y = 360 + i * 60
        d.line([(370, y), (480, y + 25)], fill=WHITE, width=18)
        d.line([(544, y + 25), (654, y)], fill=WHITE, width=18)
    dot(d, (512, 716), 14, WHITE)


def book(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["purple"])
    # cover behind the pages
    d.polygon([(512, 300), (170, 250), (170, 770), (512, 830), (854, 770), (854, 250)], fill=INK)
    d.polygon([(505, 290), (200, 220), (200, 730), (505, 790)], fill=WHITE)
    d.polygon([(519, 290), (824, 220), (824, 730), (519, 790)], fill=WHITE)
    for i in range(5):
        y = 320 + i * 85
        d.line([(250, y), (455, y + 45)], fill=BG["purple"], width=24)
        d.line([(569, y + 45), (774, y)], fill=BG["purple"], width=24)


def senior(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["orange"])
    # person with a walking cane
    dot(d, (480, 220), 80, WHITE)
    stroke(d, [(470, 330), (440, 560)], 100, WHITE)  # torso, slight stoop
    stroke(d, [(440, 560), (380, 700), (360, 860)], 80, WHITE)  # back leg
    stroke(d, [(440, 560), (520, 700), (540, 860)], 80, WHITE)  # front leg
    stroke(d, [(470, 370), (560, 480), (640, 540)], 64, WHITE)  # arm to cane
    # cane
    stroke(d, [(650, 540), (680, 870)], 36, INK)
    d.arc((600, 490, 700, 590), start=180, end=360, fill=INK, width=36)
    dot(d, (618, 540), 18, INK)
    # a small heart: care / wellbeing
    hx, hy, r = 720, 270, 52
    dot(d, (hx - r * 0.7, hy), r, RED)
    dot(d, (hx + r * 0.7, hy), r, RED)
    heart = [(hx - r * 1.62, hy + r * 0.35), (hx + r * 1.62, hy + r * 0.35), (hx, hy + r * 2.2)]
    d.polygon(heart, fill=RED)


def bicycle(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["teal"])
    r, w = 165, 48
    lw, rw = (290, 630), (734, 630)
    d.ellipse((lw[0] - r, lw[1] - r, lw[0] + r, lw[1] + r), outline=WHITE, width=w)
    d.ellipse((rw[0] - r, rw[1] - r, rw[0] + r, rw[1] + r), outline=WHITE, width=w)
    crank = (490, 630)
    seat_post = (430, 400)
    head = (660, 400)
    stroke(d, [lw, crank, head, rw], 44, INK)
    stroke(d, [lw, seat_post, crank], 44, INK)
    stroke(d, [seat_post, head], 44, INK)
    stroke(d, [(430, 400), (410, 330)], 40, INK)
    stroke(d, [(360, 320), (470, 320)], 46, INK)  # saddle
    stroke(d, [(660, 400), (640, 300), (720, 290)], 40, INK)  # handlebar
    dot(d, crank, 40, INK)
    dot(d, lw, 26, WHITE)
    dot(d, rw, 26, WHITE)


def lamp(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["night"])
    # moon and stars
    dot(d, (250, 250), 80, PALE_YELLOW)
    dot(d, (290, 220), 80, BG["night"])
    for c in ((400, 180), (230, 420)):
        dot(d, c, 14, PALE_YELLOW)
    # light cone
    d.polygon([(600, 340), (720, 340), (860, 870), (460, 870)], fill=(255, 236, 150, 110))
    # pole and arm
    d.rounded_rectangle((350, 300, 400, 880), radius=20, fill=WHITE)
    d.arc((350, 200, 660, 400), start=180, end=270, fill=WHITE, width=48)
    stroke(d, [(505, 200), (600, 200)], 48, WHITE)
    # lamp head
    d.polygon([(560, 190), (760, 190), (720, 300), (600, 300)], fill=WHITE)
    d.chord((590, 270, 730, 380), start=0, end=180, fill=YELLOW)
    d.rounded_rectangle((290, 860, 460, 890), radius=15, fill=WHITE)


def sprout(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["green"])
    # soil mound
    d.chord((180, 650, 844, 1050), start=180, end=360, fill=SOIL)
    d.rectangle((180, 845, 844, 870), fill=SOIL)
    # stem and two leaves
    stroke(d, [(512, 760), (512, 520), (520, 420)], 44, WHITE)
    d.polygon(lens((370, 430), 330, 170, 30), fill=WHITE)
    d.polygon(lens((660, 330), 360, 190, -35), fill=WHITE)
    stroke(d, [(300, 390), (470, 490)], 14, BG["green"])
    stroke(d, [(740, 270), (560, 395)], 14, BG["green"])


def paw(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["yellow"])
    # main pad: rounded triangle made of circles
    for c, r in (((512, 620), 170), ((420, 700), 110), ((604, 700), 110), ((512, 720), 130)):
        dot(d, c, r, INK)
    for c, rx, ry in (((290, 440), 78, 98), ((420, 300), 84, 108), ((604, 300), 84, 108), ((734, 440), 78, 98)):
        d.ellipse((c[0] - rx, c[1] - ry, c[0] + rx, c[1] + ry), fill=INK)


def raindrop(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["sky"])
    # cloud
    for c, r in (((370, 400), 120), ((530, 330), 160), ((680, 420), 115)):
        dot(d, c, r, WHITE)
    d.rounded_rectangle((250, 400, 795, 535), radius=67, fill=WHITE)
    # drops
    for c in ((370, 720), (530, 810), (690, 720)):
        d.polygon(drop(c, 60), fill=WATER)
    # little plants of the rain garden
    d.polygon(lens((230, 830), 130, 60, -60), fill=LEAF)
    d.polygon(lens((800, 830), 130, 60, 60), fill=LEAF)


def playground(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["coral"])
    # ladder
    d.rounded_rectangle((230, 300, 270, 860), radius=18, fill=WHITE)
    d.rounded_rectangle((380, 300, 420, 860), radius=18, fill=WHITE)
    for y in (400, 520, 640, 760):
        d.rectangle((250, y - 16, 400, y + 16), fill=WHITE)
    # platform and roof
    d.rectangle((230, 290, 470, 330), fill=WHITE)
    d.polygon([(200, 300), (325, 170), (450, 300)], fill=INK)
    # slide: a thick curve down to the right
    pts: list[Point] = []
    for i in range(41):
        t = i / 40
        x = 420 + t * 420
        y = 320 + 520 * (3 * t * t - 2 * t * t * t)
        pts.append((x, y))
    stroke(d, pts, 60, YELLOW)
    d.rounded_rectangle((150, 860, 874, 890), radius=15, fill=INK)


def basketball(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["indigo"])
    c, r = (512, 512), 320
    dot(d, c, r, ORANGE)
    w = 28
    d.ellipse((c[0] - r, c[1] - r, c[0] + r, c[1] + r), outline=INK, width=w)
    d.line([(c[0], c[1] - r), (c[0], c[1] + r)], fill=INK, width=w)
    d.line([(c[0] - r, c[1]), (c[0] + r, c[1])], fill=INK, width=w)
    d.arc((c[0] - r - 230, c[1] - r + 40, c[0] - r + 230 + 60, c[1] + r - 40), start=-62, end=62, fill=INK, width=w)
    d.arc((c[0] + r - 230 - 60, c[1] - r + 40, c[0] + r + 230, c[1] + r - 40), start=118, end=242, fill=INK, width=w)


def busstop(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["blue"])
    # bus front
    d.rounded_rectangle((230, 170, 794, 800), radius=80, fill=WHITE)
    d.rounded_rectangle((300, 210, 724, 250), radius=20, fill=INK)  # route sign
    d.rounded_rectangle((280, 290, 744, 550), radius=30, fill=INK)  # windscreen
    dot(d, (330, 660), 42, YELLOW)
    dot(d, (694, 660), 42, YELLOW)
    d.rounded_rectangle((420, 640, 604, 680), radius=20, fill=INK)  # grille
    d.rounded_rectangle((270, 780, 380, 870), radius=24, fill=INK)  # wheels
    d.rounded_rectangle((644, 780, 754, 870), radius=24, fill=INK)
    d.rounded_rectangle((190, 330, 230, 430), radius=16, fill=WHITE)  # mirrors
    d.rounded_rectangle((794, 330, 834, 430), radius=16, fill=WHITE)


def solar(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["sky"])
    # sun
    sc = (720, 270)
    for k in range(8):
        a = math.radians(k * 45)
        stroke(
            d,
            [
                (sc[0] + 125 * math.cos(a), sc[1] + 125 * math.sin(a)),
                (sc[0] + 175 * math.cos(a), sc[1] + 175 * math.sin(a)),
            ],
            30,
            YELLOW,
        )
    dot(d, sc, 95, YELLOW)
    # panel in perspective: corners TL, TR, BR, BL
    tl, tr, br, bl = (300, 420), (700, 420), (830, 760), (170, 760)
    d.polygon([tl, tr, br, bl], fill=INK)

    def lerp(a: Point, b: Point, t: float) -> Point:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    for i in range(1, 4):
        t = i / 4
        d.line([lerp(tl, tr, t), lerp(bl, br, t)], fill=WHITE, width=14)
    for i in range(1, 3):
        t = i / 3
        d.line([lerp(tl, bl, t), lerp(tr, br, t)], fill=WHITE, width=14)
    d.line([tl, tr, br, bl, tl], fill=WHITE, width=18, joint="curve")
    # stand
    d.rectangle((480, 760, 544, 870), fill=WHITE)
    d.rounded_rectangle((380, 860, 644, 890), radius=15, fill=WHITE)


def fountain(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["teal"])
    # water arc from the spout into the basin
    d.arc((380, 180, 720, 620), start=185, end=355, fill=WATER, width=46)
    dot(d, (716, 394), 23, WATER)
    # spout
    d.rounded_rectangle((350, 360, 410, 470), radius=20, fill=INK)
    # basin and pedestal
    d.chord((230, 330, 794, 640), start=0, end=180, fill=WHITE)
    d.rectangle((230, 460, 794, 490), fill=WHITE)
    d.polygon([(430, 620), (594, 620), (570, 860), (454, 860)], fill=WHITE)
    d.rounded_rectangle((330, 840, 694, 890), radius=25, fill=WHITE)


def bowl(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["orange"])
    # steam
    for x in (400, 512, 624):
        pts = [(x + 28 * math.sin(i / 20 * 2 * math.pi), 200 + i * 9) for i in range(21)]
        stroke(d, pts, 26, WHITE)
    # chopsticks
    stroke(d, [(620, 520), (860, 250)], 30, INK)
    stroke(d, [(580, 510), (800, 220)], 30, INK)
    # rice and bowl
    d.chord((230, 400, 794, 620), start=180, end=360, fill=WHITE)
    d.chord((190, 230, 834, 830), start=0, end=180, fill=INK)
    d.rectangle((190, 520, 834, 540), fill=INK)
    d.rounded_rectangle((400, 810, 624, 870), radius=20, fill=INK)
    d.line([(260, 640), (764, 640)], fill=RED, width=26)


def recycle(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["green"])
    c, r, w = (512, 540), 260, 84
    for k in range(3):
        start = -90 + k * 120 + 14
        end = start + 76
        d.arc((c[0] - r, c[1] - r, c[0] + r, c[1] + r), start=start, end=end, fill=WHITE, width=w)
        a = math.radians(end)
        rr = r - w / 2
        tip_base = (c[0] + rr * math.cos(a), c[1] + rr * math.sin(a))
        direction = end + 90  # tangent, clockwise
        tip = (
            tip_base[0] + 70 * math.cos(math.radians(direction)),
            tip_base[1] + 70 * math.sin(math.radians(direction)),
        )
        d.polygon(arrow_head(tip, direction, 120), fill=WHITE)
    dot(d, c, 70, INK)


def wifi(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["indigo"])
    c = (512, 760)
    for r in (170, 320, 470):
        d.arc((c[0] - r, c[1] - r, c[0] + r, c[1] + r), start=225, end=315, fill=WHITE, width=84)
    dot(d, c, 70, WHITE)


def crosswalk(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["yellow"])
    # road seen from above, with zebra stripes across it
    d.rounded_rectangle((120, 600, 904, 880), radius=40, fill=INK)
    for i in range(6):
        x = 170 + i * 120
        d.rounded_rectangle((x, 630, x + 70, 850), radius=12, fill=WHITE)
    # pedestrian walking towards the crossing
    person(d, 490, 575, 470, INK)


def paint(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["purple"])
    # palette
    d.ellipse((160, 250, 760, 800), fill=WHITE)
    dot(d, (560, 660), 64, BG["purple"])  # thumb hole
    for c, col in (((330, 430), RED), ((480, 350), YELLOW), ((300, 600), WATER), ((440, 690), LEAF)):
        dot(d, c, 55, col)
    # brush
    stroke(d, [(880, 160), (650, 520)], 46, INK)
    d.polygon([(620, 490), (690, 540), (610, 650), (575, 620)], fill=ORANGE)
    dot(d, (595, 640), 28, ORANGE)


def boat(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["sky"])
    # cabin
    d.rounded_rectangle((330, 330, 700, 560), radius=30, fill=WHITE)
    for x in (370, 480, 590):
        d.rounded_rectangle((x, 380, x + 80, 460), radius=14, fill=BG["sky"])
    d.rectangle((470, 240, 540, 330), fill=INK)  # funnel
    d.rectangle((460, 230, 550, 260), fill=RED)
    # hull
    d.polygon([(170, 550), (860, 550), (760, 720), (260, 720)], fill=INK)
    d.rectangle((200, 580, 830, 600), fill=RED)
    # waves
    for y in (790, 880):
        pts = [(170 + i * 17, y + 26 * math.sin(i / 40 * 4 * math.pi)) for i in range(41)]
        stroke(d, pts, 30, WHITE)


def bird(d: ImageDraw.ImageDraw) -> None:
    background(d, BG["teal"])
    # branch
    stroke(d, [(150, 760), (880, 700)], 40, SOIL)
    d.polygon(lens((780, 640), 160, 70, -40), fill=LEAF)
    # body, head, tail
    d.polygon([(330, 560), (150, 470), (190, 640)], fill=INK)  # tail
    d.ellipse((260, 380, 660, 720), fill=WHITE)
    dot(d, (600, 380), 125, WHITE)
    d.polygon([(700, 340), (820, 390), (705, 430)], fill=ORANGE)  # beak
    dot(d, (630, 355), 26, INK)  # eye
    d.polygon(lens((430, 520), 300, 130, 15), fill=INK)  # wing
    for x in (420, 520):
        stroke(d, [(x, 700), (x, 740)], 22, ORANGE)


def logo(d: ImageDraw.ImageDraw, s: int) -> None:
    """pbvote mark: ballot box with a ballot carrying a check mark; s = canvas size."""

    def k(v: float) -> float:
        return v * s / 1024

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (k(x0), k(y0), k(x1), k(y1))

    d.rounded_rectangle(box(24, 24, 1000, 1000), radius=k(220), fill=(52, 110, 200, 255))
    # box body
    d.polygon([(k(170), k(470)), (k(854), k(470)), (k(800), k(880)), (k(224), k(880))], fill=INK)
    # lid with slot
    d.rounded_rectangle(box(140, 430, 884, 520), radius=k(30), fill=(232, 238, 248, 255))
    d.rounded_rectangle(box(300, 455, 724, 495), radius=k(20), fill=INK)
    # ballot paper, half-way into the slot, with a check mark
    d.rounded_rectangle(box(330, 140, 694, 475), radius=k(24), fill=WHITE)
    d.rectangle(box(330, 440, 694, 475), fill=WHITE)
    check = [(k(410), k(300)), (k(490), k(390)), (k(620), k(210))]
    stroke(d, check, int(k(52)), (46, 170, 98, 255))
    # front label stripe
    d.rounded_rectangle(box(380, 620, 644, 680), radius=k(30), fill=(232, 238, 248, 255))


ICONS: dict[str, Callable[[ImageDraw.ImageDraw], None]] = {
    "tree": tree,
    "ramp": ramp,
    "ebook": ebook,
    "book": book,
    "senior": senior,
    "bicycle": bicycle,
    "lamp": lamp,
    "sprout": sprout,
    "paw": paw,
    "raindrop": raindrop,
    "playground": playground,
    "basketball": basketball,
    "bus": busstop,
    "solar": solar,
    "fountain": fountain,
    "bowl": bowl,
    "recycle": recycle,
    "wifi": wifi,
    "crosswalk": crosswalk,
    "paint": paint,
    "boat": boat,
    "bird": bird,
}


def render(draw_fn: Callable[[ImageDraw.ImageDraw], None], size: int) -> Image.Image:
    big = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(big, "RGBA")  # blend translucent fills
    draw_fn(d)
    # resize in premultiplied alpha so transparent edges do not darken
    return big.convert("RGBa").resize((size, size), Image.Resampling.LANCZOS).convert("RGBA")


def save(im: Image.Image, path: Path) -> None:
    im.save(path, format="PNG", optimize=True, pnginfo=None)


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, fn in ICONS.items():
        save(render(fn, SIZE), OUT_DIR / f"{name}.png")
    big = Image.new("RGBA", (2048, 2048), (0, 0, 0, 0))
    logo(ImageDraw.Draw(big, "RGBA"), 2048)
    save(big.convert("RGBa").resize((512, 512), Image.Resampling.LANCZOS).convert("RGBA"), OUT_DIR / "logo.png")
    print(f"wrote {len(ICONS) + 1} images to {OUT_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
