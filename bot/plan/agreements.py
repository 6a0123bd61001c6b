"""An agreement as a professional reads it: its status from the check-ins (gedaan, bezig,
lukt niet, open), the day it is due with its weekday ("vóór vrijdag 11 december") and its
history from the plan's versions. Pure: the summary, the digest and the PDF share these
words, so they never say the same thing differently."""

from __future__ import annotations

from datetime import date

from bot.i18n import N_, Translator
from bot.local_time import day_with_weekday, local_day, long_date
from bot.plan.model import Action, ActionStatus, Plan
from bot.plan.voice import Voice, helper_word, when_word

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


def _state(action: Action) -> tuple[object, ...]:
    return action.status, action.due, action.helper, action.person_id, action.helper_text


def history(action: Action, plan: Plan, t: Translator, voice: Voice) -> list[str]:
    """The agreement through the plan's versions and as it is now, one line where it began
    and where its status, helper or day changed: "23 maart 2026: afgesproken, Ahmed (JIM),
    vóór dinsdag 31 maart 2026"."""
    lines: list[str] = []
    previous: Action | None = None
    dated: list[tuple[str, Action | None]] = [
        (long_date(local_day(version.at), t.lang),
         next((a for a in version.actions if a.id == action.id), None))
        for version in plan.versions]
    for day, then in [*dated, (t.plain(N_("nu")), action)]:
        if then is None or (previous is not None and _state(then) == _state(previous)):
            continue
        words = [t.plain(N_("afgesproken")) if previous is None and then.status is None
                 else agreement_status(then, t), helper_word(plan, then, t, voice)]
        if then.due is not None:
            words.append(by_day(then.due, t))
        lines.append(t.plain(N_("{day}: {what}"), day=day, what=", ".join(words)))
        previous = then
    return lines
