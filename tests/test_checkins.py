"""Check-ins on agreements with a controlled clock: due dates from date words, humane hours
in Dutch time (DST included), each message once (also with two schedulers), nothing for a
youth who paused, erased or switched check-ins off, a restart in between, each answer
landing in the plan and reaching the helper, the one reminder, the helper's nudge."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.adapters.telegram import CHANNEL
from bot.adapters.telegram.delivery import Courier
from bot.adapters.telegram.scheduling import ScheduleLoop
from bot.flows.checkin import helper_of
from bot.flows.interview.hoe import due_date
from bot.i18n import Translator
from bot.plan.agenda import humane
from bot.plan.model import (
    Action,
    ActionStatus,
    Domain,
    HelperKind,
    Organisation,
    Plan,
    When,
)
from bot.scheduler import Scheduler
from bot.storage.database import open_store
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth, action
from tests.conftest import TEST_KEY
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_couriers import bot_on
from tests.test_interview import complete_interview
from tests.test_plan_pdf import text_of
from tests.test_sharing import linked_jim
from tests.test_sharing_professional import (
    registered_professional,
    registered_professional_named,
)

AMSTERDAM_WINTER, AMSTERDAM_SUMMER = timedelta(hours=1), timedelta(hours=2)
ROOM = "Een eigen kamer"
ROOM_CHECKIN = "Je wilde deze maand met Ahmed werken aan: Een eigen kamer. Hoe gaat het?"


class Clock:
    """A clock the test moves; it never moves by itself."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def to(self, moment: datetime) -> None:
        self.now = moment


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# Monday 23 March 2026; summer time starts on Sunday the 29th. Noor's plan: the rent
# (urgent) due Tuesday the 24th, her post on Friday the 27th, a room with Ahmed on
# Tuesday the 31st (the month's last working day).
START = utc(2026, 3, 23, 11)


def noor_with_plan(store: Store, clock: Clock, jim: bool = False) -> tuple[Youth, Youth | None,
                                                                          Scheduler]:
    turns = Turns(store, clock)
    if jim:
        noor, ahmed = linked_jim(turns)
    else:
        noor, ahmed = Youth(turns, "noor"), None
        complete_interview(noor)
    return noor, ahmed, Scheduler(store, clock)


def checkins(youth: Youth) -> list[str]:
    return [m.text for m in youth.inbox() if m.choices]


@pytest.mark.parametrize(("today", "when", "due"), [
    (date(2026, 3, 23), When.WEEK, date(2026, 3, 27)),  # Monday → Friday
    (date(2026, 3, 27), When.WEEK, date(2026, 3, 27)),  # Friday → today
    (date(2026, 3, 28), When.WEEK, date(2026, 4, 3)),  # Saturday → next Friday
    (date(2026, 3, 23), When.MAAND, date(2026, 3, 31)),
    (date(2026, 1, 31), When.MAAND, date(2026, 2, 27)),  # a Saturday after the last Friday
    (date(2026, 2, 10), When.MAAND, date(2026, 2, 27)),
    (date(2024, 2, 10), When.MAAND, date(2024, 2, 29)),  # a leap year
    (date(2026, 5, 30), When.MAAND, date(2026, 6, 30)),  # May ends on a Sunday
    (date(2026, 12, 31), When.MAAND, date(2026, 12, 31)),
    (date(2027, 12, 31), When.MAAND, date(2027, 12, 31)),  # a Friday
    (date(2028, 12, 30), When.MAAND, date(2029, 1, 31)),  # Saturday, after the year's last
    (date(2026, 3, 23), When.LATER, date(2026, 5, 4)),
    (date(2026, 3, 23), When.GEEN, None),
])
def test_each_date_word_gives_its_day(today: date, when: When, due: date | None) -> None:
    noon_in_amsterdam = datetime(today.year, today.month, today.day, 11, tzinfo=UTC)
    assert due_date(when, noon_in_amsterdam) == due


