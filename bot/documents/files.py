"""The files made from a plan, named after whose plan it is and the day: one place that
turns a message's requested documents (see ``Message.documents``) into attachments.

The plan passed in is what the receiver may see (for others: a filtered copy, see
:func:`bot.flows.sharing.views.shared_copy`), so a file never holds more than the chat does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime

from bot.documents.network_picture import network_png
from bot.documents.plan_pdf import plan_pdf
from bot.flows.messages import NETWORK_PICTURE, PLAN_PDF, Attachment, Message
from bot.flows.plan_voice import FOR_YOUTH, Voice
from bot.i18n import N_, Translator
from bot.local_time import local_day
from bot.plan.model import Plan

SLUG_LENGTH = 30


def file_name(stem: str, plan: Plan, today: date, extension: str) -> str:
    """``toekomstplan-noor-2026-11-24.pdf``: ASCII only, so every phone and mail client
    keeps it intact."""
    ascii_name = unicodedata.normalize("NFKD", plan.name or "").encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.decode().lower())[:SLUG_LENGTH].strip("-")
    return "-".join(part for part in (stem, slug, today.isoformat()) if part) + extension


def plan_document(plan: Plan, t: Translator, now: datetime,
                  voice: Voice = FOR_YOUTH) -> Attachment:
    today = local_day(now)
    return Attachment(file_name("toekomstplan", plan, today, ".pdf"), "application/pdf",
                      plan_pdf(plan, t, today, voice),
                      caption=t.plain(N_("Het toekomstplan als PDF")))


def network_document(plan: Plan, t: Translator, now: datetime,
                     voice: Voice = FOR_YOUTH) -> Attachment:
    return Attachment(file_name("netwerk", plan, local_day(now), ".png"), "image/png",
                      network_png(plan, t, voice))


MAKERS = {NETWORK_PICTURE: network_document, PLAN_PDF: plan_document}


def attach_documents(messages: list[Message], plan: Plan, t: Translator,
                     now: datetime) -> list[Message]:
    """The messages with the documents they ask for made from ``plan`` and attached;
    ``now`` is dated in Dutch time."""
    return [replace(message, documents=(), attachments=message.attachments + tuple(
                MAKERS[kind](plan, t, now) for kind in message.documents))
            if message.documents else message for message in messages]
