"""Commands that move around the interview: /terug, /wijzig, /pauze, /start, /plan, /taal."""

from __future__ import annotations

import pytest

from bot.plan.model import Closeness, Domain, HelperKind, Mood, Role, Status, When
from bot.storage.database import open_store
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth, action
from tests.conftest import TEST_KEY
from tests.test_interview import (
    answer_start,
    answer_urgent_first,
    answer_wat,
    answer_wie,
    complete_interview,
)


def finished(store: Store) -> Youth:
    youth = Youth(Turns(store))
    complete_interview(youth)
    return youth


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
    assert {"name", "age", "mood", "urgent", "people", "jim", "domain_pick", "overview"} <= seen
    assert youth.plan.domains[Domain.WELZIJN].parked  # "De rest later": all of it


def test_undo_follows_the_path_actually_taken(store: Store) -> None:
    youth = youth_at_people(store)
    answer_wie(youth)
    youth.says("wonen slecht, rest goed")
    youth.says("Het dak lekt. Ik wil een andere kamer")
    assert youth.state == "domain_good"  # the need was said: only what goes well is asked
    youth.says("/terug")
    assert "stap terug" in youth.text
    assert youth.state == "domain_hard"
    assert youth.plan.domains[Domain.WONEN].need is None
    youth.says("/terug")
    assert youth.state == "domain_pick"
    youth.says("wonen gaat wel, rest goed")  # the other branch this time
    assert youth.state == "domain_good" and "Wat gaat er goed?" in youth.asked
    youth.says("Fijne kamer")
    assert youth.state == "domain_check"  # "gaat wel": no question about what is hard
    assert youth.plan.domains[Domain.WONEN].status == Status.GAAT_WEL


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
    assert plan.actions[1].what == "Een kamer dicht bij school"  # after the urgent one


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
    assert "Numbers checked on December 2, 2026." in youth.replies[0].text


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
    youth.clicks("Later")
    youth.clicks("🏠 Wonen")
    youth.clicks("Klaar")
    youth.clicks("Sla over")
    youth.clicks("Weet ik niet")
    youth.says("Een kamer")
    youth.clicks("Ja")
    youth.clicks("Weet ik niet")  # who helps with what is urgent
    assert "Wie kan je helpen met: Een kamer?" in youth.asked
    youth.says("buurman Kees")
    assert action(youth.plan, "Een kamer").person_id == youth.plan.people[-1].id


def test_change_a_domain_answer_mid_interview_returns_to_the_question(store: Store) -> None:
    youth = youth_at_people(store)
    answer_wie(youth)
    youth.says("wonen slecht, de rest goed")
    interrupted = youth.asked
    assert "Wat is er nu moeilijk?" in interrupted
    youth.changes("Een onderwerp", "🏠 Wonen", "Hoe het gaat", "Gaat wel")
    assert "verder waar we waren" in youth.text
    assert youth.asked == interrupted
    assert youth.plan.domains[Domain.WONEN].status == Status.GAAT_WEL


def test_a_skipped_topic_set_to_not_good_asks_what_is_hard_and_needed(store: Store) -> None:
    youth = finished(store)
    youth.changes("Een onderwerp", "🎒 School en werk", "Hoe het gaat", "Niet goed")
    assert "Wat is er nu moeilijk?" in youth.asked
    youth.says("Ik kom vaak te laat")
    assert "Wat heb je nodig?" in youth.asked
    youth.says("Een wekker")
    assert "Wie kan je helpen met: Een wekker?" in youth.asked  # after HOE: who and when
    youth.clicks("Ik doe het zelf")
    youth.clicks("Deze week")
    assert youth.state == "done"
    school = youth.plan.domains[Domain.SCHOOL_WERK]
    assert (school.status, school.parked, school.hard) == (Status.NIET_GOED, False,
                                                          "Ik kom vaak te laat")


