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
# something urgent. Buttons are pressed by their id (the same in every language); what is
# typed in both runs (a name, an age, a story) is the same words: TYPED, per language.
WITH_BUTTONS = [
    "start", "name", "age", "gaat_wel", "yes", "urgent", "people",
    "praktisch", "er_voor_je", "done", "dichtbij", "advies", "done", "beetje",
    "samen", "done", "verder", "skip", "p1", "p2", "done", "p2", "no",
    "wonen", "inkomen", "done", "hard", "good", "need", "yes",
    "hard2", "good2", "need2", "yes",
    "professional", "p2", "maand", "org", "week", "yes",
]
TYPED = {
    "nl": {"name": "Noor", "age": "17",
           "urgent": "ik moet morgen mijn huur betalen en heb geen geld",
           "people": "mijn zus Sanne, oom Ahmed en buurvrouw Els", "hard": "Ruzie thuis",
           "good": "Mijn kamer is wel fijn", "need": "een eigen kamer", "hard2": "Schulden",
           "good2": "Ik heb wel werk", "need2": "hulp met mijn post", "org": "het wijkteam"},
    "en": {"name": "Noor", "age": "17",
           "urgent": "I have to pay my rent tomorrow and have no money",
           "people": "my sister Sanne, uncle Ahmed and neighbour Els", "hard": "Fights at home",
           "good": "My room is nice", "need": "a room of my own", "hard2": "Debts",
           "good2": "My job is okay", "need2": "help with my mail", "org": "the council"},
}

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

ENGLISH = [
    "yeah lets go", "you can call me Noor", "I'm 17", "it's okay-ish today",
    "yes, I have to pay my rent tomorrow and have no money",
    "my sister Sanne, uncle Ahmed and neighbour Els are important to me",
    "she helps me with practical stuff and she's there for me when it's hard",
    "she's very close", "he gives me good advice", "we see each other a bit",
    "we do fun things together", "not that close really", "no that's everyone I think",
    "I can count on Sanne and Ahmed", "Ahmed I guess, I trust him", "maybe later",
    "housing is bad and money too, the rest is fine",
    "Fights at home, but my room is nice. I want a room of my own.", "yes that's right",
    "Debts, but my job is okay. I need help with my mail.", "yep",
    "my counsellor can do that", "Ahmed can help me, this month",
    "the council, this week", "yes looks good",
]

# What a reply says when the bot did not take an answer as meant.
NOT_TAKEN = ("Bedoel je", "laten we even liggen", "snap ik niet", "Kies iemand hieronder",
             "Noem nu alleen de naam", "Welk woord past het best", "Kies Ja of Nee",
             "Ik lees het nog niet goed", "Do you mean", "leave this question",
             "don't quite get", "Pick someone below", "Which word fits best",
             "Now just give the name", "can't read it well", "Pick Yes or No")


def facts(plan: Plan) -> dict:
    """Everything the plan holds, but not its history (which parts changed when: a button
    run changes a part in more steps)."""
    return plan.model_dump(mode="json", exclude={"history"})


def with_buttons(store: Store, lang: str) -> Plan:
    youth = Youth(Turns(store, clock=lambda: NOW), user="buttons", language=lang)
    youth.says("/start")
    for step in WITH_BUTTONS:
        youth.says(TYPED[lang][step]) if step in TYPED[lang] else youth.clicks(step)
    assert youth.state == "done"
    return youth.plan


@pytest.mark.parametrize(("lang", "sentences"), [
    ("nl", PLAIN_SENTENCES), ("nl", YOUTH_STYLE), ("en", ENGLISH)],
    ids=["plain", "youth", "english"])
def test_only_sentences_give_the_same_plan_and_no_re_asks(
        store: Store, lang: str, sentences: list[str]) -> None:
    youth = Youth(Turns(store, clock=lambda: NOW), user="sentences", language=lang)
    youth.says("/start")
    labels = {c.label.casefold() for c in youth.question.choices}
    re_asks = []
    for said in sentences:
        asked = youth.asked
        labels |= {c.label.casefold() for c in youth.question.choices}
        assert said.casefold() not in labels and not said.isdigit()  # never a button
        youth.says(said)
        if youth.asked == asked or any(words in youth.text for words in NOT_TAKEN):
            re_asks.append((said, youth.text))
    assert re_asks == []
    assert youth.state == "done"
    assert facts(youth.plan) == facts(with_buttons(store, lang))
