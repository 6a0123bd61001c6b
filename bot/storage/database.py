"""Connecting to the database (an SQLite file by default, PostgreSQL by URL) and migrating it.

Statement parameters are hidden from logs and error messages: they carry user ids.

SQLite runs in WAL mode with ``synchronous=NORMAL``: a committed turn survives a crash of the
process (not necessarily of the whole machine), and a turn's commit costs no fsync. Write
transactions start with ``BEGIN IMMEDIATE`` so two processes on one file queue up instead of
failing halfway through a turn.

Any number of processes may start at once, on a new or an old schema: migrations take turns
(see :func:`migrate`), and on SQLite the whole start takes turns (see :func:`_one_start_at_a_time`).

Erased means gone from the files too: SQLite overwrites deleted content with zeros
(``secure_delete``; after an erase, :mod:`bot.storage.forgetting` empties the WAL). The
database file and its WAL are the owner's only (0600), in a folder that is too (0700).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

from bot.private_files import FILE_MODE, private_dir
from bot.storage.keys import check_key
from bot.storage.repositories import Users
from bot.storage.sealing import Sealer, WrongKey
from bot.storage.unit_of_work import Store

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000  # how long a turn waits for another process's write on SQLite
MIGRATION_WAIT_MS = 600_000  # how long a starting process waits for another one's migration
MIGRATION_LOCK = 0x746B6D67  # PostgreSQL advisory lock class of migrations ("tkmg")
PING_IDLE = 2.0  # seconds: a server connection unused this long is tested before use


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        # First: switching a new file to WAL waits for another process opening it too.
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        # Straight to the driver: every turn begins here, and SQLAlchemy's execution
        # machinery costs more than the statement.
        connection.connection.driver_connection.execute("BEGIN IMMEDIATE")


def connect(url: str) -> Engine:
    """An engine for ``url`` with the schema migrated to the newest version."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_file(Path(parsed.database))
        # The unit of work always ends its transaction, so the pool need not roll back again.
        engine = create_engine(url, hide_parameters=True, pool_reset_on_return=None)
        _tune_sqlite(engine)
    else:
        engine = create_engine(url, hide_parameters=True)
        _ping_when_idle(engine)
    migrate(engine)
    if engine.dialect.name == "sqlite":
        _scrub_once(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Test a pooled server connection before use only when it lay unused a while.

    A connection the server (or the network) dropped meanwhile is then replaced before a
    turn runs on it. Testing every one, as ``pool_pre_ping`` does, is a round trip more for
    every transaction, and a busy bot takes its connections back within milliseconds. A
    connection dropped in between fails its turn's first statement; that turn runs again on
    a new connection (see :func:`bot.storage.unit_of_work.may_run_again`).
    """
    @event.listens_for(engine, "connect")
    def fresh(_dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        record.info["used"] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def used(_dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        record.info["used"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def ping(dbapi_connection, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        if time.monotonic() - record.info.get("used", 0.0) < PING_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            if engine.dialect.is_disconnect(error, dbapi_connection, None):
                raise DisconnectionError from error  # the pool connects anew and tries again
            raise


SCRUBBED = 1  # PRAGMA user_version once a file is vacuumed with secure_delete on


def _scrub_once(engine: Engine) -> None:
    """A file written before ``secure_delete`` was on may still hold rows deleted then (an
    earlier version of each conversation, erased users): rewritten once, it holds none."""
    connection = engine.raw_connection()
    try:
        sqlite = connection.driver_connection
        if sqlite.execute("PRAGMA user_version").fetchone()[0] < SCRUBBED:
            try:
                sqlite.execute("VACUUM")
            except sqlite3.OperationalError:  # locked: another process starting is at it
                return
            sqlite.execute(f"PRAGMA user_version = {SCRUBBED}")
            sqlite.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _private_file(path: Path) -> None:
    """The database file made (or kept) readable by its owner only, in a private folder;
    SQLite gives its WAL and shared-memory files the database file's mode."""
    private_dir(path.parent)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    for part in path.parent.glob(path.name + "*"):
        with contextlib.suppress(FileNotFoundError):  # another process's last close removed it
            part.chmod(FILE_MODE)


def open_store(url: str, keys: str) -> Store:
    """The migrated database at ``url``, sealing with ``keys`` (see :mod:`bot.storage.sealing`).

    Raises :class:`~bot.storage.sealing.MalformedKey` for something that is not a key and
    :class:`~bot.storage.sealing.WrongKey` for a key that does not open the stored data.
    """
    sealer = Sealer(keys)
    with _one_start_at_a_time(url):
        engine = connect(url)
        try:
            with engine.begin() as connection:
                check_key(connection, sealer)
                Users(connection, sealer).seal_plain_ids()
        except WrongKey:
            engine.dispose()
            raise
    writer = threading.Lock() if engine.dialect.name == "sqlite" else None
    return Store(engine, sealer, writer)


@contextmanager
def _one_start_at_a_time(url: str) -> Iterator[None]:
    """On an SQLite file: one starting process at a time, the others wait their turn.

    A start writes (switching a new file to WAL, migrating, the one-time scrub, the key check),
    and some of SQLite's waits for a lock end at once instead of after the busy timeout: with
    several processes starting together on a new file, one of them could fail with "database
    is locked". An exclusive ``flock`` on a file next to the database, held for the start only,
    queues them; turns of processes already running don't take it.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        yield
        return
    path = Path(parsed.database)
    private_dir(path.parent)
    descriptor = os.open(path.with_name(path.name + ".start"), os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest version, one process at a time.

    Workers started together would each create the same tables, and all but one die on a
    unique violation. On PostgreSQL an advisory lock on the schema, held until the migration
    commits, makes the others wait and then find nothing left to do; on SQLite the
    migration's ``BEGIN IMMEDIATE`` does the same, with a wait long enough for a migration.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection, _waiting_long(connection):
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # before BEGIN: rebuilding a table must not cascade (migration 0005)
            _foreign_keys(connection, "OFF")
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:kind, "
                             "hashtext(coalesce(current_schema(), '')))"),
                        {"kind": MIGRATION_LOCK})
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("the migration left rows pointing at nothing")
        finally:
            if sqlite:
                _foreign_keys(connection, "ON")


def _foreign_keys(connection: Connection, setting: str) -> None:
    """SQLite ignores this pragma inside a transaction: it goes straight to the driver."""
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={setting}")


@contextmanager
def _waiting_long(connection: Connection) -> Iterator[None]:
    """On SQLite: wait up to :data:`MIGRATION_WAIT_MS` for the write lock, not a turn's wait."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    driver.execute(f"PRAGMA busy_timeout={MIGRATION_WAIT_MS}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
