"""What a plan asks the bot to send unasked, and when: check-ins on agreements, the one
reminder, a helper's nudge the day before, the regular look. Pure: from the plan and its
settings only.

Times are chosen in Dutch time at a humane hour (:func:`humane`) and given in UTC; the
scheduler stores them (:mod:`bot.storage.schedule`) and decides at sending time whether a
message is still wanted (a paused youth, a helper who stopped).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from bot.local_time import LOCAL_ZONE, local
from bot.plan.model import ActionStatus, HelperAnswer, HelperKind, Plan

EARLIEST, LATEST = 9, 21  # never before 09:00 or from 21:00, Dutch time
SUNDAY_FROM = 12  # not on Sunday morning
ASK_AT = time(10, 0)  # a check-in on its day
NUDGE_AT = time(17, 0)  # a helper's nudge, the day before
REMIND_AFTER = timedelta(days=2)
TOO_LATE = timedelta(days=3)  # a check-in this late waits for the next regular look
LOOK_SUBJECT = "look"
WEEK_SUBJECT = "week"


class Kind(StrEnum):
    CHECKIN = "checkin"  # the youth: how is it going with this agreement?
    REMINDER = "reminder"  # the youth: the check-in once more, two days on
    NUDGE = "nudge"  # the helper who said yes: tomorrow is the day
    LOOK = "look"  # the youth: the regular look at how it goes
    LOOK_AGAIN = "look_again"  # the youth: the look once more, two days on, if unanswered
    WEEKLY = "weekly"  # a begeleider who asked for it: their youths' week, on Monday
    TRANSFER = "transfer"  # the youth has a new begeleider: may the old one keep access?


PLAN_KINDS = frozenset({Kind.CHECKIN, Kind.REMINDER, Kind.NUDGE, Kind.LOOK})


@dataclass(frozen=True, order=True)
class Due:
    """One message the plan asks for: ``kind`` about action ``subject`` at ``at`` (UTC)."""

    at: datetime
    kind: Kind
    subject: str


def humane(moment: datetime) -> datetime:
    """``moment``, or the next moment after it when a message may come (UTC): not between
    21:00 and 09:00 and not on Sunday morning, in Dutch time (DST included)."""
    here = local(moment)
    if here.hour >= LATEST:
        here = datetime.combine(here.date() + timedelta(days=1), time(EARLIEST), LOCAL_ZONE)
    elif here.hour < EARLIEST:
        here = datetime.combine(here.date(), time(EARLIEST), LOCAL_ZONE)
    if here.weekday() == 6 and here.hour < SUNDAY_FROM:
        here = datetime.combine(here.date(), time(SUNDAY_FROM), LOCAL_ZONE)
    return here.astimezone(UTC)


def on_day(day: date, at: time) -> datetime:
    """``at`` o'clock Dutch time on ``day``, moved to a humane hour, in UTC."""
    return humane(datetime.combine(day, at, LOCAL_ZONE))


def weekly(from_day: date) -> Due:
    """A begeleider's overview: the first Monday from ``from_day`` on, at 09:00."""
    monday = from_day + timedelta(days=-from_day.weekday() % 7)
    return Due(on_day(monday, time(EARLIEST)), Kind.WEEKLY, WEEK_SUBJECT)


def agenda(plan: Plan) -> list[Due]:
    """Everything this plan asks to be sent, whether or not it went out already (the store
    keeps what was sent, so it is not sent twice)."""
    due: list[Due] = []
    weeks = plan.reminders.look_weeks
    if weeks and plan.versions:
        last = local(plan.versions[-1].at).date()
        due.append(Due(on_day(last + timedelta(weeks=weeks), ASK_AT), Kind.LOOK, LOOK_SUBJECT))
    if not plan.reminders.checkins:
        return sorted(due)
    for action in plan.actions:
        if action.due is None or action.status is ActionStatus.DONE:
            continue
        if action.asked_on is None:
            due.append(Due(on_day(action.ask_on or action.due, ASK_AT), Kind.CHECKIN, action.id))
        elif not action.reminded and action.status is None:
            due.append(Due(on_day(action.asked_on + REMIND_AFTER, ASK_AT), Kind.REMINDER,
                           action.id))
        agreed = action.response is not None and action.response.answer in (
            HelperAnswer.YES, HelperAnswer.OTHERWISE)
        if action.helper is HelperKind.PERSON and agreed and action.status is None:
            due.append(Due(on_day(action.due - timedelta(days=1), NUDGE_AT), Kind.NUDGE,
                           action.id))
    return sorted(due)
