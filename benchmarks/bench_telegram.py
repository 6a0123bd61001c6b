"""The bot on Telegram, measured: many youth through whole interviews over the local fake
Bot API.

Each bot runs in its own process, as in production (Telegram's side — here the fake server
and the simulated people — runs in this one). Prints turns/s, p50/p99 from an update reaching
the server to the bot's answer arriving, Bot API calls per turn and the bot process's CPU time
per turn; then the same for a bot that makes the same Bot API calls without any conversation
(an echo bot with buttons: what any bot answering these presses costs here), and for a bare
python-telegram-bot echo bot (one reply per text) on the same transport with the same
concurrency, the ceiling of this stack; and the ratios. All three run without Telegram's
30 messages/s throttle.

``--throttle``: only the bot, with Telegram's throttle on (``TOEKOMSTPLAN_TELEGRAM_MAX_RATE``,
30 messages/s by default): what one bot token carries, e.g. with ``--youth 60``.
Usage: ``python benchmarks/bench_telegram.py [--youth 500] [--throttle]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.storage.sealing import new_key
from tests.telegram_fake.bot import FAKE_PACE_LIMIT
from tests.telegram_fake.interview import INTERVIEW, step
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

HERE = Path(__file__).resolve().parent
STEPS = [("text", "/start"), *INTERVIEW]  # 34 turns, the last one finishes the plan
Step = Callable[[FakeUser, int], Awaitable[None]]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def start(tg: FakeTelegram, *command: str, env: dict[str, str] | None = None
                ) -> asyncio.subprocess.Process:
    tg.asked.discard("getUpdates")
    process = await asyncio.create_subprocess_exec(
        *command, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    while "getUpdates" not in tg.asked:
        await asyncio.sleep(0.05)
    return process


async def measure(name: str, tg: FakeTelegram, process: asyncio.subprocess.Process,
                  users: list[FakeUser], take: Step) -> float:
    latencies: list[float] = []

    async def one(user: FakeUser) -> None:
        for number in range(len(STEPS)):
            started = time.perf_counter()
            await take(user, number)
            latencies.append(time.perf_counter() - started)

    calls_before, cpu_before = len(tg.calls), cpu_seconds(process.pid)
    here_before = cpu_seconds(os.getpid())
    started = time.perf_counter()
    await asyncio.gather(*(one(user) for user in users))
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(process.pid) - cpu_before
    here = cpu_seconds(os.getpid()) - here_before
    calls = [c for c in tg.calls[calls_before:] if c.method != "getUpdates"]
    cuts = statistics.quantiles(latencies, n=100)
    rate = len(latencies) / elapsed
    limited = Counter(c.method for c in calls if "chat_id" in c.params)

    def per_turn(counts: Counter[str]) -> str:
        return f"{counts.total() / len(latencies):.2f} to a chat: " + ", ".join(
            f"{method} {count / len(latencies):.2f}" for method, count in counts.items())

    print(f"{name}: {len(latencies):,} turns in {elapsed:.1f} s = {rate:,.0f} turns/s; "
          f"update→reply p50 {cuts[49] * 1000:,.0f} ms, p99 {cuts[98] * 1000:,.0f} ms; "
          f"{len(calls) / len(latencies):.2f} Bot API calls ({per_turn(limited)}) and "
          f"{cpu / len(latencies) * 1000:.2f} ms bot CPU per turn (bot {cpu / elapsed:.0%} "
          f"of a core, fake Telegram and people {here / elapsed:.0%})", flush=True)
    process.terminate()
    await process.wait()
    tg.assert_no_errors()
    return rate


async def main(count: int, throttle: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeTelegram() as tg:
            env = {**os.environ, "TOEKOMSTPLAN_BOT_TOKEN": tg.token,
                   "TOEKOMSTPLAN_BOT_API_URL": tg.base_url, "TOEKOMSTPLAN_DATA_DIR": tmp,
                   "TOEKOMSTPLAN_ENCRYPTION_KEY": new_key(), "TOEKOMSTPLAN_POLL_TIMEOUT": "1",
                   "TOEKOMSTPLAN_FLOOD_LIMIT": str(FAKE_PACE_LIMIT)}
            if not throttle:
                env["TOEKOMSTPLAN_TELEGRAM_MAX_RATE"] = "0"
            env.pop("TOEKOMSTPLAN_DATABASE_URL", None)
            profile = os.environ.get("PROFILE_BOT")
            prefix = ["-m", "cProfile", "-o", profile] if profile else []
            bot = await start(tg, sys.executable, *prefix, "-m", "bot.cli", "run", env=env)

            async def interview_step(user: FakeUser, number: int) -> None:
                await step(user, STEPS, number)

            youth = [FakeUser(tg, 100_000 + n, f"Jongere{n}") for n in range(count)]
            throttled = " under Telegram's throttle" if throttle else ""
            ours = await measure(f"toekomstplan, {count} youth, whole interviews{throttled}",
                                 tg, bot, youth, interview_step)
        if throttle:
            return
        async with FakeTelegram() as tg:
            calls_only = await start(tg, sys.executable, str(HERE / "echo_bot.py"), tg.token,
                                     tg.base_url, "buttons")

            async def press_step(user: FakeUser, number: int) -> None:
                kind, value = STEPS[number]
                await (user.click("Verder") if kind == "click" else user.send_text(value))

            people = [FakeUser(tg, 300_000 + n, f"Knop{n}") for n in range(count)]
            bound = await measure("the same Bot API calls without the conversation (echo "
                                  "with buttons)", tg, calls_only, people, press_step)
        async with FakeTelegram() as tg:
            echo = await start(tg, sys.executable, str(HERE / "echo_bot.py"), tg.token,
                               tg.base_url)

            async def echo_step(user: FakeUser, number: int) -> None:
                await user.send_text(f"hallo {number}", question=1)

            people = [FakeUser(tg, 200_000 + n, f"Echo{n}") for n in range(count)]
            ceiling = await measure("bare PTB echo bot, same transport and concurrency", tg,
                                    echo, people, echo_step)
    print(f"ratio: {ours / ceiling:.2f} of the echo bot's turns/s (target ≥ 0.5); the same "
          f"calls without any conversation reach {bound / ceiling:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youth", type=int, default=500)
    parser.add_argument("--throttle", action="store_true",
                        help="only the bot, with Telegram's 30 messages/s throttle on")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.youth, arguments.throttle))
