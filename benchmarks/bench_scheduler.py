"""The scheduler's cost: many youth with five agreements each on a file SQLite database.

Fills the database with youth whose finished plans hold five agreements (due days spread
over five weeks; each plan's schedule made as a turn makes it), then measures: the time to
find due work among all scheduled rows (one claim of a batch, on a day when 3 in 25
check-ins are due), one whole day's round (every due check-in written to the outbox,
each in its own transaction), the time to keep one youth's schedule in step with a changed
plan, and the growth of resident memory.
Usage: ``python benchmarks/bench_scheduler.py [--youth 10000]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.bench_interview import rss_mb
from bot.flows.conversation import Conversation
from bot.local_time import local_day
from bot.plan.agenda import agenda
from bot.plan.model import Action, Domain, HelperKind, Plan, When
from bot.scheduler import LEASE, Scheduler
from bot.storage.database import open_store, sqlite_url
from bot.storage.sealing import new_key
from bot.storage.unit_of_work import UnitOfWork

AGREEMENTS = 5
START = datetime(2026, 3, 2, 10, tzinfo=UTC)  # a Monday
BATCH = 100


def plan_of(number: int) -> Plan:
    """A finished plan whose five agreements fall on five different weekdays."""
    today = local_day(START)
    actions = [Action(id=f"a{n + 1}", domain=list(Domain)[n], what=f"Afspraak {n + 1}",
                      helper=HelperKind.SELF, when=When.MAAND,
                      due=today + timedelta(days=7 * n + (number + n) % 5))
               for n in range(AGREEMENTS)]
    return Plan(name=f"Jongere {number}", actions=actions, confirmed=True)


def fill(store, youth: int) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    at_rest = Conversation(state="done", started=True)
    for first in range(0, youth, 1000):
        with UnitOfWork(store) as uow:
            for number in range(first, min(first + 1000, youth)):
                user_id = uow.users.ensure("bench", f"youth-{number}", START)
                plan = plan_of(number)
                uow.conversations.save(user_id, at_rest, plan, START, is_new=True)
                uow.schedule.plan(user_id, agenda(plan), START)
            uow.commit()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--youth", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(sqlite_url(Path(folder) / "bench.db"), new_key())
        memory_before = rss_mb()
        filled = fill(store, args.youth)
        with UnitOfWork(store) as uow:
            rows = len(uow.schedule.waiting())
        print(f"{args.youth} youth, {rows} scheduled check-ins, filled in {filled:.1f} s")

        day = datetime(2026, 3, 4, 9, tzinfo=UTC)  # Wednesday 10:00: 3 in 25 check-ins due
        claims = []
        for _ in range(20):  # find due work, then give it back (the claim rolls back)
            started = time.perf_counter()
            with UnitOfWork(store) as uow:
                found = uow.schedule.claim(day, day + LEASE, BATCH)
            claims.append((time.perf_counter() - started) * 1000)
        print(f"find due work (claim {len(found)} of the due rows): "
              f"p50 {statistics.median(claims):.2f} ms, max {max(claims):.2f} ms")

        scheduler = Scheduler(store, lambda: day)
        started, cpu = time.perf_counter(), time.process_time()
        written = scheduler.run_due()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"one day's round: {written} check-ins written in {wall:.2f} s "
              f"({written / wall:.0f}/s, {cpu / max(written, 1) * 1000:.2f} ms CPU each)")

        plan = plan_of(1)
        plan.actions[0].due = plan.actions[0].due + timedelta(days=1)  # a new date
        syncs = []
        for _ in range(200):
            started = time.perf_counter()
            with UnitOfWork(store) as uow:
                uow.schedule.plan(1, agenda(plan), day)
            syncs.append((time.perf_counter() - started) * 1000)
        print(f"one youth's schedule after a change: p50 {statistics.median(syncs):.2f} ms")
        print(f"resident memory: +{rss_mb() - memory_before:.0f} MB")
        store.engine.dispose()


if __name__ == "__main__":
    main()
