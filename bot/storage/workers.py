"""Which bot processes are alive on this database: for sharing what Telegram allows one bot
token (about 30 messages a second in all) between them.

On PostgreSQL each process keeps one connection open named ``toekomstplan-worker <database>
<random>`` (its ``application_name``; ``<database>`` a hash of the database and schema, so
bots on other databases of the same server are not counted); the server drops it the moment
the process dies, so counting those names counts the live processes, with no table to clean
up and no heartbeat to miss. An SQLite file serves one process.
"""

from __future__ import annotations

import secrets

from sqlalchemy import Connection, Engine, text

_GROUP = "'toekomstplan-worker ' || left(md5(current_database() || '.' || current_schema()), 12)"
_JOIN = text(f"SELECT set_config('application_name', {_GROUP} || ' ' || :tag, false)")
_LIVE = text("SELECT count(DISTINCT application_name) FROM pg_stat_activity "
             f"WHERE application_name LIKE {_GROUP} || ' %'")


class WorkerPresence:
    """``join()`` once at start, ``live()`` whenever the share is wanted, ``leave()`` at the
    end."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    @property
    def shared(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def join(self) -> None:
        if not self.shared:
            return
        self._connection = self.engine.connect()
        self._connection.execute(_JOIN, {"tag": secrets.token_hex(8)})
        self._connection.commit()

    def live(self) -> int:
        """The processes alive now, this one included (at least 1)."""
        if self._connection is None:
            return 1
        count = self._connection.execute(_LIVE).scalar_one()
        self._connection.commit()
        return max(1, count)

    def leave(self) -> None:
        if self._connection is not None:  # closed, not pooled: the name goes with it
            self._connection.invalidate()
            self._connection.close()
            self._connection = None
