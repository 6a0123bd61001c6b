"""Shared fixtures: real databases (an SQLite file, and PostgreSQL when its URL is given).

PostgreSQL tests run when ``TOEKOMSTPLAN_TEST_POSTGRES_URL`` is set; each test gets its own
schema, dropped afterwards. Without the variable they are skipped, visibly, with the reason.

A migrated SQLite store starts as a copy of one file migrated once per test session: the
migrations rebuild tables on SQLite, and doing that for every test cost about a minute.
The migrations themselves are tested from an empty file (``database_url`` stays empty).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.storage.database import open_store, sqlite_url
from bot.storage.unit_of_work import Store

pytest_plugins = ["tests.telegram_fake.fixtures"]  # the bot on a fake Telegram: ``tg``

POSTGRES_URL = os.environ.get("TOEKOMSTPLAN_TEST_POSTGRES_URL")
TEST_KEY = "w2mRvj2m2Kz8bR6J1oE1n2Yb6tq9m4H7rJ3cX0pA5sU="


def postgres_schema_url() -> Iterator[str]:
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL: set TOEKOMSTPLAN_TEST_POSTGRES_URL to run against a server")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, pool_pre_ping=True)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: an SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "toekomstplan.db")
    else:
        yield from postgres_schema_url()


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to the newest schema and keyed with :data:`TEST_KEY`, whole
    (its WAL written back when the store closed)."""
    path = tmp_path_factory.mktemp("migrated") / "toekomstplan.db"
    open_store(sqlite_url(path), TEST_KEY).engine.dispose()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def open_migrated(url: str, template: Path) -> Store:
    """The store at ``url``; a new SQLite file starts as a copy of the migrated ``template``."""
    database = make_url(url).database
    if make_url(url).get_backend_name() == "sqlite" and database and not Path(database).exists():
        shutil.copyfile(template, database)
    return open_store(url, TEST_KEY)


@pytest.fixture
def store(database_url: str, migrated_sqlite_file: Path) -> Iterator[Store]:
    """An empty, migrated database with its sealing key."""
    opened = open_migrated(database_url, migrated_sqlite_file)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def two_processes() -> Iterator[tuple[Store, Store]]:
    """Two stores (each its own engine and connections) on one PostgreSQL schema."""
    for url in postgres_schema_url():
        first, second = open_store(url, TEST_KEY), open_store(url, TEST_KEY)
        yield first, second
        first.engine.dispose()
        second.engine.dispose()
