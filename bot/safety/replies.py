"""What the bot says when a message signals a crisis, and the ``/sos`` overview.

Written along safe-messaging practice (113 Zelfmoordpreventie, Trimbos): first a calm
acknowledgement without judgement, then concrete numbers with what each line is for and how to
reach it (never just "zoek hulp"), then a nudge to reach out to someone the user trusts. No
questions about methods, no promises the bot cannot keep, short sentences, "je".

Every text is a Dutch source string (``N_``) translated by the caller's :class:`Translator`.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.i18n import N_, Safe, Translator, escape
from bot.local_time import long_date
from bot.messages import Message
from bot.safety.detection import RiskKind
from bot.safety.helplines import (
    EMERGENCY,
    HELPLINES,
    LAST_CHECKED,
    PRACTICAL_KINDS,
    Helpline,
    lines_for,
)

# Most urgent first: the acknowledgement speaks to the first of these that was signalled.
PRIORITY: tuple[RiskKind, ...] = (
    RiskKind.ACUTE_DANGER,
    RiskKind.SUICIDE,
    RiskKind.SELF_HARM,
    RiskKind.SEXUAL_VIOLENCE,
    RiskKind.EXPLOITATION,
    RiskKind.HOME_VIOLENCE,
    RiskKind.NO_SLEEPING_PLACE,
    RiskKind.WORRY_OTHER,
)

ACKNOWLEDGEMENTS: dict[RiskKind, str] = {
    RiskKind.ACUTE_DANGER: N_("Goed dat je het zegt. Je veiligheid gaat nu voor alles."),
    RiskKind.SUICIDE: N_(
        "Goed dat je het zegt. Dat klinkt heel zwaar. Je hoeft dit niet alleen te dragen."),
    RiskKind.SELF_HARM: N_(
        "Goed dat je het zegt. Dat klinkt heel zwaar. Je bent niet de enige. Er is hulp."),
    RiskKind.SEXUAL_VIOLENCE: N_(
        "Goed dat je het vertelt. Dat klinkt heel zwaar. Wat er ook is gebeurd: "
        "het is niet jouw schuld."),
    RiskKind.HOME_VIOLENCE: N_(
        "Goed dat je het vertelt. Het is niet jouw schuld. "
        "Je hebt recht op een veilig thuis."),
    RiskKind.NO_SLEEPING_PLACE: N_(
        "Goed dat je het zegt. Een slaapplek voor vannacht gaat nu voor."),
    RiskKind.EXPLOITATION: N_(
        "Goed dat je het zegt. Dat klinkt heel zwaar. Niemand mag je dwingen. "
        "Het is niet jouw schuld."),
    RiskKind.WORRY_OTHER: N_(
        "Goed dat je het zegt. Dat klinkt heel zwaar, ook voor jou. "
        "Je hoeft het niet alleen op te lossen."),
}
GENERAL_ACKNOWLEDGEMENT = N_("Dat klinkt heel zwaar. Goed dat je het zegt.")


def primary_kind(kinds: Iterable[RiskKind]) -> RiskKind | None:
    """The most urgent of ``kinds`` (None when there are none)."""
    found = set(kinds)
    return next((kind for kind in PRIORITY if kind in found), None)


def line_text(line: Helpline, t: Translator) -> Safe:
    """One help line as a short block: name, what it is for, how and when to reach it."""
    about = [t(line.purpose)]
    if line.audience:
        about.append(t(line.audience))
    reach = [t(line.call, **line.call_values()), t(line.hours)]
    rows = [f"<b>{escape(line.name)}</b>", " ".join(about), " ".join(reach)]
    if line.chat_url:
        rows.append(t(N_("Chatten kan ook: {url}"), url=line.chat_url))
    return Safe("\n".join(rows))


def _lines_block(lines: Iterable[Helpline], t: Translator) -> list[str]:
    return [line_text(line, t) for line in lines]


def practical_text(t: Translator, professional: str | None = None, *, minor: bool = False,
                   emergency_listed: bool = False) -> Safe:
    """Where to sleep tonight: options for the night itself, each with what it does (the
    social team of the municipality is closed at night)."""
    rows = [t(N_("Bel of app nu {name}."), name=professional) if professional
            else t(N_("Heb je een begeleider? Bel of app die nu."))]
    if minor:
        rows += [t(N_("De Kindertelefoon denkt met je mee waar je vannacht kunt slapen.")),
                 t(N_("Kun je niet naar huis omdat het daar niet veilig is? "
                      "Veilig Thuis zoekt met je naar een veilige plek, ook 's nachts."))]
    else:
        rows += [t(N_("De nachtopvang van je gemeente heeft bedden voor één nacht. "
                      "Bel je gemeente en vraag naar de nachtopvang.")),
                 t(N_("Is de gemeente dicht? Bel dan toch het algemene nummer. "
                      "Vaak hoor je daar het nummer voor de nacht."))]
    if not emergency_listed:
        rows.append(t(N_("Is het niet veilig waar je nu bent? Bel dan 112.")))
    return Safe("\n".join(rows))


def exploitation_text(t: Translator) -> Safe:
    """Centrum Seksueel Geweld is named for rape; it also helps when someone forces you."""
    return Safe(t(N_("Centrum Seksueel Geweld helpt ook als iemand je dwingt tot seks, "
                     "seksfoto's of ander werk.")))


def worry_text(t: Translator, emergency_listed: bool = False) -> Safe:
    """For a youth who worries about someone else: the lines also give advice about a
    friend, and 112 is for when that person is in danger now."""
    rows = [t(N_("Je kunt deze lijnen ook bellen als het om iemand anders gaat. "
                 "Je krijgt dan advies."))]
    if not emergency_listed:
        rows.append(t(N_("Is iemand nu in direct gevaar? Bel dan {number}."),
                      number=EMERGENCY.numbers[0]))
    return Safe("\n".join(rows))


def crisis_reply(kinds: Iterable[RiskKind], t: Translator, *, age: int | None = None,
                 professional: str | None = None) -> list[Message]:
    """The reply to a message that signalled ``kinds`` (empty: general distress).

    ``age`` (None if unknown) picks the lines for the user's age group; ``professional`` is
    how to name the linked professional ("Anouk"), when there is one. The interview is not
    continued in this reply: the caller decides when to offer the plan again.
    """
    found = frozenset(kinds)
    main = primary_kind(found)
    acknowledgement = [t(ACKNOWLEDGEMENTS[main] if main else GENERAL_ACKNOWLEDGEMENT)]
    if main:
        acknowledgement.append(t(N_("Je plan kan wachten.")))
    messages = [Message(Safe(" ".join(acknowledgement)))]

    lines = lines_for(found, age)
    body: list[str] = []
    if lines:
        body.append(t(N_("Hier kun je nu terecht:")))
        body += _lines_block(lines, t)
    if found & PRACTICAL_KINDS:
        body.append(practical_text(t, professional, minor=age is not None and age < 18,
                                   emergency_listed=EMERGENCY in lines))
    if RiskKind.EXPLOITATION in found:
        body.append(exploitation_text(t))
    if RiskKind.SUICIDE in found and EMERGENCY not in lines:
        body.append(t(N_("Ben je nu in direct gevaar? Bel dan {number}."),
                      number=EMERGENCY.numbers[0]))
    if RiskKind.WORRY_OTHER in found:
        body.append(worry_text(t, emergency_listed=EMERGENCY in lines))
    if body:
        messages.append(Message(Safe("\n\n".join(body))))

    closing: list[str] = []
    if professional and not found & PRACTICAL_KINDS:
        closing.append(t(N_("Bel of app ook {name}. Of iemand anders die je vertrouwt."),
                         name=professional))
    else:
        closing.append(t(N_("Bel of app ook iemand die je vertrouwt.")))
    if lines:
        closing.append(t(N_(
            "Ik ben een chatbot. De mensen van deze lijnen kunnen je echt helpen.")))
    closing.append(t(N_("Typ /sos om alle nummers te zien.")))
    messages.append(Message(Safe("\n".join(closing))))
    return messages


def unsafe_text(kinds: Iterable[RiskKind], t: Translator, *, age: int | None = None,
                doubt: bool = False) -> Safe:
    """Not safe now (or in doubt): 112 first, then the most fitting line, nothing else."""
    rows = [t(N_("Twijfel je? Bel dan 112. Dat is het alarmnummer.")) if doubt
            else t(N_("Bel nu 112. Dat is het alarmnummer."))]
    fitting = [line for line in lines_for(kinds, age) if line is not EMERGENCY]
    if fitting:
        line = fitting[0]
        rows.append(t(N_("Of bel {name}: {call}"), name=Safe(f"<b>{escape(line.name)}</b>"),
                      call=t(line.call, **line.call_values())))
    return Safe("\n".join(rows))


def crisis_reminder(kinds: Iterable[RiskKind], t: Translator, *,
                    age: int | None = None) -> Message:
    """Inside the veiligheidsplan a heavy answer is still the answer: it is kept, and the
    help lines stay in sight in a few lines instead of the whole crisis reply."""
    rows = [t(N_("Dank je. Dat zet ik in je veiligheidsplan."))]
    lines = lines_for(kinds, age)
    if lines:
        rows.append(t(N_("Wordt het je nu te veel? Hier kun je terecht:")))
        rows += short_lines(lines, t)
    rows.append(t(N_("Typ /sos om alle nummers te zien.")))
    return Message(Safe("\n".join(rows)))


def short_lines(lines: Iterable[Helpline], t: Translator) -> list[str]:
    """Help lines in one line each: name and how to reach it."""
    return [f"• <b>{escape(line.name)}</b>: {t(line.call, **line.call_values())}"
            for line in lines]


def checked_on(t: Translator) -> str:
    """The date the numbers were last checked, written out in the user's language."""
    return long_date(LAST_CHECKED, t.lang)


def sos_text(t: Translator) -> Safe:
    """Every help line, for the ``/sos`` command, with the date they were last checked."""
    parts = [t(N_("<b>Hulp nodig? Hier kun je terecht.</b>"))]
    parts += _lines_block(HELPLINES, t)
    parts.append(" ".join([
        t(N_("Geen slaapplek vannacht? Bel of app je begeleider.")),
        t(N_("Of bel je gemeente en vraag naar de nachtopvang.")),
    ]))
    parts.append(t(N_("<i>Nummers gecontroleerd op {date}.</i>"), date=checked_on(t)))
    return Safe("\n\n".join(parts))


def sos_reply(t: Translator) -> list[Message]:
    """The ``/sos`` overview as messages."""
    return [Message(sos_text(t))]
