"""The summary a begeleider gets when a plan is shared with them or finished: what matters
first. Urgent needs, then what is asked of them with real days ("vóór vrijdag 11
december"), then agreements that are stuck or past their day, then who the JIM is; the
whole plan is in the PDF. Made from the copy a begeleider may see (never what the youth
keeps "alleen voor mij")."""

from __future__ import annotations

from datetime import date

from bot.flows.sharing.views import youth_name
from bot.i18n import N_, Translator, escape
from bot.messages import Message
from bot.plan.agreements import agreement_status, due_words, overdue
from bot.plan.model import Action, ActionStatus, HelperKind, Plan
from bot.plan.relations import relation_text, unnamed
from bot.plan.text import shorten
from bot.plan.voice import FOR_OTHERS, helper_word, person_word, urgent_line

WHAT_SHOWN = 60


def summary_message(view: Plan, t: Translator, today: date) -> Message:
    """``view``: the plan as the begeleider may see it (:func:`bot.sharing.access.visible`)."""
    youth = youth_name(view, t)
    lines = [t(N_("<b>Toekomstplan van {youth}</b>"), youth=youth)]
    if view.age is not None:
        lines[0] += " " + t(N_("({age} jaar)"), age=view.age)
    if view.urgent:
        lines.append(t(N_("<b>Eerst regelen:</b>")))
        lines += ["• " + escape(urgent_line(view, u, t, FOR_OTHERS)) for u in view.urgent]
    open_ = [a for a in view.actions if a.status is not ActionStatus.DONE]
    asked = [a for a in open_ if a.helper is HelperKind.PROFESSIONAL]
    if asked:
        lines.append(t(N_("<b>Gevraagd aan jou:</b>")))
        lines += ["• " + escape(_asked_line(a, t, today)) for a in asked]
    attention = [a for a in open_ if a not in asked
                 and (a.status is ActionStatus.STUCK or overdue(a, today))]
    if attention:
        lines.append(t(N_("<b>Loopt vast of is te laat:</b>")))
        lines += ["• " + escape(_other_line(view, a, t, today)) for a in attention]
    jim = view.jim_person()
    if jim is None:
        lines.append(t(N_("{youth} heeft nog geen JIM."), youth=youth))
    else:
        name = person_word(jim, t, FOR_OTHERS, start=True)
        if jim.relation and not unnamed(jim):
            name += f" ({relation_text(jim.relation, t)})"
        lines.append(t(N_("JIM: {name}"), name=name))
    done = len(view.actions) - len(open_)
    lines.append(t(N_("Mensen: {count}. Afspraken: {count_actions}. Gedaan: {done}."),
                   count=len(view.people), count_actions=len(view.actions), done=done))
    if view.private_domains:
        lines.append(t(FOR_OTHERS.private or "", youth=youth))
    lines.append(t(N_("Het hele plan staat in de PDF. Met /jongeren zie je het ook hier.")))
    return Message("\n".join(lines))


def _asked_line(action: Action, t: Translator, today: date) -> str:
    """"Hulp met mijn post, vóór vrijdag 27 maart (open)"."""
    status = agreement_status(action, t)
    if overdue(action, today):
        status += ", " + t.plain(N_("te laat"))
    return f"{shorten(action.what, WHAT_SHOWN)}, {due_words(action, t, today)} ({status})"


def _other_line(plan: Plan, action: Action, t: Translator, today: date) -> str:
    """"Een eigen kamer (Ahmed (JIM), vóór dinsdag 31 maart, lukt niet)"."""
    return (f"{shorten(action.what, WHAT_SHOWN)} ({helper_word(plan, action, t, FOR_OTHERS)}, "
            f"{due_words(action, t, today)}, {agreement_status(action, t)})")
