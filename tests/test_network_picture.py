"""The network picture is a real PNG of sensible size for no, a few and many people; nobody
covers anybody else or a ring's label, and people whose closeness is unknown get a place of
their own."""

from __future__ import annotations

import io
import math
from itertools import combinations

from PIL import Image

from bot.documents.network_picture import (
    CENTRE,
    JIM_COLOUR,
    LABEL_SECTOR,
    SIZE,
    network_png,
    rings_of,
    spots,
)
from bot.i18n import Translator
from bot.plan.model import Closeness, Jim, JimChoice, Person, Plan, Role


def people(count: int, closeness: Closeness | str | None = "mixed") -> Plan:
    return Plan(name="Noor", people=[
        Person(id=f"p{n}", name=f"Persoon {n} met een lange naam 😀",
               roles=list(Role)[: n % 5],
               closeness=list(Closeness)[n % 3] if closeness == "mixed" else closeness)
        for n in range(count)])


def picture(plan: Plan, jim: bool = True) -> Image.Image:
    if jim and plan.people:
        plan.jim = Jim(choice=JimChoice.PERSON, person_id="p0")
    data = network_png(plan, Translator("nl"))
    assert data.startswith(b"\x89PNG") and len(data) < 2_000_000
    return Image.open(io.BytesIO(data)).convert("RGB")


def colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return {colour for _, colour in image.getcolors(maxcolors=1_000_000)}


def test_sizes_and_the_jim_is_highlighted() -> None:
    for count in (0, 1, 4, 12, 30):
        assert picture(people(count)).size == (SIZE, SIZE)
    assert JIM_COLOUR in colours(picture(people(3)))
    assert JIM_COLOUR not in colours(picture(people(3), jim=False))


def test_nobody_covers_anybody_or_a_ring_label() -> None:
    for plan in (people(12), people(12, Closeness.BEETJE), people(30, Closeness.DICHTBIJ),
                 people(30, None)):
        for number, ring in enumerate(rings_of(plan, Translator("nl"))):
            placed = spots(ring, 0.3 * (number % 2))
            for one, other in combinations(placed, 2):
                assert math.dist((one.x, one.y), (other.x, other.y)) > one.node + other.node
            for spot in placed:  # the bottom sector, where the ring's label is, stays free
                angle = math.atan2(spot.y - CENTRE[1], spot.x - CENTRE[0])
                assert abs(angle - math.pi / 2) >= LABEL_SECTOR / 2 - 1e-9
                assert spot.x - spot.node > 0 and spot.x + spot.node < SIZE
                assert spot.y - spot.node > 0 and spot.y + spot.node < SIZE


def test_unknown_closeness_gets_its_own_ring() -> None:
    plan = people(4)
    plan.people[3].closeness = None
    rings = rings_of(plan, Translator("nl"))
    assert [ring.label for ring in rings] == ["Dichtbij", "Een beetje", "Verder weg",
                                              "Niet gezegd hoe dichtbij"]
    assert rings[-1].people == [plan.people[3]] and rings[-1].dashed
    assert plan.people[3] not in rings[2].people  # not silently "verder weg"
    radii = [ring.radius for ring in rings]
    assert radii == sorted(radii)


def test_an_unchanged_network_is_not_drawn_again_a_changed_one_is(monkeypatch) -> None:
    from bot.documents import network_picture

    drawn: list[str] = []
    draw = network_picture._draw
    monkeypatch.setattr(network_picture, "_draw",
                        lambda plan, t, voice: drawn.append(plan.name) or draw(plan, t, voice))
    plan = people(3)
    plan.name = "Nadia"
    first = network_png(plan, Translator("nl"))
    assert network_png(plan.model_copy(deep=True), Translator("nl")) == first
    assert drawn == ["Nadia"]
    plan.people[1].closeness = Closeness.DICHTBIJ
    changed = network_png(plan, Translator("nl"))
    english = network_png(plan, Translator("en"))
    assert len(drawn) == 3 and len({first, changed, english}) == 3
