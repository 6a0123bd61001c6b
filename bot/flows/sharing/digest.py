"""What a begeleider hears when a shared plan changed: in words, what matters first.

Urgent needs first, then the agreements ("Sam vraagt jou om hulp bij 'Een eigen kamer',
vóór donderdag 31 december"; what is given to the begeleider before anything else), then
the rest as short "old → new" lines. Made from two copies the begeleider may see (see
:func:`bot.sharing.access.visible`), so nothing kept "alleen voor mij" appears.
"""

from __future__ import annotations

from datetime import date

from bot.flows.sharing.views import youth_name
from bot.i18n import N_, Translator, escape
from bot.messages import Message
from bot.plan.agreements import by_day, due_words
from bot.plan.labels import DOMAIN_PARTS, STATUS_LABELS, STATUS_PART
from bot.plan.model import Action, ActionStatus, HelperKind, Plan
from bot.plan.text import shorten
from bot.plan.voice import FOR_OTHERS, action_status, helper_word, youth_word

SHORT = 60
DIGEST_LINES = 12
# How a domain goes and what the youth wrote about it, as the plan names them ("own
# words" stay out: they are what no label held).
DOMAIN_FIELDS = {"status": STATUS_PART} | {field: label for field, label in DOMAIN_PARTS.items()
                                           if field != "own_words"}


def _short(text: str | None) -> str:
    return shorten(text, SHORT) if text else "–"


def _changed(label: str, old: str | None, new: str | None, t: Translator) -> str | None:
    if old == new:
        return None
    return t.plain(N_("{what}: {old} → {new}"), what=label, old=_short(old), new=_short(new))


def _day(action: Action, t: Translator, today: date) -> str:
    """", vóór vrijdag 11 december" (empty without a day)."""
    return ", " + by_day(action.due, t, today) if action.due else ""


ASKS_YOU = N_("{youth} vraagt jou om hulp bij '{what}'{day}.")
OBSTACLE = N_("Wat in de weg zit: {obstacle}")


def _new_agreement(plan: Plan, action: Action, t: Translator, today: date) -> str:
    youth, what = youth_name(plan, t), _short(action.what)
    if action.helper is HelperKind.PROFESSIONAL:
        return t.plain(ASKS_YOU, youth=youth, what=what, day=_day(action, t, today))
    return t.plain(N_("Nieuwe afspraak: '{what}', met {helper}, {when}."), what=what,
                   helper=helper_word(plan, action, t, FOR_OTHERS),
                   when=due_words(action, t, today))


STATUS_NEWS = {ActionStatus.DONE: N_("{youth} heeft '{what}' gedaan."),
               ActionStatus.BUSY: N_("{youth} is nog bezig met '{what}'."),
               ActionStatus.STUCK: N_("{youth} loopt vast met '{what}'.")}


def _still_busy_day(earlier: Action, action: Action, t: Translator, today: date) -> str:
    """After "nog bezig", by when it should be done now: " Nieuwe datum: vóór vrijdag 8
    mei." when the youth chose another day, else the day as it was (empty without one)."""
    if action.due is None:
        return ""
    day = by_day(action.due, t, today)
    if action.due != earlier.due:
        return " " + t.plain(N_("Nieuwe datum: {day}."), day=day)
    return " " + t.plain(N_("Datum: {day}."), day=day)


