"""The whole interview through the engine and storage, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.plan.model import (
    SCHEMA_VERSION,
    Closeness,
    Domain,
    HelperKind,
    JimChoice,
    Mood,
    Plan,
    Role,
    Status,
    When,
)
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth


def answer_start(youth: Youth) -> None:
    youth.says("/start")
    assert "jouw plan" in youth.asked
    youth.clicks("Oké, we beginnen")
    assert youth.asked == "Hoe mag ik je noemen?"
    youth.says("Ik heet Noor")
    assert "Noor" in youth.text
    youth.says("17")
    youth.clicks("Gaat wel")
    youth.clicks("Ja")
    youth.says("Ik moet morgen mijn huur betalen en heb geen geld")


def answer_wie(youth: Youth) -> None:
    assert "Wie is belangrijk voor jou?" in youth.asked
    youth.says("mijn zus Sanne en oom Ahmed")
    assert "Wat doet Sanne voor je?" in youth.asked  # relation "zus" was inferred
    youth.clicks("Helpt met praktische dingen")
    assert youth.replies[-1].replaces_previous
    youth.clicks("Is er voor me als het moeilijk is")
    youth.clicks("Klaar")
    youth.clicks("Dichtbij")
    assert "Wat doet Ahmed voor je?" in youth.asked
    youth.says("3")
    youth.clicks("Een beetje")
    assert "Wie is er nog meer" in youth.asked
    youth.says("Els")
    assert "Wie is Els voor jou?" in youth.asked  # no relation word: asked
    youth.says("mijn buurvrouw")
    youth.clicks("Weet ik niet")
    youth.clicks("Verder weg")
    youth.clicks("Dat is iedereen")
    assert "terugvallen" in youth.asked
    youth.clicks("Sanne")
    youth.clicks("Ahmed")
    youth.clicks("Klaar")
    assert "JIM" in youth.text
    youth.clicks("Ahmed")
    youth.clicks("Later")  # the offer to invite Ahmed now


def answer_wat(youth: Youth) -> None:
    """The quick look typed, then the two domains that are not good, each checked."""
    assert "Waar gaat het nu niet goed?" in youth.asked
    youth.says("wonen slecht, geld niet goed, mensen om me heen goed, de rest later")
    assert "🏠 Wonen: niet goed" in youth.text and "🎒 School en werk: later" in youth.text
    assert "Wat is er nu moeilijk?" in youth.asked and "Wonen" in youth.asked  # hard first
    youth.says("Ruzie in huis")
    assert "Gaat er ook iets wél goed?" in youth.asked
    youth.says("Ik heb een dak boven mijn hoofd")
    assert "nodig" in youth.asked
    youth.says("Een eigen kamer")
    assert "Ik schrijf op:" in youth.asked and "Nodig: Een eigen kamer" in youth.asked
    youth.clicks("Ja")
    assert "Geld" in youth.asked  # the next domain that is not good
    youth.says("Schulden")
    youth.clicks("Nee")  # nothing goes well with money
    youth.says("Hulp met mijn post")
    youth.clicks("Ja")


def answer_urgent_first(youth: Youth) -> None:
    """HOE begins with what is urgent: only who (it must happen today or tomorrow)."""
    assert "Dit moet snel: Ik moet morgen mijn huur betalen" in youth.asked
    labels = [c.label for c in youth.question.choices]
    assert labels[0] == "Ahmed (je JIM)"  # the JIM comes first
    youth.clicks("Ik doe het zelf")
    assert "eerste stap" in youth.asked  # the youth does it: a first small step
    youth.says("Ik bel vandaag de verhuurder")


def answer_hoe(youth: Youth) -> None:
    """What is urgent first, then each need: who and by when."""
    answer_urgent_first(youth)
    assert "Wie kan je helpen met: Een eigen kamer?" in youth.asked
    youth.clicks("Ahmed (je JIM)")
    youth.clicks("Deze maand")
    assert "Wie kan je helpen met: Mijn post?" in youth.asked  # not "met: Hulp met …"
    youth.clicks("Mijn begeleider")
    youth.clicks("Deze week")
    assert "Klopt dit?" in youth.asked
    youth.clicks("Ja, klopt")


def complete_interview(youth: Youth) -> None:
    answer_start(youth)
    answer_wie(youth)
    answer_wat(youth)
    answer_hoe(youth)


def test_complete_interview_builds_the_plan(store: Store) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    assert "Je plan is klaar" in youth.text
    plan = youth.plan
    assert plan.name == "Noor" and plan.age == 17 and plan.mood == Mood.GAAT_WEL
    assert [u.text for u in plan.urgent] == ["Ik moet morgen mijn huur betalen en heb geen geld"]
    sanne, ahmed, els = plan.people
    assert (sanne.name, sanne.relation, sanne.closeness) == ("Sanne", "zus", Closeness.DICHTBIJ)
    assert sanne.roles == [Role.PRAKTISCH, Role.ER_VOOR_JE]
    assert (ahmed.relation, ahmed.roles, ahmed.closeness) == ("oom", [Role.ADVIES],
                                                             Closeness.BEETJE)
    assert (els.relation, els.roles) == ("buurvrouw", [])
    assert plan.fallback_ids == [sanne.id, ahmed.id]
    assert plan.jim is not None and plan.jim.choice == JimChoice.PERSON
    assert plan.jim_person() == ahmed
    wonen = plan.domains[Domain.WONEN]
    assert (wonen.status, wonen.hard, wonen.going_well, wonen.need) == (
        Status.NIET_GOED, "Ruzie in huis", "Ik heb een dak boven mijn hoofd", "Een eigen kamer")
    money = plan.domains[Domain.INKOMEN]
    assert (money.hard, money.going_well, money.need) == ("Schulden", None, "Hulp met mijn post")
    assert plan.domains[Domain.SCHOOL_WERK].parked and plan.domains[Domain.WELZIJN].parked
    assert plan.domains[Domain.SUPPORT].status == Status.GOED
    assert plan.domains[Domain.SUPPORT].need is None
    rent, room, post = plan.actions
    assert (rent.urgent_id, rent.helper, rent.when, rent.first_step) == (
        plan.urgent[0].id, HelperKind.SELF, When.WEEK, "Ik bel vandaag de verhuurder")
    assert (room.what, room.helper, room.person_id, room.when) == (
        "Een eigen kamer", HelperKind.PERSON, ahmed.id, When.MAAND)
    assert (post.domain, post.helper, post.when) == (Domain.INKOMEN, HelperKind.PROFESSIONAL,
                                                     When.WEEK)
    assert plan.confirmed
    assert youth.state == "done"


def test_plan_overview_groups_wie_wat_hoe_with_urgent_on_top(store: Store) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    youth.says("/plan")
    overview = youth.replies[0].text
    order = [overview.index(part) for part in
             ("Eerst regelen", "<b>WIE</b>", "<b>WAT</b>", "<b>HOE</b>")]
    assert order == sorted(order)
    assert "Jouw JIM: Ahmed" in overview
    assert "Een eigen kamer → Ahmed (JIM) → deze maand (uiterlijk " in overview
    assert "Eerste stap: Ik bel vandaag de verhuurder" in overview
    assert "🎒 <b>School en werk</b>: later" in overview  # parked, and the plan says so


def test_two_youth_do_not_share_anything(store: Store) -> None:
    turns = Turns(store)
    first, second = Youth(turns, "a"), Youth(turns, "b")
    first.says("/start")
    second.says("/start")
    first.clicks("Oké, we beginnen")
    first.says("Noor")
    second.clicks("Oké, we beginnen")
    second.says("Sem")
    assert first.plan.name == "Noor" and second.plan.name == "Sem"
    assert first.state == second.state == "age"


def test_a_plan_from_a_newer_program_is_refused_not_misread() -> None:
    assert Plan.model_validate({"schema_version": SCHEMA_VERSION}).schema_version == SCHEMA_VERSION
    with pytest.raises(ValidationError, match="newer than this program"):
        Plan.model_validate({"schema_version": SCHEMA_VERSION + 1})


def test_a_finished_plan_offers_what_to_do_next_as_buttons(store: Store) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    assert youth.asked == "Je plan is klaar! Wat wil je nu doen?"
    assert [c.label for c in youth.question.choices] == [
        "Mijn plan bekijken", "Iets veranderen", "Mijn plan delen"]
    youth.clicks("Mijn plan bekijken")
    assert "Toekomstplan van Noor" in youth.replies[0].text
    assert youth.asked == "Je plan is klaar! Wat wil je nu doen?"
    youth.says("iets veranderen")  # typed works too
    assert youth.asked == "Wat wil je veranderen?"
    youth.clicks("Laat maar")
    youth.clicks("Mijn plan delen")
    assert "Wie ziet je plan?" in youth.text
    youth.clicks(youth.question.choices[-1].label)  # leave the sharing menu
    youth.says("hoi")  # anything else: the same choices again
    assert youth.asked == "Je plan is klaar! Wat wil je nu doen?"



def test_at_rest_a_question_gets_help_and_a_bad_day_is_heard(store: Store) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    youth.says("wat kan ik hier allemaal doen?")
    assert "snap ik niet" not in youth.text and "/wijzig" in youth.text  # the help
    youth.says("ik voel me echt kut vandaag")
    assert youth.replies[0].text == ("Wat rot dat het nu zo gaat. Praat erover met Ahmed, "
                                     "of met iemand anders die je vertrouwt.")
    assert "/sos" in youth.text and youth.asked == "Je plan is klaar! Wat wil je nu doen?"
    youth.says("ik voel me nog steeds kut")  # heard again, never "Ik lees het nog niet goed"
    assert "Wat rot" in youth.text and "nog niet goed" not in youth.text
