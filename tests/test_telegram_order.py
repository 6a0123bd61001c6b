"""Order and pace on Telegram: one youth's updates strictly in order, different youth in
parallel, a busy youth never blocking the others, and Telegram's rate limits honoured
without losing anything."""

from __future__ import annotations

import asyncio

from bot.plan.model import Mood
from bot.storage.unit_of_work import UnitOfWork
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

BURST = ["{name}", "17", "Gaat wel", "Nee", "mijn zus Sanne"]


def texts(user: FakeUser, start: int, name: str) -> list[str]:
    return [m.get("text", "").replace(name, "<naam>") for m in user.bot_messages[start:]]


async def test_bursts_are_handled_strictly_in_order(tg_on_both: FakeTelegram) -> None:
    tg = tg_on_both
    reference = FakeUser(tg, 8000, "Ref")  # the same answers, one at a time
    await reference.send_text("/start")
    await reference.click("Oké, we beginnen")
    start = len(reference.bot_messages)
    for answer in BURST:
        await reference.send_text(answer.format(name="Ref"))
    expected = texts(reference, start, "Ref")
    assert expected[-1].endswith("Wat doet Sanne voor je? Kies wat past. Meer mag ook. "
                                 "Kies daarna Klaar.")

    async def burst(user: FakeUser) -> None:
        await user.send_text("/start")
        await user.click("Oké, we beginnen")
        start = len(user.bot_messages)
        for answer in BURST:  # all at once, without waiting for a single answer
            user.push_text(answer.format(name=f"Naam{user.id}"))
        while len(user.bot_messages) < start + len(expected):
            await tg.activity_after(user.id, tg.version(user.id))
        assert texts(user, start, f"Naam{user.id}") == expected  # exactly, in order

    for round_number in range(3):
        youth = [FakeUser(tg, 8100 + 10 * round_number + n, "Jongere") for n in range(8)]
        await asyncio.gather(*(burst(user) for user in youth))
        with UnitOfWork(tg.store) as uow:
            for user in youth:
                plan = uow.conversations.load_for("telegram", str(user.id))[1].parse()[1]
                assert (plan.name, plan.age, plan.mood) == (f"Naam{user.id}", 17,
                                                            Mood.GAAT_WEL)
                assert [p.name for p in plan.people] == ["Sanne"] and not plan.urgent


async def test_a_busy_youth_does_not_hold_up_anyone_else(tg: FakeTelegram) -> None:
    busy, other = FakeUser(tg, 8201, "Druk"), FakeUser(tg, 8202, "Ander")
    tg.hold(busy.id)  # the busy youth's answers can't get out (a slow connection)
    for _ in range(30):
        busy.push_text("/help")
    await other.send_text("/start")  # ... yet someone else is answered meanwhile
    assert "Zullen we beginnen?" in other.last_text()
    assert not busy.bot_messages and not [c for c in tg.calls if c.params.get("chat_id")
                                          == busy.id]
    tg.release(busy.id)
    first = await busy.receives("Dit kun je altijd typen")
    assert first is busy.bot_messages[0]


async def test_rate_limits_are_waited_out_and_nothing_is_lost(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4005, "Sem")
    tg.rate_limit("sendMessage", retry_after=1)
    await sem.send_text("/start")
    question = sem.last_question()
    assert "Zullen we beginnen?" in question["text"]
    tg.rate_limit("answerCallbackQuery", retry_after=1)
    tg.rate_limit("editMessageText", retry_after=1)
    await sem.click("Oké, we beginnen")
    assert sem.chat.messages[question["message_id"]]["text"].endswith("→ Oké, we beginnen")
    assert sem.last_text().endswith("Hoe mag ik je noemen?")
    throttled = [c.method for c in tg.calls if c.error and c.error.startswith("Too Many")]
    assert sorted(throttled) == ["answerCallbackQuery", "editMessageText", "sendMessage"]
    assert len(tg.calls_of("answerCallbackQuery")) == 1  # answered once, after waiting
