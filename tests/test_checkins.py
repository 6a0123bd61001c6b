"""Check-ins on agreements with a controlled clock: due dates from date words, humane hours
in Dutch time (DST included), each message once (also with two schedulers), nothing for a
youth who paused, erased or switched check-ins off, a restart in between, each answer
landing in the plan and reaching the helper, the one reminder, the helper's nudge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.flows.interview.hoe import due_date
from bot.plan.agenda import humane
from bot.plan.model import When
from bot.scheduler import Scheduler
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import complete_interview
from tests.test_sharing import linked_jim

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
                              "Hulp met mijn post. Hoe gaat het?"]
    noor.clicks("Gelukt")
    clock.to(utc(2026, 3, 31, 7, 59))  # Tuesday 09:59 summer time
    assert scheduler.run_due() == 0
    clock.to(utc(2026, 3, 31, 8))  # 10:00 summer time
    assert scheduler.run_due() == 1
    assert checkins(noor) == [ROOM_CHECKIN]
    clock.to(utc(2026, 3, 31, 12))
    assert scheduler.run_due() == 0 and noor.inbox() == []
