"""What drawing files costs the chats that are not asking for one.

A bot process's event loop must stay free to read updates and send replies. This draws
``--files`` PDFs of plans that all differ (none comes from memory), four at a time as a few
begeleiders opening plans would, once in a thread of this process (as before) and once in
the worker process of :mod:`bot.adapters.drawing`, while a ticker on the event loop asks to
run every millisecond. It prints how late the ticker ran (p50 / p99 / max: how long any chat
in the process would have waited) and how long the files took. Usage:
``python benchmarks/bench_drawing.py [--files 40]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import date

from bot.adapters.drawing import Drawing
from bot.documents.fonts import read_fonts
from bot.documents.plan_pdf import plan_pdf
from bot.i18n import Translator
from tests.test_plan_pdf import full_plan

TICK = 0.001  # seconds the ticker sleeps
AT_ONCE = 4


def pdf_of(number: int) -> bytes:
    plan = full_plan()
    plan.name = f"Noor {number}"  # another plan each time: drawn, not taken from memory
    return plan_pdf(plan, Translator("nl"), date(2026, 12, 3))


async def measure(name: str, draw: Callable[[int], Awaitable[bytes]], files: int,
                  offset: int) -> None:
    late: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            asked = time.perf_counter()
            await asyncio.sleep(TICK)
            late.append(time.perf_counter() - asked - TICK)

    ticking = asyncio.create_task(ticker())
    started = time.perf_counter()
    for first in range(0, files, AT_ONCE):
        await asyncio.gather(*(draw(offset + n) for n in range(first, min(files, first + AT_ONCE))))
    took = time.perf_counter() - started
    done.set()
    await ticking
    cuts = statistics.quantiles(late, n=100)
    print(f"{name}: {files} PDFs in {took:.2f} s ({took / files * 1000:.0f} ms each); the event "
          f"loop ran late by p50 {cuts[49] * 1000:.1f} ms, p99 {cuts[98] * 1000:.1f} ms, "
          f"max {max(late) * 1000:.0f} ms", flush=True)


async def main(files: int) -> None:
    read_fonts()
    await measure("in a thread of the bot's process", lambda n: asyncio.to_thread(pdf_of, n),
                  files, 0)
    drawing = Drawing()
    try:
        drawing.start()
        await drawing.run(pdf_of, -1)  # started and warm, as a serving bot's is
        await measure("in the drawing process", lambda n: drawing.run(pdf_of, n), files,
                      files)
    finally:
        drawing.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=40)
    asyncio.run(main(parser.parse_args().files))
