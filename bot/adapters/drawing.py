"""Files drawn in a process of their own, for a bot that serves many people at once.

A PDF is 60–90 ms of pure Python. Drawn in a thread of the bot's process it holds the
interpreter lock all that time, and every other chat in the process waits: under load, a
begeleider opening a few plans after a start made the slowest seconds of
benchmarks/bench_mixed.py. :class:`Drawing` hands the drawing to one worker process, which
``toekomstplan run`` starts once the bot serves (else the first file does), at a lower
CPU priority than the bot, and which keeps its own
recent files (:mod:`bot.documents.recent`). When it has died, the next file starts another
one; a file it could not draw is drawn here, in a thread, as before. The terminal chat
serves one person and draws in-process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import TypeVar

from bot.documents.fonts import read_fonts
from bot.documents.recent import forget_recent
from bot.messages import Reply
from bot.storage.sharing_repositories import Delivery
from bot.turns import Taken, with_documents

log = logging.getLogger(__name__)
R = TypeVar("R")
NICER = 10  # the worker's lower CPU priority: where both want a core, a chat goes first


class Drawing:
    """One worker process for files. ``call`` and what it is given must pickle."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start the worker now and let it read what drawing needs (about a second of its
        own CPU), so that the first file asked for does not wait for that."""
        self._started().submit(_ready)

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:  # spawned, not forked: the bot's threads and sockets stay here
            self._pool = ProcessPoolExecutor(1, multiprocessing.get_context("spawn"),
                                             initializer=os.nice, initargs=(NICER,))
        return self._pool

    async def run(self, call: Callable[..., R], *args: object) -> R:
        """``call(*args)`` in the worker process; in a thread here when that has died."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self._started(), call,
                                                                    *args)
        except BrokenProcessPool:
            log.warning("the drawing process stopped; this file is drawn in the bot's own")
            self._pool = None
            return await asyncio.to_thread(call, *args)

    async def reply(self, taken: Taken) -> Reply:
        """The reply to a turn with its files."""
        return await self.run(Taken.with_documents, taken)

    async def delivery(self, delivery: Delivery, now: datetime) -> Delivery:
        """An outbox delivery with its files, dated ``now``."""
        return await self.run(with_documents, delivery, now)

    async def forget(self) -> None:
        """After an erasure: no file made from the erased plan stays in either process."""
        forget_recent()
        if self._pool is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(self._pool, forget_recent)
            except BrokenProcessPool:  # its memory went with it
                self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _ready() -> None:
    """In the worker (which imported this module, and so :mod:`bot.turns`): the fonts."""
    read_fonts()
