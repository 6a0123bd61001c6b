"""Reaching the other people in a shared plan from inside one turn's unit of work.

Messages to someone else are built in *their* language and go to the outbox in the same
transaction; another youth's plan is loaded and saved through the conversations repository.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.flows.conversation import Conversation
from bot.flows.messages import Message
from bot.i18n import Translator
from bot.plan.model import Plan
from bot.storage.sharing import LinkRow
from bot.storage.unit_of_work import UnitOfWork


class Peers:
    def __init__(self, uow: UnitOfWork, now: datetime) -> None:
        self.uow = uow
        self.now = now

    def load(self, user_id: int) -> tuple[Conversation, Plan]:
        stored = self.uow.conversations.load(user_id)
        return stored.parse() if stored is not None else (Conversation(), Plan())

    def plan(self, user_id: int) -> Plan:
        return self.load(user_id)[1]

    def translator(self, user_id: int) -> Translator:
        return Translator(self.load(user_id)[0].lang)

    def save(self, user_id: int, conversation: Conversation, plan: Plan) -> None:
        self.uow.conversations.save(user_id, conversation, plan, self.now, is_new=False)

    def send(self, user_id: int, build: Callable[[Translator], list[Message]],
             about: LinkRow | None = None, youth_id: int | None = None) -> None:
        """Queue messages for another user, written in their language. Messages to a member
        about a youth name their link (``about``): they go when the link goes; without a
        link, the youth they name (``youth_id``): they go when the youth is erased."""
        self.uow.outbox.put(user_id, build(self.translator(user_id)), self.now, about,
                            youth_id)