@pytest.mark.parametrize(("moment", "moved"), [
    (utc(2026, 3, 24, 12), utc(2026, 3, 24, 12)),  # Tuesday 13:00: fine
    (utc(2026, 3, 24, 20, 30), utc(2026, 3, 25, 8)),  # 21:30 → 09:00 next day (winter)
    (utc(2026, 3, 24, 5), utc(2026, 3, 24, 8)),  # 06:00 → 09:00
    (utc(2026, 3, 28, 21), utc(2026, 3, 29, 10)),  # Saturday 22:00 → Sunday 12:00 (summer)
    (utc(2026, 3, 29, 7), utc(2026, 3, 29, 10)),  # Sunday 09:00 (summer) → 12:00
    (utc(2026, 10, 25, 12), utc(2026, 10, 25, 12)),  # Sunday 13:00 (winter again): fine
])
def test_messages_come_at_humane_hours_in_dutch_time(moment: datetime, moved: datetime) -> None:
    assert humane(moment) == moved


def test_a_checkin_goes_out_once_on_its_day_at_ten_across_the_change_to_summer_time(
        store: Store) -> None:
    clock = Clock(START)
    noor, _, scheduler = noor_with_plan(store, clock)
    clock.to(utc(2026, 3, 24, 8, 59))  # Tuesday 09:59 (winter): the rent's day, not yet
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 3, 24, 9))  # 10:00
    assert scheduler.run_due() == 1
    texts = checkins(noor)
    assert len(texts) == 1 and "huur" in texts[0]
    assert texts[0].startswith("Je wilde deze week werken aan:")
    noor.clicks("Gelukt")
    clock.to(utc(2026, 3, 27, 9))  # Friday 10:00: her post
    assert scheduler.run_due() == 1
    assert checkins(noor) == ["Je wilde deze week met je begeleider werken aan: "
                              "Mijn post. Hoe gaat het?"]
    noor.clicks("Gelukt")
    clock.to(utc(2026, 3, 31, 7, 59))  # Tuesday 09:59 summer time
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 3, 31, 8))  # 10:00 summer time
    assert scheduler.run_due() == 1
    assert checkins(noor) == [ROOM_CHECKIN]
    clock.to(utc(2026, 3, 31, 12))
    assert scheduler.run_due() == 0 and noor.inbox() == []


ROOM_DAY = utc(2026, 3, 31, 8)  # Tuesday 10:00 summer time


def at_room_checkin(store: Store) -> tuple[Youth, Youth, Scheduler, Clock]:
    """Noor with Ahmed as her JIM, who said yes to the room; the other two actions done."""
    clock = Clock(START)
    noor, ahmed, scheduler = noor_with_plan(store, clock, jim=True)
    assert ahmed is not None
    ahmed.inbox()
    ahmed.presses("Ja")
    noor.inbox()
    for day in (utc(2026, 3, 24, 9), utc(2026, 3, 27, 9)):
        clock.to(day)
        scheduler.run_due()
        noor.inbox()
        noor.clicks("Gelukt")
    clock.to(ROOM_DAY)
    ahmed.inbox()
    return noor, ahmed, scheduler, clock


def test_the_helper_who_said_yes_gets_one_nudge_the_day_before(store: Store) -> None:
    clock = Clock(START)
    _noor, ahmed, scheduler = noor_with_plan(store, clock, jim=True)
    assert ahmed is not None
    ahmed.inbox()
    ahmed.presses("Ja")
    clock.to(utc(2026, 3, 30, 14, 59))  # Monday 16:59
    scheduler.run_due()
    assert not [m for m in ahmed.inbox() if "Morgen" in m.text]
    clock.to(utc(2026, 3, 30, 15))  # Monday 17:00
    scheduler.run_due()
    assert [m.text for m in ahmed.inbox()] == [
        "Morgen is de dag: je zou Noor helpen met: Een eigen kamer. Succes!"]
    clock.to(utc(2026, 3, 30, 18))
    scheduler.run_due()
    assert ahmed.inbox() == []


