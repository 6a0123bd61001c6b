"""A begeleider's weekly overview of their youths (opt-in with ``/herinneringen``): what
asks for them first — urgent needs nobody picked up, agreements past their date, check-ins
without an answer. Made from the plans as the begeleider may see them (never what a youth
keeps "alleen voor mij")."""

from __future__ import annotations

from datetime import date

from bot.flows.sharing.views import told_apart, youth_name
from bot.i18n import N_, Translator
from bot.local_time import long_date
from bot.messages import Message
from bot.plan.model import ActionStatus, Plan
from bot.plan.text import shorten

WHAT_SHOWN = 60


def youth_lines(plan: Plan, today: date, t: Translator) -> list[str]:
    lines = [t(N_("⚠️ Dringend: {need}"), need=shorten(u.text, WHAT_SHOWN))
             for u in plan.urgent if u.response is None]
    for action in plan.actions:
        what = shorten(action.what, WHAT_SHOWN)
        if action.status is ActionStatus.DONE or action.due is None:
            continue
        if action.asked_on is not None and action.status is None:
            lines.append(t(N_("❔ Geen antwoord op de vraag over: {what}"), what=what))
        elif action.due < today:
            lines.append(t(N_("⏰ Over de datum ({day}): {what}"),
                           day=long_date(action.due, t.lang), what=what))
    return lines


def weekly_overview(plans: list[Plan], today: date, t: Translator) -> Message:
    names = told_apart([youth_name(plan, t) for plan in plans])
    blocks = [t(N_("<b>Je weekoverzicht</b> ({day})"), day=long_date(today, t.lang))]
    for name, plan in zip(names, plans, strict=True):
        lines = youth_lines(plan, today, t) or [t(N_("Niets open."))]
        blocks.append("\n".join([t(N_("<b>{name}</b>"), name=name), *lines]))
    if not plans:
        blocks.append(t(N_("Je hebt nog geen jongeren.")))
    return Message("\n\n".join(blocks))
