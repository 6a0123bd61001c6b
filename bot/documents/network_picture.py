"""The network picture (PNG): the youth in the centre, the people on three rings by closeness.

Closer people sit on the inner ring; people whose closeness is not known sit on the outer
one. The JIM is highlighted. What each person does is shown as small coloured dots, with a
legend that explains the dots and the rings.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

from bot.documents.fonts import BOLD, REGULAR, printable
from bot.flows.interview.wie import CLOSENESS_LABELS, ROLE_LABELS
from bot.i18n import N_, Translator
from bot.plan.model import Closeness, Person, Plan, Role

SIZE = 1000
CENTRE = (SIZE // 2, 420)
RINGS = {Closeness.DICHTBIJ: 140, Closeness.BEETJE: 250, Closeness.VERDER: 360}
NODE = 34
JIM_COLOUR, PERSON_COLOUR, YOU_COLOUR = (242, 140, 40), (120, 170, 220), (60, 120, 90)
ROLE_COLOURS = {Role.PRAKTISCH: (70, 130, 180), Role.SAMEN: (60, 160, 90),
                Role.ADVIES: (150, 90, 170), Role.ER_VOOR_JE: (220, 70, 90)}
NAME_LENGTH = 14


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size)


def _short(name: str) -> str:
    name = printable(name) or "?"
    return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…"


def network_png(plan: Plan, t: Translator) -> bytes:
    image = Image.new("RGB", (SIZE, SIZE), "white")
    draw = ImageDraw.Draw(image)
    small, normal, bold = _font(18), _font(22), _font(24, bold=True)
    cx, cy = CENTRE
    for radius in RINGS.values():
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius),
                     outline=(200, 200, 200), width=2)
    draw.ellipse((cx - 46, cy - 46, cx + 46, cy + 46), fill=YOU_COLOUR)
    draw.text((cx, cy), _short(plan.name or t.plain(N_("Ik"))), fill="white", font=bold,
              anchor="mm")
    if not plan.people:
        draw.text((cx, cy + 80), t.plain(N_("Nog niemand ingevuld.")), fill=(90, 90, 90),
                  font=normal, anchor="mm")
    jim = plan.jim_person()
    for closeness, radius in RINGS.items():
        ring = [p for p in plan.people
                if (p.closeness or Closeness.VERDER) == closeness]
        for number, person in enumerate(ring):
            angle = 2 * math.pi * number / len(ring) - math.pi / 2 + 0.35 * (radius / 150)
            _person(draw, person, person is jim,
                    (cx + radius * math.cos(angle), cy + radius * math.sin(angle)), small)
    for closeness, radius in RINGS.items():  # last, so no person covers them
        label = t.plain(CLOSENESS_LABELS[closeness])
        box = draw.textbbox((cx, cy + radius), label, font=small, anchor="mm")
        draw.rectangle((box[0] - 4, box[1] - 2, box[2] + 4, box[3] + 2), fill="white")
        draw.text((cx, cy + radius), label, fill=(130, 130, 130), font=small, anchor="mm")
    _legend(draw, t, small, jim is not None)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _person(draw: ImageDraw.ImageDraw, person: Person, is_jim: bool, at: tuple[float, float],
            font: ImageFont.FreeTypeFont) -> None:
    x, y = at
    colour = JIM_COLOUR if is_jim else PERSON_COLOUR
    draw.ellipse((x - NODE, y - NODE, x + NODE, y + NODE), fill=colour,
                 outline=(90, 60, 20) if is_jim else None, width=4)
    if is_jim:
        draw.text((x, y), "JIM", fill="white", font=font, anchor="mm")
    draw.text((x, y + NODE + 14), _short(person.name), fill=(30, 30, 30), font=font,
              anchor="mm")
    for number, role in enumerate(r for r in Role if r in person.roles):
        dot_x = x - NODE + 6 + number * 16
        draw.ellipse((dot_x - 6, y - NODE - 14, dot_x + 6, y - NODE - 2),
                     fill=ROLE_COLOURS[role])


def _legend(draw: ImageDraw.ImageDraw, t: Translator, font: ImageFont.FreeTypeFont,
            with_jim: bool) -> None:
    x, y = 40, 836
    for role, label in ROLE_LABELS.items():
        draw.ellipse((x, y + 4, x + 14, y + 18), fill=ROLE_COLOURS[role])
        draw.text((x + 22, y), t.plain(label), fill=(40, 40, 40), font=font)
        y += 28
    if with_jim:
        draw.ellipse((x - 2, y + 2, x + 16, y + 20), fill=JIM_COLOUR)
        draw.text((x + 22, y), t.plain(N_("JIM: de volwassene die jij vertrouwt")),
                  fill=(40, 40, 40), font=font)
