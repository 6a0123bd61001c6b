"""/mijngegevens: everything stored about a user as one readable JSON file (the plan as PDF
comes with it, made after the turn like every file made from a plan: ``PLAN_PDF``).

The keys are plain English (the file stays machine-readable); an ``explanation`` at the top
says in the user's own language what each part is. Decrypted, because it is their own data;
never an invitation's token (only its hash is stored, and that opens nothing).
"""

from __future__ import annotations

import json
from datetime import datetime

from bot.flows.conversation import Conversation
from bot.i18n import N_, Translator
from bot.messages import Attachment
from bot.plan.model import Plan
from bot.plan.sharing_model import ShareRole
from bot.sharing.access import visible
from bot.sharing.peers import Peers
from bot.storage.sharing_repositories import LinkRow
from bot.storage.unit_of_work import UnitOfWork

FILENAME = "mijn-gegevens.json"
EXPLANATION = {
    "about": N_("Dit is alles wat ik over je heb bewaard. Het is van jou."),
    "user": N_("Hoe ik je herken: je chat, en wanneer je begon."),
    "now": N_("Je plan, en waar we zijn in het gesprek."),
    "earlier_versions_for_undo": N_("Eerdere versies. Die bewaar ik voor /terug."),
    "shared_with": N_("Wie je plan ziet, en als wat. Met je vragen om hulp aan hen."),
    "plans_shared_with_you": N_("Van wie jij het plan ziet. Met hun vragen aan jou."),
    "invitations": N_("Je uitnodigingen. De link zelf bewaar ik niet."),
    "messages_waiting_for_you": N_("Berichten voor jou die nog niet zijn bezorgd."),
    "professional_profile": N_("Wat je als begeleider over jezelf vertelde. En hoe de chat "
                               "je account noemt."),
    "planned_messages": N_("Wat ik je uit mezelf ga sturen, en wanneer."),
}


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _subject(plan: Plan, subject: str) -> str | None:
    """What an ask is about: an action of the plan, or an urgent need."""
    action, urgent = plan.action(subject), plan.urgent_need(subject)
    return action.what if action else urgent.text if urgent else None


class _Export:
    """Collects one user's rows; names as this user knows the people on the other side."""

    def __init__(self, uow: UnitOfWork, user_id: int, plan: Plan, now: datetime) -> None:
        self.uow = uow
        self.user_id = user_id
        self.plan = plan
        self.peers = Peers(uow, now)

    def member_name(self, link: LinkRow) -> str | None:
        if link.role is ShareRole.PROFESSIONAL:
            profile = self.uow.professionals.get(link.member_id)
            return profile.name if profile else None
        person = self.plan.person(link.person_id)
        return person.name if person else None

    def shared_with(self) -> list[dict[str, object]]:
        return [{"name": self.member_name(link), "role": link.role.value,
                 "asks": self.asks(link, self.plan)}
                for link in self.uow.links.of_youth(self.user_id)]

    def asks(self, link: LinkRow, plan: Plan) -> list[dict[str, object]]:
        return [{"about": _subject(plan, ask.subject), "status": ask.status}
                for ask in self.uow.asks.of_link(link.id)]

    def plans_shared_with_you(self) -> list[dict[str, object]]:
        found = []
        for link in self.uow.links.of_member(self.user_id):
            plan = visible(self.peers.plan(link.youth_id), link)  # no more than they see
            found.append({"youth": plan.name, "role": link.role.value,
                          "asks": self.asks(link, plan)})
        return found

    def invitations(self) -> list[dict[str, object]]:
        rows = []
        for invite in self.uow.invites.of_user(self.user_id):
            person = self.plan.person(invite.person_id)
            rows.append({"kind": invite.kind.value,
                         "made_by_you": invite.inviter_id == self.user_id,
                         "for": person.name if person else None,
                         "valid_until": _when(invite.expires_at), "used": _when(invite.used_at),
                         "accepted": _when(invite.accepted_at),
                         "withdrawn": _when(invite.revoked_at)})
        return rows


def export_file(uow: UnitOfWork, user_id: int, now: datetime) -> Attachment:
    """Everything stored about the user: their record, conversation and plan, the earlier
    versions kept for /terug, links both ways with their asks, invitations, messages waiting
    for them, a professional profile and what the bot plans to send them."""
    stored = uow.conversations.load(user_id)
    conversation, plan = stored.parse() if stored else (Conversation(), Plan())
    t = Translator(conversation.lang)
    export = _Export(uow, user_id, plan, now)
    profile = uow.professionals.get(user_id)
    document = {
        "explanation": {key: t.plain(text) for key, text in EXPLANATION.items()},
        "exported_at": now.isoformat(),
        "user": uow.users.describe(user_id),
        "now": json.loads(stored.document) if stored else None,
        "earlier_versions_for_undo": [json.loads(step.document)
                                      for step in uow.conversations.undo_steps(user_id)],
        "shared_with": export.shared_with(),
        "plans_shared_with_you": export.plans_shared_with_you(),
        "invitations": export.invitations(),
        "messages_waiting_for_you": [m.text for m in uow.outbox.waiting_for(user_id)],
        "professional_profile": profile.model_dump() if profile else None,
        "planned_messages": [{"kind": item.kind.value, "about": _subject(plan, item.subject),
                              "at": _when(item.due_at)}
                             for item in uow.schedule.waiting(user_id)],
    }
    data = json.dumps(document, ensure_ascii=False, indent=2).encode()
    return Attachment(filename=FILENAME, mime_type="application/json", data=data)
