"""Texts that fit the youth: parents "or your guardian" for a minor, ideas for a JIM when
nobody was named (adults only), /help with a youth's own commands, English command names
in English, and a share menu that follows what was already shared."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from bot.flows.commands import ALIASES, ENGLISH
from bot.flows.sharing.views import invite_messages
from bot.i18n import Translator, catalog_path
from bot.messages import Account
from bot.plan.model import Plan
from bot.plan.sharing_model import InviteKind, Opening
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_sharing import linked_jim
from tests.test_sharing_professional import begeleider_accepts_youths_invite

ROLE_COMMANDS = ("/bericht", "/vragen", "/stoppen", "/begeleider", "/jongeren")
IDEAS = ("Misschien ken je een volwassene die je vertrouwt. Denk aan een buurvrouw, je trainer, "
         "een docent of de moeder of vader van een vriend.")


@pytest.mark.parametrize(("age", "told"), [(16, True), (17, True), (18, False), (None, False)])
def test_a_minor_is_asked_to_tell_parents_or_a_guardian_if_that_can(
        age: int | None, told: bool) -> None:
    note = invite_messages(InviteKind.JIM, Plan(name="Noor", age=age), "Ahmed", "code",
                           Opening.CODE, Translator("nl"))[0].text
    assert ("Vertel je ouders of je voogd over je JIM, als dat kan." in note) is told
    assert "Vertel je ouders over" not in note


def youth_at_people(store: Store, age: str = "17") -> Youth:
    youth = Youth(Turns(store))
    for said in ("/start", "oké", "Noor", age, "goed", "nee"):
        youth.says(said)
    assert "Wie is belangrijk voor jou?" in youth.asked
    return youth


def test_a_youth_who_names_nobody_hears_that_is_okay_and_gets_ideas_of_adults(
        store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("niemand eigenlijk")
    assert "Dat is oké. Niet iedereen heeft mensen om zich heen." in youth.text
    assert youth.state == "jim" and IDEAS in youth.text
    ideas = IDEAS.split("Denk aan ")[1].rstrip(".")
    suggested = re.split(r", | of (?=de |een |je )", ideas)
    assert suggested == ["een buurvrouw", "je trainer", "een docent",
                         "de moeder of vader van een vriend"]  # a JIM is an adult: no peer


def test_a_youth_who_named_people_hears_no_ideas(store: Store) -> None:
    youth = youth_at_people(store)
    for said in ("mijn zus Sanne", "praktisch", "dichtbij", "dat is iedereen", "Sanne"):
        youth.says(said)
    assert youth.state == "jim" and "Een JIM is een volwassene" in youth.text
    assert IDEAS not in youth.text


def commands_in(text: str) -> list[str]:
    return [line.split(" – ")[0] for line in text.split("\n") if line.startswith("/")]


def test_help_shows_a_youth_their_own_commands_not_those_of_a_role(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("/help")
    shown = commands_in(youth.replies[0].text)
    assert shown == ["/plan", "/wijzig", "/terug", "/pauze", "/start", "/taal", "/sos",
                     "/mijngegevens", "/verwijder", "/delen", "/herinneringen", "/help"]
    assert not set(ROLE_COMMANDS) & set(shown)


def test_in_english_help_names_the_english_commands_and_they_work(store: Store) -> None:
    youth = Youth(Turns(store), language="en")
    for said in ("/start", "yes", "Sam", "19", "good", "no"):
        youth.says(said)
    youth.says("/help")
    shown = commands_in(youth.replies[0].text)
    assert shown == ["/plan", "/change", "/back", "/pause", "/start", "/language", "/sos",
                     "/mydata", "/delete", "/share", "/reminders", "/help"]
    youth.says("/share")
    assert "Who sees your plan?" in youth.text
    youth.says("/change")
    assert youth.asked == "What do you want to change?"
    youth.clicks("About you")
    youth.says("/back")
    assert youth.text.startswith("Okay, one step back.")
    youth.says("/language")
    assert youth.asked == "Which language do you want to use?"
    youth.says("/mydata")
    assert "everything I have stored about you" in youth.text
    youth.says("/pause")
    assert "take a break" in youth.text
    youth.says("/delete")
    assert youth.state == "erase_confirm"


def test_english_texts_name_the_english_commands() -> None:
    """Every English text that names a command names it as English users type it."""
    dutch = re.compile(r"/({})\b".format("|".join(ENGLISH)))
    with catalog_path("en").open("rb") as fh:
        catalog = read_po(fh, locale="en")
    named = [m.string for m in catalog if m.id and dutch.search(str(m.string))]
    assert named == []
    assert all(ALIASES[english] == name for name, english in ENGLISH.items())


def test_the_share_menu_offers_no_invite_again_after_a_yes(store: Store) -> None:
    noor, _ = linked_jim(Turns(store))
    noor.says("/delen")
    labels = [c.label for c in noor.question.choices]
    assert "Stop delen met Ahmed" in labels
    assert not [label for label in labels if "Ahmed uitnodigen" in label
                or "opnieuw sturen" in label]


def test_with_a_begeleider_linked_the_menu_offers_a_new_one(store: Store) -> None:
    noor, _ = begeleider_accepts_youths_invite(Turns(store), Account("Mark"))  # (invited
    noor.inbox()  # from /delen: "Je begeleider uitnodigen")
    noor.presses("Ja, dat is mijn begeleider")
    noor.says("/delen")
    labels = [c.label for c in noor.question.choices]
    assert "Je begeleider uitnodigen" not in labels
    assert "Een nieuwe begeleider uitnodigen" in labels
