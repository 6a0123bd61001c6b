"""One user turn is one unit of work: load the conversation, run the flow, store, reply.

Every chat adapter (terminal, Telegram) calls :meth:`Turns.handle`; the replies it returns
are committed before they are shown, so a crash never shows what was not stored. Files
(the network picture) are made after the commit, from the stored plan: an adapter may make
them elsewhere (:meth:`Turns.take` and :meth:`Taken.with_documents`). Messages
a turn causes for *other* users (a JIM's ask, a notice, a handoff) are written to the outbox
in the same transaction; adapters fetch them with :meth:`Turns.pending` (or, where several
processes deliver, :meth:`Turns.claim`) after the turn and confirm with
:meth:`Turns.delivered`.

A turn that loses a race with another transaction on PostgreSQL (a deadlock, a
serialization failure), or meets a connection the server dropped, did nothing — the database
rolled it back — and runs again with the same input and the same time, up to
:data:`ATTEMPTS` times; the user only sees the reply of
the attempt that was stored. Two updates of one user are handled one after the other, also
in two processes: each turn first takes its user's lock (:meth:`UnitOfWork.start_turn`).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot import scheduler
from bot.data_export import export_file
from bot.documents.files import asks_for_files, attach_documents
from bot.documents.recent import forget_recent
from bot.flows import engine
from bot.flows.conversation import Conversation
from bot.flows.turn import TurnResult, Undo
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator
from bot.local_time import utc_now
from bot.messages import DATA_EXPORT, Message, Reply, UserInput
from bot.plan.model import Plan
from bot.plan.sharing_model import SharedView
from bot.sharing.handoffs import Handoffs, keep_what_others_did
from bot.sharing.peers import Peers
from bot.sharing.service import Sharing
from bot.sharing.tokens import new_token
from bot.storage.forgetting import forget_deleted
from bot.storage.handled import UpdateRef
from bot.storage.repositories import Stored
from bot.storage.sharing_repositories import Delivery
from bot.storage.unit_of_work import Store, UnitOfWork, may_run_again

log = logging.getLogger(__name__)
ATTEMPTS = 5  # a turn that keeps meeting deadlocks fails after this many tries
BACKOFF = 0.02  # seconds: the longest wait before attempt n is n times this, at random


@dataclass(frozen=True, slots=True)
class Taken:
    """A stored turn whose files are not made yet. Drawing a picture takes longer than the
    turn and needs no database, so it can happen outside the turn's transaction."""

    reply: Reply
    plan: Plan
    lang: str
    now: datetime
    shared: dict[str, SharedView] = field(default_factory=dict)  # see Peers.shared_views
    erased: bool = False  # the user erased everything (/verwijder) in this turn
    again: bool = False  # the update came before and its turn is stored: only asked again
    for_others: bool = False  # the turn put messages in the outbox (a courier is needed)

    @property
    def has_documents(self) -> bool:
        return asks_for_files(self.reply.messages)

    def with_documents(self) -> Reply:
        if not self.has_documents:
            return self.reply
        return replace(self.reply, messages=attach_documents(
            self.reply.messages, self.plan, Translator(self.lang), self.now, self.shared))


def with_documents(delivery: Delivery, now: datetime) -> Delivery:
    """The delivery with its files made (after the claim's transaction, see
    :meth:`Turns.claim`): from the shared plans read with it, dated ``now``."""
    if not asks_for_files(delivery.messages):
        return delivery
    return replace(delivery, messages=attach_documents(
        delivery.messages, Plan(), Translator(delivery.lang), now, delivery.shared))


def with_sources(uow: UnitOfWork, now: datetime, deliveries: list[Delivery]) -> list[Delivery]:
    """Deliveries with what their files are made from: the shared plans as their
    recipients may see them now, and the recipients' languages."""
    peers = Peers(uow, now)
    return [replace(delivery, shared=peers.shared_views(delivery.recipient_id,
                                                        delivery.messages),
                    lang=peers.translator(delivery.recipient_id).lang)
            if asks_for_files(delivery.messages) else delivery for delivery in deliveries]


