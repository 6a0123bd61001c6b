"""The network picture (PNG): the youth in the centre, the people on rings by closeness.

Closer people sit on inner rings; people whose closeness is not known get a dashed ring of
their own, outside. The JIM is highlighted. What each person does is shown as small coloured
marks inside their circle, with a legend. Every ring keeps a free sector at the bottom for its
label, so no label covers a person; a ring with many people grows (pushing the outer rings
out), and when even that is not enough its circles shrink and their names take turns inside
and outside the ring.
"""

from __future__ import annotations

import io
import math
import threading
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from bot.documents.fonts import BOLD, REGULAR, printable
from bot.documents.recent import Recent
from bot.i18n import N_, Translator
from bot.plan.labels import CLOSENESS_LABELS
from bot.plan.model import Person, Plan, Role
from bot.plan.voice import FOR_YOUTH, Voice, person_word, youth_word

SIZE = 1000
CENTRE = (SIZE // 2, 415)
INNER, OUTER, RING_GAP = 110, 345, 90  # radii in pixels: first ring, last ring, between rings
MARGIN = 8
LABEL_SECTOR = math.radians(64)  # kept free around the bottom of every ring, for its label
SPACING = 105  # wished distance between neighbours on a ring (a name fits between)
NODE, SMALL_NODE = 30, 14
TURN = (0, 0.3, -0.3, 0.15)  # per ring, a share of a place: neighbouring rings don't line up
YOU = 46
JIM_COLOUR, PERSON_COLOUR, YOU_COLOUR = (242, 140, 40), (120, 170, 220), (60, 120, 90)
RING_COLOUR, LABEL_COLOUR, TEXT_COLOUR = (200, 200, 200), (120, 120, 120), (30, 30, 30)
LEGEND_COLOUR, JIM_OUTLINE = (40, 40, 40), (90, 60, 20)
ROLE_COLOURS = {Role.PRAKTISCH: (35, 90, 160), Role.SAMEN: (40, 140, 70),
                Role.ADVIES: (130, 60, 160), Role.ER_VOOR_JE: (215, 50, 70)}
UNKNOWN = N_("Niet gezegd hoe dichtbij")
LEGEND_TOP = 850


@dataclass(frozen=True)
class Ring:
    label: str
    people: list[Person]
    radius: float = 0
    dashed: bool = False

    @property
    def spacing(self) -> float:
        return (2 * math.pi - LABEL_SECTOR) * self.radius / max(len(self.people), 1)


_fonts = threading.local()  # a FreeType face is not safe to share between threads


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The font at this size, loaded once per thread (loading costs more than drawing)."""
    loaded: dict[tuple[int, bool], ImageFont.FreeTypeFont] = _fonts.__dict__.setdefault(
        "loaded", {})
    if (size, bold) not in loaded:
        loaded[size, bold] = ImageFont.truetype(str(BOLD if bold else REGULAR), size)
    return loaded[size, bold]


BLENDS = 8  # shades between white and each colour: enough for smooth edges and text


@cache
def _palette() -> Image.Image:
    """The picture's own colours, each blended with white in steps, plus greys: every
    pixel the drawing makes is close to one of them, so the PNG can store one byte per
    pixel instead of three (a third of the size and several times faster to encode)."""
    own = [JIM_COLOUR, PERSON_COLOUR, YOU_COLOUR, JIM_OUTLINE, *ROLE_COLOURS.values()]
    shades = [tuple(round(255 + (channel - 255) * step / BLENDS) for channel in colour)
              for colour in own for step in range(1, BLENDS + 1)]
    greys = [(value, value, value) for value in range(30, 256, 7)]
    exact = [RING_COLOUR, LABEL_COLOUR, TEXT_COLOUR, LEGEND_COLOUR]
    colours = list(dict.fromkeys([(255, 255, 255), *exact, *shades, *greys]))
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def _short(name: str, length: int) -> str:
    name = printable(name) or "?"
    return name if len(name) <= length else name[: length - 1] + "…"


def rings_of(plan: Plan, t: Translator) -> list[Ring]:
    """The rings with their people and radii: each ring wide enough for its people where
    the picture allows, the outermost at most at ``OUTER``."""
    rings = [Ring(t.plain(label), [p for p in plan.people if p.closeness == closeness])
             for closeness, label in CLOSENESS_LABELS.items()]
    unknown = [p for p in plan.people if p.closeness is None]
    if unknown:
        rings.append(Ring(t.plain(UNKNOWN), unknown, dashed=True))
    radii: list[float] = []
    for ring in rings:
        wished = len(ring.people) * SPACING / (2 * math.pi - LABEL_SECTOR)
        radii.append(max(radii[-1] + RING_GAP if radii else INNER, wished))
    if radii[-1] > OUTER:  # squeeze everything between INNER and OUTER
        scale = (OUTER - INNER) / (radii[-1] - INNER)
        radii = [INNER + (r - INNER) * scale for r in radii]
    return [Ring(ring.label, ring.people, radius, ring.dashed)
            for ring, radius in zip(rings, radii, strict=True)]


_recent = Recent(64)  # pictures kept: /plan asked again shows the same picture without drawing it


def network_png(plan: Plan, t: Translator, voice: Voice = FOR_YOUTH) -> bytes:
    """The picture, its legend worded for who reads it (the youth, or others).

    The last few pictures are kept in memory, by a digest of everything drawn, so an
    unchanged network is not drawn twice; they are never stored anywhere.
    """
    drawn = plan.model_dump_json(include={"name", "people", "jim"})
    return _recent.get(f"{t.lang}|{voice is FOR_YOUTH}|{drawn}", lambda: _draw(plan, t, voice))


def _draw(plan: Plan, t: Translator, voice: Voice) -> bytes:
    image = Image.new("RGB", (SIZE, SIZE), "white")
    draw = ImageDraw.Draw(image)
    cx, cy = CENTRE
    rings = rings_of(plan, t)
    for ring in rings:
        box = (cx - ring.radius, cy - ring.radius, cx + ring.radius, cy + ring.radius)
        if ring.dashed:
            for start in range(0, 360, 8):
                draw.arc(box, start, start + 4, fill=RING_COLOUR, width=2)
        else:
            draw.ellipse(box, outline=RING_COLOUR, width=2)
        label_font = _font(17)
        draw.text((cx, cy + ring.radius), ring.label, fill=LABEL_COLOUR, font=label_font,
                  anchor="mm", stroke_width=6, stroke_fill="white")
    draw.ellipse((cx - YOU, cy - YOU, cx + YOU, cy + YOU), fill=YOU_COLOUR)
    draw.text((cx, cy), _short(plan.name or t.plain(N_("Ik")), 10), fill="white",
              font=_font(22, bold=True), anchor="mm")
    if not plan.people:
        draw.text((cx, cy + YOU + 30), t.plain(N_("Nog niemand ingevuld.")), fill=LABEL_COLOUR,
                  font=_font(22), anchor="mm")
    jim = plan.jim_person()
    for ring, turn in zip(rings, TURN, strict=False):
        for spot in spots(ring, turn):
            _draw_spot(draw, spot, spot.person is jim,
                       person_word(spot.person, t, voice, start=True))
    _legend(draw, t, voice.roles, t.plain(voice.jim_legend, youth=youth_word(plan, t))
            if jim is not None else None)
    buffer = io.BytesIO()
    # Level 3 compresses half as fast as the default 6 for a file a third larger (~25 kB).
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(buffer, format="PNG",
                                                                     compress_level=3)
    return buffer.getvalue()


@dataclass(frozen=True)
class Spot:
    """Where one person goes: their circle, and where their name starts."""

    person: Person
    x: float
    y: float
    node: float
    name_at: tuple[float, float]
    anchor: str  # Pillow's text anchor: the name grows away from the circle
    roomy: bool


def spots(ring: Ring, turn: float = 0) -> list[Spot]:
    """The ring's people, spread evenly over everything but the label sector; each name
    beside its circle, away from it (outside the ring, or inside when they take turns)."""
    cx, cy = CENTRE
    roomy = ring.spacing >= SPACING * 0.85
    node = NODE if roomy else max(SMALL_NODE, min(NODE, ring.spacing * 0.3))
    count = len(ring.people)
    placed = []
    for number, person in enumerate(ring.people):
        # angles in screen coordinates (y down): the label sector is centred on pi/2
        angle = math.pi / 2 + LABEL_SECTOR / 2 + (2 * math.pi - LABEL_SECTOR) * (
            (number + 0.5 + turn) / count)
        dx, dy = math.cos(angle), math.sin(angle)
        x, y = cx + ring.radius * dx, cy + ring.radius * dy
        away = 1 if roomy or number % 2 == 0 else -1  # outside the ring, or inside
        anchor = (("l" if away * dx > 0 else "r") + "m" if abs(dx) > 0.5
                  else "m" + ("t" if away * dy > 0 else "b"))
        placed.append(Spot(person, x, y, node, (x + away * (node + 6) * dx,
                                                y + away * (node + 6) * dy), anchor, roomy))
    return placed


def _draw_spot(draw: ImageDraw.ImageDraw, spot: Spot, is_jim: bool, called: str) -> None:
    _person(draw, spot.person, is_jim, (spot.x, spot.y), spot.node)
    font = _font(18 if spot.roomy else 15)
    name = _short(called, 14 if spot.roomy else 9)
    left, top, right, bottom = draw.textbbox(spot.name_at, name, font=font, anchor=spot.anchor)
    shift = (max(0, MARGIN - left) - max(0, right - (SIZE - MARGIN)),
             max(0, MARGIN - top) - max(0, bottom - (SIZE - MARGIN)))  # stay on the page
    draw.text((spot.name_at[0] + shift[0], spot.name_at[1] + shift[1]), name,
              fill=TEXT_COLOUR, font=font, anchor=spot.anchor, stroke_width=3,
              stroke_fill="white")


def _person(draw: ImageDraw.ImageDraw, person: Person, is_jim: bool, at: tuple[float, float],
            node: float) -> None:
    x, y = at
    draw.ellipse((x - node, y - node, x + node, y + node),
                 fill=JIM_COLOUR if is_jim else PERSON_COLOUR,
                 outline=JIM_OUTLINE if is_jim else None, width=4)
    if is_jim:
        draw.text((x, y - node * 0.2), "JIM", fill="white", font=_font(int(node * 0.5) + 4),
                  anchor="mm")
    roles = [r for r in Role if r in person.roles]
    dot = max(3.0, node / 7)
    for number, role in enumerate(roles):
        dot_x = x + (number - (len(roles) - 1) / 2) * dot * 2.6
        dot_y = y + node * 0.5
        draw.ellipse((dot_x - dot, dot_y - dot, dot_x + dot, dot_y + dot),
                     fill=ROLE_COLOURS[role], outline="white", width=1)


def _legend(draw: ImageDraw.ImageDraw, t: Translator, role_labels: dict[Role, str],
            jim_label: str | None) -> None:
    """Two columns under the rings: the role marks, then the JIM."""
    font = _font(18)
    rows = [(ROLE_COLOURS[role], t.plain(label)) for role, label in role_labels.items()]
    if jim_label is not None:
        rows.append((JIM_COLOUR, jim_label))
    for number, (colour, label) in enumerate(rows):
        x = 40 + (number // 4) * 480
        y = LEGEND_TOP + (number % 4) * 30
        draw.ellipse((x, y + 3, x + 16, y + 19), fill=colour)
        draw.text((x + 26, y), label, fill=LEGEND_COLOUR, font=font)
