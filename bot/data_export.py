"""/mijngegevens: everything stored about a user as one readable JSON file, and the plan as
PDF when there is one."""

from __future__ import annotations

import json
from datetime import datetime

from bot.documents.plan_pdf import plan_pdf
from bot.flows.messages import Attachment
from bot.flows.plan_view import is_empty
from bot.i18n import Translator
from bot.storage.unit_of_work import UnitOfWork

FILENAME = "mijn-gegevens.json"
PLAN_FILENAME = "toekomstplan.pdf"


def export_attachments(uow: UnitOfWork, user_id: int, now: datetime
                       ) -> tuple[Attachment, ...]:
    """The user's record, their conversation and plan as stored, and the earlier versions
    kept for /terug — decrypted, because it is their own data."""
    stored = uow.conversations.load(user_id)
    document = {
        "exported_at": now.isoformat(),
        "user": uow.users.describe(user_id),
        "now": json.loads(stored.document) if stored else None,
        "earlier_versions_for_undo": [json.loads(step.document)
                                      for step in uow.conversations.undo_steps(user_id)],
    }
    data = json.dumps(document, ensure_ascii=False, indent=2).encode()
    files = [Attachment(filename=FILENAME, mime_type="application/json", data=data)]
    if stored is not None:
        conversation, plan = stored.parse()
        if not is_empty(plan):
            pdf = plan_pdf(plan, Translator(conversation.lang), now.date())
            files.append(Attachment(PLAN_FILENAME, "application/pdf", pdf))
    return tuple(files)
