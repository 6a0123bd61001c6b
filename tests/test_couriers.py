"""Any number of bot processes may deliver the outbox: each message goes out once, in order
per recipient; what a dead process had claimed goes out once its claim runs out; what a
courier could not finish is given back and another courier goes on where it stopped."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from telegram import Bot

from bot.adapters.telegram import CHANNEL
from bot.adapters.telegram.app import new_application
from bot.adapters.telegram.delivery import LEASE, Courier
from bot.messages import Attachment, Message
from bot.storage.tables import outbox
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

START = datetime(2026, 3, 2, 9, tzinfo=UTC)


@asynccontextmanager
async def bot_on(tg: FakeTelegram) -> AsyncIterator[Bot]:
    """A bot process's PTB bot, talking to the fake Telegram."""
    application, transports = new_application(tg.token, tg.base_url, 1000, 1)
    await application.initialize()
    try:
        yield application.bot
    finally:
        await application.shutdown()
        for transport in transports:
            await transport.shutdown()


def queue(store: Store, chat_id: int, *messages: Message) -> None:
    """Messages for one Telegram user, each its own outbox entry, as turns write them."""
    with UnitOfWork(store) as uow:
        user_id = uow.users.ensure(CHANNEL, str(chat_id), START)
        for message in messages:
            uow.outbox.put(user_id, [message], START)
        uow.commit()


def waiting(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(outbox)).scalar_one()


def texts(user: FakeUser) -> list[str]:
    return [m["text"] for m in user.bot_messages if "text" in m]


async def test_two_couriers_send_each_message_once_and_in_order(
        two_processes: tuple[Store, Store]) -> None:
    first, second = two_processes
    async with FakeTelegram() as tg, bot_on(tg) as bot_one, bot_on(tg) as bot_two:
        people = [FakeUser(tg, 5000 + n, f"P{n}") for n in range(12)]
        for person in people:
            queue(first, person.id, *(Message(f"bericht {person.id}-{n}") for n in range(3)))
        couriers = Courier(Turns(first), batch=4), Courier(Turns(second), batch=4)
        await asyncio.gather(couriers[0].deliver(bot_one), couriers[1].deliver(bot_two))
        for person in people:
            assert texts(person) == [f"bericht {person.id}-{n}" for n in range(3)]
        assert waiting(first) == 0
        tg.assert_no_errors()


async def test_a_claim_left_by_a_dead_process_runs_out_and_another_sends_it(
        store: Store) -> None:
    async with FakeTelegram() as tg, bot_on(tg) as bot:
        sam = FakeUser(tg, 6001, "Sam")
        queue(store, sam.id, Message("een"), Message("twee"), Message("drie"))
        dead = Turns(store, clock=lambda: START)
        assert len(dead.claim(CHANNEL, LEASE, 10)) == 3  # … and the process is killed

        soon = Turns(store, clock=lambda: START + LEASE / 2)
        await Courier(soon).deliver(bot)
        assert texts(sam) == [] and waiting(store) == 3  # still the dead process's

        later = Turns(store, clock=lambda: START + LEASE + timedelta(seconds=1))
        await Courier(later).deliver(bot)
        assert texts(sam) == ["een", "twee", "drie"] and waiting(store) == 0
        tg.assert_no_errors()


async def test_a_delivery_given_back_halfway_is_finished_by_another_courier(
        store: Store) -> None:
    async with FakeTelegram() as tg, bot_on(tg) as bot:
        sam = FakeUser(tg, 6002, "Sam")
        pdf = Attachment("plan.pdf", "application/pdf", b"%PDF-1.4 plan", caption="Het plan")
        queue(store, sam.id, Message("Het plan van Noor", attachments=(pdf,)),
              Message("daarna"))
        tg.break_next("sendDocument")  # the text goes out, the file meets a bad gateway
        await Courier(Turns(store)).deliver(bot)
        assert texts(sam) == ["Het plan van Noor"] and not tg.documents
        assert waiting(store) == 2  # both given back: "daarna" waits for the file

        await Courier(Turns(store)).deliver(bot)  # another process, knowing nothing
        assert texts(sam) == ["Het plan van Noor", "daarna"]  # the text not again
        assert [d["filename"] for d in tg.documents] == ["plan.pdf"]
        assert waiting(store) == 0
        tg.take_errors()  # the bad gateway was Telegram's
        tg.assert_no_errors()
