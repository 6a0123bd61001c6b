"""The network picture is a real PNG of sensible size, for no, a few and many people."""

from __future__ import annotations

import io

from PIL import Image

from bot.documents.network_picture import JIM_COLOUR, network_png
from bot.i18n import Translator
from bot.plan.model import Closeness, Jim, JimChoice, Person, Plan, Role


def picture(people: int, jim: bool = True) -> Image.Image:
    plan = Plan(name="Noor", people=[
        Person(id=f"p{n}", name=f"Persoon {n} met een lange naam 😀",
               roles=list(Role)[: n % 5], closeness=list(Closeness)[n % 3] if n % 4 else None)
        for n in range(people)])
    if jim and people:
        plan.jim = Jim(choice=JimChoice.PERSON, person_id="p0")
    data = network_png(plan, Translator("nl"))
    assert data.startswith(b"\x89PNG") and len(data) < 2_000_000
    return Image.open(io.BytesIO(data))


def test_sizes_and_the_jim_is_highlighted() -> None:
    for people in (0, 3, 30):
        image = picture(people)
        assert image.size == (1000, 1000)
    colours = {colour for _, colour in picture(3).getcolors(maxcolors=1_000_000)}
    assert JIM_COLOUR in colours
    without = {colour for _, colour in picture(3, jim=False).getcolors(maxcolors=1_000_000)}
    assert JIM_COLOUR not in without
