"""A whole interview in which no answer is a button, a number or a label — only sentences as
youth type them — ends with the same plan as one answered with buttons, and nothing is asked
again: no question twice, no "Bedoel je …?", no question left for later."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.plan.model import Plan
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)

# The same youth as in test_listening_interview: 3 people, a JIM, two hard domains and
# something urgent. What is typed in both runs (a name, an age, a story) is the same words.
WITH_BUTTONS = [
    ("click", "Oké, we beginnen"), ("say", "Noor"), ("say", "17"), ("click", "Gaat wel"),
    ("click", "Ja"), ("say", "ik moet morgen mijn huur betalen en heb geen geld"),
    ("say", "mijn zus Sanne, oom Ahmed en buurvrouw Els"),
    ("click", "Helpt met praktische dingen"), ("click", "Is er voor me als het moeilijk is"),
    ("click", "Klaar"), ("click", "Dichtbij"),
    ("click", "Geeft me advies"), ("click", "Klaar"), ("click", "Een beetje"),
    ("click", "Doet leuke dingen met me"), ("click", "Klaar"), ("click", "Verder weg"),
    ("click", "Dat is iedereen"), ("click", "Sanne"), ("click", "Ahmed"), ("click", "Klaar"),
    ("click", "Ahmed"), ("click", "Later"),
    ("click", "🏠 Wonen"), ("click", "💶 Geld"), ("click", "Klaar"),
    ("say", "Ruzie thuis"), ("say", "Mijn kamer is wel fijn"), ("say", "een eigen kamer"),
    ("click", "Ja"),
    ("say", "Schulden"), ("say", "Ik heb wel werk"), ("say", "hulp met mijn post"),
    ("click", "Ja"),
    ("click", "Mijn begeleider"), ("click", "Ahmed (je JIM)"), ("click", "Deze maand"),
    ("say", "het wijkteam"), ("click", "Deze week"), ("click", "Ja, klopt"),
]

PLAIN_SENTENCES = [
    "oké laten we maar beginnen", "ik heet Noor", "ik ben 17 jaar", "vandaag gaat het wel",
    "ja, ik moet morgen mijn huur betalen en heb geen geld",
    "mijn zus Sanne, oom Ahmed en buurvrouw Els zijn belangrijk voor me",
    "ze helpt me met regelen en ze is er altijd voor me", "we zijn heel close",
    "hij geeft me goede tips", "ik zie hem soms", "we doen leuke dingen samen",
    "ik zie haar bijna nooit", "nee dat is iedereen wel",
    "bij Sanne en Ahmed kan ik altijd terecht", "ik denk Ahmed, die vertrouw ik",
    "dat doe ik later wel",
    "met wonen gaat het slecht en geld ook niet goed, de rest is goed",
    "Ruzie thuis, maar mijn kamer is wel fijn. Ik wil een eigen kamer.", "ja dat klopt",
    "Schulden, maar ik heb wel werk. Ik heb hulp nodig met mijn post.", "ja precies",
    "mijn begeleider moet dat regelen", "Ahmed kan me daarmee helpen, deze maand",
    "het wijkteam, liefst deze week nog", "ja zo is het goed",
]

YOUTH_STYLE = [
    "ja hoor laten we gaan", "noem me maar Noor", "ik ben 17", "t gaat wel vandaag",
    "ja, ik moet morgen mijn huur betalen en heb geen geld",
    "mn zus sanne, mijn oom ahmed en els de buurvrouw",
    "ze regelt veel voor me en luistert altijd als het moeilijk is",
    "ze staat echt heel dichtbij", "hij geeft me vaak advies", "we zien elkaar een beetje",
    "met haar ga ik gezellig chillen", "ik zie haar eigenlijk bijna nooit",
    "nee verder niemand", "sanne en ahmed zijn er altijd", "ahmed lijkt me wel wat",
    "doe ik later wel",
    "wonen is kut en met geld gaat het ook slecht, de rest gaat goed",
    "Ruzie thuis, maar mijn kamer is wel fijn. Ik wil een eigen kamer.", "ja klopt helemaal",
    "Schulden, maar ik heb wel werk. Ik heb hulp nodig met mijn post.", "jep dat klopt",
    "mijn begeleider kan dat doen denk ik", "ahmed wil wel helpen, binnen een maand",
    "het wijkteam denk ik, zo snel mogelijk", "ja dit is goed zo",
]

# What a reply says when the bot did not take an answer as meant.
NOT_TAKEN = ("Bedoel je", "laten we even liggen", "snap ik niet", "Kies iemand hieronder",
             "Noem nu alleen de naam", "Welk woord past het best", "Kies Ja of Nee",
             "Ik lees het nog niet goed")


def facts(plan: Plan) -> dict:
    """Everything the plan holds, but not its history (which parts changed when: a button
    run changes a part in more steps)."""
    return plan.model_dump(mode="json", exclude={"history"})


def with_buttons(store: Store) -> Plan:
    youth = Youth(Turns(store, clock=lambda: NOW), user="buttons")
    youth.says("/start")
    for how, what in WITH_BUTTONS:
        youth.clicks(what) if how == "click" else youth.says(what)
    assert youth.state == "done"
    return youth.plan


@pytest.mark.parametrize("sentences", [PLAIN_SENTENCES, YOUTH_STYLE], ids=["plain", "youth"])
def test_only_sentences_give_the_same_plan_and_no_re_asks(
        store: Store, sentences: list[str]) -> None:
    youth = Youth(Turns(store, clock=lambda: NOW), user="sentences")
    youth.says("/start")
    labels = {c.label.casefold() for c in youth.question.choices}
    re_asks = []
    for said in sentences:
        asked = youth.asked
        labels |= {c.label.casefold() for c in youth.question.choices}
        assert said.casefold() not in labels and not said.isdigit() or said == "ik ben 17"
        youth.says(said)
        if youth.asked == asked or any(words in youth.text for words in NOT_TAKEN):
            re_asks.append((said, youth.text))
    assert re_asks == []
    assert youth.state == "done"
    assert facts(youth.plan) == facts(with_buttons(store))
