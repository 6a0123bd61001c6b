"""PostgreSQL going away under a running bot: a short "even geduld", the help lines still for
a message that signals a crisis, no half-written turn, and everything works again once the
database is back.

The outage is a real one for the bot: its connections to a real PostgreSQL server run through
a relay that the test cuts and restores. The server itself keeps running (other work may use
it). Runs when ``TOEKOMSTPLAN_TEST_POSTGRES_URL`` is given; skipped, saying so, otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.storage.database import open_store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import POSTGRES_URL, postgres_schema_url
from tests.telegram_fake.bot import KEY, running_bot
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

PATIENCE = "Even geduld, en probeer het zo nog eens."


class Relay:
    """A TCP relay to the database that can be cut (every connection dropped, new ones
    closed at once) and restored."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.up = True
        self._open: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.close()
            return
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        self._open |= {writer, upstream_writer}
        await asyncio.gather(self._pipe(reader, upstream_writer),
                             self._pipe(upstream_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()
        self._open.discard(writer)

    def cut(self) -> None:
        self.up = False
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    async def close(self) -> None:
        self.cut()
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()


@pytest.mark.skipif(not POSTGRES_URL, reason="needs TOEKOMSTPLAN_TEST_POSTGRES_URL")
async def test_bot_survives_a_database_outage(tmp_path: Path) -> None:
    schema_url = postgres_schema_url()
    url = make_url(next(schema_url))
    relay = Relay(url.host or "127.0.0.1", url.port or 5432)
    port = await relay.start()
    relayed = url.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    store = await asyncio.to_thread(open_store, relayed, KEY)  # the relay runs in this loop
    try:
        async with FakeTelegram() as tg, running_bot(tg, tmp_path, store=store):
            noor = FakeUser(tg, 7001, "Noor")
            await noor.send_text("/start")
            await noor.click("Oké, we beginnen")
            relay.cut()
            await noor.send_text("Noor", question=1)
            assert noor.last_text() == ("Er ging iets mis aan mijn kant. " + PATIENCE)
            before = len(noor.bot_messages)
            await noor.send_text("ik wil dood", question=1)
            await noor.until(lambda: noor.last_text().endswith(PATIENCE))
            said = "\n".join(m["text"] for m in noor.bot_messages[before:])
            assert "0800-0113" in said  # help needs no database
            before = len(noor.bot_messages)
            await noor.click("Sla over", question=1)  # a press is answered, even now
            assert noor.last_text() == ("Er ging iets mis aan mijn kant. " + PATIENCE)
            relay.up = True
            await noor.send_text("Noor")  # the failed turns left nothing half-written
            assert "Fijn dat je er bent, Noor." in noor.last_text()
            assert noor.last_text().endswith("Hoe oud ben je? Dat hoef je niet te zeggen.")
        tg.assert_no_errors()
    finally:
        await asyncio.to_thread(store.engine.dispose)
        await relay.close()
        next(schema_url, None)


@pytest.mark.skipif(not POSTGRES_URL, reason="needs TOEKOMSTPLAN_TEST_POSTGRES_URL")
def test_a_connection_dropped_between_turns_costs_the_youth_nothing() -> None:
    """Pooled connections are tested only after lying unused a while (a busy bot would pay
    a round trip a turn); one the server dropped just after use fails the next turn's first
    statement, and that turn runs again on a new connection."""
    schema_url = postgres_schema_url()
    store = open_store(next(schema_url), KEY)
    try:
        turns = Turns(store)
        noor = Youth(turns, "7002", "telegram")
        noor.says("/start")
        with store.engine.connect() as connection:  # the connection the turns use
            pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with create_engine(POSTGRES_URL).connect() as admin:
            assert admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}
                                 ).scalar_one()
        noor.clicks("Oké, we beginnen")
        assert noor.question is not None and noor.question.step == 1
        assert turns.retried == 1
    finally:
        store.engine.dispose()
        next(schema_url, None)
