"""Strict order per user, parallel across users, and a busy user never blocks the others.

One youth's updates must be handled in the order they were sent (a click right after a typed
answer must see that answer). Each user has a queue (a FIFO lock); only the update at the
head of a queue takes one of the processing slots. PTB's own limit would be taken *before*
the queue, so a burst from one user could fill every slot while waiting for their own turn;
it is therefore set out of reach, and the slots are taken here, after the queue.

Only private chats hold conversations, so only their updates queue and take slots. Anything
else (a group, a channel, a press on an inline message) is handled at once beside them: its
handlers touch no database and pace their own few calls (:mod:`bot.adapters.telegram.elsewhere`),
so a busy group never holds a slot, nor the queue of a member who also talks to the bot.

While a private chat's update is handled, what is sent to that chat is a reply
(:data:`bot.adapters.telegram.budget.ANSWERING`): it counts against that chat's budget only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.adapters.telegram.budget import ANSWERING
from bot.adapters.telegram.updates import in_private_chat

IN_FLIGHT = 100_000  # PTB's own gate: every update is a task already, so only a backstop
SLOTS = 16  # updates handled at a time (one per user): measured best, benchmarks/bench_telegram.py


class PerUserOrder(BaseUpdateProcessor):
    def __init__(self, slots: int = SLOTS) -> None:
        super().__init__(IN_FLIGHT)
        self._slots = asyncio.Semaphore(slots)
        self._queues: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _private_user(update)
        if key is None:
            await coroutine
            return
        queue = self._queues.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        answering = ANSWERING.set(key)  # (a private chat's id is its user's)
        try:
            async with queue, self._slots:
                await coroutine
        finally:
            ANSWERING.reset(answering)
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._queues[key]

    async def initialize(self) -> None:
        """Nothing to set up: queues are made per user on demand."""

    async def shutdown(self) -> None:
        """Nothing to release: a queue goes when its last update is done."""


def _private_user(update: object) -> int | None:
    if isinstance(update, Update) and in_private_chat(update) and update.effective_user:
        return update.effective_user.id
    return None