def test_a_new_need_after_hoe_is_asked_who_and_when(store: Store) -> None:
    youth = finished(store)
    youth.changes("Een onderwerp", "🤝 Mensen om je heen", "Wat je nodig hebt")
    youth.says("Meer vrienden")
    assert "Wie kan je helpen met: Meer vrienden?" in youth.asked
    youth.clicks("Sanne")
    assert "Wanneer" in youth.asked
    youth.clicks("Later")
    assert youth.state == "done" and "verder waar we waren" in youth.text
    action = next(a for a in youth.plan.actions if a.what == "Meer vrienden")
    assert (action.person_id, action.when) == (youth.plan.people[0].id, When.LATER)


def test_add_several_people_through_wijzig(store: Store) -> None:
    youth = finished(store)
    youth.changes("Mensen om je heen", "Iemand toevoegen")
    youth.says("buurman Kees en Lisa")
    assert "Wat doet Kees voor je?" in youth.asked
    youth.clicks("Helpt met praktische dingen")
    youth.clicks("Klaar")
    assert "Hoe dichtbij voelt Kees voor jou?" in youth.asked
    youth.clicks("Een beetje")
    assert "Wie is Lisa voor jou?" in youth.asked
    youth.says("mijn nicht")
    assert "Wat doet Lisa voor je?" in youth.asked
    youth.clicks("Doet leuke dingen met me")
    youth.clicks("Klaar")
    youth.clicks("Dichtbij")
    assert "verder waar we waren" in youth.text and youth.state == "done"
    kees, lisa = youth.plan.people[-2:]
    assert (kees.name, kees.relation, kees.roles, kees.closeness) == (
        "Kees", "buurman", [Role.PRAKTISCH], Closeness.BEETJE)
    assert (lisa.name, lisa.relation, lisa.roles, lisa.closeness) == (
        "Lisa", "nicht", [Role.SAMEN], Closeness.DICHTBIJ)


@pytest.mark.parametrize("answer", ["Laat maar", "Dat is iedereen", "niemand"])
def test_adding_nobody_ends_the_detour_cleanly(store: Store, answer: str) -> None:
    youth = youth_at_people(store)
    youth.says("mijn zus Sanne")
    interrupted = youth.asked
    youth.changes("Mensen om je heen", "Iemand toevoegen")
    assert [c.label for c in youth.question.choices] == ["Laat maar"]
    youth.says(answer)
    assert "er komt niemand bij" in youth.text and "Wat doet  voor je" not in youth.text
    assert youth.asked == interrupted
    assert [p.name for p in youth.plan.people] == ["Sanne"]


def test_rename_and_remove_a_person(store: Store) -> None:
    youth = finished(store)
    youth.changes("Mensen om je heen", "Els", "De naam")
    assert "Hoe heet Els?" in youth.asked
    youth.says("Elske")
    assert "Elske" in youth.text
    youth.changes("Mensen om je heen", "Ahmed", "Weghalen uit je plan")
    assert "Ahmed staat niet meer in je plan" in youth.text
    plan = youth.plan
    assert [(p.name, p.relation) for p in plan.people] == [("Sanne", "zus"), ("Elske", "buurvrouw")]
    assert plan.jim is not None and plan.jim_person() is None  # the JIM was Ahmed
    assert plan.fallback_ids == [plan.people[0].id]
    assert action(plan, "Een eigen kamer").helper == HelperKind.UNKNOWN
    youth.says("/terug")
    assert "Ahmed" in [p.name for p in youth.plan.people]


def test_change_fallback_jim_mood_and_age_after_the_interview(store: Store) -> None:
    youth = finished(store)
    youth.changes("Mensen om je heen", "Op wie je terugvalt")
    youth.clicks("Ahmed")  # off
    youth.clicks("Els")  # on
    youth.clicks("Klaar")
    youth.changes("Mensen om je heen", "Je JIM", "Sanne")
    youth.changes("Over jou", "Hoe het vandaag gaat", "Slecht")
    youth.changes("Over jou", "Je leeftijd")
    youth.says("18")
    youth.changes("Over jou", "Je naam")
    youth.says("Nora")
    assert "Oké, vanaf nu noem ik je Nora." in youth.text
    assert "Fijn dat je er bent" not in youth.text
    plan = youth.plan
    sanne, _, els = plan.people
    assert plan.fallback_ids == [sanne.id, els.id]
    assert plan.jim_person() == sanne
    assert (plan.mood, plan.age, plan.name) == (Mood.SLECHT, 18, "Nora")
    assert youth.state == "done"


