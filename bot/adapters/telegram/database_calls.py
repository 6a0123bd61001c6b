"""Where the adapter's database work runs: on the event loop for a local SQLite file, in
one of a few threads of its own for a database server.

A turn on SQLite costs well under a millisecond and waits on nothing but the file (this
process's turns take it one at a time anyway); handing it to a thread costs more than the
turn itself, in hand-offs and in the two threads taking the interpreter lock from each
other (measured with benchmarks/bench_telegram.py). A server answers over the network, and
the loop must not stand still while it does.

Two threads are enough to keep the server busy while the other turn computes: a turn holds
the interpreter lock for most of its time. More threads only take the lock from each other
and from the event loop, which then answers everyone later; under a load the process can
barely carry, that makes the queue grow instead of shrink (benchmarks/bench_mixed.py on
PostgreSQL with one process: p99 0.4–1.3 s with two threads against 1.8–3.1 s with
asyncio's default six, in alternating runs).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from bot.turns import Turns

P = ParamSpec("P")
R = TypeVar("R")
DATABASE_THREADS = 2

_threads = ThreadPoolExecutor(DATABASE_THREADS, thread_name_prefix="database")


async def in_database(turns: Turns, call: Callable[P, R], *args: P.args,
                      **kwargs: P.kwargs) -> R:
    if turns.local:
        return call(*args, **kwargs)
    in_context = functools.partial(contextvars.copy_context().run, call, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_threads, in_context)
