"""The scheduler loop beside the courier: every :data:`INTERVAL` seconds it lets the
scheduler write what is due (check-ins, reminders, nudges) to the outbox, and wakes the
courier to send it. Every bot process runs one; the scheduler's claims keep each message
to one process (:mod:`bot.scheduler`)."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

from bot.adapters.telegram.database_calls import in_database
from bot.adapters.telegram.delivery import Courier
from bot.scheduler import Scheduler
from bot.turns import Turns

INTERVAL = 60.0  # seconds: check-ins are planned to the hour, a minute late is on time
log = logging.getLogger(__name__)


class ScheduleLoop:
    def __init__(self, turns: Turns, courier: Courier) -> None:
        self.turns = turns
        self.courier = courier
        self.scheduler = Scheduler(turns.store, turns.clock)
        self._stop = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        while not self._stop.is_set():
            await self.round()
            with suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), INTERVAL)

    async def round(self) -> None:
        """Write what is due to the outbox, and have the courier send it."""
        try:
            if await in_database(self.turns, self.scheduler.run_due):
                self.courier.wake()
        except Exception as error:  # the database is away: the next round tries again
            log.error("scheduled work failed: %s", type(error).__name__)
