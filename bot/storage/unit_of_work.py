"""The unit of work: one transaction around one user turn, with the repositories it needs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType

from sqlalchemy import Connection, Engine, bindparam, text
from sqlalchemy.exc import DBAPIError

from bot.storage.handled import HandledUpdates, UpdateRef
from bot.storage.repositories import Conversations, Users
from bot.storage.schedule import Schedule
from bot.storage.sealing import Sealer
from bot.storage.sharing_repositories import Asks, Invites, Links, Outbox, Professionals


@dataclass(frozen=True)
class Store:
    """Where conversations live: the database, and the key that seals what is stored.

    ``writer`` serialises this process's transactions on SQLite, which allows one writer at
    a time anyway: waiting on a lock is quicker than SQLite's sleep-and-retry when busy.
    """

    engine: Engine
    sealer: Sealer
    writer: threading.Lock | None = field(default=None, compare=False)


# PostgreSQL's answers to a transaction that lost a race with another one: it did nothing
# and may simply run again (deadlock_detected, serialization_failure).
CONFLICTS = frozenset({"40P01", "40001"})
_LOCK_USER = text("SELECT pg_advisory_xact_lock(:key)").bindparams(bindparam("key"))


def is_conflict(error: BaseException) -> bool:
    """The database rolled the transaction back because of another one: running it again
    is safe and will likely succeed."""
    return (isinstance(error, DBAPIError)
            and getattr(error.orig, "sqlstate", None) in CONFLICTS)


def may_run_again(error: BaseException) -> bool:
    """The transaction did nothing and may simply run again: it lost a race (see
    :func:`is_conflict`), or its connection was found dropped at one of its statements (the
    pool makes a new one; the server rolled back what the transaction had begun). Not when
    the connection went during the commit: the transaction may have been stored."""
    return is_conflict(error) or (isinstance(error, DBAPIError) and error.connection_invalidated
                                  and error.statement is not None)


def lock_key(sealer: Sealer, chat_key: str) -> int:
    """The advisory lock number of one user: their keyed hash, as a signed 64-bit integer
    (so the database's lock table shows no chat id)."""
    return int.from_bytes(bytes.fromhex(sealer.identity(chat_key)[:16]), "big", signed=True)


class UnitOfWork:
    """``with UnitOfWork(store) as uow: …; uow.commit()`` — anything not committed rolls back."""

    users: Users
    conversations: Conversations
    invites: Invites
    links: Links
    asks: Asks
    outbox: Outbox
    professionals: Professionals
    schedule: Schedule
    handled: HandledUpdates

    def __init__(self, store: Store) -> None:
        self.store = store
        self._connection: Connection | None = None
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        if self.store.writer:
            self.store.writer.acquire()
        self._connection = self.store.engine.connect()
        self._connection.begin()
        self._committed = False
        self.users = Users(self._connection, self.store.sealer)
        self.conversations = Conversations(self._connection, self.store.sealer)
        self.invites = Invites(self._connection)
        self.links = Links(self._connection, self.store.sealer)
        self.asks = Asks(self._connection)
        self.outbox = Outbox(self._connection, self.store.sealer)
        self.professionals = Professionals(self._connection, self.store.sealer)
        self.schedule = Schedule(self._connection)
        self.handled = HandledUpdates(self._connection)
        return self

    def lock_user(self, chat_key: str) -> None:
        """Hold this user (``channel:external_id``) until the transaction ends: on
        PostgreSQL a transaction-scoped advisory lock, so two processes that each got an
        update of the same user handle them one after the other. (SQLite has one writer at
        a time anyway.) Taken first, before any row lock, and only for the turn's own user."""
        key = self._lock_key(chat_key)
        if key is not None:
            self._connection.execute(_LOCK_USER, {"key": key})  # type: ignore[union-attr]

    def start_turn(self, chat_key: str, update: UpdateRef | None, now: datetime) -> bool:
        """A turn's first step: :meth:`lock_user`, then the chat update it came in marked
        handled (:mod:`bot.storage.handled`), in one statement. False: that update was
        handled before: this turn stores nothing (its open question is asked again)."""
        if update is None:
            self.lock_user(chat_key)
            return True
        return self.handled.mark(update, now, lock=self._lock_key(chat_key))

    def _lock_key(self, chat_key: str) -> int | None:
        """The user's advisory lock number, on PostgreSQL (None on SQLite)."""
        assert self._connection is not None
        if self._connection.dialect.name != "postgresql":
            return None
        return lock_key(self.store.sealer, chat_key)

    def commit(self) -> None:
        assert self._connection is not None
        self._connection.commit()
        self._committed = True

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self._connection is not None
        if not self._committed:
            self._connection.rollback()
        self._connection.close()
        self._connection = None
        if self.store.writer:
            self.store.writer.release()
