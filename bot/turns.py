"""One user turn is one unit of work: load the conversation, run the flow, store, reply.

Every chat adapter (terminal, Telegram) calls :meth:`Turns.handle`; the replies it returns
are committed before they are shown, so a crash never shows what was not stored. Files
(the network picture) are made after the commit, from the stored plan: an adapter may make
them elsewhere (:meth:`Turns.take` and :meth:`Taken.with_documents`). Messages
a turn causes for *other* users (a JIM's ask, a notice, a handoff) are written to the outbox
in the same transaction; adapters fetch them with :meth:`Turns.pending` after the turn and
confirm with :meth:`Turns.delivered`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from bot.data_export import export_file
from bot.documents.files import attach_documents
from bot.flows import engine
from bot.flows.conversation import Conversation
from bot.flows.engine import Effect
from bot.flows.messages import Reply, UserInput
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator
from bot.plan.model import Plan
from bot.sharing.service import Handoffs, Sharing
from bot.sharing.tokens import new_token
from bot.storage.repositories import Stored
from bot.storage.sharing import Delivery
from bot.storage.unit_of_work import Store, UnitOfWork

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Taken:
    """A stored turn whose files are not made yet. Drawing a picture takes longer than the
    turn and needs no database, so it can happen outside the turn's transaction."""

    reply: Reply
    plan: Plan
    lang: str
    now: datetime

    @property
    def has_documents(self) -> bool:
        return any(message.documents for message in self.reply.messages)

    def with_documents(self) -> Reply:
        if not self.has_documents:
            return self.reply
        return replace(self.reply, messages=attach_documents(
            self.reply.messages, self.plan, Translator(self.lang), self.now))


class Turns:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utc_now,
                 make_token: Callable[[], str] = new_token) -> None:
        self.store = store
        self.clock = clock
        self.make_token = make_token

    def pending(self, channel: str, external_id: str | None = None,
                limit: int = 100) -> list[Delivery]:
        """Outbox messages due for users of ``channel`` (or for one of them), oldest first."""
        with UnitOfWork(self.store) as uow:
            return uow.outbox.pending(channel, external_id, limit, now=self.clock())

    def delivered(self, ids: list[int]) -> None:
        """The adapter delivered these outbox entries; they are removed."""
        with UnitOfWork(self.store) as uow:
            uow.outbox.mark_delivered(ids)
            uow.commit()

    @property
    def local(self) -> bool:
        """The database is a file on this machine (SQLite): a turn waits on nothing else."""
        return self.store.writer is not None

    def handle(self, channel: str, external_id: str, user_input: UserInput,
               language: str | None = None) -> Reply:
        """Process one input of one user; ``language`` is the client's, used on first contact."""
        return self.take(channel, external_id, user_input, language).with_documents()

    def take(self, channel: str, external_id: str, user_input: UserInput,
             language: str | None = None) -> Taken:
        """:meth:`handle` without making the files the reply asks for."""
        now = self.clock()
        started = time.perf_counter()
        with UnitOfWork(self.store) as uow:
            found = uow.conversations.load_for(channel, external_id)
            if found is None:
                user_id = uow.users.ensure(channel, external_id, now)
                stored = uow.conversations.load(user_id)
            else:
                user_id, stored = found
            if stored is None:
                lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
                conversation, plan = Conversation(lang=lang), Plan()
                stored = Stored.of(conversation, plan)
                is_new = True
            else:
                conversation, plan = stored.parse()
                is_new = False
            lang = conversation.lang
            last_change = plan.history[-1] if plan.history else None
            sharing = Sharing(uow, user_id, plan, Translator(lang), now, self.make_token)
            result = engine.handle(conversation, plan, user_input, now, sharing)
            messages = result.messages
            if result.effect is Effect.ERASE:
                sharing.erase()
                uow.commit()
                return Taken(Reply(messages), plan, lang, now)
            if result.effect is Effect.UNDO:
                previous = uow.conversations.pop_undo(user_id)
                if previous is not None:
                    result.conversation, result.plan = previous.parse()
                    result.conversation.lang = lang
                messages = engine.after_undo(result.conversation, result.plan,
                                             previous is not None, now)
            elif result.checkpoint:
                uow.conversations.push_undo(user_id, stored)
            history = result.plan.history
            if history and history[-1] is not last_change:  # the plan changed: tell the links
                Handoffs(uow, now).after_youth_turn(user_id, lambda: stored.parse()[1],
                                                    result.plan,
                                                    settled=not result.conversation.in_detour)
            uow.conversations.save(user_id, result.conversation, result.plan, now, is_new)
            if result.effect is Effect.EXPORT:
                messages[0] = replace(messages[0], attachments=(export_file(uow, user_id, now),))
            uow.commit()
        if log.isEnabledFor(logging.DEBUG):  # never the text: only what kind, where, how long
            log.debug("turn user=%s input=%s state=%s->%s %.1fms",
                      self.store.sealer.pseudonym(f"{channel}:{external_id}"),
                      user_input.kind.value, conversation.state, result.conversation.state,
                      (time.perf_counter() - started) * 1000)
        return Taken(Reply(messages, result.chosen, result.counted), result.plan,
                     result.conversation.lang, now)
