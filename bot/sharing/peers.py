"""Reaching the other people in a shared plan from inside one turn's unit of work.

Messages to someone else are built in *their* language and go to the outbox in the same
transaction; another youth's plan is loaded and saved through the conversations repository.

Locks: a turn holds its own user's conversation row from its first statement. Another
user's row is locked only to be written (:meth:`Peers.load`, by a member answering the
youth's ask), never to be read: views, names and languages come from what is committed
(:meth:`Peers.plan`, :meth:`Peers.translator`). So a youth's turn never waits for anyone
else's conversation, and the only second row a turn may lock is a youth's, taken by one of
her members — one order, youth last, which a deadlock needs two of.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.documents.files import read_shared
from bot.flows.conversation import Conversation
from bot.i18n import Translator
from bot.messages import Message
from bot.plan.agenda import agenda
from bot.plan.model import Plan
from bot.plan.sharing_model import SharedView, ShareRole
from bot.sharing.access import visible
from bot.storage.repositories import Stored
from bot.storage.sharing_repositories import LinkRow
from bot.storage.unit_of_work import UnitOfWork


class Peers:
    def __init__(self, uow: UnitOfWork, now: datetime) -> None:
        self.uow = uow
        self.now = now

    @staticmethod
    def _parsed(stored: Stored | None) -> tuple[Conversation, Plan]:
        return stored.parse() if stored is not None else (Conversation(), Plan())

    def load(self, user_id: int) -> tuple[Conversation, Plan]:
        """Another user's conversation and plan, locked: to change and :meth:`save`."""
        return self._parsed(self.uow.conversations.load(user_id))

    def plan(self, user_id: int) -> Plan:
        """Another user's plan, to read (no lock)."""
        return self._parsed(self.uow.conversations.read(user_id))[1]

    def translator(self, user_id: int) -> Translator:
        """Another user's language (no lock)."""
        return Translator(self._parsed(self.uow.conversations.read(user_id))[0].lang)

    def save(self, user_id: int, conversation: Conversation, plan: Plan) -> None:
        """Write a youth's plan changed by someone else (a helper's answer); their schedule
        follows it (a helper who said yes gets a nudge)."""
        self.uow.conversations.save(user_id, conversation, plan, self.now, is_new=False)
        self.uow.schedule.plan(user_id, agenda(plan), self.now)

    def send(self, user_id: int, build: Callable[[Translator], list[Message]],
             about: LinkRow | None = None, youth_id: int | None = None) -> bool:
        """Queue messages for another user, written in their language. Messages to a member
        about a youth name their link (``about``): they go when the link goes; without a
        link, the youth they name (``youth_id``): they go when the youth is erased.

        ``build`` may find nothing to say (a digest of no change): then nothing is queued.
        Returns whether something was."""
        messages = build(self.translator(user_id))
        if messages:
            self.uow.outbox.put(user_id, messages, self.now, about, youth_id)
        return bool(messages)

    def shared_views(self, member_id: int, messages: list[Message]) -> dict[str, SharedView]:
        """The plans the shared documents in ``messages`` are made from (see
        :func:`bot.documents.files.shared_document`): each youth's plan as it is now, as
        ``member_id`` may see it over that link now, and who they are (a begeleider). A link
        that ended gives no plan, so its file is not made."""
        views: dict[str, SharedView] = {}
        for marker in {kind for message in messages for kind in message.documents}:
            found = read_shared(marker)
            link = self.uow.links.get(found[1]) if found else None
            if link is not None and link.member_id == member_id:
                views[marker] = SharedView(
                    visible(self.plan(link.youth_id), link),
                    self.uow.professionals.get(member_id)
                    if link.role is ShareRole.PROFESSIONAL else None)
        return views
