"""Which Telegram updates a bot has handled, so that one sent again is not handled twice.

Telegram sends an update again when the process that fetched it (polling) or was called
with it (webhook) died before confirming it: a killed poller confirms the updates of its
last poll only with its next one, and by then it may have handled them. A second turn on
the same input would read it as the answer to the next question. So every handled update's
id is stored here inside its turn's own transaction (:meth:`bot.turns.Turns.take`): the
turn and its mark are committed together or not at all, and an update whose id is here is
skipped. The mark is also the check: it is the turn's first write, and a mark already there
ends the turn unstored. On PostgreSQL the mark takes the user's lock first, in the same
statement (:meth:`HandledUpdates.mark`): a turn's start is one round trip, where a look-up
before the turn, the lock and the mark took three. Rows are ids and a time; they go after a
day, when Telegram has given up on an update anyway.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, delete, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.storage.tables import handled_updates

KEPT = timedelta(days=1)  # Telegram keeps an unconfirmed update for 24 hours
PRUNE_EVERY = 1000  # marks (in this process) between removals of what is older than KEPT
# Built once: making a statement costs more than running it (one every update).
_MARK = {dialect: insert(handled_updates).on_conflict_do_nothing().returning(
    handled_updates.c.update_id) for dialect, insert in (("postgresql", postgresql_insert),
                                                        ("sqlite", sqlite_insert))}
# The same on PostgreSQL, after the user's advisory lock (see
# :meth:`bot.storage.unit_of_work.UnitOfWork.start_turn`): the row to insert comes from the
# lock's result, so the lock is held (waited for) before the mark is tried.
_LOCK_AND_MARK = text(
    f"WITH locked AS (SELECT pg_advisory_xact_lock(:key)) "
    f"INSERT INTO {handled_updates.name} (bot_id, update_id, handled_at) "
    f"SELECT :bot_id, :update_id, :handled_at FROM locked "
    f"ON CONFLICT DO NOTHING RETURNING update_id")
_PRUNE = delete(handled_updates).where(handled_updates.c.handled_at < bindparam("before"))
_marks = itertools.count(1)


@dataclass(frozen=True, slots=True)
class UpdateRef:
    """One Telegram update of one bot (update ids are counted per bot)."""

    bot_id: int
    update_id: int


class HandledUpdates:
    """The marks, on a turn's connection: written in its transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def mark(self, update: UpdateRef, now: datetime, lock: int | None = None) -> bool:
        """The update's turn is being stored: it is not to be handled again. False when it
        was marked before (by any process): its turn is stored already. ``lock``: an
        advisory lock (PostgreSQL) taken first, in the same statement."""
        values = {"bot_id": update.bot_id, "update_id": update.update_id, "handled_at": now}
        if lock is None:
            marked = self.connection.execute(_MARK[self.connection.dialect.name], values)
        else:
            marked = self.connection.execute(_LOCK_AND_MARK, {**values, "key": lock})
        new = marked.first() is not None
        if new and next(_marks) % PRUNE_EVERY == 0:
            self.connection.execute(_PRUNE, {"before": now - KEPT})
        return new
