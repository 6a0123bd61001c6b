"""A risk signal at any moment: help first, a veiligheidsplan offered, then back where we were."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.plan.model import Domain
from bot.storage.tables import outbox
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import answer_start, answer_wie, complete_interview
from tests.test_sharing_professional import registered_professional


def youth_at_wat(store: Store, user: str = "youth-1") -> Youth:
    youth = Youth(Turns(store), user)
    answer_start(youth)
    answer_wie(youth)
    youth.clicks("🏠 Wonen")
    youth.clicks("Klaar")  # the quick look: wonen is not good
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


def youth_at_urgent(store: Store) -> Youth:
    """A youth with no name or age given, feeling bad, asked whether something is urgent."""
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.clicks("Sla over")
    youth.clicks("Zeg ik liever niet")
    youth.clicks("Slecht")
    assert "Moet er vandaag of morgen iets geregeld worden?" in youth.asked
    return youth


def test_no_place_to_sleep_is_help_and_an_answer(store: Store) -> None:
    youth = youth_at_urgent(store)
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
    youth.says("Ruzie met de buren")
    youth.says("Ik ga dood van het lachen met mijn huisgenoten")  # what goes well
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


# --- the linked professional: offered, named, told only on a yes ------------------------------

def youth_with_professional(store: Store) -> tuple[Youth, Youth]:
    """Noor, linked to her begeleider Mark, at the first WAT question; Mark's inbox read."""
    turns = Turns(store)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    answer_start(noor)
    answer_wie(noor)
    mark.inbox()
    return noor, mark


def test_the_professional_is_told_only_after_a_yes(store: Store) -> None:
    noor, mark = youth_with_professional(store)
    interrupted = noor.asked
    noor.says("ik wil mezelf iets aandoen, ik trek het niet meer")
    assert "0800-0113" in noor.text
    assert "Bel of app ook Mark." in noor.text
    assert noor.asked == "Wil je dat ik Mark nu een bericht stuur?"
    assert not mark.inbox()  # nothing yet: only a yes sends
    noor.clicks("Ja")
    assert "Ik heb Mark een bericht gestuurd" in noor.text
    assert "veiligheidsplan" in noor.asked  # then the veiligheidsplan offer
    received = mark.inbox()
    assert len(received) == 1
    assert received[0].text.startswith(
        "⚠️ Dringend: Noor vraagt je om nu contact op te nemen. Gevraagd op ")
    assert "aandoen" not in received[0].text and "trek" not in received[0].text
    noor.clicks("Nu niet")
    assert noor.asked == interrupted  # back where she was, nothing answered
    assert "aandoen" not in noor.plan.model_dump_json()


def test_no_sends_nothing_to_the_professional(store: Store) -> None:
    noor, mark = youth_with_professional(store)
    interrupted = noor.asked
    noor.says("mijn vader slaat me")
    assert noor.asked == "Wil je dat ik Mark nu een bericht stuur?"
    noor.clicks("Nee")
    assert "Ik stuur niemand iets" in noor.text
    noor.clicks("Nu niet")
    assert noor.asked == interrupted
    assert not mark.inbox()
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(outbox)).scalar_one() == 0


def test_no_place_to_sleep_with_a_professional_offers_contact_then_goes_back(
        store: Store) -> None:
    noor, mark = youth_with_professional(store)
    interrupted, plan_before = noor.asked, noor.plan
    noor.says("ik slaap vannacht op straat")
    assert "Bel of app vandaag nog Mark." in noor.text
    noor.clicks("Ja")
    assert "Dringend: Noor" in mark.inbox()[0].text
    assert noor.asked == interrupted  # no veiligheidsplan for a practical crisis
    assert noor.plan.domains == plan_before.domains


# --- a crisis message is no answer, except where it answers the open question -------------