def test_gelukt_marks_it_done_tells_the_helper_who_is_thanked_in_one_tap(store: Store) -> None:
    noor, ahmed, scheduler, _ = at_room_checkin(store)
    assert scheduler.run_due() == 1
    assert checkins(noor) == [ROOM_CHECKIN]
    noor.says("gelukt!")
    assert "Goed gedaan" in noor.text and noor.asked.startswith("Wil je Ahmed bedanken?")
    assert action(noor.plan, ROOM).status is ActionStatus.DONE
    assert [m.text for m in ahmed.inbox()] == ["Goed nieuws: Noor heeft dit gedaan: "
                                               "Een eigen kamer."]
    noor.clicks("Ja, bedank")
    assert "Verstuurd" in noor.text and "Je plan is klaar" in noor.asked  # back at rest
    assert [m.text for m in ahmed.inbox()] == ["Noor zegt: dank je wel voor je hulp met: "
                                               "Een eigen kamer!"]


def test_nog_bezig_asks_a_new_date_and_the_checkin_comes_again_then(store: Store) -> None:
    noor, ahmed, scheduler, clock = at_room_checkin(store)
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Nog bezig")
    assert noor.asked.startswith("Fijn dat je ermee bezig bent")
    noor.says("deze week")
    room = action(noor.plan, ROOM)
    assert (room.status, room.when, room.due) == (ActionStatus.BUSY, When.WEEK, date(2026, 4, 3))
    assert "Het liefst nu deze week." in ahmed.inbox()[0].text  # the helper hears it
    clock.to(utc(2026, 4, 3, 8))  # Friday 10:00
    assert scheduler.run_due() == 1
    assert checkins(noor) == ["Je wilde deze week met Ahmed werken aan: Een eigen kamer. "
                              "Hoe gaat het?"]


def test_lukt_niet_asks_what_is_in_the_way_and_offers_the_begeleider(store: Store) -> None:
    noor, ahmed, scheduler, _ = at_room_checkin(store)
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Lukt niet")
    assert noor.asked.startswith("Dat is balen. Wat zit in de weg?")
    noor.says("Er zijn geen kamers te vinden")
    assert noor.asked == "Zal iemand anders helpen? Of vragen we het je begeleider?"
    assert [m.text for m in ahmed.inbox()] == [
        "Noor loopt vast met: Een eigen kamer. Vraag je even hoe het gaat?"]
    noor.clicks("Vraag mijn begeleider")
    room = action(noor.plan, ROOM)
    assert room.obstacle == "Er zijn geen kamers te vinden"
    assert room.helper is HelperKind.PROFESSIONAL and "Je plan is klaar" in noor.asked


def test_lukt_niet_someone_else_helps_through_hoes_own_question(store: Store) -> None:
    noor, _, scheduler, _ = at_room_checkin(store)
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Lukt niet")
    noor.clicks("Weet ik niet")
    noor.clicks("Iemand anders")
    noor.says("Sanne")
    assert action(noor.plan, ROOM).person_id == noor.plan.people[0].id


def test_no_answer_one_reminder_after_two_days_then_silence(store: Store) -> None:
    noor, _, scheduler, clock = at_room_checkin(store)
    scheduler.run_due()
    noor.inbox()
    clock.to(utc(2026, 4, 2, 7, 59))
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 4, 2, 8))  # Thursday 10:00
    assert scheduler.run_due() == 1
    received = noor.inbox()
    assert received[0].text == "Nog even over je afspraak." and received[1].text == ROOM_CHECKIN
    for days in range(1, 30):
        clock.to(utc(2026, 4, 2, 8) + timedelta(days=days))
        assert scheduler.run_due() == 0
    noor.clicks("Later")  # the reminder's buttons still work
    assert "over een paar dagen" in noor.text
    clock.to(utc(2026, 5, 5, 8))
    assert scheduler.run_due() == 1  # asked again, as "Later" said