class Turns:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utc_now,
                 make_token: Callable[[], str] = new_token) -> None:
        self.store = store
        self.clock = clock
        self.make_token = make_token
        self._retried = 0
        self._counting = threading.Lock()

    @property
    def retried(self) -> int:
        """How many turns ran again after losing a race with another transaction."""
        return self._retried

    def pending(self, channel: str, external_id: str | None = None,
                limit: int = 100) -> list[Delivery]:
        """Outbox messages due for users of ``channel`` (or for one of them), oldest first,
        with their files made. Nothing is claimed: for a chat whose recipient reads
        in one place (the terminal); several couriers use :meth:`claim`."""
        now = self.clock()
        with UnitOfWork(self.store) as uow:
            due = uow.outbox.pending(channel, external_id, limit, now=now)
            waiting = with_sources(uow, now, due)
        return [with_documents(delivery, now) for delivery in waiting]

    def claim(self, channel: str, lease: timedelta, limit: int = 100) -> list[Delivery]:
        """Outbox messages for users of ``channel``, now this caller's to send for
        ``lease`` (see :meth:`bot.storage.sharing_repositories.Outbox.claim`); their files are made
        from what this reads, after it, with :func:`with_documents`."""
        now = self.clock()
        with UnitOfWork(self.store) as uow:
            claimed = with_sources(uow, now, uow.outbox.claim(channel, now, now + lease, limit))
            uow.commit()
        return claimed

    def outbox_backlog(self) -> tuple[int, timedelta]:
        """How many outbox messages wait, and how long the oldest has waited."""
        with UnitOfWork(self.store) as uow:
            count, oldest = uow.outbox.backlog()
        return count, self.clock() - oldest if oldest else timedelta(0)

    def database_reachable(self) -> bool:
        """The database answers a query now (for a health check: never waits on turns)."""
        try:
            with self.store.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError:
            return False
        return True

    def release(self, delivery: Delivery, sent_parts: int) -> None:
        """A claimed delivery that could not go out now: any courier may send it later,
        from its request ``sent_parts`` on."""
        assert delivery.claimed_until is not None
        with UnitOfWork(self.store) as uow:
            uow.outbox.release(delivery.id, delivery.claimed_until, sent_parts)
            uow.commit()

    def delivered(self, ids: list[int]) -> None:
        """The adapter delivered these outbox entries; they are removed."""
        with UnitOfWork(self.store) as uow:
            uow.outbox.mark_delivered(ids)
            uow.commit()

    def not_delivered(self, channel: str, external_id: str) -> None:
        """The reply to this user's last turn never reached them (Telegram failed to send).

        The turn stays committed (holding the transaction open while sending would keep
        every other chat waiting on the network, and the outbox must stay in step with it);
        instead the conversation remembers that its current question was not seen. The
        user's next text is then not read as its answer: the question is sent again (see
        :func:`bot.flows.engine.handle`). Commands, buttons and crisis replies work as always.
        """
        with UnitOfWork(self.store) as uow:
            found = uow.conversations.load_for(channel, external_id)
            if found is None:
                return
            user_id, stored = found
            conversation, plan = stored.parse()
            conversation.undelivered = True
            uow.conversations.save(user_id, conversation, plan, self.clock(), is_new=False)
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
             language: str | None = None, update: UpdateRef | None = None) -> Taken:
        """:meth:`handle` without making the files the reply asks for. ``update``: the chat
        update this input came in, marked handled in the turn's own transaction, so the
        turn and its mark are stored together or not at all (see :mod:`bot.storage.handled`);
        one marked before is not handled again: the reply is the open question, as it stands
        (:attr:`Taken.again`)."""
        now = self.clock()
        attempt = 1
        while True:
            try:
                taken = self._take(channel, external_id, user_input, language, now, update)
                break
            except DBAPIError as error:
                if attempt == ATTEMPTS or not may_run_again(error):
                    raise
                with self._counting:
                    self._retried += 1
                log.info("turn retried after a conflict or a lost connection (%s)",
                         getattr(error.orig, "sqlstate", None) or type(error.orig).__name__)
                time.sleep(random.uniform(0, BACKOFF * attempt))
                attempt += 1
        if taken.erased:
            forget_deleted(self.store)  # after the commit: no copy left in the files
            forget_recent()  # nor in the files drawn lately (in this process)
        return taken

    def _take(self, channel: str, external_id: str, user_input: UserInput,
              language: str | None, now: datetime, update: UpdateRef | None) -> Taken:
        """One attempt at a turn, in one transaction: load → the engine (repair steps, then
        the question) → effects on other people → store → the export, if asked; and the
        update it came in, marked handled."""
        started = time.perf_counter()
        with UnitOfWork(self.store) as uow:
            again = not uow.start_turn(f"{channel}:{external_id}", update, now)
            user_id, stored, is_new = _load(uow, channel, external_id, language, now)
            conversation, plan = stored.parse()
            sharing = Sharing(uow, user_id, plan, Translator(conversation.lang), now,
                              self.make_token, user_input.account)
            if again:  # stored before: its reply may have died with the process that took it
                asked = engine.ask_again(conversation, plan, user_input, now, sharing)
                return Taken(Reply(asked), plan, conversation.lang, now, again=True)
            result = engine.handle(conversation, plan, user_input, now, sharing,
                                   undo=_undo_from(uow, user_id))
            if result.erase:
                sharing.erase()
                uow.commit()
                return Taken(Reply(result.messages), result.plan, conversation.lang, now,
                             erased=True, for_others=uow.outbox.queued > 0)
            if result.plan_changed:  # tell the links; keep the schedule in step
                _after_plan_change(uow, user_id, stored, result, now)
            uow.conversations.save(user_id, result.conversation, result.plan, now, is_new,
                                   undo=stored if result.checkpoint else None)
            messages = _with_export(uow, user_id, now, result.messages)  # (as just stored)
            shared = sharing.peers.shared_views(user_id, messages)
            uow.commit()
        if log.isEnabledFor(logging.DEBUG):  # never the text: only what kind, where, how long
            log.debug("turn user=%s input=%s state=%s->%s %.1fms",
                      self.store.sealer.pseudonym(f"{channel}:{external_id}"),
                      user_input.kind.value, conversation.state, result.conversation.state,
                      (time.perf_counter() - started) * 1000)
        return Taken(Reply(messages, result.chosen, result.counted, result.crisis), result.plan,
                     result.conversation.lang, now, shared, for_others=uow.outbox.queued > 0)


