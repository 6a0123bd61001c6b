"""A copy of the SQLite database, taken while the bot runs (SQLite's online backup API).

The copy is one consistent moment of the database: SQLite copies it inside one read
transaction, which in WAL mode holds up no turn. It is written to a private temporary file
next to the target (mode 0600, as sealed data and keyed hashes are still personal data) and
renamed into place only when complete, so a half-written backup never carries the name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.storage.database import BUSY_TIMEOUT_MS


class NoDatabase(Exception):
    """There is no database file to copy."""


def sqlite_file(url: str) -> Path | None:
    """The database file behind ``url``, or None when it is not an SQLite file."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def backup_sqlite(database: Path, target: Path) -> None:
    """Copy ``database`` to ``target`` (replaced if it exists) as one self-contained file.

    Raises :class:`NoDatabase` when there is none (nothing is created then), :class:`OSError`
    or :class:`sqlite3.Error` when the copy can't be made.
    """
    if not database.is_file():
        raise NoDatabase(str(database))
    target = target.resolve()
    handle, scratch = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)  # mkstemp made it 0600; SQLite writes into it
    try:
        with contextlib.closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw",
                                                uri=True)) as source, \
                contextlib.closing(sqlite3.connect(scratch)) as copy:
            source.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # no -wal file beside the copy
        os.replace(scratch, target)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