def test_nothing_after_checkins_off_pause_erase_or_when_the_jim_stopped(store: Store) -> None:
    noor, ahmed, scheduler, clock = at_room_checkin(store)
    clock.to(utc(2026, 3, 30, 9))
    noor.says("/herinneringen")
    assert "vragen hoe het gaat met je afspraken" in noor.asked
    noor.clicks("Geen vragen over afspraken")
    assert "geen vragen over je afspraken" in noor.text
    clock.to(ROOM_DAY)
    assert scheduler.run_due() == 0 and noor.inbox() == [] and ahmed.inbox() == []
    noor.says("/reminders")
    noor.clicks("Wel vragen over afspraken")
    noor.says("/pauze")
    assert scheduler.run_due() == 0 and noor.inbox() == []
    noor.says("verder")
    ahmed.says("/stoppen")
    ahmed.clicks("Ja, stoppen")
    noor.inbox()
    action_day = utc(2026, 4, 3, 8)
    clock.to(action_day)
    noor.clicks("Mijn plan bekijken")
    scheduler.run_due()
    assert ahmed.inbox() == []  # no nudge, no news for a JIM who stopped
    noor.says("/verwijder")
    noor.clicks("Ja, wis alles")
    with UnitOfWork(store) as uow:
        assert uow.schedule.waiting() == []
    assert scheduler.run_due() == 0


def test_a_checkin_waits_while_the_youth_is_answering_and_comes_at_rest(store: Store) -> None:
    noor, _, scheduler, clock = at_room_checkin(store)
    noor.says("/wijzig")  # in the middle of changing something
    assert scheduler.run_due() == 0 and noor.inbox() == []
    noor.clicks("Laat maar")
    clock.to(ROOM_DAY + timedelta(minutes=59))
    assert scheduler.run_due() == 0
    clock.to(ROOM_DAY + timedelta(hours=1))
    assert scheduler.run_due() == 1 and checkins(noor) == [ROOM_CHECKIN]


def test_a_checkin_that_waits_in_the_evening_comes_the_next_morning_not_at_night(
        store: Store) -> None:
    noor, _, scheduler, clock = at_room_checkin(store)
    clock.to(utc(2026, 3, 31, 18, 30))  # 20:30: busy changing something all day
    noor.says("/wijzig")
    assert scheduler.run_due() == 0
    noor.clicks("Laat maar")
    clock.to(utc(2026, 3, 31, 19, 31))  # an hour on is 21:31: too late in the evening
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 4, 1, 6, 59))
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 4, 1, 7))  # Wednesday 09:00
    assert scheduler.run_due() == 1 and checkins(noor) == [ROOM_CHECKIN]


LOOK_DAY = utc(2026, 4, 20, 8)  # Monday 10:00, four weeks after the plan was confirmed


def test_a_checkin_more_than_three_days_late_becomes_part_of_the_next_look(
        store: Store) -> None:
    noor, ahmed, scheduler, clock = at_room_checkin(store)
    clock.to(ROOM_DAY + timedelta(days=3, minutes=1))  # the bot was down meanwhile
    assert scheduler.run_due() == 0 and noor.inbox() == []
    clock.to(LOOK_DAY)
    assert scheduler.run_due() == 1
    noor.inbox()
    noor.says("alles goed")
    assert noor.asked == ("Je wilde vóór 31 maart 2026 met Ahmed werken aan: Een eigen kamer. "
                          "Hoe gaat het?")  # the late agreement, asked in the look by its day
    noor.clicks("Nog bezig")
    noor.clicks("Deze week")
    assert noor.asked == "Heb je nu iets nieuws nodig? Zeg het kort."
    noor.clicks("Nee, niets nieuws")
    assert "Een eigen kamer: nog bezig" in noor.said and "Je plan is klaar" in noor.asked
    room = action(noor.plan, ROOM)
    assert (room.status, room.due) == (ActionStatus.BUSY, date(2026, 4, 24))
    assert "Het liefst nu deze week." in "\n".join(m.text for m in ahmed.inbox())
    assert scheduler.run_due() == 0  # not asked twice
    clock.to(utc(2026, 4, 24, 8))  # its new day
    assert scheduler.run_due() == 1 and checkins(noor) == [
        "Je wilde deze week met Ahmed werken aan: Een eigen kamer. Hoe gaat het?"]


