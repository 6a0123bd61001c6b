"""The files a professional receives with a shared plan: one place that picks them.

The plan is passed already filtered (see :func:`bot.flows.sharing.views.shared_copy`), so a
document can never hold more than the chat view does.
"""

from __future__ import annotations

from datetime import date

from bot.documents.plan_pdf import plan_pdf
from bot.flows.messages import Attachment
from bot.i18n import N_, Translator
from bot.plan.model import Plan

FILENAME = "toekomstplan.pdf"


def plan_document(plan: Plan, t: Translator, today: date) -> Attachment:
    return Attachment(FILENAME, "application/pdf", plan_pdf(plan, t, today),
                      caption=t.plain(N_("Het toekomstplan als PDF")))
