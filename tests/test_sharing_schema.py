"""The migrations build exactly the schema ``bot/storage/tables.py`` describes, on SQLite and
on PostgreSQL; a database made before migration 0003 keeps its queued messages, and one made
before 0005 keeps every row while its ids are never handed out twice from then on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from bot.plan.sharing_model import ShareRole
from bot.storage.database import MIGRATIONS, connect, migrate, sqlite_url
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


ID_TABLES = ("users", "undo_steps", "invites", "links", "asks", "outbox")


def test_a_deleted_links_id_is_never_handed_out_again(store: Store) -> None:
    now = datetime.now(UTC)
    with UnitOfWork(store) as uow:
        youth, member = (uow.users.ensure("test", name, now) for name in ("noor", "ahmed"))
        first = uow.links.create(youth, member, ShareRole.JIM, "p2", now)
        ask = uow.asks.create(first, "a1", uow.asks.OPEN, now)
        uow.links.delete(first)  # the highest id, and its ask with it
        second = uow.links.create(youth, member, ShareRole.JIM, "p2", now)
        assert second > first and uow.asks.create(second, "a1", uow.asks.OPEN, now) > ask
        uow.commit()
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as connection:
            schema = dict(connection.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
        assert all("AUTOINCREMENT" in schema[table] for table in ID_TABLES)


def test_upgrading_from_0004_keeps_every_row_and_never_reuses_an_id(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.db")
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    now = datetime.now(UTC)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        for statement in (
                "INSERT INTO users (id, channel, external_id, created_at, address) VALUES "
                "(1, 'test', 'h1', :now, 's1'), (2, 'test', 'h2', :now, 's2')",
                "INSERT INTO conversations VALUES (1, 'sealed', 3, :now)",
                "INSERT INTO undo_steps (id, user_id, document) VALUES (7, 1, 'step')",
                "INSERT INTO invites (id, token_hash, kind, inviter_id, person_id, opened_by, "
                "created_at, expires_at) VALUES (4, 'hash', 'jim', 1, 'p2', 2, :now, :now)",
                "INSERT INTO links (id, youth_id, member_id, role, person_id, created_at) "
                "VALUES (5, 1, 2, 'jim', 'p2', :now)",
                "INSERT INTO asks (id, link_id, subject, status, created_at) "
                "VALUES (6, 5, 'a1', 'open', :now)",
                "INSERT INTO outbox (id, recipient_id, document, created_at, youth_id, link_id) "
                "VALUES (8, 2, 'note', :now, 1, 5)"):
            connection.execute(text(statement), {"now": now})
    engine.dispose()
    upgraded = connect(url)  # as the program opens it: foreign keys on
    with upgraded.begin() as connection:
        kept = {table: connection.execute(text(f"SELECT id FROM {table}")).scalars().all()
                for table in ID_TABLES}
        assert kept == {"users": [1, 2], "undo_steps": [7], "invites": [4], "links": [5],
                        "asks": [6], "outbox": [8]}
        assert connection.execute(text("SELECT document FROM conversations")).scalar() == "sealed"
        connection.execute(text("DELETE FROM links WHERE id = 5"))  # still cascades
        assert not connection.execute(text("SELECT id FROM asks")).all()
        again = connection.execute(text(
            "INSERT INTO links (youth_id, member_id, role, created_at) "
            "VALUES (1, 2, 'jim', :now) RETURNING id"), {"now": now}).scalar()
    assert again == 6
    upgraded.dispose()


def test_migration_0010_keeps_every_invite_up_and_down(tmp_path: Path) -> None:
    """0010 adds when an invitee said yes, empty for invites made before; going back drops
    only that column."""
    engine = create_engine(sqlite_url(tmp_path / "old.db"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    now = datetime.now(UTC)

    def columns() -> set[str]:
        return {column["name"] for column in inspect(connection).get_columns("invites")}

    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0009")
        for statement in (
                "INSERT INTO users (id, channel, external_id, created_at, address) VALUES "
                "(1, 'test', 'h1', :now, 's1'), (2, 'test', 'h2', :now, 's2')",
                "INSERT INTO invites (id, token_hash, kind, inviter_id, opened_by, "
                "created_at, expires_at) VALUES (4, 'hash', 'professional', 1, 2, :now, :now)"):
            connection.execute(text(statement), {"now": now})
        command.upgrade(config, "0010")
        assert connection.execute(text("SELECT id, accepted_at FROM invites")).all() == [
            (4, None)]
        connection.execute(text("UPDATE invites SET accepted_at = :now"), {"now": now})
        command.downgrade(config, "0009")
        assert "accepted_at" not in columns()
        assert connection.execute(text("SELECT id, opened_by FROM invites")).all() == [(4, 2)]
        command.upgrade(config, "0010")
        assert "accepted_at" in columns()
    engine.dispose()