def test_an_unanswered_look_is_asked_once_more_after_two_days_then_silence(
        store: Store) -> None:
    noor, _, scheduler, clock = at_room_checkin(store)
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Gelukt")
    noor.clicks("Nee, hoeft niet")
    clock.to(LOOK_DAY)
    assert scheduler.run_due() == 1
    assert "Tijd voor een korte terugblik" in checkins(noor)[0]
    clock.to(LOOK_DAY + timedelta(days=2, seconds=-1))
    assert scheduler.run_due() == 0
    clock.to(LOOK_DAY + timedelta(days=2))  # Wednesday 10:00
    assert scheduler.run_due() == 1
    again = noor.inbox()
    assert again[0].text == "Nog even over je terugblik."
    assert "Tijd voor een korte terugblik" in again[1].text and again[1].choices
    for days in range(1, 20):
        clock.to(LOOK_DAY + timedelta(days=2 + days))
        assert scheduler.run_due() == 0
    noor.says("alles goed")  # the look still works when she comes back
    assert noor.asked == "Heb je nu iets nieuws nodig? Zeg het kort."
    noor.says("Mijn rijbewijs halen")
    noor.clicks("🎒 School en werk")
    assert noor.asked == "Wie kan je helpen met: Mijn rijbewijs halen?"
    noor.clicks("Ahmed (je JIM)")
    assert noor.asked == "Wanneer wil je dat dit geregeld is?"
    noor.clicks("Later")
    licence = action(noor.plan, "Mijn rijbewijs halen")
    assert (licence.helper, licence.when) == (HelperKind.PERSON, When.LATER)
    assert "Je plan is klaar" in noor.asked


def test_a_restart_between_scheduling_and_the_due_time_loses_nothing(
        store: Store, database_url: str) -> None:
    _noor, _, _, clock = at_room_checkin(store)
    store.engine.dispose()
    reopened = open_store(database_url, TEST_KEY)  # a new process on the same database
    try:
        assert Scheduler(reopened, clock).run_due() == 1
        assert checkins(Youth(Turns(reopened, clock), "noor")) == [ROOM_CHECKIN]
    finally:
        reopened.engine.dispose()