def _load(uow: UnitOfWork, channel: str, external_id: str, language: str | None,
          now: datetime) -> tuple[int, Stored, bool]:
    """The user, their stored conversation and plan (new ones on first contact, in the
    client's ``language``), and whether they are new."""
    found = uow.conversations.load_for(channel, external_id)
    if found is None:
        user_id = uow.users.ensure(channel, external_id, now)
        stored = uow.conversations.load(user_id)
    else:
        user_id, stored = found
    if stored is not None:
        return user_id, stored, False
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return user_id, Stored.of(Conversation(lang=lang), Plan()), True


def _undo_from(uow: UnitOfWork, user_id: int) -> Undo:
    """/terug: the checkpoint before the last step, taken off the user's undo stack, with
    what helpers answered since kept."""
    def undo(current: Plan) -> tuple[Conversation, Plan] | None:
        previous = uow.conversations.pop_undo(user_id)
        if previous is None:
            return None
        conversation, plan = previous.parse()
        keep_what_others_did(plan, current)
        return conversation, plan

    return undo


def _after_plan_change(uow: UnitOfWork, user_id: int, stored: Stored,
                       result: TurnResult, now: datetime) -> None:
    """The plan changed in this turn: handoffs to the youth's links, and the schedule."""
    Handoffs(uow, now).after_youth_turn(user_id, lambda: stored.parse()[1], result.plan,
                                        settled=not result.conversation.in_detour)
    scheduler.after_youth_turn(uow, user_id, lambda: stored.parse()[1], result.plan, now)


def _with_export(uow: UnitOfWork, user_id: int, now: datetime,
                 messages: list[Message]) -> list[Message]:
    """The messages with :data:`DATA_EXPORT` made (it reads the database, so in the turn)."""
    return [replace(message, attachments=(*message.attachments, export_file(uow, user_id, now)),
                    documents=tuple(d for d in message.documents if d != DATA_EXPORT))
            if DATA_EXPORT in message.documents else message for message in messages]