def test_inside_the_veiligheidsplan_a_heavy_answer_is_kept_without_a_loop(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    youth.says("ik wil dood")
    youth.clicks("Ja, graag")
    assert youth.asked == "Waaraan merk je dat het slechter met je gaat?"
    youth.says("als ik weer aan zelfmoord denk en ga krassen")
    assert "Dank je. Dat zet ik in je veiligheidsplan." in youth.text
    assert "0800-0113" in youth.text  # the help lines stay in sight
    assert youth.asked == "Wat helpt jou dan? Iets wat je zelf kunt doen."
    youth.says("muziek")
    youth.says("mijn zus")
    assert youth.asked == interrupted
    safety = youth.plan.domains[Domain.WELZIJN].safety_plan
    assert safety is not None
    assert safety.warning_signs == "als ik weer aan zelfmoord denk en ga krassen"


def test_no_place_to_sleep_is_no_answer_to_another_question(store: Store) -> None:
    youth = Youth(Turns(store))
    for said in ("/start", "1", "ik slaap vannacht op straat"):
        youth.says(said)
    assert "sociaal wijkteam" in youth.text
    assert "Wil je toch verder met je plan?" in youth.text
    assert youth.asked == "Hoe mag ik je noemen?"
    assert youth.plan.name is None
    wat = youth_at_wat(store, "youth-2")
    wat.says("Ruzie met de buren")  # now at "what goes well with wonen?"
    interrupted = wat.asked
    wat.says("ik sta op straat")
    assert wat.asked == interrupted
    assert wat.plan.domains[Domain.WONEN].going_well is None


def test_at_the_urgent_question_the_crisis_is_the_answer(store: Store) -> None:
    youth = youth_at_urgent(store)
    youth.says("ik slaap vannacht op straat")
    assert "sociaal wijkteam" in youth.text
    assert [u.text for u in youth.plan.urgent] == ["ik slaap vannacht op straat"]
    assert "Nu praten we over de mensen om je heen." in youth.text
    assert "Wie is belangrijk voor jou?" in youth.asked


def test_a_crisis_as_urgent_need_then_the_offers_then_the_next_part(store: Store) -> None:
    noor, mark = youth_with_professional(store)
    youth = Youth(noor.turns, "sam")
    for said in ("/start", "1", "Sam", "19", "slecht", "ja"):
        youth.says(said)
    youth.says("ik wil niet meer leven")
    assert "0800-0450" in youth.text and "0800-0432" not in youth.text  # 19: Alles Oké?
    assert [u.text for u in youth.plan.urgent] == ["ik wil niet meer leven"]
    assert "veiligheidsplan" in youth.asked  # no professional linked: straight to the offer
    youth.clicks("Nu niet")
    assert "Nu praten we over de mensen om je heen." in youth.text
    assert "Wie is belangrijk voor jou?" in youth.asked
    assert not mark.inbox()  # Sam is not Mark's: nothing reaches him


def test_no_place_to_sleep_as_what_is_hard_is_help_and_that_answer(store: Store) -> None:
    youth = youth_at_wat(store)
    assert youth.asked.endswith("Wat is er nu moeilijk?")  # what is hard comes first
    youth.says("ik sta op straat")
    assert "sociaal wijkteam" in youth.text
    assert "Ik heb het ook in je plan gezet." in youth.text
    assert youth.asked.endswith("Gaat er ook iets wél goed?")
    assert youth.plan.domains[Domain.WONEN].hard == "ik sta op straat"
    youth.says("/terug")  # one step back undoes the answer, like any other
    assert youth.asked.endswith("Wat is er nu moeilijk?")
    assert youth.plan.domains[Domain.WONEN].hard is None


def test_a_crisis_kept_inside_a_change_goes_back_where_the_youth_was(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    youth.says("/wijzig")
    youth.clicks("Iets wat snel moet")
    youth.clicks("Iets nieuws wat snel moet")
    youth.says("ik heb geen slaapplek vannacht")
    assert "ik heb geen slaapplek vannacht" in [u.text for u in youth.plan.urgent]
    assert youth.asked == interrupted  # not on to the next part of the interview
    said = [m.text for m in youth.replies]
    assert said.index("Wil je toch verder met je plan? Dan gaan we hier verder:") == len(said) - 2


def test_a_practical_need_changed_later_goes_back_to_the_finished_plan(store: Store) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    youth.changes("Een onderwerp", "🏠 Wonen", "Wat je nodig hebt")
    youth.says("ik heb geen slaapplek vannacht")
    assert "Ik heb het ook in je plan gezet." in youth.text
    assert youth.asked == "Je plan is klaar! Wat wil je nu doen?"  # not on to "over een paar
    wonen = youth.plan.domains[Domain.WONEN]  # maanden", a question nobody picked
    assert wonen.need == "ik heb geen slaapplek vannacht"
    assert [a.what for a in youth.plan.actions if a.domain == Domain.WONEN] == [wonen.need]