def test_two_schedulers_on_postgresql_send_each_checkin_once(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SKIP LOCKED claims are PostgreSQL's; SQLite has one writer")
    stores = [open_store(database_url, TEST_KEY) for _ in range(2)]
    clock = Clock(START)
    try:
        turns = Turns(stores[0], clock)
        youths = [Youth(turns, f"youth-{n}") for n in range(6)]
        for youth in youths:
            complete_interview(youth)
        clock.to(utc(2026, 3, 24, 9))
        schedulers = [Scheduler(store, clock) for store in stores]
        written = [0, 0]
        barrier = threading.Barrier(2)

        def run(index: int) -> None:
            barrier.wait()
            written[index] = schedulers[index].run_due(limit=1)

        threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(written) == 6
        assert [len(checkins(youth)) for youth in youths] == [1] * 6
    finally:
        for store in stores:
            store.engine.dispose()


def test_the_regular_look_keeps_a_version_and_says_what_changed(store: Store) -> None:
    noor, ahmed, scheduler, clock = at_room_checkin(store)
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Gelukt")
    noor.clicks("Nee, hoeft niet")
    ahmed.inbox()
    confirmed = noor.plan.versions[0]
    assert len(noor.plan.versions) == 1 and confirmed.at == START  # kept when confirmed
    clock.to(utc(2026, 4, 20, 7, 59))  # four weeks on, 09:59
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 4, 20, 8))
    assert scheduler.run_due() == 1
    assert "Tijd voor een korte terugblik" in checkins(noor)[0]
    noor.says("geld slecht, rest goed")
    assert noor.asked == "Heb je nu iets nieuws nodig? Zeg het kort."
    noor.says("Een bijbaan")
    assert noor.asked == "Bij welk onderwerp hoort dit?"
    noor.clicks("💶 Geld")
    plan = noor.plan
    assert len(plan.versions) == 2 and plan.versions[-1].new_need == "Een bijbaan"
    said = noor.said
    assert "Wat is er veranderd sinds de vorige keer (23 maart 2026)?" in said
    assert "🏠 Wonen: niet goed → goed" in said and "Een eigen kamer: gelukt" in said
    assert "Nieuwe afspraak: Een bijbaan" in said
    shared = "\n".join(m.text for m in ahmed.inbox())
    assert "Noor keek terug op het plan." in shared and "Wonen: niet goed → goed" in shared
    assert "Geld" not in shared and "bijbaan" not in shared  # Noor keeps money to herself
    assert noor.asked == "Wie kan je helpen met: Een bijbaan?"  # the need is an agreement
    noor.says("ik zelf, deze maand")  # by when said too: not asked again
    job = action(noor.plan, "Een bijbaan")
    assert (job.domain, job.helper, job.due) == (Domain.INKOMEN, HelperKind.SELF,
                                                 date(2026, 4, 30))
    assert "Je plan is klaar" in noor.asked
    assert ahmed.inbox() == []  # still nothing of money
    clock.to(utc(2026, 4, 22, 8))  # answered: no reminder of the look
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 4, 30, 8))  # its check-in, on its day
    assert scheduler.run_due() == 1
    assert checkins(noor) == ["Je wilde deze maand werken aan: Een bijbaan. Hoe gaat het?"]
    noor.clicks("Gelukt")
    clock.to(utc(2026, 5, 18, 8))  # the next look, four weeks after this one
    assert scheduler.run_due() == 1


def test_herinneringen_sets_the_look_to_eight_weeks_or_never(store: Store) -> None:
    clock = Clock(START)
    noor, _, _ = noor_with_plan(store, clock)
    noor.says("/herinneringen")
    assert "elke 4 weken een korte terugblik" in noor.asked
    noor.clicks("Terugblik elke 8 weken")
    assert "elke 8 weken een korte terugblik" in noor.text
    with UnitOfWork(store) as uow:
        looks = [i for i in uow.schedule.waiting() if i.kind.value == "look"]
    assert [i.due_at for i in looks] == [utc(2026, 5, 18, 8)]
    noor.says("/herinneringen")
    noor.clicks("Helemaal niets sturen")
    with UnitOfWork(store) as uow:
        assert uow.schedule.waiting() == []


async def test_on_telegram_the_loop_beside_the_courier_sends_the_checkin_with_buttons(
        store: Store) -> None:
    clock = Clock(START)
    turns = Turns(store, clock)
    noor = Youth(turns, str(7001), channel=CHANNEL)
    complete_interview(noor)
    async with FakeTelegram() as tg, bot_on(tg) as bot:
        person = FakeUser(tg, 7001, "Noor")
        courier = Courier(turns)
        loop = ScheduleLoop(turns, courier)
        clock.to(utc(2026, 3, 24, 9))
        await loop.round()
        await courier.deliver(bot)
        sent = [m for m in person.bot_messages if "text" in m]
        assert len(sent) == 1 and sent[0]["text"].startswith("Je wilde deze week werken aan:")
        buttons = [b["text"] for row in sent[0]["reply_markup"]["inline_keyboard"] for b in row]
        assert buttons == ["Gelukt", "Nog bezig", "Lukt niet", "Later"]
        await loop.round()
        await courier.deliver(bot)
        assert len([m for m in person.bot_messages if "text" in m]) == 1
        tg.assert_no_errors()


