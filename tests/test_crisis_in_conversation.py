"""A risk signal at any moment: help first, a veiligheidsplan offered, then back where we were."""

from __future__ import annotations

from bot.plan.model import Domain
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import answer_start, answer_wie


def youth_at_wat(store: Store) -> Youth:
    youth = Youth(Turns(store))
    answer_start(youth)
    answer_wie(youth)
    youth.clicks("🏠 Wonen")
    youth.clicks("Niet goed")
    return youth


def test_signal_mid_interview_gets_help_first_and_loses_nothing(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted, plan_before = youth.asked, youth.plan
    youth.says("eigenlijk wil ik er gewoon niet meer zijn")
    first = youth.replies[0].text
    assert "Wat fijn dat je het zegt" in first
    assert "113" in youth.text and "0800-0113" in youth.text
    assert "veiligheidsplan" in youth.asked
    youth.clicks("Nu niet")
    assert youth.asked == interrupted
    plan = youth.plan
    assert plan.domains[Domain.WONEN] == plan_before.domains[Domain.WONEN]
    assert "niet meer zijn" not in plan.model_dump_json()  # the message is no answer


def test_veiligheidsplan_is_kept_with_welzijn(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    youth.says("ik snij mezelf soms")
    assert "veiligheidsplan" in youth.asked
    youth.clicks("Ja, graag")
    youth.says("Ik slaap slecht en trek me terug")
    youth.says("Muziek luisteren en wandelen")
    youth.says("Mijn zus Sanne")
    assert youth.asked == interrupted
    safety = youth.plan.domains[Domain.WELZIJN].safety_plan
    assert safety is not None
    assert (safety.warning_signs, safety.what_helps, safety.who_to_call) == (
        "Ik slaap slecht en trek me terug", "Muziek luisteren en wandelen", "Mijn zus Sanne")
    youth.says("/plan")
    assert "Veiligheidsplan" in youth.replies[0].text


def test_a_minor_gets_the_kindertelefoon(store: Store) -> None:
    youth = youth_at_wat(store)  # Noor is 17
    youth.says("mijn vader slaat me")
    assert "0800-2000" in youth.text  # Veilig Thuis
    assert "0800-0432" in youth.text  # Kindertelefoon


def test_very_first_message_can_be_a_signal(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("ik wil dood")
    assert "113" in youth.replies[1].text
    assert "veiligheidsplan" in youth.asked
    youth.clicks("Nu niet")
    assert "Zullen we beginnen?" in youth.asked


def test_no_place_to_sleep_is_help_and_an_answer(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.clicks("Sla over")
    youth.clicks("Zeg ik liever niet")
    youth.clicks("Slecht")
    youth.clicks("Ja")
    youth.says("ik heb vannacht geen slaapplek")
    assert "sociaal wijkteam" in youth.text
    assert [u.text for u in youth.plan.urgent] == ["ik heb vannacht geen slaapplek"]
    assert youth.state == "people"


def test_sos_any_time_then_the_same_question(store: Store) -> None:
    youth = youth_at_wat(store)
    asked = youth.asked
    youth.says("/sos")
    for number in ("113", "0800-0432", "0800-0450", "0800-2000", "0800-0188", "112",
                   "088-0767000"):
        assert number in youth.replies[0].text
    assert "gecontroleerd op 22 november 2026" in youth.replies[0].text
    assert youth.asked == asked


def test_figures_of_speech_are_just_answers(store: Store) -> None:
    youth = youth_at_wat(store)
    youth.says("Ik ga dood van het lachen met mijn huisgenoten")
    assert "113" not in youth.text
    assert youth.plan.domains[Domain.WONEN].going_well == (
        "Ik ga dood van het lachen met mijn huisgenoten")


def test_a_signal_in_a_caption_or_an_edit_gets_help_too(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    youth.sends_media("photo", caption="ik wil dood")
    assert "0800-0113" in youth.text
    youth.clicks("Nu niet")
    assert youth.asked == interrupted
    youth.edits("mijn vader slaat me")
    assert "0800-2000" in youth.text
    assert "slaat" not in youth.plan.model_dump_json()
