"""What Telegram allows a bot, counted the way Telegram counts it, and shared by all processes.

Telegram limits a bot per chat: about one message a second in a chat, with short bursts
allowed, editing a message counting like sending one; answering a button press
(``answerCallbackQuery``) is not limited. Its "about 30 messages a second" is for
*broadcasts*, messages a bot sends unasked to many people; there is no overall limit on
answering people (Telegram's Bot API maintainer in tdlib/td#3034 and
tdlib/telegram-bot-api#648; the Bot FAQ, "My bot is hitting limits"). So
:class:`TelegramLimits` holds two budgets. A call to the chat whose update is being handled
(:data:`ANSWERING`: a reply, or an edit of its question) waits only for that chat's own
budget (:data:`CHAT_BURST`, then :data:`CHAT_RATE` a second). Anything else to a chat — the
outbox (a JIM's ask, a summary), check-ins — is a broadcast: it waits for its chat's budget
and for the bot's broadcast budget, ``TOEKOMSTPLAN_TELEGRAM_MAX_RATE`` (30 a second).
``0`` turns both off. A 429 that comes anyway is waited out (``retry_after``).

python-telegram-bot's ``AIORateLimiter`` counts per process, so N processes would broadcast N
times the budget. Every :data:`INTERVAL` seconds each process counts the live ones
(:class:`bot.storage.workers.WorkerPresence`) and sets its own broadcast budget to
``TOEKOMSTPLAN_TELEGRAM_MAX_RATE / live``. For a few seconds after a process starts or dies
the sum is off by one share: the 429 that may then come is honoured. Within a process the
limiter serves waiting requests in turn, so no youth's message waits behind another's many.
A chat's budget is kept by each process that sends to it; one person's updates are handled
one after the other (:mod:`bot.adapters.telegram.ordering`, and an advisory lock across
processes), so the replies in a chat come from one process at a time (an outbox message from
another may come on top: a short burst, within what Telegram allows).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from contextlib import suppress
from contextvars import ContextVar
from typing import Any

from aiolimiter import AsyncLimiter
from telegram import Bot
from telegram.ext import AIORateLimiter

from bot.adapters.telegram.database_calls import in_database
from bot.storage.workers import WorkerPresence
from bot.turns import Turns

INTERVAL = 5.0  # seconds between counts of the live processes
CHAT_BURST = 3  # calls one private chat may get at once ...
CHAT_RATE = 1.0  # ... and then a second (Telegram: "avoid more than one message per second")
KEPT_CHATS = 512  # chat budgets kept before the full ones (idle chats) are let go
# The private chat whose update this task handles (set by
# :class:`bot.adapters.telegram.ordering.PerUserOrder`): calls to it are replies.
ANSWERING: ContextVar[int | None] = ContextVar("answering", default=None)
log = logging.getLogger(__name__)
Result = bool | dict[str, Any] | list[dict[str, Any]]


class TelegramLimits(AIORateLimiter):
    """PTB's limiter (the broadcast budget, a group's 20 messages a minute, waiting out a
    429) with a budget per private chat, and replies left out of the broadcast budget."""

    def __init__(self, broadcast_rate: float, max_retries: int) -> None:
        super().__init__(overall_max_rate=broadcast_rate, max_retries=max_retries)
        self.on = bool(broadcast_rate)
        self._chats: dict[int, AsyncLimiter] = {}

    def chat(self, chat_id: int) -> AsyncLimiter:
        """This private chat's budget."""
        if len(self._chats) > KEPT_CHATS:
            for key, limiter in list(self._chats.items()):
                if key != chat_id and limiter.has_capacity(CHAT_BURST):
                    del self._chats[key]
        if chat_id not in self._chats:
            self._chats[chat_id] = AsyncLimiter(CHAT_BURST, CHAT_BURST / CHAT_RATE)
        return self._chats[chat_id]

    async def process_request(
            self, callback: Callable[..., Coroutine[Any, Any, Result]], args: Any,
            kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
            rate_limit_args: int | None) -> Result:
        chat_id = data.get("chat_id")
        if not self.on or not isinstance(chat_id, int) or chat_id < 0:  # off, or a group
            return await super().process_request(callback, args, kwargs, endpoint, data,
                                                 rate_limit_args)
        budget = self.chat(chat_id)

        async def in_chat(*args: Any, **kwargs: Any) -> Result:
            async with budget:
                return await callback(*args, **kwargs)

        if chat_id == ANSWERING.get():  # a reply: PTB sees no chat, so no broadcast budget
            data = {key: value for key, value in data.items() if key != "chat_id"}
        return await super().process_request(in_chat, args, kwargs, endpoint, data,
                                             rate_limit_args)


def set_rate(rate_limiter: AIORateLimiter, rate: float) -> None:
    """Change the overall rate of a running limiter, keeping the requests that wait on it.
    (PTB keeps that aiolimiter ``AsyncLimiter`` as ``_base_limiter``; it has no setter.)"""
    limiter = rate_limiter._base_limiter
    if limiter is not None:
        limiter.max_rate = rate
        limiter._rate_per_sec = rate / limiter.time_period


def spare(bot: Bot, chat_id: int, calls: int) -> bool:
    """This chat's budget has room for ``calls`` more requests right now (always, without a
    throttle): for what is nice to have but may be left out when the budget is tight."""
    limits = getattr(bot, "rate_limiter", None)
    return (not isinstance(limits, TelegramLimits) or not limits.on
            or limits.chat(chat_id).has_capacity(calls))


class SharedBudget:
    """This process's share of the broadcast budget."""

    def __init__(self, rate_limiter: AIORateLimiter, total: float, turns: Turns) -> None:
        self.rate_limiter = rate_limiter
        self.total = total
        self.turns = turns
        self.presence = WorkerPresence(turns.store.engine)
        self.share = total

    async def run(self, stop: asyncio.Event) -> None:
        """Take this process's share until ``stop`` is set."""
        if not self.total or not self.presence.shared:
            return
        await in_database(self.turns, self.presence.join)
        try:
            while not stop.is_set():
                await self._update()
                with suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), INTERVAL)
        finally:
            await in_database(self.turns, self.presence.leave)

    async def _update(self) -> None:
        try:
            live = await in_database(self.turns, self.presence.live)
        except Exception as error:  # the database is away: keep the share we had
            log.warning("counting the live processes failed: %s", type(error).__name__)
            return
        share = self.total / live
        if share != self.share:
            log.info("Telegram budget: %.1f messages/s for this process (%d live)", share, live)
            set_rate(self.rate_limiter, share)
            self.share = share
