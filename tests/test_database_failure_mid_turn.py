"""PostgreSQL dropping the bot's connection in the middle of a turn — after the conversation
was loaded, while its new version is written: the server rolls the turn back, the turn runs
again on a new connection, and the user gets the reply as if nothing happened; nothing of
the first attempt is stored. (A database that stays away: see ``test_database_outage``.)

The connection is ended from the server side (``pg_terminate_backend``, from a second
connection), at the very statement that stores the turn.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text

from bot.storage.database import open_store
from bot.storage.unit_of_work import Store
from tests.conftest import POSTGRES_URL, postgres_schema_url
from tests.telegram_fake.bot import KEY, running_bot
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs TOEKOMSTPLAN_TEST_POSTGRES_URL")


class ConnectionKiller:
    """Once armed, ends the server process behind the next connection that stores a turn."""

    def __init__(self, engine: Engine, admin: Engine) -> None:
        self.admin = admin
        self.armed = False
        self.killed = 0
        event.listen(engine, "before_cursor_execute", self.before)

    def before(self, connection, cursor, statement, parameters, context, executemany
               ) -> None:  # type: ignore[no-untyped-def]
        if self.armed and "UPDATE CONVERSATIONS" in statement.upper():
            self.armed = False
            pid = connection.connection.dbapi_connection.info.backend_pid
            with self.admin.begin() as admin:
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            self.killed += 1


@pytest.fixture
def pg_store() -> Iterator[Store]:
    schema_url = postgres_schema_url()
    store = open_store(next(schema_url), KEY)
    try:
        yield store
    finally:
        store.engine.dispose()
        next(schema_url, None)


async def test_a_connection_lost_mid_turn_is_taken_again_and_stored_once(
        tmp_path: Path, pg_store: Store) -> None:
    assert POSTGRES_URL is not None
    admin = create_engine(POSTGRES_URL)
    killer = ConnectionKiller(pg_store.engine, admin)
    try:
        async with FakeTelegram() as tg, running_bot(tg, tmp_path, store=pg_store):
            noor = FakeUser(tg, 7101, "Noor")
            await noor.send_text("/start")
            await noor.click("Oké, we beginnen")
            killer.armed = True
            await noor.send_text("Noor")
            assert killer.killed == 1
            assert "Fijn dat je er bent, Noor." in noor.last_text()
            assert noor.last_text().endswith("Hoe oud ben je? Dat hoef je niet te zeggen.")
            with pg_store.engine.connect() as connection:  # /start, the click, "Noor" once
                assert connection.execute(text("SELECT turns FROM conversations")
                                          ).scalar_one() == 3
            tg.assert_no_errors()
    finally:
        admin.dispose()
