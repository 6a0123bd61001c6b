"""The commands, the same words on every platform, with the short line that describes each.

``/help`` lists them and the Telegram adapter registers them, both from this one table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.i18n import N_, Safe, Translator

COMMANDS: dict[str, str] = {
    "plan": N_("je plan bekijken"),
    "wijzig": N_("iets veranderen"),
    "terug": N_("je laatste antwoord opnieuw doen"),
    "pauze": N_("even stoppen"),
    "start": N_("beginnen of verder gaan"),
    "taal": N_("andere taal / other language"),
    "sos": N_("hulplijnen, als het even niet gaat"),
    "mijngegevens": N_("alles wat ik over je bewaar"),
    "verwijder": N_("alles over jou wissen"),
    "delen": N_("kiezen wie je plan ziet"),
    "herinneringen": N_("wat ik je uit mezelf stuur, en wanneer"),
    "bericht": N_("een berichtje sturen (als JIM)"),
    "vragen": N_("vragen voor jou die nog open staan (als JIM, helper of begeleider)"),
    "stoppen": N_("stoppen met helpen (als JIM, helper of begeleider)"),
    "begeleider": N_("voor begeleiders: een jongere uitnodigen"),
    "jongeren": N_("voor begeleiders: je jongeren en hun plan"),
    "help": N_("wat kan ik typen?"),
}

# The English name of a command where it has one: English texts and /help show it.
ENGLISH: dict[str, str] = {
    "wijzig": "change", "terug": "back", "pauze": "pause", "taal": "language",
    "mijngegevens": "mydata", "verwijder": "delete", "delen": "share",
    "herinneringen": "reminders", "bericht": "message", "vragen": "questions",
    "stoppen": "stop", "begeleider": "support_worker", "jongeren": "youths",
}

ALIASES: dict[str, str] = {
    **{name: name for name in COMMANDS},
    **{english: name for name, english in ENGLISH.items()},
    "wijzigen": "wijzig", "change": "wijzig", "edit": "wijzig", "back": "terug",
    "undo": "terug", "pause": "pauze", "stop": "stoppen", "hulp": "help", "language": "taal",
    "help_me": "sos", "hulplijn": "sos", "hulplijnen": "sos", "mydata": "mijngegevens",
    "delete": "verwijder", "wissen": "verwijder", "share": "delen",
    "reminders": "herinneringen",
}


OWN_PLAN = ("plan", "wijzig", "terug", "pauze", "delen", "herinneringen")  # about one's own plan
EVERYONE = ("start", "taal", "sos", "mijngegevens", "verwijder", "help")
YOUTH = [name for name in COMMANDS if name in OWN_PLAN or name in EVERYONE]  # (their order)


def spelled(name: str, lang: str) -> str:
    """A command as a user of ``lang`` types it: "wijzig" is "change" in English."""
    return ENGLISH.get(name, name) if lang == "en" else name


def help_text(t: Translator, member: Sequence[tuple[str, str]] | None = None,
              own_plan: bool = True) -> Safe:
    """/help. ``member``: for a JIM, someone who helps or a begeleider, the commands for
    what they are to others (with their words), listed first; the commands about one's
    own plan follow only with a plan of their own. Without it: a youth's own commands
    (those of a role only for who has it)."""
    if member is None:
        return _lines(t(N_("Dit kun je altijd typen:")),
                      [(name, COMMANDS[name]) for name in YOUTH], t)
    listed = [*member, *((name, COMMANDS[name]) for name in EVERYONE)]
    lines = [_lines(t(N_("Dit kun je altijd typen:")), listed, t)]
    if own_plan:
        taken = {name for name, _ in member}
        lines.append(_lines(t(N_("Voor je eigen plan:")), [
            (name, COMMANDS[name]) for name in OWN_PLAN if name not in taken], t))
    return Safe("\n".join(lines))


def _lines(title: str, commands: Iterable[tuple[str, str]], t: Translator) -> str:
    return "\n".join([title, *(f"/{spelled(name, t.lang)} – {t(description)}"
                              for name, description in commands)])
