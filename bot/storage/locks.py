"""Who holds the database: ``run``, ``chat`` and ``purge`` share it; ``rotate-key`` needs it
alone, because a process still sealing and hashing under the old key would make a second
user row for someone rotation just re-hashed, or write what rotation can no longer read.

On PostgreSQL a session-level advisory lock on a key made from the database and schema
(shared, or alone), held by a connection of its own for the life of the process; next to an
SQLite file a lock file (``flock``, shared or alone), held while the process runs.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bot.private_files import FILE_MODE, private_dir

_KEY = "hashtextextended(current_database() || '/' || current_schema() || '/toekomstplan', 0)"
_TRY = {False: text(f"SELECT pg_try_advisory_lock_shared({_KEY})"),
        True: text(f"SELECT pg_try_advisory_lock({_KEY})")}


class Busy(Exception):
    """Another process holds the database in a way this one can't share."""


@dataclass
class Hold:
    """A held lock; :meth:`release` lets go (so does the end of the process)."""

    descriptor: int | None = None
    connection: Connection | None = None

    def release(self) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)
            self.descriptor = None
        if self.connection is not None:
            engine = self.connection.engine
            self.connection.close()
            engine.dispose()
            self.connection = None


def lock_file(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def hold(url: str, alone: bool) -> Hold:
    """Hold the database at ``url``, shared or ``alone``; :class:`Busy` when it can't be."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            return Hold()  # nobody else can open it
        path = lock_file(Path(parsed.database))
        private_dir(path.parent)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(descriptor, (fcntl.LOCK_EX if alone else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise Busy from None
        return Hold(descriptor=descriptor)
    connection = create_engine(url, poolclass=NullPool, hide_parameters=True).connect()
    got = connection.execute(_TRY[alone]).scalar_one()
    connection.commit()  # a session lock outlives the transaction that took it
    held = Hold(connection=connection)
    if not got:
        held.release()
        raise Busy
    return held
