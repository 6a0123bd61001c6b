"""Where the adapter's database work runs: on the event loop for a local SQLite file, in a
thread for a database server.

A turn on SQLite costs well under a millisecond and waits on nothing but the file (this
process's turns take it one at a time anyway); handing it to a thread costs more than the
turn itself, in hand-offs and in the two threads taking the interpreter lock from each
other (measured with benchmarks/bench_telegram.py). A server answers over the network, and
the loop must not stand still while it does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from bot.turns import Turns

P = ParamSpec("P")
R = TypeVar("R")


async def in_database(turns: Turns, call: Callable[P, R], *args: P.args,
                      **kwargs: P.kwargs) -> R:
    if turns.local:
        return call(*args, **kwargs)
    return await asyncio.to_thread(call, *args, **kwargs)
