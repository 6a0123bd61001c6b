"""The Dutch help lines: the one place in the code that knows their names and numbers.

VERIFY BEFORE USE: numbers, hours, ages and chat addresses change. Check every entry against
the organisation's own website before a release, and again at least every six months, then
update ``LAST_CHECKED`` (the ``/sos`` overview shows that date to the user).

Texts shown to the user (what a line is for, who it is for, when it is open, how to call) are
Dutch source strings marked with ``N_``; names, numbers and addresses are the same in every
language. :func:`lines_for` picks the lines that fit what the user said and their age.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot.i18n import N_
from bot.safety.detection import RiskKind

# The day every entry below was last checked against the organisation's own website.
LAST_CHECKED = date(2026, 11, 22)


@dataclass(frozen=True, slots=True)
class Helpline:
    """One help line.

    ``call`` is a template with ``{number}`` (and ``{number2}`` when there are two numbers),
    filled from ``numbers``; ``min_age``/``max_age`` (inclusive) say who the line is for, and
    ``audience`` says the same in words (None: for everyone).
    """

    id: str
    name: str
    numbers: tuple[str, ...]
    call: str
    purpose: str
    hours: str
    audience: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    chat_url: str | None = None

    def fits(self, age: int | None) -> bool:
        """Whether someone of ``age`` may use the line (an unknown age fits every line)."""
        if age is None:
            return True
        if self.min_age is not None and age < self.min_age:
            return False
        return not (self.max_age is not None and age > self.max_age)

    def call_values(self) -> dict[str, str]:
        """The values for ``call``: ``number``, and ``number2`` for a second number."""
        values = {"number": self.numbers[0]}
        if len(self.numbers) > 1:
            values["number2"] = self.numbers[1]
        return values


EMERGENCY = Helpline(
    id="112",
    name="112",
    numbers=("112",),
    call=N_("Bel {number}."),
    purpose=N_("Het alarmnummer bij direct gevaar. Voor politie, ambulance of brandweer."),
    hours=N_("Dag en nacht."),
)
SUICIDE_PREVENTION = Helpline(
    id="113",
    name="113 Zelfmoordpreventie",
    numbers=("113", "0800-0113"),
    call=N_("Bel {number} of gratis {number2}."),
    purpose=N_("Voor als je aan zelfmoord denkt. Je praat anoniem."),
    hours=N_("Dag en nacht."),
    chat_url="https://www.113.nl",
)
KINDERTELEFOON = Helpline(
    id="kindertelefoon",
    name="De Kindertelefoon",
    numbers=("0800-0432",),
    call=N_("Bel gratis {number}."),
    purpose=N_("Praat anoniem over alles wat je dwarszit."),
    hours=N_("Elke dag van 11.00 tot 21.00 uur."),
    audience=N_("Voor jongeren tot 18 jaar."),
    max_age=17,
    chat_url="https://www.kindertelefoon.nl",
)
ALLES_OKE = Helpline(
    id="alles_oke",
    name="Alles Oké? Supportlijn",
    numbers=("0800-0450",),
    call=N_("Bel gratis {number}."),
    purpose=N_("Praat anoniem als het even niet goed gaat."),
    hours=N_("Elke dag van 14.00 tot 22.00 uur."),
    audience=N_("Voor jongeren van 18 tot en met 25 jaar."),
    min_age=18,
    max_age=25,
    chat_url="https://www.allesoke.nl",
)
VEILIG_THUIS = Helpline(
    id="veilig_thuis",
    name="Veilig Thuis",
    numbers=("0800-2000",),
    call=N_("Bel gratis {number}."),
    purpose=N_("Bij geweld of mishandeling thuis. Ook voor advies."),
    hours=N_("Dag en nacht."),
    chat_url="https://www.veiligthuis.nl",
)
SEXUAL_VIOLENCE_CENTRE = Helpline(
    id="csg",
    name="Centrum Seksueel Geweld",
    numbers=("0800-0188",),
    call=N_("Bel gratis {number}."),
    purpose=N_("Hulp na aanranding of verkrachting. Ook als het net is gebeurd."),
    hours=N_("Dag en nacht."),
    chat_url="https://www.centrumseksueelgeweld.nl",
)
LUISTERLIJN = Helpline(
    id="luisterlijn",
    name="De Luisterlijn",
    numbers=("088-0767000",),
    call=N_("Bel {number}."),
    purpose=N_("Iemand die naar je luistert als je ergens mee zit."),
    hours=N_("Dag en nacht."),
    chat_url="https://www.deluisterlijn.nl",
)

# Every line, in the order the /sos overview shows them.
HELPLINES: tuple[Helpline, ...] = (
    EMERGENCY,
    SUICIDE_PREVENTION,
    KINDERTELEFOON,
    ALLES_OKE,
    VEILIG_THUIS,
    SEXUAL_VIOLENCE_CENTRE,
    LUISTERLIJN,
)
BY_ID: dict[str, Helpline] = {line.id: line for line in HELPLINES}

# Kinds that are urgent but practical: no crisis line fits; the reply gives practical steps
# (the linked professional, the municipality's social team) and 112 only if the user is unsafe.
PRACTICAL_KINDS = frozenset({RiskKind.NO_SLEEPING_PLACE})


def lines_for(kinds: Iterable[RiskKind], age: int | None = None) -> tuple[Helpline, ...]:
    """The help lines for what the user said, most urgent first, each line once.

    An empty ``kinds`` means general distress (no specific risk): De Luisterlijn, and the line
    for the user's age group. ``age`` None means unknown; lines for an age group are then only
    added where nothing else fits, and they say in words who they are for.
    """
    found = frozenset(kinds)
    chosen: list[Helpline] = []
    if RiskKind.ACUTE_DANGER in found:
        chosen.append(EMERGENCY)
    if found & {RiskKind.SUICIDE, RiskKind.SELF_HARM}:
        chosen.append(SUICIDE_PREVENTION)
    if found & {RiskKind.SEXUAL_VIOLENCE, RiskKind.EXPLOITATION}:
        chosen.append(SEXUAL_VIOLENCE_CENTRE)
    if RiskKind.HOME_VIOLENCE in found:
        chosen.append(VEILIG_THUIS)
    if RiskKind.WORRY_OTHER in found:
        chosen.append(SUICIDE_PREVENTION)  # 113 also advises whoever worries about someone

    minor = age is not None and age < 18
    if not found:
        chosen += [KINDERTELEFOON] if minor else []
        chosen += [ALLES_OKE] if age is None or ALLES_OKE.fits(age) else []
        chosen.append(LUISTERLIJN)
    elif minor:
        chosen.append(KINDERTELEFOON)
    elif found & {RiskKind.SUICIDE, RiskKind.SELF_HARM}:
        if age is not None and ALLES_OKE.fits(age):
            chosen.append(ALLES_OKE)
        elif RiskKind.SUICIDE not in found:
            chosen.append(LUISTERLIJN)

    unique: list[Helpline] = []
    for line in chosen:
        if line not in unique and line.fits(age):
            unique.append(line)
    return tuple(unique)