def test_a_begeleider_who_asks_for_it_gets_a_weekly_overview_without_private_domains(
        store: Store) -> None:
    clock = Clock(START)
    turns = Turns(store, clock)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    complete_interview(noor)
    noor.says("/delen")
    noor.clicks("Onderwerpen alleen voor mij")
    noor.clicks("💶 Geld")
    noor.clicks("Klaar")
    mark.inbox()
    mark.says("/start")
    mark.clicks("Een weekoverzicht van je jongeren")  # a button on a begeleider's own page
    assert "geen weekoverzicht van je jongeren" in mark.asked
    assert "afspraken" not in mark.asked  # no plan of his own: only what is his
    mark.clicks("Wel een weekoverzicht")
    assert "elke maandag een overzicht van je jongeren" in mark.text
    scheduler = Scheduler(store, clock)
    clock.to(utc(2026, 3, 24, 9))  # the rent's check-in goes out; Noor does not answer
    scheduler.run_due()
    clock.to(utc(2026, 3, 30, 6, 59))  # Monday 08:59
    scheduler.run_due()
    assert mark.inbox() == []
    clock.to(utc(2026, 3, 30, 7))  # Monday 09:00 summer time
    scheduler.run_due()
    overview = mark.inbox()[0].text
    assert overview.startswith("<b>Je weekoverzicht</b> (30 maart 2026)")
    assert "<b>Noor</b>" in overview
    assert "Geen antwoord op de vraag over: Ik moet morgen mijn huur betalen" in overview
    assert "post" not in overview  # money is Noor's own: not even its overdue agreement
    clock.to(utc(2026, 4, 6, 7))  # and every Monday after
    scheduler.run_due()
    assert len(mark.inbox()) == 1
    mark.says("/herinneringen")
    mark.clicks("Geen weekoverzicht")
    clock.to(utc(2026, 4, 13, 7))
    scheduler.run_due()
    assert mark.inbox() == []


def test_moving_on_to_a_new_begeleider_the_youth_chooses_whether_the_old_one_stays(
        store: Store) -> None:
    clock = Clock(START)
    turns = Turns(store, clock)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    complete_interview(noor)
    lisa, new_token = registered_professional_named(turns, "lisa")
    noor.says(f"/start {new_token}")
    noor.clicks("Ja, dat wil ik")
    mark.inbox()
    whole_plan = lisa.inbox()  # the new begeleider starts from the whole plan, with the PDF
    pdf = next(a for m in whole_plan for a in m.attachments if a.filename.endswith(".pdf"))
    assert "Een eigen kamer" in text_of(pdf.data)
    noor.says("/plan")  # at rest again
    scheduler = Scheduler(store, clock)
    assert scheduler.run_due() == 1
    asked = checkins(noor)
    assert asked == ["Lisa (mentor, Jeugdzorg) ziet nu ook je plan. "
                     "Mag Mark (woonbegeleider, RIBW) je plan blijven zien?"]
    noor.clicks("Nee, niet meer")
    assert "Mark (woonbegeleider, RIBW) ziet je plan niet meer" in noor.text
    assert mark.inbox()  # a neutral notice
    mark.says("/jongeren")
    assert "Een eigen kamer" not in mark.text
    noor.says("/delen")
    assert "Lisa (mentor, Jeugdzorg): ziet je plan" in noor.text and "Mark" not in noor.text
    assert scheduler.run_due() == 0


def test_a_check_in_names_an_organisation_that_helps() -> None:
    plan = Plan(organisations=[Organisation(id="o1", name="wijkteam")],
                actions=[Action(id="a1", what="hulp met mijn post", helper=HelperKind.ORGANISATION,
                                person_id="o1", when=When.WEEK)])
    assert helper_of(plan, plan.actions[0], Translator("nl")) == "het wijkteam"
