"""Dates as people here read them: the day in Dutch local time, not in UTC.

Times are stored in UTC; every date shown to someone or put in a file name goes through
here, so half an hour after midnight in Amsterdam is already the next day. The zone data
ships with the ``tzdata`` package, so this works on machines without system time zones.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def utc_now() -> datetime:
    return datetime.now(UTC)


def local(moment: datetime) -> datetime:
    """``moment`` in Dutch time (a naive moment counts as UTC, as stored)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(LOCAL_ZONE)


def local_day(moment: datetime) -> date:
    return local(moment).date()


def long_date(day: date, lang: str) -> str:
    """A date as people write it: "3 maart 2026", "March 3, 2026"."""
    return format_date(day, format="long", locale=lang)


def day_with_weekday(day: date, lang: str, today: date | None = None) -> str:
    """A day to act by, with its weekday: "vrijdag 11 december" (the year only when it is
    not ``today``'s), "Friday 11 December"."""
    pattern = "EEEE d MMMM" if today is not None and day.year == today.year else "EEEE d MMMM y"
    return format_date(day, format=pattern, locale=lang)
