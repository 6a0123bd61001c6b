"""Many simulated youth through complete interviews against the engine and a file SQLite database.

Every turn is committed, as in production. Prints turns/s, p50/p99 turn latency and the growth of
the process's resident memory. CPU time is printed too (per turn, and for everything): on a
shared virtual machine the wall-clock figure moves with the neighbours. A turn is timed until
its reply is stored and ready; the network picture some replies carry is drawn after that (on
Telegram in a thread of its own) and is timed apart, then everything together.
Usage: ``python benchmarks/bench_interview.py [--youth 10000]``.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bot.messages import UserInput
from bot.storage.database import open_store, sqlite_url
from bot.storage.sealing import new_key
from bot.storage.unit_of_work import UnitOfWork
from bot.turns import Turns

# A complete interview typed as a youth would: numbers, words and own words.
ANSWERS = [
    "/start", "1", "Sam", "19", "2", "ja", "Mijn huur moet morgen betaald worden",
    "mijn zus Lisa en buurman Kees", "1 en 3", "1", "4", "2", "dat is iedereen", "Lisa", "Lisa",
    "later", "wonen slecht, school gaat niet goed, geld slecht, rest goed",
    "Het is te duur, maar ik heb wel een kamer. Ik wil goedkoper wonen.", "ja",
    "Ik kom vaak te laat", "Ik ga naar school", "Een wekker die werkt", "ja",
    "Schulden", "-", "Hulp met mijn post", "ja",
    "ik zelf", "Ik bel de verhuurder", "Lisa, deze maand", "Ik zelf", "1", "-",
    "mijn begeleider", "deze week", "ja", "/plan",
]

NAME = ANSWERS.index("Sam")


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; the peak where that is missing)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youth", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        turns = Turns(open_store(sqlite_url(Path(tmp) / "bench.db"), new_key()))
        inputs = [UserInput.typed(text) for text in ANSWERS]
        turns.handle("bench", "warm-up", inputs[0])
        rss_start = rss_mb()
        latencies: list[float] = []
        drawing: list[float] = []
        turn_cpu = 0.0
        started, cpu_started = time.perf_counter(), time.process_time()
        for number in range(args.youth):
            user = f"youth-{number}"
            inputs[NAME] = UserInput.typed(f"Sam {number}")  # every plan (and picture) its own
            for user_input in inputs:
                before, cpu_before = time.perf_counter(), time.process_time()
                taken = turns.take("bench", user, user_input)
                stored = time.perf_counter()
                turn_cpu += time.process_time() - cpu_before
                latencies.append(stored - before)
                if taken.has_documents:
                    taken.with_documents()
                    drawing.append(time.perf_counter() - stored)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        rss_end = rss_mb()
        with UnitOfWork(turns.store) as uow:
            last = uow.conversations.load(uow.users.find("bench", user)).parse()
        conversation, plan = last
        assert conversation.state == "done" and plan.confirmed and len(plan.actions) == 4, (
            "the simulated interview did not complete")

    latencies.sort()
    quantiles = statistics.quantiles(latencies, n=100)
    print(f"youth: {args.youth} complete interviews, turns: {len(latencies)} "
          f"({len(ANSWERS)} per interview)")
    turns_only = elapsed - sum(drawing)
    print(f"turns: {len(latencies) / turns_only:,.0f} turns/s wall-clock; latency p50 "
          f"{quantiles[49] * 1000:.2f} ms, p99 {quantiles[98] * 1000:.2f} ms, "
          f"max {latencies[-1] * 1000:.2f} ms; {turn_cpu / len(latencies) * 1000:.3f} ms CPU "
          "per turn")
    print(f"pictures: {len(drawing)} made ({len(drawing) / args.youth:.0f} per interview; "
          "an unchanged one comes from memory), "
          f"p50 {statistics.median(drawing) * 1000:.1f} ms, max {max(drawing) * 1000:.1f} ms")
    print(f"everything together: {len(latencies) / elapsed:,.0f} turns/s wall-clock, "
          f"{len(latencies) / cpu:,.0f} turns per CPU-second")
    print(f"RSS: {rss_start:.0f} MB → {rss_end:.0f} MB (growth {rss_end - rss_start:.1f} MB)")


if __name__ == "__main__":
    main()
