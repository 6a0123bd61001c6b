"""Delivering the outbox: what one user's turn says to *other* people (a JIM's ask, "goed
nieuws", a professional's summary with the plan as PDF, a notice that sharing stopped).

A turn writes those messages to the outbox in its own transaction (:mod:`bot.turns`). The
courier sends them after the turn (handlers wake it) and every :data:`INTERVAL` seconds, so
whatever a crash left queued goes out once a bot runs again. Every bot process runs a
courier; any number of them share one database. A courier sends one delivery after another,
through the same rate-limited bot as every reply.

The guarantee: **at least once, and twice only across a crash.** A courier claims a batch
for :data:`LEASE` (:meth:`bot.storage.sharing_repositories.Outbox.claim`; other couriers
skip what is claimed), sends a delivery, and removes it right after Telegram accepted its
last request. A message is sent again only when its process dies, or loses the database,
after Telegram accepted a request of it and before the removal was committed: when the claim
has run out, another courier sends the message again (a process that lost only the database
remembers how far it got and resumes there). A courier starts a delivery only while half its
lease is left, and a delivery takes seconds, so a live courier never loses a claim it still
uses — provided the processes' clocks agree to well within half a lease (use NTP). A
delivery postponed by network trouble is given back at once with the requests that went
through (any courier resumes after them), and so are that recipient's later ones, which
keeps each recipient's messages in order. Someone who blocked the bot, or a message Telegram
refuses, can't hold up the queue: such a delivery is dropped (nothing about a youth lingers
for a recipient who can't receive it).

Files (a professional's PDF) are made when a delivery is claimed, from the youth's plan as
it is then and as the recipient may see it then, in a thread: never in a transaction.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from datetime import timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.adapters.drawing import Drawing
from bot.adapters.telegram import CHANNEL
from bot.adapters.telegram.database_calls import in_database
from bot.adapters.telegram.sending import perform, requests
from bot.documents.files import asks_for_files
from bot.storage.sharing_repositories import Delivery
from bot.turns import Turns

INTERVAL = 10.0  # seconds between rounds when no turn wakes the courier
GATHER = 0.05  # seconds a wake-up waits for more turns, so busy times cost one query a round
BATCH = 50
LEASE = timedelta(minutes=2)  # how long a claim holds; a delivery takes seconds
log = logging.getLogger(__name__)


class Courier:
    def __init__(self, turns: Turns, batch: int = BATCH) -> None:
        self.turns = turns
        self.drawing = Drawing()
        self.batch = batch  # deliveries claimed at a time
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
        """Send everything waiting and not claimed by another courier; what fails for a
        network reason waits for the next round."""
        try:
            while True:
                batch = await in_database(self.turns, self.turns.claim, CHANNEL, LEASE,
                                          self.batch)
                # Until a claim comes back empty: a short batch may have skipped a message
                # whose older sibling this courier held, and no other courier will come back
                # for it before the next round.
                if not batch or not await self._deliver_batch(bot, batch):
                    return
        except Exception as error:  # e.g. the database is away: the next round tries again
            log.error("delivering the outbox failed: %s", type(error).__name__)

    async def _deliver_batch(self, bot: Bot, batch: list[Delivery]) -> bool:
        later: set[str] = set()  # recipients whose next message must wait (keeps their order)
        for delivery in batch:
            if delivery.external_id in later or not self._in_time(delivery):
                later.add(delivery.external_id)
                await in_database(self.turns, self.turns.release, delivery,
                                  self._done(delivery))
            elif await self._deliver_one(bot, delivery):
                await in_database(self.turns, self.turns.delivered, [delivery.id])
                self._sent.pop(delivery.id, None)
            else:
                later.add(delivery.external_id)
        return not later

    def _in_time(self, delivery: Delivery) -> bool:
        """Half the claim is left: plenty for one delivery."""
        assert delivery.claimed_until is not None
        return self.turns.clock() < delivery.claimed_until - LEASE / 2

    def _done(self, delivery: Delivery) -> int:
        """How many of the delivery's requests went out already (by any courier)."""
        return max(delivery.sent_parts, self._sent.get(delivery.id, 0))

    async def _deliver_one(self, bot: Bot, delivery: Delivery) -> bool:
        """True when the delivery is done with: sent, or impossible to send. False: it was
        given back, for a later round."""
        done = self._done(delivery)
        if asks_for_files(delivery.messages):  # a PDF takes ~90 ms: not in this process
            delivery = await self.drawing.delivery(delivery, self.turns.clock())
        todo = requests(delivery.messages, bot.username)
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
            await in_database(self.turns, self.turns.release, delivery, done)
            return False
        return True
