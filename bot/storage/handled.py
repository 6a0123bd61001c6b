"""Which Telegram updates a bot has handled, so that one sent again is not handled twice.

Telegram sends an update again when the process that fetched it (polling) or was called
with it (webhook) died before confirming it: a killed poller confirms the updates of its
last poll only with its next one, and by then it may have handled them. A second turn on
the same input would read it as the answer to the next question. So every handled update's
id is stored here in its turn's own transaction (:meth:`HandledUpdates.mark_in`), and an
update whose id is here is skipped: a turn and its mark are committed together or not at
all, and the mark costs no transaction (and, on PostgreSQL, no round trips) of its own.
Rows are ids and a time; they go after a day, when Telegram has given up on an update
anyway.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.storage.tables import handled_updates
from bot.storage.unit_of_work import Store

KEPT = timedelta(days=1)  # Telegram keeps an unconfirmed update for 24 hours
PRUNE_EVERY = 1000  # marks between removals of what is older than KEPT
# Built once: making a statement costs more than running it (two of them every update).
_SEEN = select(handled_updates.c.update_id).where(
    handled_updates.c.bot_id == bindparam("bot_id"),
    handled_updates.c.update_id == bindparam("update_id"))
_MARK = {"postgresql": postgresql_insert(handled_updates).on_conflict_do_nothing(),
         "sqlite": sqlite_insert(handled_updates).on_conflict_do_nothing()}
_PRUNE = delete(handled_updates).where(handled_updates.c.handled_at < bindparam("before"))


class HandledUpdates:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._marks = 0

    def seen(self, bot_id: int, update_id: int) -> bool:
        """This bot handled this update before (in any process)."""
        with self.store.engine.connect() as connection:
            return connection.execute(_SEEN, {"bot_id": bot_id,
                                              "update_id": update_id}).first() is not None

    def mark_in(self, bot_id: int, update_id: int, connection: Connection,
                now: datetime) -> None:
        """The update is handled by the transaction on ``connection`` (its turn's): not to
        be handled again once that commits."""
        self._marks += 1
        connection.execute(_MARK[connection.dialect.name], {
            "bot_id": bot_id, "update_id": update_id, "handled_at": now})
        if self._marks % PRUNE_EVERY == 0:
            connection.execute(_PRUNE, {"before": now - KEPT})
