"""After an erase has committed: no earlier copy of what it deleted stays in the database's
files, so nothing of the erased person can be read back, not even with the key.

SQLite zeroed the deleted rows (``secure_delete``, see :mod:`bot.storage.database`), but its
WAL still holds the pages as they were: the WAL is copied into the file and emptied.
PostgreSQL keeps deleted rows as dead tuples until a vacuum, and a vacuum keeps those that
a transaction still running may see: the tables are vacuumed once every transaction that
began before the erase has ended (a few seconds at most are waited for).
"""

from __future__ import annotations

import time
from contextlib import nullcontext

from sqlalchemy import Connection, text

from bot.storage.tables import metadata
from bot.storage.unit_of_work import Store

WAIT_FOR_OLDER = 5.0  # seconds; a vacuum still cleans what it can after that
POLL = 0.05
VACUUM = "VACUUM " + ", ".join(table.name for table in metadata.sorted_tables)
_NEXT_XID = text("SELECT CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text)")
_OLDER_TRANSACTIONS = text(  # a snapshot, or a transaction id, from before the mark
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND (age(backend_xmin) > age(CAST(:mark AS xid)) "
    "OR age(backend_xid) > age(CAST(:mark AS xid)))")


def forget_deleted(store: Store) -> None:
    if store.engine.dialect.name == "sqlite":
        connection = store.engine.raw_connection()  # no BEGIN: a checkpoint runs outside one
        try:
            with store.writer or nullcontext():
                connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        return
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        _wait_for_older_transactions(connection)
        connection.exec_driver_sql(VACUUM)


def _wait_for_older_transactions(connection: Connection) -> None:
    """Until no other session holds a snapshot or a transaction from before now (the erase
    has committed)."""
    mark = str(int(connection.execute(_NEXT_XID).scalar_one()) % 2**32)
    deadline = time.monotonic() + WAIT_FOR_OLDER
    while (connection.execute(_OLDER_TRANSACTIONS, {"mark": mark}).scalar_one()
           and time.monotonic() < deadline):
        time.sleep(POLL)
