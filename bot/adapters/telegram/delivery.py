"""Delivering the outbox: what one user's turn says to *other* people (a JIM's ask, "goed
nieuws", a professional's summary with the plan as PDF, a notice that sharing stopped).

A turn writes those messages to the outbox in its own transaction (:mod:`bot.turns`). The
courier sends them after the turn (handlers wake it) and every :data:`INTERVAL` seconds, so
whatever a crash left queued goes out once the bot runs again. One courier per process
sends, one delivery after another, through the same rate-limited bot as every reply.

At least once, and never twice where that can be avoided: a delivery is marked delivered
right after it was sent, and the requests of a delivery that went through are remembered, so
a retry after a network error or a failed commit skips them. (Two bot processes would each
deliver; run one.) Someone who blocked the bot, or a message Telegram refuses, can't hold up
the queue: such a delivery is dropped (nothing about a youth lingers for a recipient who
can't receive it). Network trouble keeps the delivery, and that recipient's later ones, for
the next round.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.adapters.telegram import CHANNEL
from bot.adapters.telegram.database_calls import in_database
from bot.adapters.telegram.sending import perform, requests
from bot.storage.sharing import Delivery
from bot.turns import Turns

INTERVAL = 10.0  # seconds between rounds when no turn wakes the courier
GATHER = 0.05  # seconds a wake-up waits for more turns, so busy times cost one query a round
BATCH = 50
log = logging.getLogger(__name__)


class Courier:
    def __init__(self, turns: Turns) -> None:
        self.turns = turns
        self._wake = asyncio.Event()
        self._stopping = False
        self._sent: dict[int, int] = {}  # delivery id → its requests that went through

    def wake(self) -> None:
        """A turn may have written to the outbox: deliver soon."""
        self._wake.set()

    def stop(self) -> None:
        """Finish with one last round, then :meth:`run` returns."""
        self._stopping = True
        self._wake.set()

    async def run(self, bot: Bot) -> None:
        while True:
            stopping = self._stopping
            self._wake.clear()
            await self.deliver(bot)
            if stopping:
                return
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), INTERVAL)
                await asyncio.sleep(GATHER)

    async def deliver(self, bot: Bot) -> None:
        """Send everything waiting; what fails for a network reason waits for the next round."""
        try:
            while True:
                batch = await in_database(self.turns, self.turns.pending, CHANNEL, None, BATCH)
                settled = await self._deliver_batch(bot, batch)
                if len(batch) < BATCH or not settled:
                    return
        except Exception as error:  # e.g. the database is away: the next round tries again
            log.error("delivering the outbox failed: %s", type(error).__name__)

    async def _deliver_batch(self, bot: Bot, batch: list[Delivery]) -> bool:
        later: set[str] = set()  # recipients whose next message must wait (keeps their order)
        for delivery in batch:
            if delivery.external_id in later:
                continue
            if await self._deliver_one(bot, delivery):
                await in_database(self.turns, self.turns.delivered, [delivery.id])
                self._sent.pop(delivery.id, None)
            else:
                later.add(delivery.external_id)
        return not later

    async def _deliver_one(self, bot: Bot, delivery: Delivery) -> bool:
        """True when the delivery is done with: sent, or impossible to send."""
        todo = requests(delivery.messages, bot.username)
        done = self._sent.get(delivery.id, 0)
        try:
            for request in todo[done:]:
                await perform(bot, int(delivery.external_id), request)
                done += 1
                self._sent[delivery.id] = done
        except (Forbidden, BadRequest) as error:  # blocked, gone, or refused: never deliverable
            log.warning("outbox delivery dropped: %s", type(error).__name__)
            return True
        except TelegramError as error:  # network trouble, a rate limit: try again later
            log.info("outbox delivery postponed: %s", type(error).__name__)
            return False
        return True
