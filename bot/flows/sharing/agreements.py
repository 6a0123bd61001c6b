"""An agreement as a professional reads it: its status from the check-ins (gedaan, bezig,
lukt niet, open), the day it is due with its weekday ("vóór vrijdag 11 december") and its
history from the plan's versions. Pure: the summary, the digest and the PDF share these
words, so they never say the same thing differently."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.flows.plan_voice import when_word
from bot.i18n import N_, Translator
from bot.local_time import day_with_weekday, local_day, long_date
from bot.plan.model import Action, ActionStatus, PlanVersion

STATUS_WORDS = {ActionStatus.DONE: N_("gedaan"), ActionStatus.BUSY: N_("bezig"),
                ActionStatus.STUCK: N_("lukt niet"), None: N_("open")}


def agreement_status(action: Action, t: Translator) -> str:
    """What the youth last said at a check-in: "gedaan", "bezig", "lukt niet" or "open"."""
    return t.plain(STATUS_WORDS[action.status])


def by_day(day: date, t: Translator, today: date | None = None) -> str:
    """"vóór vrijdag 11 december"."""
    return t.plain(N_("vóór {day}"), day=day_with_weekday(day, t.lang, today))


def due_words(action: Action, t: Translator, today: date | None = None) -> str:
    """By when, as a real day where there is one; else the youth's word ("geen datum")."""
    return by_day(action.due, t, today) if action.due else when_word(action, t)


def overdue(action: Action, today: date) -> bool:
    return action.due is not None and action.due < today and (
        action.status is not ActionStatus.DONE)


def history(action_id: str, versions: Sequence[PlanVersion], t: Translator) -> list[str]:
    """The agreement through the plan's versions, one dated line where it began and where
    its status or day changed: "23 maart 2026: afgesproken, vóór dinsdag 31 maart 2026"."""
    lines: list[str] = []
    previous: Action | None = None
    for version in versions:
        action = next((a for a in version.actions if a.id == action_id), None)
        if action is None or (previous is not None and (action.status, action.due) == (
                previous.status, previous.due)):
            previous = action or previous
            continue
        what = (t.plain(N_("afgesproken")) if previous is None and action.status is None
                else agreement_status(action, t))
        if action.due is not None:
            what += ", " + by_day(action.due, t)
        lines.append(t.plain(N_("{day}: {what}"),
                             day=long_date(local_day(version.at), t.lang), what=what))
        previous = action
    return lines
