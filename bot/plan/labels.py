"""The words the plan is shown in, wherever it is shown: the chat, the PDF, the network
picture, a shared copy. The questions that ask for these answers use the same labels for
their buttons, so the youth sees back the very words they chose.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import N_, Translator
from bot.plan.model import Closeness, Domain, DomainAnswer, Plan, Role, Status, When
from bot.plan.relations import organisation_called

ROLE_LABELS = {
    Role.PRAKTISCH: N_("Helpt met praktische dingen"),
    Role.SAMEN: N_("Doet leuke dingen met me"),
    Role.ADVIES: N_("Geeft me advies"),
    Role.ER_VOOR_JE: N_("Is er voor me als het moeilijk is"),
}
# What a person does for the youth, said back to them ("Ik schrijf op: Sanne geeft je advies").
ROLES_SAID = {
    Role.PRAKTISCH: N_("helpt je met praktische dingen"),
    Role.SAMEN: N_("doet leuke dingen met je"),
    Role.ADVIES: N_("geeft je advies"),
    Role.ER_VOOR_JE: N_("is er voor je als het moeilijk is"),
}
CLOSENESS_LABELS = {
    Closeness.DICHTBIJ: N_("Dichtbij"),
    Closeness.BEETJE: N_("Een beetje"),
    Closeness.VERDER: N_("Verder weg"),
}
WHEN_LABELS = {
    When.WEEK: N_("Deze week"),
    When.MAAND: N_("Deze maand"),
    When.LATER: N_("Later"),
    When.GEEN: N_("Geen datum"),
}
DOMAIN_LABELS = {
    Domain.SUPPORT: N_("Mensen om je heen"),
    Domain.WONEN: N_("Wonen"),
    Domain.SCHOOL_WERK: N_("School en werk"),
    Domain.INKOMEN: N_("Geld"),
    Domain.WELZIJN: N_("Gezondheid en gevoel"),
}
DOMAIN_ICONS = {Domain.SUPPORT: "🤝", Domain.WONEN: "🏠", Domain.SCHOOL_WERK: "🎒",
                Domain.INKOMEN: "💶", Domain.WELZIJN: "💚"}
STATUS_LABELS = {
    Status.GOED: N_("Goed"),
    Status.GAAT_WEL: N_("Gaat wel"),
    Status.NIET_GOED: N_("Niet goed"),
}
# The parts of a domain answer, named: the plan shows "Moeilijk: …" (chat, PDF, "Ik schrijf
# op"), a begeleider's digest "Wonen – moeilijk: … → …" (:mod:`bot.flows.sharing.digest`).
STATUS_PART = N_("Hoe het gaat")
DOMAIN_PARTS = {"hard": N_("Moeilijk"), "going_well": N_("Gaat goed"), "need": N_("Nodig"),
                "future": N_("Over een paar maanden"), "own_words": N_("In je eigen woorden")}
Words = Callable[..., str]  # a translator: ``t`` (escaped values) or ``t.plain``


def status_word(answer: DomainAnswer, t: Words) -> str:
    """How a domain goes, as one lower-case word for the plan: "niet goed", "later", …"""
    if answer.status:
        return t(STATUS_LABELS[answer.status]).lower()
    if answer.parked:
        return t(N_("later"))
    return t(N_("overgeslagen")) if answer.skipped else "…"


def domain_lines(answer: DomainAnswer, t: Words) -> list[str]:
    """The parts of a domain answer as the plan shows them ("Moeilijk: …")."""
    return [t(N_("{part}: {text}"), part=t(label), text=getattr(answer, field))
            for field, label in DOMAIN_PARTS.items() if getattr(answer, field)]


OWN_WORDS = N_("In eigen woorden: {text}")
HELPERS = N_("Hulpverleners en organisaties: {names}")


def organisation_names(plan: Plan, t: Translator) -> str:
    """The professionals and organisations named, as one line of plain text."""
    return ", ".join(organisation_called(o, t) for o in plan.organisations)
