"""The migrations build exactly the schema ``bot/storage/tables.py`` describes, on SQLite and
on PostgreSQL, and a database made before migration 0003 keeps its queued messages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from bot.storage.database import MIGRATIONS, migrate, sqlite_url
from bot.storage.tables import metadata
from bot.storage.unit_of_work import Store, UnitOfWork


def test_the_migrated_schema_is_the_described_one(store: Store) -> None:
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_upgrading_from_0002_keeps_queued_messages(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "old.db"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        now = datetime.now(UTC)
        connection.execute(text("INSERT INTO users (channel, external_id, created_at) "
                                "VALUES ('test', 'mark', :now)"), {"now": now})
        connection.execute(text("INSERT INTO outbox (recipient_id, document, created_at) "
                                "VALUES (1, 'sealed', :now)"), {"now": now})
    migrate(engine)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT document, youth_id, link_id FROM outbox")).one()
    assert tuple(row) == ("sealed", None, None)
    engine.dispose()


def test_rotating_the_key_reseals_what_sharing_stores(store: Store) -> None:
    from bot.storage.database import open_store
    from bot.storage.keys import reseal_everything
    from bot.storage.sealing import new_key
    from bot.turns import Turns
    from tests.conftest import TEST_KEY
    from tests.test_sharing_purge import everything_queued, noor_shares_with_mark_and_ahmed

    noor_shares_with_mark_and_ahmed(Turns(store))
    fresh = new_key()
    both = open_store(str(store.engine.url.render_as_string(hide_password=False)),
                      f"{fresh},{TEST_KEY}")
    with both.engine.begin() as connection:
        assert reseal_everything(connection, both.sealer) > 3
    only_new = open_store(str(store.engine.url.render_as_string(hide_password=False)), fresh)
    assert any("huur" in text for text in everything_queued(only_new))
    with UnitOfWork(only_new) as uow:
        assert uow.professionals.get(uow.users.find("test", "mark")).name == "Mark"
    for opened in (both, only_new):
        opened.engine.dispose()
