"""The files made from a plan, named after whose plan it is and the day: one place that
turns a message's requested documents (see ``Message.documents``) into attachments.

The plan passed in is what the receiver may see (for others: a filtered copy, see
:func:`bot.sharing.access.visible`), so a file never holds more than the chat does.

A file takes longer to make than a turn (a PDF ~90 ms), so none is made inside a turn's
transaction: a message names the files it needs and they are made after the commit. A
file of the user's own plan is named by its kind (:data:`PLAN_PDF`); a file of a plan
shared with the user by :func:`shared_document`, which names the link it is shared over.
That plan is read, and filtered by the link's role, when the message is about to go out (in
the turn for a reply, when the courier claims it for an outbox message), so a file in the
outbox shows the plan as it is when it is sent, to someone still allowed to see it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime

from bot.documents.network_picture import network_png
from bot.documents.plan_pdf import plan_pdf
from bot.i18n import N_, Translator
from bot.local_time import local_day
from bot.messages import NETWORK_PICTURE, PLAN_PDF, Attachment, Message
from bot.plan.model import Plan
from bot.plan.sharing_model import ProfessionalProfile, SharedView
from bot.plan.voice import FOR_OTHERS, FOR_YOUTH, Voice

SLUG_LENGTH = 30


def file_name(stem: str, plan: Plan, today: date, extension: str) -> str:
    """``toekomstplan-noor-2026-11-24.pdf``: ASCII only, so every phone and mail client
    keeps it intact."""
    ascii_name = unicodedata.normalize("NFKD", plan.name or "").encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.decode().lower())[:SLUG_LENGTH].strip("-")
    return "-".join(part for part in (stem, slug, today.isoformat()) if part) + extension


def plan_document(plan: Plan, t: Translator, now: datetime, voice: Voice = FOR_YOUTH,
                  reader: ProfessionalProfile | None = None) -> Attachment:
    today = local_day(now)
    return Attachment(file_name("toekomstplan", plan, today, ".pdf"), "application/pdf",
                      plan_pdf(plan, t, today, voice, reader),
                      caption=t.plain(N_("Het toekomstplan als PDF")))


def network_document(plan: Plan, t: Translator, now: datetime, voice: Voice = FOR_YOUTH,
                     reader: ProfessionalProfile | None = None) -> Attachment:
    del reader  # the picture is the same for every reader
    return Attachment(file_name("netwerk", plan, local_day(now), ".png"), "image/png",
                      network_png(plan, t, voice))


MAKERS = {NETWORK_PICTURE: network_document, PLAN_PDF: plan_document}
SHARED = "link:"


def shared_document(kind: str, link_id: int) -> str:
    """A document (``kind``) of the youth's plan behind link ``link_id``, as its member may
    see it."""
    return f"{SHARED}{link_id}:{kind}"


def read_shared(marker: str) -> tuple[str, int] | None:
    """(kind, link id) of a :func:`shared_document` marker; None for the user's own."""
    if not marker.startswith(SHARED):
        return None
    link_id, _, kind = marker.removeprefix(SHARED).partition(":")
    return (kind, int(link_id)) if link_id.isdigit() and kind in MAKERS else None


def asks_for_files(messages: list[Message]) -> bool:
    return any(message.documents for message in messages)


def attach_documents(messages: list[Message], plan: Plan, t: Translator, now: datetime,
                     shared: Mapping[str, SharedView] | None = None) -> list[Message]:
    """The messages with the documents they ask for made and attached: the user's own from
    ``plan``, a shared one from its view in ``shared`` (left out when it has none: the
    link ended), made for its reader. ``now`` is dated in Dutch time."""
    def made(marker: str) -> tuple[Attachment, ...]:
        found = read_shared(marker)
        if found is None:
            return (MAKERS[marker](plan, t, now),)
        view = (shared or {}).get(marker)
        return (MAKERS[found[0]](view.plan, t, now, FOR_OTHERS, view.reader),
                ) if view is not None else ()

    return [replace(message, documents=(), attachments=message.attachments + tuple(
                file for marker in message.documents for file in made(marker)))
            if message.documents else message for message in messages]
