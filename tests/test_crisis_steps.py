"""The steps around a crisis reply: ask first when a signal is only probable, check safety,
check in after the veiligheidsplan, and a request for contact followed through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.messages import Message, UserInput
from bot.plan.model import Domain
from bot.storage.database import open_store
from bot.storage.tables import outbox
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.test_crisis_in_conversation import youth_at_wat
from tests.test_interview import answer_hoe, answer_start, answer_wat, answer_wie
from tests.test_sharing_professional import registered_professional
from tests.test_understanding import at_urgent

AMBIGUOUS = "geen contract, en ik weet niet waar ik heen moet als het misgaat"
CHECK_IN = "Hoe is het nu? Verder met je plan, of even stoppen?"


# --- ask first ------------------------------------------------------------------------------

WONEN_GOING_WELL = "🏠 <b>Wonen</b>\nGaat er ook iets wél goed?"


def test_a_probable_signal_is_asked_about_first_and_a_yes_loses_nothing(store: Store) -> None:
    youth = youth_at_wat(store)  # at Wonen's "Wat is er nu moeilijk?"
    youth.says(AMBIGUOUS)
    assert "Ik heb het ook in je plan gezet." in youth.text  # it answers what is hard
    assert youth.asked == "Heb je vannacht een plek om te slapen?"
    assert [c.label for c in youth.question.choices] == ["Ja", "Nee", "Weet ik nog niet"]
    assert "slaapplek" not in youth.text and "112" not in youth.text
    youth.clicks("Ja")
    assert "Fijn." in youth.text
    assert youth.asked == WONEN_GOING_WELL  # on from the question it answered
    assert youth.plan.domains[Domain.WONEN].hard == AMBIGUOUS
    youth.says("Mijn zus helpt me")
    assert youth.plan.domains[Domain.WONEN].going_well == "Mijn zus helpt me"


def test_an_eviction_to_come_is_an_urgent_need_and_a_question_about_tonight(
        store: Store) -> None:
    """"Anders sta ik op straat" is a threat, not a night outside: it goes on top of the
    plan, and the bot asks about tonight before it gives the night shelter's number."""
    youth = at_urgent(store)  # "Moet er vandaag of morgen iets geregeld worden?"
    youth.says("ja ik moet deze week iets regelen met de woningcorporatie anders sta ik op straat")
    assert "Dit zet ik bovenaan je plan: " in youth.text
    assert "nachtopvang" not in youth.text and "Je plan kan wachten" not in youth.text
    assert youth.asked == "Heb je vannacht een plek om te slapen?"
    assert "woningcorporatie" in youth.plan.urgent[0].text
    youth.says("ja bij mijn moeder")
    assert "Fijn." in youth.text


def test_a_probable_signal_that_answers_nothing_leaves_the_open_question_open(
        store: Store) -> None:
    youth = at_going_well(store)
    interrupted, before = youth.asked, youth.plan
    youth.says(AMBIGUOUS)
    assert youth.asked == "Heb je vannacht een plek om te slapen?"
    youth.clicks("Ja")
    assert youth.asked == interrupted  # the open question is still open
    assert youth.plan == before


@pytest.mark.parametrize("answer", ["Nee", "Weet ik nog niet", "nee"])
def test_a_worrying_answer_gets_the_help_for_tonight(store: Store, answer: str) -> None:
    youth = youth_at_wat(store)  # Noor is 17, at Wonen's "Wat is er nu moeilijk?"
    youth.says(AMBIGUOUS)
    if answer.islower():
        youth.says(answer)  # typed works too
    else:
        youth.clicks(answer)
    assert youth.replies[0].text.startswith("Goed dat je het zegt.")
    assert "Kindertelefoon denkt met je mee" in youth.text and "0800-2000" in youth.text
    assert "Zeg:" not in youth.text  # never words put in the youth's mouth
    assert youth.plan.domains[Domain.WONEN].hard == AMBIGUOUS  # kept as what is hard
    assert youth.asked == WONEN_GOING_WELL  # practical: no veiligheidsplan, on at once


def test_a_probable_signal_for_an_adult_gets_the_night_shelter(store: Store) -> None:
    youth = Youth(Turns(store))
    for said in ("/start", "1", "Sam", "20", "slecht", "nee"):
        youth.says(said)
    interrupted = youth.asked
    youth.says(AMBIGUOUS)
    youth.clicks("Nee")
    assert "nachtopvang" in youth.text and "sociaal wijkteam" not in youth.text
    assert youth.asked == interrupted


# --- the safety check -----------------------------------------------------------------------

def test_safe_now_goes_on_to_the_veiligheidsplan(store: Store) -> None:
    youth = youth_at_wat(store)
    youth.says("ik wil dood")
    assert youth.asked == "Ben je nu veilig?"
    assert [c.label for c in youth.question.choices] == ["Ja", "Nee", "Weet ik niet"]
    youth.clicks("Ja")
    assert "veiligheidsplan" in youth.asked


