"""Commands that move around the interview: /terug, /wijzig, /pauze, /start, /plan, /taal."""

from __future__ import annotations

from bot.plan.model import Closeness, Domain, Role, Status
from bot.storage.database import open_store
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.test_interview import answer_start, answer_wie, complete_interview


def youth_at_people(store: Store) -> Youth:
    youth = Youth(Turns(store))
    answer_start(youth)
    return youth


def test_every_question_but_consent_can_be_skipped(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    assert "Sla over" not in [c.label for c in youth.question.choices]
    youth.clicks("Oké, we beginnen")
    seen = set()
    while youth.state != "done":
        seen.add(youth.state)
        skip = [c for c in youth.question.choices if c.id == "skip"]
        assert skip, f"no skip at {youth.state}: {youth.asked}"
        youth.clicks("skip")
    assert {"name", "age", "mood", "urgent", "people", "jim", "domain_pick", "domain_status",
            "overview"} <= seen
    assert youth.plan.domains[Domain.WELZIJN].skipped


def test_undo_follows_the_path_actually_taken(store: Store) -> None:
    youth = youth_at_people(store)
    answer_wie(youth)
    youth.clicks("🏠 Wonen")
    youth.clicks("Goed")
    youth.says("Fijne kamer")
    assert youth.state == "domain_need"  # "goed" skipped the question about what is hard
    youth.says("/terug")
    assert "stap terug" in youth.text
    assert youth.state == "domain_good"
    assert youth.plan.domains[Domain.WONEN].going_well is None
    youth.says("/terug")
    assert youth.state == "domain_status"
    youth.clicks("Niet goed")  # the other branch this time
    youth.says("Het dak lekt")
    assert youth.state == "domain_hard"
    assert youth.plan.domains[Domain.WONEN].status == Status.NIET_GOED


def test_undo_across_several_people_and_at_the_very_start(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.says("/terug")
    assert "nog niets om terug te gaan" in youth.text
    assert youth.state == "welcome"
    answer_start(youth)
    youth.says("mijn zus Sanne en oom Ahmed")
    assert len(youth.plan.people) == 2
    youth.says("/terug")
    assert youth.state == "people" and youth.plan.people == []


def test_change_a_person_then_return_to_the_interrupted_question(store: Store) -> None:
    youth = youth_at_people(store)
    answer_wie(youth)
    youth.clicks("🏠 Wonen")
    interrupted = youth.asked
    youth.says("/wijzig")
    assert "Wat wil je veranderen?" in youth.asked
    youth.clicks("Mensen om je heen")
    youth.clicks("Els")
    assert "Wat wil je veranderen over Els?" in youth.asked
    youth.clicks("Wie het is voor jou")
    assert "Wie is Els voor jou?" in youth.asked
    youth.says("mijn trainer")
    assert "verder waar we waren" in youth.text
    assert youth.asked == interrupted
    youth.says("/wijzig")
    youth.clicks("Mensen om je heen")
    youth.clicks("Els")
    youth.clicks("Wat die voor je doet")
    youth.clicks("Geeft me advies")
    youth.clicks("Klaar")
    assert youth.asked == interrupted
    youth.says("/wijzig")
    youth.clicks("Mensen om je heen")
    youth.clicks("Els")
    youth.clicks("Hoe dichtbij")
    youth.clicks("Dichtbij")
    assert youth.asked == interrupted
    els = youth.plan.people[2]
    assert (els.relation, els.roles, els.closeness) == ("trainer", [Role.ADVIES],
                                                        Closeness.DICHTBIJ)


def test_change_a_domain_answer_and_its_action_follows(store: Store) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    youth.says("/wijzig")
    youth.clicks("Een onderwerp")
    youth.clicks("🏠 Wonen")
    youth.clicks("Wat je nodig hebt")
    youth.says("Een kamer dicht bij school")
    assert youth.state == "done"
    plan = youth.plan
    assert plan.domains[Domain.WONEN].need == "Een kamer dicht bij school"
    assert plan.actions[0].what == "Een kamer dicht bij school"


def test_change_can_be_cancelled(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("/wijzig")
    youth.clicks("Laat maar")
    assert "er verandert niets" in youth.text
    assert youth.state == "people"


def test_pause_and_resume_at_the_same_question(store: Store) -> None:
    youth = youth_at_people(store)
    asked = youth.asked
    youth.says("/pauze")
    assert "/start" in youth.text and youth.question.text == asked
    youth.says("nog een vraag?")
    assert "/start" in youth.text
    youth.says("/start")
    assert "verder waar je was" in youth.text
    assert youth.asked == asked


def test_plan_mid_interview_then_the_same_question_again(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("mijn zus Sanne")
    asked = youth.asked
    youth.says("/plan")
    assert "Sanne (zus)" in youth.replies[0].text
    assert "Eerst regelen" in youth.replies[0].text
    assert youth.replies[-1].text == asked


def test_empty_plan_says_so(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/plan")
    assert "nog leeg" in youth.text


def test_a_new_process_continues_at_the_same_question(database_url: str) -> None:
    first = open_store(database_url, TEST_KEY)
    youth = youth_at_people(first)
    youth.says("mijn zus Sanne")
    asked = youth.asked
    first.engine.dispose()

    second = open_store(database_url, TEST_KEY)
    again = Youth(Turns(second), user=youth.user)
    again.says("/start")
    assert "Welkom terug" in again.text
    assert again.asked == asked
    assert again.plan.people[0].name == "Sanne"
    second.engine.dispose()


def test_language_switch_keeps_the_place(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("/taal")
    youth.clicks("English")
    assert youth.stored()[0].lang == "en"
    assert youth.state == "people"


def test_a_conversation_in_english(store: Store) -> None:
    youth = Youth(Turns(store), language="en")
    youth.says("/start")
    assert "Shall we start?" in youth.asked
    youth.says("yes")
    assert youth.asked == "What may I call you?"
    youth.says("Sam")
    assert "Good to have you here, Sam." in youth.text
    youth.clicks("I'd rather not say")
    youth.says("good")
    assert youth.asked == "Does something need sorting out today or tomorrow?"
    youth.says("/sos")
    assert "Numbers checked on November 22, 2026." in youth.replies[0].text


def test_a_typed_new_name_becomes_the_jim_and_a_helper(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("Sanne")
    youth.says("vriendin")
    youth.clicks("Weet ik niet")
    youth.clicks("Weet ik niet")
    youth.clicks("Dat is iedereen")
    youth.clicks("Klaar")
    youth.says("mijn tante Fatima")
    assert "Fatima is jouw JIM" in youth.text
    plan = youth.plan
    assert plan.jim_person().name == "Fatima" and plan.jim_person().relation == "tante"
    youth.clicks("🏠 Wonen")
    youth.clicks("Niet goed")
    youth.clicks("Sla over")
    youth.clicks("Sla over")
    youth.says("Een kamer")
    for _ in range(5):
        youth.clicks("Sla over")
    assert "Wie kan je helpen met: Een kamer?" in youth.asked
    youth.says("buurman Kees")
    assert youth.plan.actions[0].person_id == youth.plan.people[-1].id
