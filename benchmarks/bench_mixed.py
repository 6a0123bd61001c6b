"""The bot's own capacity under a mixed load offered at a fixed rate, Telegram's throttle off.

Youth go through interviews, JIMs answer the ask about the action given to them, begeleiders
open a youth's plan with /jongeren (the text and the PDF). The turns are offered *open
loop*: one every ``1 / rate`` seconds, on schedule, whatever the bot's replies are doing
(each goes to someone not waiting for a reply; a youth takes their next step). Each setting
runs the bot in webhook mode as separate processes, as in production; the fake Bot API and
the simulated people run in this process, on the same cores:

- SQLite, one process;
- PostgreSQL (``TOEKOMSTPLAN_TEST_POSTGRES_URL``), one process;
- PostgreSQL, three processes on one port.

The JIMs and begeleiders are set up before the clock starts, through the engine on the same
database (their asks and summaries go out when the bot starts). The same load is offered
for a few seconds first and not counted, as a worker that has been running a while would
meet it: its pooled connections open, its first files drawn. Prints, per setting, the
offered and achieved rate, update → reply p50/p99 (overall and per kind: the next question,
the reply to an answered ask, the PDF), the bots' CPU time per turn, the CPU of everything
else on the cores (the fake Telegram with the people, the PostgreSQL server), replies that
never came and requests Telegram would refuse.
Usage: ``python benchmarks/bench_mixed.py [--rate 100] [--seconds 20] [--warm-up 3]
[--only sqlite]``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.bench_telegram import STEPS, cpu_seconds
from bot.messages import Account
from bot.storage.database import open_store, sqlite_url
from bot.storage.tables import outbox
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import postgres_schema_url
from tests.telegram_fake.bot import FAKE_PACE_LIMIT, KEY
from tests.telegram_fake.interview import step
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_interview import answer_start, complete_interview
from tests.test_sharing_asks import ahmed_becomes_jim, invites
from tests.test_telegram_run import clean_env, unused_port
from tests.test_telegram_workers import workers

MIX = (("youth", 0.90), ("jim", 0.05), ("begeleider", 0.05))  # shares of the offered turns
BEGELEIDERS = 20  # each opens plans again and again
PATIENCE = 30.0  # seconds a reply may take before it counts as never come
TARGET = 0.1  # seconds: the p99 wanted; the turns slower than it are counted by when
YOUTH, JIM_YOUTH, JIM, BEGELEIDER_YOUTH, BEGELEIDER = (
    100_000, 200_000, 300_000, 400_000, 500_000)


def prepare(store: Store, jims: int, begeleiders: int) -> None:
    """Youth with a JIM who accepted (the ask about "Een eigen kamer" waits in the outbox),
    and youth whose begeleider they confirmed, made through the engine."""
    turns = Turns(store)

    def with_jim(n: int) -> None:
        noor = Youth(turns, str(JIM_YOUTH + n), "telegram")
        complete_interview(noor)
        ahmed_becomes_jim(noor, Youth(turns, str(JIM + n), "telegram"))

    def with_begeleider(n: int) -> None:
        sara = Youth(turns, str(BEGELEIDER_YOUTH + n), "telegram")
        mark = Youth(turns, str(BEGELEIDER + n), "telegram", account=Account("Mark"))
        answer_start(sara)
        mark.says(f"/start {invites(sara, 'Je begeleider uitnodigen')}")
        mark.clicks("Ja")
        for answer in ("Mark", "RIBW", "woonbegeleider"):
            mark.says(answer)
        sara.inbox()
        sara.presses("Ja, dat is mijn begeleider")

    threads = 1 if store.writer else 4  # SQLite writes one at a time anyway
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(with_jim, range(jims)))
        list(pool.map(with_begeleider, range(begeleiders)))


def waiting(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(outbox)).scalar_one()


@dataclass
class People:
    """Who may take the next turn of each kind: nobody waits for a reply when offered one."""

    tg: FakeTelegram
    youth: Iterator[FakeUser]
    jims: list[FakeUser]
    begeleiders: list[FakeUser]
    idle_youth: list[tuple[FakeUser, int]] = field(default_factory=list)

    def take(self, kind: str) -> tuple[str, Callable[[], Awaitable[None]]]:
        """The turn: what it is, and the coroutine that takes it (returns at the reply)."""
        if kind == "jim" and self.jims:
            jim = self.jims.pop()
            return kind, lambda: answer_ask(self.tg, jim)
        if kind == "begeleider" and self.begeleiders:
            mark = self.begeleiders.pop(0)

            async def open_plan() -> None:
                await open_plans(mark)
                self.begeleiders.append(mark)

            return kind, open_plan
        if self.idle_youth:
            user, number = self.idle_youth.pop(0)
        else:
            user, number = next(self.youth), 0

        async def next_step() -> None:
            await step(user, STEPS, number)
            if number + 1 < len(STEPS):
                self.idle_youth.append((user, number + 1))

        return "youth", next_step


async def answer_ask(tg: FakeTelegram, jim: FakeUser) -> None:
    """Yes to the ask; done at the reply (a new message, not only the closed question)."""
    ask = next(m for m in jim.bot_messages if "Een eigen kamer" in m.get("text", ""))
    (data,) = [button["callback_data"] for row in ask["reply_markup"]["inline_keyboard"]
               for button in row if button["text"] == "Ja"]
    before = len(jim.bot_messages)
    tg.push_update("callback_query", {"id": tg.new_query_id(jim.id), "from": jim.json,
                                      "message": dict(ask), "chat_instance": str(jim.id),
                                      "data": data})
    await jim.until(lambda: len(jim.bot_messages) > before)


async def open_plans(mark: FakeUser) -> None:
    """/jongeren: done when the PDF is there."""
    documents = sum("document" in m for m in mark.bot_messages)
    mark.push_text("/jongeren")
    await mark.until(lambda: sum("document" in m for m in mark.bot_messages) > documents)


def kinds(count: int) -> list[str]:
    """The kinds of ``count`` turns, spread evenly by :data:`MIX`."""
    made: list[str] = []
    owed = dict.fromkeys((kind for kind, _ in MIX), 0.0)
    for _ in range(count):
        for kind, share in MIX:
            owed[kind] += share
        kind = max(owed, key=owed.__getitem__)
        owed[kind] -= 1
        made.append(kind)
    return made


def with_children(pid: int) -> float:
    """CPU seconds of a bot process and its children (the process that draws its files)."""
    total = cpu_seconds(pid)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                total += cpu_seconds(int(stat.parent.name))
    return total


def database_server_seconds() -> float:
    """CPU seconds of the PostgreSQL server's processes on this machine, its ended backends
    included (0 where it runs elsewhere or for SQLite): it shares the cores with the bot."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError):
            name, fields = stat.read_text().split(" (", 1)[1].rsplit(")", 1)
            if name == "postgres":
                total += sum(int(field) for field in fields.split()[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def waited_for_a_core(pid: int) -> float:
    """Seconds the process's main thread (where its event loop runs) was ready to run but
    waited for a core (Linux schedstat): what a shared machine takes from it."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9


def refusals(tg: FakeTelegram) -> str:
    """How many requests the fake refused, and why (an old button press: answered late)."""
    reasons = Counter(f"{call.method}: {call.error}" for call in tg.errors)
    return f"{len(tg.errors)} ({', '.join(f'{n} {r}' for r, n in reasons.items())})" \
        if reasons else "0"


def cuts(latencies: list[float]) -> str:
    if len(latencies) < 2:
        return "too few"
    found = statistics.quantiles(latencies, n=100)
    return f"p50 {found[49] * 1000:,.0f} ms, p99 {found[98] * 1000:,.0f} ms"


async def offer(tg: FakeTelegram, people: People, rate: float, seconds: float,
                pids: list[int]) -> str:
    latencies: dict[str, list[float]] = {kind: [] for kind, _ in MIX}
    slow: Counter[int] = Counter()  # turns over the target, by the second they were offered
    lost = 0

    async def timed(kind: str, turn: Callable[[], Awaitable[None]]) -> None:
        nonlocal lost
        started = time.perf_counter()
        try:
            await asyncio.wait_for(turn(), PATIENCE)
        except (TimeoutError, AssertionError):
            lost += 1
            return
        latency = time.perf_counter() - started
        latencies[kind].append(latency)
        if latency > TARGET:
            slow[int(started - offered_from)] += 1

    schedule = kinds(int(rate * seconds))
    # This process plays Telegram and the people: a full collection of its own heap (130 ms
    # at twelve seconds in) would stop the clock's every reply and count as the bot's.
    gc.collect()
    gc.freeze()
    gc.disable()
    cpu_before = sum(with_children(pid) for pid in pids)
    waited_before = [waited_for_a_core(pid) for pid in pids]
    here_before = cpu_seconds(os.getpid())
    server_before = database_server_seconds()
    tasks = []
    started = offered_from = time.perf_counter()
    for number, wanted in enumerate(schedule):
        await asyncio.sleep(max(0.0, started + number / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(timed(*people.take(wanted))))
    offered = time.perf_counter() - started
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    gc.enable()
    gc.unfreeze()
    cpu = sum(with_children(pid) for pid in pids) - cpu_before
    waited = max(waited_for_a_core(pid) - before for pid, before in zip(pids, waited_before,
                                                                       strict=True))
    here = cpu_seconds(os.getpid()) - here_before
    server = database_server_seconds() - server_before
    done = [latency for found in latencies.values() for latency in found]
    return (f"offered {len(schedule) / offered:,.0f} turns/s ({len(schedule):,} in "
            f"{offered:.1f} s), all replies after {elapsed:.1f} s; update→reply {cuts(done)}"
            f" ({'; '.join(f'{kind} {cuts(found)}' for kind, found in latencies.items())}); "
            f"{cpu / len(schedule) * 1000:.2f} ms bot CPU per turn, drawing files included "
            f"({cpu / elapsed:.0%} of a core; fake Telegram and people {here / elapsed:.0%}; "
            f"database server {server / elapsed:.0%}; "
            f"a bot's event loop waited for a core {waited / elapsed:.0%} of the time); "
            f"no reply: {lost}; refusals by Telegram: {refusals(tg)}; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
            f"turns over {TARGET * 1000:.0f} ms by second offered: "
            f"{', '.join(f'{second}s {n}' for second, n in sorted(slow.items())) or 'none'}")


async def measure(name: str, url: str, processes: int, rate: float, seconds: float,
                  warm_up: float, tmp: Path) -> None:
    turns = int(rate * (warm_up + seconds))
    jims = int(turns * dict(MIX)["jim"]) + 1
    store = open_store(url, KEY)
    try:
        started = time.perf_counter()
        await asyncio.to_thread(prepare, store, jims, BEGELEIDERS)
        print(f"{name}: set up {jims} JIMs with an ask and {BEGELEIDERS} begeleiders in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        if store.writer:  # an SQLite file is the bot's alone while it runs
            store.engine.dispose()
        async with FakeTelegram() as tg:
            port = unused_port()
            env = clean_env(tmp, encryption_key=KEY, bot_token=tg.token,
                            bot_api_url=tg.base_url, database_url=url,
                            webhook_url=f"http://127.0.0.1:{port}/telegram",
                            webhook_port=str(port), webhook_secret="shared-secret_1",
                            flood_limit=str(FAKE_PACE_LIMIT), telegram_max_rate="0")
            jim_users = [FakeUser(tg, JIM + n, "Ahmed") for n in range(jims)]
            marks = [FakeUser(tg, BEGELEIDER + n, "Mark") for n in range(BEGELEIDERS)]
            for n in range(jims):
                FakeUser(tg, JIM_YOUTH + n, "Noor")
            for n in range(BEGELEIDERS):
                FakeUser(tg, BEGELEIDER_YOUTH + n, "Sara")
            async with workers(tg, env, processes) as running:
                while waiting(store):  # the asks and summaries go out first
                    await asyncio.sleep(0.2)
                for jim in jim_users:
                    await jim.receives("Een eigen kamer")
                youth = (FakeUser(tg, YOUTH + n, f"Jongere{n}") for n in range(1_000_000))
                people = People(tg, youth, jim_users, marks)
                pids = [p.pid for p in running]
                if warm_up:  # new connections, first files, caches filled: not counted
                    await offer(tg, people, rate, warm_up, pids)
                result = await offer(tg, people, rate, seconds, pids)
        print(f"{name}, after {warm_up:g} s of warm-up: {result}", flush=True)
    finally:
        store.engine.dispose()


async def main(rate: float, seconds: float, warm_up: float, only: str | None) -> None:
    settings = [("SQLite, 1 process", "sqlite", 1), ("PostgreSQL, 1 process", "postgresql", 1),
                ("PostgreSQL, 3 processes", "postgresql", 3)]
    for name, database, processes in settings:
        if only and only != database:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            if database == "sqlite":
                await measure(name, sqlite_url(Path(tmp) / "bot.db"), processes, rate, seconds,
                              warm_up, Path(tmp))
                continue
            schema = postgres_schema_url()
            try:
                await measure(name, next(schema), processes, rate, seconds, warm_up,
                              Path(tmp))
            finally:
                with suppress(StopIteration):
                    next(schema)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=100.0, help="turns offered a second")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warm-up", type=float, default=3.0,
                        help="seconds offered at the same rate first, not counted")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    arguments = parser.parse_args()
    if sys.platform != "linux":
        sys.exit("CPU times are read from /proc")
    asyncio.run(main(arguments.rate, arguments.seconds, arguments.warm_up, arguments.only))