def test_not_safe_gets_112_and_the_fitting_line_and_nothing_else(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    youth.says("ik wil dood")
    youth.clicks("Nee")
    assert len(youth.replies) == 1
    urgent = youth.replies[0]
    assert urgent.text.startswith("Bel nu 112.")
    assert "113 Zelfmoordpreventie" in urgent.text
    assert "0800-0432" not in urgent.text and "veiligheidsplan" not in urgent.text
    assert [c.label for c in urgent.choices] == ["Ik ben nu veilig"]
    youth.says("ik weet het niet meer")
    assert [m.text for m in youth.replies] == [urgent.text]  # the numbers again, only
    youth.clicks("Ik ben nu veilig")
    assert "veiligheidsplan" in youth.asked
    youth.clicks("Nu niet")
    assert youth.asked == interrupted


def test_not_safe_with_a_professional_asks_nothing_about_contact_yet(store: Store) -> None:
    noor, _ = youth_with_professional(Turns(store))
    noor.says("er staat iemand met een mes voor mijn deur")
    noor.clicks("Nee")
    assert noor.replies[0].text.startswith("Bel nu 112.")
    assert "Mark" not in noor.text
    noor.clicks("Ik ben nu veilig")
    assert noor.asked == "Wil je dat ik Mark nu een bericht stuur?"


def test_unsure_whether_safe_gets_112_then_goes_on(store: Store) -> None:
    youth = youth_at_wat(store)
    youth.says("mijn vader slaat me")
    assert youth.asked == "Ben je nu veilig?"
    youth.clicks("Weet ik niet")
    assert "Twijfel je? Bel dan 112." in youth.text and "Veilig Thuis" in youth.text
    assert "veiligheidsplan" in youth.asked


# --- after the veiligheidsplan --------------------------------------------------------------

def make_veiligheidsplan(youth: Youth) -> None:
    youth.says("ik snij mezelf soms")
    youth.clicks("Ja, graag")
    for answer in ("Ik slaap slecht", "Muziek", "Mijn zus"):
        youth.says(answer)


def test_after_the_veiligheidsplan_a_check_in_and_a_pause_is_a_good_answer(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    make_veiligheidsplan(youth)
    assert youth.asked == CHECK_IN
    youth.clicks("Even stoppen")
    assert "Goed dat je even stopt." in youth.text and "/sos" in youth.text
    youth.says("verder")
    assert "We gaan verder waar je was." in youth.text
    assert youth.asked == interrupted


def test_after_the_veiligheidsplan_going_on_is_back_at_the_question(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    make_veiligheidsplan(youth)
    youth.clicks("Verder met mijn plan")
    assert youth.asked == interrupted


# --- contact followed through ---------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 21, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def youth_with_professional(turns: Turns) -> tuple[Youth, Youth]:
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    answer_start(noor)
    answer_wie(noor)
    mark.inbox()
    noor.inbox()
    return noor, mark


def asks_mark(turns: Turns) -> tuple[Youth, Youth]:
    noor, mark = youth_with_professional(turns)
    noor.says("ik snij mezelf soms")
    noor.clicks("Ja")  # message Mark now
    assert "Ik laat je weten als het is gezien." in noor.text
    return noor, mark


def test_contact_picked_up_is_told_and_the_follow_up_is_gone(store: Store) -> None:
    clock = Clock()
    noor, mark = asks_mark(Turns(store, clock=clock))
    request = mark.inbox()
    assert len(request) == 1 and request[0].text.startswith("⚠️ Dringend: Noor vraagt je")
    assert [c.label for c in request[0].choices] == ["Ik pak dit op"]
    clock.now += timedelta(minutes=10)
    mark.presses("Ik pak dit op")
    assert "Noor hoort dat je contact opneemt." in mark.text
    assert [m.text for m in noor.inbox()] == [
        "Mark heeft je bericht gezien en neemt contact op."]
    clock.now += timedelta(hours=1)
    assert noor.inbox() == []  # no "not seen" after it was seen
    mark.presses("Ik pak dit op")
    assert "al beantwoord" in mark.text


def test_contact_not_picked_up_in_30_minutes_is_told_across_a_restart(
        store: Store, database_url: str) -> None:
    clock = Clock()
    noor, mark = asks_mark(Turns(store, clock=clock))
    clock.now += timedelta(minutes=29)
    assert noor.inbox() == []
    restarted = open_store(database_url, TEST_KEY)
    try:
        again = Youth(Turns(restarted, clock=clock), "noor")
        clock.now += timedelta(minutes=2)
        received = again.inbox()
        assert len(received) == 1
        assert received[0].text.startswith("Mark heeft je bericht nog niet gezien.")
        assert "0800-0113" in received[0].text and "/sos" in received[0].text
        assert again.inbox() == []
        late = Youth(Turns(restarted, clock=clock), "mark")
        late.received = mark.inbox()
        late.presses("Ik pak dit op")  # picked up late: still told
        assert [m.text for m in again.inbox()] == [
            "Mark heeft je bericht gezien en neemt contact op."]
    finally:
        restarted.engine.dispose()


def test_contact_asked_again_is_one_ask_and_one_follow_up(store: Store) -> None:
    clock = Clock()
    turns = Turns(store, clock=clock)
    noor, mark = asks_mark(turns)
    noor.clicks("Nu niet")
    first = mark.inbox()
    noor.says("ik wil mezelf pijn doen")
    noor.clicks("Ja")
    second = mark.inbox()
    assert len(first) == len(second) == 1
    clock.now += timedelta(minutes=31)
    assert len(noor.inbox()) == 1  # one follow-up, not two
    mark.received = first
    mark.presses("Ik pak dit op")  # either message picks up the one request
    assert "hoort dat je contact opneemt" in mark.text
    mark.received = second
    mark.presses("Ik pak dit op")
    assert "al beantwoord" in mark.text


def test_a_courier_claims_the_follow_up_only_when_due_and_meanwhile_it_holds_up_nothing(
        store: Store) -> None:
    clock = Clock()
    turns = Turns(store, clock=clock)
    noor, _ = asks_mark(turns)
    with UnitOfWork(store) as uow:
        noor_id = uow.users.find(noor.channel, noor.user)
        assert noor_id is not None
        uow.outbox.put(noor_id, [Message("Later bericht")], clock.now)  # newer than it
        uow.commit()

    def claimed_for_noor() -> list[str]:
        claimed = turns.claim(noor.channel, timedelta(minutes=1))
        turns.delivered([d.id for d in claimed])
        return [m.text for d in claimed if d.recipient_id == noor_id for m in d.messages]

    assert claimed_for_noor() == ["Later bericht"]
    clock.now += timedelta(minutes=31)
    [follow_up] = claimed_for_noor()
    assert follow_up.startswith("Mark heeft je bericht nog niet gezien.")


def test_the_follow_up_carries_the_youth_it_names_so_it_goes_with_their_erasure(
        store: Store) -> None:
    noor, _ = asks_mark(Turns(store, clock=Clock()))
    with UnitOfWork(store) as uow:
        noor_id = uow.users.find(noor.channel, noor.user)
    with store.engine.connect() as connection:
        waiting = connection.execute(select(outbox.c.youth_id)
                                     .where(outbox.c.not_before.is_not(None))).scalars().all()
    assert noor_id is not None and waiting == [noor_id]


# --- every kind in the middle of every part, then on with nothing lost ----------------------

SIGNALS = {
    "suicide": "ik wil dood",
    "self_harm": "ik snij mezelf soms",
    "home_violence": "mijn vader slaat me",
    "sexual_violence": "ik ben verkracht",
    "exploitation": "mn vriendje zegt dat ik met zijn vrienden moet slapen voor geld",
    "acute_danger": "er staat iemand met een mes voor mijn deur",
    "no_sleeping_place": "ik slaap vannacht op straat",
    "worry_other": "niet ik maar mijn vriendin wil dood",
    "probable": AMBIGUOUS,
}
STEP_ANSWERS = {  # the steps after a crisis reply, answered the shortest way
    "Ben je nu veilig?": "Ja",
    "Heb je vannacht een plek om te slapen?": "Ja",
}


def at_wie(store: Store) -> tuple[Youth, Callable[[Youth], None]]:
    youth = Youth(Turns(store))
    answer_start(youth)

    def go_on(youth: Youth) -> None:
        answer_wie(youth)
        assert [p.name for p in youth.plan.people][:2] == ["Sanne", "Ahmed"]
    return youth, go_on


def at_going_well(store: Store) -> Youth:
    """Mid-WAT, at a question no crisis message answers: Wonen's "Gaat er ook iets wél
    goed?" (what is hard is answered)."""
    youth = youth_at_wat(store)
    youth.says("Ik heb geen eigen kamer")
    assert youth.asked == WONEN_GOING_WELL
    return youth


def at_wat(store: Store) -> tuple[Youth, Callable[[Youth], None]]:
    youth = at_going_well(store)

    def go_on(youth: Youth) -> None:
        youth.says("Mijn zus helpt me")
        assert youth.plan.domains[Domain.WONEN].going_well == "Mijn zus helpt me"
    return youth, go_on


def at_hoe(store: Store) -> tuple[Youth, Callable[[Youth], None]]:
    youth = Youth(Turns(store))
    answer_start(youth)
    answer_wie(youth)
    answer_wat(youth)

    def go_on(youth: Youth) -> None:
        answer_hoe(youth)
        assert youth.plan.confirmed
    return youth, go_on


def in_a_change(store: Store) -> tuple[Youth, Callable[[Youth], None]]:
    youth = youth_at_wat(store)
    wat_question = youth.asked
    youth.says("/wijzig")

    def go_on(youth: Youth) -> None:
        youth.clicks("Laat maar")
        assert youth.asked == wat_question
    return youth, go_on


@pytest.mark.parametrize("place", [at_wie, at_wat, at_hoe, in_a_change],
                         ids=["wie", "wat", "hoe", "wijzig"])
@pytest.mark.parametrize("kind", list(SIGNALS))
def test_each_kind_mid_conversation_then_on_with_nothing_lost(
        store: Store, kind: str, place: Callable) -> None:
    youth, go_on = place(store)
    interrupted, before = youth.asked, youth.plan
    youth.says(SIGNALS[kind])
    if kind != "probable":
        assert youth.replies[0].text.startswith("Goed dat je het ")
    for _ in range(4):
        if youth.asked == interrupted:
            break
        answer = STEP_ANSWERS.get(youth.asked)
        youth.clicks(answer or "Nu niet")  # the veiligheidsplan offer
    assert youth.asked == interrupted
    assert youth.plan == before  # the message was no answer
    go_on(youth)


@pytest.mark.parametrize("kind", list(SIGNALS))
def test_each_kind_at_what_is_hard_is_kept_only_when_practical(store: Store, kind: str) -> None:
    youth = youth_at_wat(store)
    interrupted, before = youth.asked, youth.plan
    youth.says(SIGNALS[kind])
    for _ in range(4):
        if youth.asked in (interrupted, WONEN_GOING_WELL):
            break
        youth.clicks(STEP_ANSWERS.get(youth.asked) or "Nu niet")
    wonen = youth.plan.domains[Domain.WONEN]
    if kind in ("no_sleeping_place", "probable"):  # a fitting answer to "Wat is er nu moeilijk?"
        assert youth.asked == WONEN_GOING_WELL and wonen.hard == SIGNALS[kind]
    else:  # no answer: kept out of the plan, the same question open again
        assert youth.asked == interrupted and youth.plan == before
        youth.says("Ik heb geen eigen kamer")
        assert youth.plan.domains[Domain.WONEN].hard == "Ik heb geen eigen kamer"


# --- the veiligheidsplan is private until the youth says yes ----------------------------------

def test_the_veiligheidsplan_is_seen_only_after_a_yes_to_that_question(store: Store) -> None:
    noor, mark = youth_with_professional(Turns(store))
    noor.says("ik snij mezelf soms")
    noor.clicks("Nee")  # no message to Mark now
    noor.clicks("Ja, graag")
    for answer in ("Ik slaap slecht", "Muziek luisteren", "Mijn zus"):
        noor.says(answer)
    assert "Alleen jij ziet het. Met /delen kun je het laten zien." in noor.text
    noor.clicks("Verder met mijn plan")
    mark.says("/jongeren")
    assert "Muziek luisteren" not in mark.text and "eiligheidsplan" not in mark.text
    noor.says("/delen")
    assert "Je veiligheidsplan: alleen voor jou." in noor.text
    noor.clicks("Wie ziet je veiligheidsplan")
    assert noor.asked == "Mag Mark (woonbegeleider, RIBW) je veiligheidsplan zien?"
    noor.clicks("Nee")
    mark.says("/jongeren")
    assert "Muziek luisteren" not in mark.text
    noor.says("/delen")
    noor.clicks("Wie ziet je veiligheidsplan")
    noor.clicks("Ja")
    assert "Bewaard." in noor.text
    mark.says("/jongeren")
    assert "Muziek luisteren" in mark.text
    noor.says("/delen")
    assert "Je veiligheidsplan ziet: Mark (woonbegeleider, RIBW)" in noor.text
    noor.clicks("Wie ziet je veiligheidsplan")
    noor.clicks("Nee")  # and back
    mark.says("/jongeren")
    assert "Muziek luisteren" not in mark.text


def test_without_a_veiligheidsplan_delen_does_not_ask_about_it(store: Store) -> None:
    noor, _ = youth_with_professional(Turns(store))
    noor.says("/delen")
    assert "veiligheidsplan" not in noor.text


def test_the_help_after_a_confirmed_probable_signal_counts_as_a_crisis_reply(
        store: Store) -> None:
    youth = youth_at_wat(store)
    youth.says(AMBIGUOUS)  # asked first: no help lines yet
    reply = youth.turns.handle(youth.channel, youth.user, UserInput.typed("nee"))
    assert "Kindertelefoon denkt met je mee" in "\n".join(m.text for m in reply.messages)
    assert reply.crisis  # counted in the metrics like a sure signal's reply