def test_something_urgent_can_be_told_and_marked_arranged_later(store: Store) -> None:
    youth = finished(store)
    youth.changes("Iets wat snel moet", "Iets nieuws wat snel moet")
    youth.says("Mijn telefoon is afgesloten")
    assert "bovenaan je plan" in youth.text
    assert [u.text for u in youth.plan.urgent][-1] == "Mijn telefoon is afgesloten"
    youth.changes("Iets wat snel moet", "Geregeld: Ik moet morgen mijn huur betalen en heb…")
    assert "Fijn dat het geregeld is" in youth.text
    assert [u.text for u in youth.plan.urgent] == ["Mijn telefoon is afgesloten"]


def test_urgent_via_wijzig_when_there_was_nothing_urgent(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("/terug")  # back to the urgent story …
    youth.says("/terug")  # … and to the yes/no question
    youth.clicks("Nee")
    youth.changes("Iets wat snel moet")
    assert "Wat moet er geregeld worden?" in youth.asked
    youth.says("Ik heb geen slaapplek volgende week")
    assert youth.asked == "Heb je vannacht een plek om te slapen?"  # next week: ask first
    youth.clicks("Ja")
    assert youth.state == "people" and len(youth.plan.urgent) == 1


def test_remove_an_agreement(store: Store) -> None:
    youth = finished(store)
    youth.changes("Een afspraak", "Een afspraak weghalen", "Een eigen kamer")
    assert "De afspraak is uit je plan" in youth.text
    plan = youth.plan
    assert [a.what for a in plan.actions] == [plan.urgent[0].text, "Mijn post"]
    assert plan.domains[Domain.WONEN].need is None


def test_klopt_dit_offers_every_part(store: Store) -> None:
    youth = Youth(Turns(store))
    answer_start(youth)
    answer_wie(youth)
    answer_wat(youth)
    answer_urgent_first(youth)
    youth.clicks("Ahmed (je JIM)")
    youth.clicks("Deze maand")
    youth.clicks("Mijn begeleider")
    youth.clicks("Deze week")
    assert "Klopt dit?" in youth.asked
    youth.says("nee")
    assert [c.label for c in youth.question.choices] == [
        "Over jou", "Iets wat snel moet", "Mensen om je heen", "Een onderwerp", "Een afspraak",
        "Laat maar"]
    youth.clicks("Over jou")
    assert [c.label for c in youth.question.choices] == [
        "Je naam", "Je leeftijd", "Hoe het vandaag gaat", "Laat maar"]
    youth.clicks("Laat maar")
    assert "Klopt dit?" in youth.asked


def test_wijzig_offers_only_what_was_reached(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.says("/wijzig")
    assert "nog niets om te veranderen" in youth.text
    assert youth.state == "welcome" and youth.plan.name is None
    youth.clicks("Oké, we beginnen")
    youth.says("Noor")
    youth.says("/wijzig")
    assert [c.label for c in youth.question.choices] == ["Over jou", "Laat maar"]
    youth.clicks("Over jou")
    assert [c.label for c in youth.question.choices] == ["Je naam", "Laat maar"]
    youth.clicks("Laat maar")
    youth.says("17")
    youth.clicks("Goed")
    youth.clicks("Nee")
    youth.says("/wijzig")  # at the first question about people: no people to change yet
    assert [c.label for c in youth.question.choices] == ["Over jou", "Iets wat snel moet",
                                                         "Laat maar"]


def test_taal_before_consent_still_asks_for_consent(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/taal")
    youth.clicks("English")
    assert "Shall we start?" in youth.asked
    youth.says("Sam")
    assert youth.state == "welcome" and youth.plan.name is None
    youth.says("yes")
    assert youth.asked == "What may I call you?"


def test_a_second_wijzig_replaces_the_first(store: Store) -> None:
    youth = youth_at_people(store)
    interrupted = youth.asked
    youth.changes("Over jou")
    youth.changes("Laat maar")
    assert youth.asked == interrupted
    assert youth.stored()[0].stack == []


@pytest.mark.parametrize("answer", ["1", "ok", "oké", "ja", "begin"])
def test_after_not_now_a_plain_yes_starts(store: Store, answer: str) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Nu niet")
    youth.says(answer)
    assert youth.asked == "Hoe mag ik je noemen?"


def test_after_a_pause_verder_goes_on(store: Store) -> None:
    youth = youth_at_people(store)
    asked = youth.asked
    youth.says("/pauze")
    youth.says("verder")
    assert "verder waar je was" in youth.text and youth.asked == asked


def test_the_welcome_explains_in_the_order_the_questions_come(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Eerst meer uitleg")
    explained = youth.replies[0].text
    assert explained.index("vandaag") < explained.index("om je heen") < explained.index("helpt")


def test_jim_is_explained_as_someone_of_your_own(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("niemand")
    intro = youth.replies[-2].text
    assert "eigen omgeving" in intro and "geen hulpverlener" in intro
    youth.says("mijn begeleider Mark")  # a professional: kept apart, not made the JIM
    assert "Een JIM is iemand uit je eigen omgeving" in youth.text
    plan = youth.plan
    assert plan.jim is None and plan.people == []
    assert [(o.name, o.word) for o in plan.organisations] == [("Mark", "begeleider")]


def test_the_urgent_note_is_followed_by_a_bridge_not_the_question(store: Store) -> None:
    youth = Youth(Turns(store))
    answer_start(youth)
    texts = [m.text for m in youth.replies]
    assert "bovenaan je plan" in texts[0]
    assert "Misschien kan iemand je helpen met wat snel moet" in texts[1]
    assert texts[2].startswith("Wie is belangrijk voor jou?")


def test_when_has_one_button_for_no_date(store: Store) -> None:
    youth = Youth(Turns(store))
    answer_start(youth)
    answer_wie(youth)
    answer_wat(youth)
    answer_urgent_first(youth)
    youth.clicks("Ahmed (je JIM)")
    labels = [c.label for c in youth.question.choices]
    assert "Geen datum" in labels and "Weet ik niet" not in labels
    youth.says("weet ik niet")
    assert action(youth.plan, "Een eigen kamer").when == When.GEEN


def test_the_plan_in_english_translates_relation_words(store: Store) -> None:
    youth = youth_at_people(store)
    youth.says("mijn zus Lisa en mijn moeder")
    youth.says("/taal")
    youth.clicks("English")
    youth.says("/plan")
    shown = youth.replies[0].text
    assert "• Lisa (sister)" in shown and "• Your mother" in shown
    assert "zus" not in shown and "oeder" not in shown


def test_two_processes_interleaving_turns_see_one_conversation(database_url: str) -> None:
    first, second = open_store(database_url, TEST_KEY), open_store(database_url, TEST_KEY)
    try:
        here, there = Youth(Turns(first), "noor"), Youth(Turns(second), "noor")
        here.says("/start")
        there.clicks_raw("start", here.question.step)  # the question the other one asked
        here.says("Noor")
        there.says("17")
        here.says("gaat wel")
        there.says("nee")
        here.says("mijn zus Sanne")
        assert "Wat doet Sanne voor je?" in here.asked
        there.says("1")
        assert "Hoe dichtbij voelt Sanne voor jou?" in there.asked
        for youth in (here, there):
            conversation, plan = youth.stored()
            assert conversation.state == "person_closeness"
            assert (plan.name, plan.age, plan.mood) == ("Noor", 17, Mood.GAAT_WEL)
            assert plan.people[0].roles == [Role.PRAKTISCH]
    finally:
        first.engine.dispose()
        second.engine.dispose()


def test_plan_at_klopt_dit_shows_the_plan_once(store: Store) -> None:
    youth = Youth(Turns(store))
    answer_start(youth)
    answer_wie(youth)
    answer_wat(youth)
    answer_urgent_first(youth)
    for label in ("Ahmed (je JIM)", "Deze maand", "Mijn begeleider", "Deze week"):
        youth.clicks(label)
    youth.says("/plan")
    assert sum(m.text.count("<b>WIE</b>") for m in youth.replies) == 1
    assert "Klopt dit?" in youth.asked


@pytest.mark.parametrize(("command", "typed", "then"), [
    (None, "ik wil het delen met mijn oma", "Wie ziet je plan?"),
    (None, "kan ik het aan mijn begeleider laten zien", "Wie ziet je plan?"),
    (None, "ik wil nog iets veranderen", "Wat wil je veranderen?"),
    (None, "ik wil het dellen met mn tante", "Wie ziet je plan?"),  # a typo
    (None, "kan ik nog wat wijzgen", "Wat wil je veranderen?"),
    (None, "laat me het nog een keer zien", "Toekomstplan van Noor"),
    ("/delen", "Ahmed mag het zien", "Hier is een uitnodiging voor Ahmed."),
    ("/delen", "ik wil het aan mijn oom laten zien", "Hier is een uitnodiging voor Ahmed."),
    ("/delen", "mijn begeleider", "Hier is een uitnodiging. Stuur het bericht hieronder door."),
    ("/wijzig", "het gaat nu eigenlijk slecht met wonen", "🏠 <b>Wonen</b>"),  # said back
    ("/wijzig", "mijn leeftijd klopt niet", "Wat over jou wil je veranderen?"),
    ("/wijzig", "iets aan een afspraak", "Welke afspraak wil je veranderen?"),
    ("/wijzig", "sanne is eigenlijk mijn nicht", "Over wie wil je iets veranderen?"),
    ("/wijzig", "mijn vriendin sanne heet anders", "Over wie wil je iets veranderen?"),
    ("/wijzig", "mijn oom is er niet meer", "Over wie wil je iets veranderen?"),  # relation
])
def test_a_sentence_at_a_menu_does_what_it_asks(store: Store, command: str | None, typed: str,
                                                then: str) -> None:
    """The menu when the plan is done, /delen and /wijzig read who or what a sentence
    names, instead of "Dat snap ik niet"."""
    youth = Youth(Turns(store))
    complete_interview(youth)
    if command:
        youth.says(command)
    youth.says(typed)
    assert "snap ik niet" not in youth.text and then in youth.text
    if "wonen" in typed:  # straight to the domain's parts
        youth.clicks("Hoe het gaat")
        assert "Hoe gaat het nu met wonen?" in youth.asked



def at_what_is_hard(store: Store) -> Youth:
    """At housing's "Wat is er nu moeilijk?", every answer before it typed."""
    youth = Youth(Turns(store))
    for answer in ("/start", "oké", "Noor", "17", "goed", "nee", "niemand",
                   "weet ik nog niet", "wonen slecht, rest goed"):
        youth.says(answer)
    assert youth.asked.endswith("Wat is er nu moeilijk?")
    return youth


@pytest.mark.parametrize(("typed", "then", "state"), [
    ("wat kan ik hier allemaal doen?", "Dit kun je altijd typen", "domain_hard"),
    ("hoe werkt dit eigenlijk", "Ik stel je korte vragen", "domain_hard"),
    ("ik wil iets veranderen", "Wat wil je veranderen?", "edit_pick"),
    ("kan ik even stoppen?", "we stoppen even", "domain_hard"),
    ("how does this work", "Dit kun je altijd typen", "domain_hard"),
])
def test_a_sentence_about_the_chat_mid_interview_does_what_it_asks(
        store: Store, typed: str, then: str, state: str) -> None:
    """Typed at an interview question, these do what /help, /wijzig and /pauze do; they
    were kept as the answer ("Moeilijk: wat kan ik hier allemaal doen?")."""
    youth = at_what_is_hard(store)
    youth.says(typed)
    assert then in youth.text and youth.state == state
    assert youth.plan.domains[Domain.WONEN].hard is None


@pytest.mark.parametrize("typed", ["ik wil stoppen met blowen",
                                   "kan ik iets veranderen aan mijn huis"])
def test_a_wish_that_starts_the_same_is_an_answer(store: Store, typed: str) -> None:
    youth = at_what_is_hard(store)
    youth.says(typed)
    assert youth.plan.domains[Domain.WONEN].hard == typed