def _agreement_news(old: Plan, new: Plan, earlier: Action, action: Action, t: Translator,
                    today: date) -> str | None:
    """The one thing that matters most of what changed in one agreement, or None."""
    youth, what, day = youth_name(new, t), _short(action.what), _day(action, t, today)
    if (earlier.helper, earlier.person_id, earlier.helper_text) != (
            action.helper, action.person_id, action.helper_text):
        if action.helper is HelperKind.PROFESSIONAL:
            news = t.plain(ASKS_YOU, youth=youth, what=what, day=day)
            if action.obstacle and action.obstacle != earlier.obstacle:
                news += " " + t.plain(OBSTACLE, obstacle=_short(action.obstacle))
            return news
        return t.plain(N_("{youth} heeft '{what}' nu bij {helper} gelegd{day}."), youth=youth,
                       what=what, helper=helper_word(new, action, t, FOR_OTHERS), day=day)
    if action.status is not None and action.status != earlier.status:
        news = t.plain(STATUS_NEWS[action.status], youth=youth, what=what)
        if action.status is ActionStatus.BUSY:
            news += _still_busy_day(earlier, action, t, today)
        if action.status is ActionStatus.STUCK and action.obstacle:
            news += " " + t.plain(OBSTACLE, obstacle=_short(action.obstacle))
        return news
    if action.due != earlier.due:
        return (t.plain(N_("Nieuwe datum voor '{what}': {day}."), what=what,
                        day=by_day(action.due, t, today))
                if action.due else t.plain(N_("'{what}' heeft nu geen datum."), what=what))
    renamed = old.model_copy(update={"name": new.name})  # "Noor zelf" stays the same helper
    return _changed(what, action_status(renamed, earlier, t), action_status(new, action, t), t)


def agreement_changes(old: Plan, new: Plan, t: Translator, today: date) -> list[str]:
    """Each agreement that changed, in one sentence; those given to the begeleider first."""
    mine, others = [], []
    for action in new.actions:
        earlier = old.action(action.id)
        line = (_new_agreement(new, action, t, today) if earlier is None
                else _agreement_news(old, new, earlier, action, t, today))
        if line:
            (mine if action.helper is HelperKind.PROFESSIONAL else others).append(line)
    others += [t.plain(N_("Afspraak weg: '{what}'."), what=_short(a.what))
               for a in old.actions if new.action(a.id) is None]
    return mine + others


def describe_changes(old: Plan, new: Plan, t: Translator, today: date) -> list[str]:
    """What changed between two shared copies of a plan, what matters first: urgent needs,
    the agreements, then the rest (old → new)."""
    lines: list[str | None] = [t.plain(N_("Nieuw dringend: {what}"), what=_short(u.text))
                               for u in new.urgent if u.id not in {o.id for o in old.urgent}]
    lines += [t.plain(N_("Niet meer dringend: {what}"), what=_short(u.text))
              for u in old.urgent if u.id not in {n.id for n in new.urgent}]
    lines += agreement_changes(old, new, t, today)
    lines += [_changed(t.plain(N_("Naam")), old.name, new.name, t),
              _changed(t.plain(N_("Leeftijd")), str(old.age or ""), str(new.age or ""), t)]
    lines += [t.plain(N_("Nieuw in het netwerk: {name}"), name=p.name)
              for p in new.people if old.person(p.id) is None]
    lines += [t.plain(N_("Niet meer in het netwerk: {name}"), name=p.name)
              for p in old.people if new.person(p.id) is None]
    jims = [(plan.jim_person().name if plan.jim_person() else None) for plan in (old, new)]
    lines.append(_changed(t.plain(N_("JIM")), *jims, t))
    youth = youth_word(new, t)
    for domain, label in FOR_OTHERS.domains.items():
        before, after = old.domains.get(domain), new.domains.get(domain)
        if after is None or before == after:
            continue
        for field, field_label in DOMAIN_FIELDS.items():
            was = getattr(before, field) if before else None
            now = getattr(after, field)
            if field == "status":
                was, now = (t.plain(STATUS_LABELS[v]).lower() if v else None for v in (was, now))
            part = t.plain(field_label).lower()
            lines.append(_changed(f"{t.plain(label, youth=youth)} – {part}", was, now, t))
    if new.confirmed and not old.confirmed:
        lines.append(t.plain(N_("Het plan is klaar.")))
    return [line for line in lines if line]


def digest_message(old: Plan, new: Plan, t: Translator, today: date) -> Message | None:
    """What changed since the last message: never the whole plan again."""
    lines = describe_changes(old, new, t, today)
    if not lines:
        return None
    shown = ["• " + escape(line) for line in lines[:DIGEST_LINES]]
    if len(lines) > DIGEST_LINES:
        shown.append(t(N_("… en nog {count} dingen."), count=len(lines) - DIGEST_LINES))
    return Message("\n".join([t(N_("<b>Het plan van {youth} is veranderd:</b>"),
                                 youth=youth_name(new, t)), *shown,
                               t(N_("Het hele plan zie je met /jongeren."))]))
