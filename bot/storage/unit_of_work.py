"""The unit of work: one transaction around one user turn, with the repositories it needs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from types import TracebackType

from sqlalchemy import Connection, Engine

from bot.storage.repositories import Conversations, Users
from bot.storage.sealing import Sealer
from bot.storage.sharing import Asks, Invites, Links, Outbox, Professionals


@dataclass(frozen=True)
class Store:
    """Where conversations live: the database, and the key that seals what is stored.

    ``writer`` serialises this process's transactions on SQLite, which allows one writer at
    a time anyway: waiting on a lock is quicker than SQLite's sleep-and-retry when busy.
    """

    engine: Engine
    sealer: Sealer
    writer: threading.Lock | None = field(default=None, compare=False)


class UnitOfWork:
    """``with UnitOfWork(store) as uow: …; uow.commit()`` — anything not committed rolls back."""

    users: Users
    conversations: Conversations
    invites: Invites
    links: Links
    asks: Asks
    outbox: Outbox
    professionals: Professionals

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
        return self

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
