"""One Telegram budget for all processes of a bot: each live process sends at its share.

python-telegram-bot's ``AIORateLimiter`` counts per process, so N processes would send N
times what Telegram allows one token (about 30 messages a second) and meet 429s. Every
:data:`INTERVAL` seconds each process counts the live ones
(:class:`bot.storage.workers.WorkerPresence`) and sets its own limiter to
``TOEKOMSTPLAN_TELEGRAM_MAX_RATE / live``. For a few seconds after a process starts or dies
the sum is off by one share: the 429 that may then come is honoured (``retry_after``).
Within a process the limiter serves waiting requests in turn, so no youth's reply waits
behind another's many.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

from telegram import Bot
from telegram.ext import AIORateLimiter

from bot.adapters.telegram.database_calls import in_database
from bot.storage.workers import WorkerPresence
from bot.turns import Turns

INTERVAL = 5.0  # seconds between counts of the live processes
log = logging.getLogger(__name__)


def set_rate(rate_limiter: AIORateLimiter, rate: float) -> None:
    """Change the overall rate of a running limiter, keeping the requests that wait on it.
    (PTB keeps that aiolimiter ``AsyncLimiter`` as ``_base_limiter``; it has no setter.)"""
    limiter = rate_limiter._base_limiter
    if limiter is not None:
        limiter.max_rate = rate
        limiter._rate_per_sec = rate / limiter.time_period


def spare(bot: Bot, calls: int) -> bool:
    """This process's budget has room for ``calls`` more requests right now (always, without
    a throttle): for what is nice to have but may be left out when the budget is tight."""
    limiter = getattr(getattr(bot, "rate_limiter", None), "_base_limiter", None)
    return limiter is None or limiter.has_capacity(calls)


class SharedBudget:
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
