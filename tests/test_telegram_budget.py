"""Telegram's limits as Telegram counts them: a budget per chat for replies, and one broadcast
budget shared by the live processes of a bot (on PostgreSQL); spent well: the edit that
closes a question is left out when the chat's budget is tight."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from telegram.ext import AIORateLimiter

from bot.adapters.telegram import budget as budget_module
from bot.adapters.telegram.budget import ANSWERING, SharedBudget, TelegramLimits
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.telegram_fake.bot import running_bot
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram


async def until(condition, seconds: float = 10) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("never happened")


def overall_rate(limiter: AIORateLimiter) -> float:
    return limiter._base_limiter.max_rate  # type: ignore[union-attr]


async def test_each_live_process_takes_its_share(store: Store,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget_module, "INTERVAL", 0.05)
    limiters = [AIORateLimiter(overall_max_rate=30), AIORateLimiter(overall_max_rate=30)]
    budgets = [SharedBudget(limiter, 30, Turns(store)) for limiter in limiters]
    stops = [asyncio.Event(), asyncio.Event()]
    first = asyncio.create_task(budgets[0].run(stops[0]))
    if store.engine.dialect.name != "postgresql":  # one process per SQLite file
        await first
        assert overall_rate(limiters[0]) == 30
        return
    second = asyncio.create_task(budgets[1].run(stops[1]))
    await until(lambda: [overall_rate(limiter) for limiter in limiters] == [15, 15])
    stops[1].set()  # one process stops (or dies: its connection goes the same way)
    await second
    await until(lambda: overall_rate(limiters[0]) == 30)
    stops[0].set()
    await first


async def test_a_reply_spends_its_chats_budget_and_a_broadcast_also_the_bots() -> None:
    limits = TelegramLimits(1, max_retries=0)
    sent: list[str] = []

    async def post(endpoint: str, data: dict[str, int]) -> bool:
        sent.append(endpoint)
        return True

    async def call(endpoint: str, chat_id: int) -> None:
        data = {"chat_id": chat_id}
        await limits.process_request(post, (endpoint, data), {}, endpoint, data, None)

    ANSWERING.set(7301)
    await call("sendMessage", 7301)  # a reply to the update being handled
    await call("editMessageText", 7301)
    assert limits._base_limiter.has_capacity(1)  # type: ignore[union-attr]
    assert not limits.chat(7301).has_capacity(2)
    await call("sendMessage", 7302)  # to someone else: a broadcast
    assert not limits._base_limiter.has_capacity(1)  # type: ignore[union-attr]
    assert not limits.chat(7302).has_capacity(budget_module.CHAT_BURST)
    assert sent == ["sendMessage", "editMessageText", "sendMessage"]


async def test_a_tight_budget_sends_the_next_question_and_leaves_the_old_one_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no room in the chat's budget for the edit that closes a question (someone
    answering faster than a message a second), only the next question goes out; the old
    buttons stay, and pressing one later closes the question after all."""
    monkeypatch.setattr(budget_module, "CHAT_BURST", 1)
    async with FakeTelegram() as tg:
        async with running_bot(tg, tmp_path, telegram_max_rate=30):
            noor = FakeUser(tg, 7301, "Noor")
            await noor.send_text("/start")
            first = noor.last_question()
            await noor.click("Oké, we beginnen", question=1)
            assert noor.bot_messages[-1]["message_id"] > first["message_id"]
            assert noor.buttons(noor.chat.messages[first["message_id"]]) == noor.buttons(first)
            assert not tg.calls_of("editMessageText") and not tg.calls_of(
                "editMessageReplyMarkup")
            await noor.click("Oké, we beginnen", message=first, question=False)
            assert noor.toast == "Die vraag is al beantwoord."
            assert "reply_markup" not in noor.chat.messages[first["message_id"]]
        tg.assert_no_errors()
