"""Youth talking to the bot while groups spam it, measured: does a group slow a private chat?

The bot runs with Telegram's throttle on (30 messages/s in all, 20 a minute per group), as in
production, over the local fake Bot API. The same youth do the first part of the interview
twice: once with no group about, once while groups the bot was added to send messages all
along (members who are youth themselves among them). Prints update→reply p50/p99 for both.
Usage: ``python benchmarks/bench_groups.py [--youth 20] [--groups 3] [--steps 13]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import Settings
from tests.telegram_fake.bot import running_bot
from tests.telegram_fake.interview import INTERVIEW, step
from tests.telegram_fake.people import FakeGroup, FakeUser
from tests.telegram_fake.server import FakeTelegram

STEPS = [("text", "/start"), *INTERVIEW[:12]]  # the first part of the interview
SPAM_RATE = 20.0  # messages a second from each group


async def interviews(youth: list[FakeUser], steps: int) -> list[float]:
    latencies: list[float] = []

    async def one(user: FakeUser) -> None:
        for number in range(steps):
            started = time.perf_counter()
            await step(user, STEPS, number)
            latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(one(user) for user in youth))
    return latencies


async def spam(groups: list[FakeGroup], members: list[FakeUser]) -> None:
    number = 0
    while True:
        for group in groups:
            group.post(members[number % len(members)], f"bericht {number}")
        number += 1
        await asyncio.sleep(1 / SPAM_RATE)


def report(name: str, latencies: list[float]) -> None:
    cuts = statistics.quantiles(latencies, n=100)
    print(f"{name}: {len(latencies):,} turns; update→reply p50 {cuts[49] * 1000:,.0f} ms, "
          f"p99 {cuts[98] * 1000:,.0f} ms", flush=True)


async def main(count: int, group_count: int, steps: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeTelegram() as tg, running_bot(  # with Telegram's throttle, as deployed
                tg, Path(tmp), telegram_max_rate=Settings().telegram_max_rate):
            quiet = [FakeUser(tg, 100_000 + n, "Jongere") for n in range(count)]
            report(f"{count} youth, no group", await interviews(quiet, steps))
            busy = [FakeUser(tg, 200_000 + n, "Jongere") for n in range(count)]
            groups = [FakeGroup(tg, -100_000 - n, f"Groep {n}") for n in range(group_count)]
            spamming = asyncio.create_task(spam(groups, busy))
            try:
                latencies = await interviews(busy, steps)
            finally:
                spamming.cancel()
            await asyncio.gather(*(group.left() for group in groups))
            sent = sum(1 for m in tg.calls_of("sendMessage") if m.params["chat_id"] < 0)
            report(f"{count} youth, {group_count} groups sending {SPAM_RATE:.0f} messages/s "
                   f"each (the bot posted {sent} there)", latencies)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--youth", type=int, default=20)
    parser.add_argument("--groups", type=int, default=3)
    parser.add_argument("--steps", type=int, default=len(STEPS),
                        choices=range(1, len(STEPS) + 1), metavar=f"1..{len(STEPS)}",
                        help="how many interview steps each youth takes")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.youth, arguments.groups, arguments.steps))
