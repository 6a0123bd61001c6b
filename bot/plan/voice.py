"""Who a plan is written for: the youth themselves ("Jouw JIM", "ikzelf") or the people
it is shared with, who read about the youth in the third person ("JIM", "Noor zelf").

The chat view, the PDF and the network picture all take a :class:`Voice`; the words for
what helpers answered (the status of an action or urgent need) are the same in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.i18n import N_, Translator
from bot.local_time import local_day, long_date
from bot.plan.labels import DOMAIN_LABELS, ROLE_LABELS, WHEN_LABELS
from bot.plan.model import (
    Action,
    Domain,
    HelperAnswer,
    HelperKind,
    HelperResponse,
    Person,
    Plan,
    Role,
    UrgentNeed,
)
from bot.plan.relations import called, organisation_called, relation_text, unnamed
from bot.plan.text import capitalized


@dataclass(frozen=True)
class Voice:
    """Templates (msgids) that may use ``{youth}``, the youth's name."""

    title: str  # a plan without a name
    people: str  # the WIE heading
    jim: str
    jim_undecided: str
    self_helper: str
    together: str  # the youth with someone: ``{name}``
    professional: str
    roles: dict[Role, str]
    domains: dict[Domain, str]  # the life domains' names, in their order
    safety: tuple[str, str, str]  # warning signs, what helps, whom to call
    jim_legend: str
    private: str | None = None  # said when some subjects are kept out of the copy
    reported: str | None = None  # an urgent need's date


FOR_YOUTH = Voice(
    title=N_("<b>Jouw toekomstplan</b>"),
    people=N_("<b>WIE</b> · mensen om je heen"),
    jim=N_("Jouw JIM: {name}"),
    jim_undecided=N_("Jouw JIM: nog niet gekozen"),
    self_helper=N_("ikzelf"),
    together=N_("ikzelf, samen met {name}"),
    professional=N_("mijn begeleider"),
    roles=ROLE_LABELS,
    domains=DOMAIN_LABELS,
    safety=(N_("Hier merk ik het aan: {text}"), N_("Dit helpt mij: {text}"),
            N_("Die bel of app ik: {text}")),
    jim_legend=N_("JIM: de volwassene die jij vertrouwt"),
)
FOR_OTHERS = Voice(
    title=N_("<b>Toekomstplan</b>"),
    people=N_("<b>WIE</b> · de mensen om {youth} heen"),
    jim=N_("JIM: {name}"),
    jim_undecided=N_("JIM: nog niet gekozen"),
    self_helper=N_("{youth} zelf"),
    together=N_("{youth}, samen met {name}"),
    professional=N_("de begeleider"),
    roles={Role.PRAKTISCH: N_("Helpt met praktische dingen"),
           Role.SAMEN: N_("Doet leuke dingen samen"),
           Role.ADVIES: N_("Geeft advies"),
           Role.ER_VOOR_JE: N_("Is er als het moeilijk is")},
    domains={**DOMAIN_LABELS, Domain.SUPPORT: N_("Mensen om {youth} heen")},
    safety=(N_("Hier merkt {youth} het aan: {text}"), N_("Dit helpt {youth}: {text}"),
            N_("Die belt of appt {youth}: {text}")),
    jim_legend=N_("JIM: de volwassene die {youth} vertrouwt"),
    private=N_("{youth} houdt sommige onderwerpen voor zichzelf. Die staan hier niet."),
    reported=N_("gemeld op {date}"),
)


def day(moment: datetime, t: Translator) -> str:
    """The day of ``moment`` in Dutch time, as people write it: "3 maart 2026"."""
    return long_date(local_day(moment), t.lang)


def youth_word(plan: Plan, t: Translator) -> str:
    """The youth as others call them: their name, or "de jongere"."""
    return plan.name or t.plain(N_("de jongere"))


def person_word(person: Person, t: Translator, voice: Voice, start: bool = False) -> str:
    """A person as the reader knows them: "Sanne"; someone known only by a relation word is
    "je moeder" to the youth and "moeder" to the people the plan is shared with."""
    if voice is FOR_YOUTH or not unnamed(person):
        return called(person, t, start)
    word = relation_text(person.name, t)
    return capitalized(word) if start else word


def helper_word(plan: Plan, action: Action, t: Translator, voice: Voice) -> str:
    """Who does an action, as plain text."""
    if action.helper == HelperKind.SELF:
        return t.plain(voice.self_helper, youth=youth_word(plan, t))
    if action.helper == HelperKind.PROFESSIONAL:
        return t.plain(voice.professional)
    organisation = plan.organisation(action.person_id)
    if action.helper == HelperKind.ORGANISATION and organisation is not None:
        return organisation_called(organisation, t)
    if action.helper == HelperKind.OTHER and action.helper_text:
        return action.helper_text
    person = plan.person(action.person_id)
    if person is None:
        return t.plain(N_("nog niet bekend"))
    name = person_word(person, t, voice)
    if person is plan.jim_person():
        name = t.plain(N_("{name} (JIM)"), name=name)
    if action.together:
        return t.plain(voice.together, youth=youth_word(plan, t), name=name)
    return name


def urgent_line(plan: Plan, urgent: UrgentNeed, t: Translator, voice: Voice) -> str:
    """An urgent need as plain text: for others with the day it was reported, and who
    picked it up once someone did."""
    line = urgent.text
    if voice.reported:
        line += " (" + t.plain(voice.reported, date=day(urgent.reported_at, t)) + ")"
    if urgent.response:
        line += " · " + _status(urgent.response, None, t)
    return line


def action_status(plan: Plan, action: Action, t: Translator) -> str:
    """What came of asking for help, as plain text: "open", "Ahmed helpt", "Ahmed kan
    niet", "opgepakt door Mark"."""
    person = plan.person(action.person_id)
    return _status(action.response, person.name if person else None, t)


def _status(response: HelperResponse | None, name: str | None, t: Translator) -> str:
    if response is None:
        return t.plain(N_("open"))
    if response.answer is HelperAnswer.PICKED_UP:
        return t.plain(N_("opgepakt door {name}"), name=response.by or t.plain(N_("iemand")))
    words = {HelperAnswer.YES: N_("{name} helpt"),
             HelperAnswer.OTHERWISE: N_("{name} helpt anders: {note}"),
             HelperAnswer.NO: N_("{name} kan niet")}[response.answer]
    return t.plain(words, name=name or t.plain(N_("iemand")), note=response.note or "")


def when_word(action: Action, t: Translator) -> str:
    """By when, as it reads in a sentence ("deze week"); "…" when not said yet (plain text)."""
    return t.plain(WHEN_LABELS[action.when]).lower() if action.when else "…"


def when_with_day(action: Action, t: Translator) -> str:
    """By when, with the day it stands for: "deze week (uiterlijk 4 december 2026)"."""
    if action.due is None:
        return when_word(action, t)
    return t.plain(N_("{when} (uiterlijk {date})"), when=when_word(action, t),
                   date=long_date(action.due, t.lang))
