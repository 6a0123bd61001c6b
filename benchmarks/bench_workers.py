"""Three webhook workers on one PostgreSQL database and one port, one of them SIGKILLed
mid-load and started again: what is lost and what is sent twice.

Youth go through whole interviews, invite their JIM, who accepts and answers the ask (as in
tests/test_telegram_workers.py). Prints how many youth got through, how many waited in vain
for a reply (the killed process stored their turn and died before the reply went out: the
update, sent again, is skipped), outbox messages a JIM got twice (the one documented window),
replies saying "Er ging iets mis" and requests Telegram refused.

An update the killed process stored but did not answer is sent again, and its reply is the
open question asked again. That copy can arrive while a youth waits for the reply to their
next answer; the youth here (:class:`AfterAKill`) then wait on for the real reply, as a
person would read past a question they just answered.
Usage: ``TOEKOMSTPLAN_TEST_POSTGRES_URL=postgresql+psycopg://… python
benchmarks/bench_workers.py [--youth 30] [--kill-after 8]``.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.bench_mixed import refusals
from tests.conftest import postgres_schema_url
from tests.telegram_fake.bot import KEY
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_telegram_run import clean_env, unused_port
from tests.test_telegram_workers import youth_with_jim

WORKERS = 3
PATIENCE = 120.0  # seconds a youth's whole journey may take before it counts as stuck


class AfterAKill(FakeUser):
    """Waits past a copy of the question just answered: asked again for an update that
    Telegram sent again after the kill."""

    async def _settle(self, before: dict[int, dict[str, Any]], question: bool | int,
                      query_id: str | None = None, timeout: float = 20.0
                      ) -> list[dict[str, Any]]:
        answered = next((m for m in reversed(before.values()) if "reply_markup" in m), None)
        changed = await super()._settle(before, question, query_id, timeout)
        while question is True and answered is not None and _copy_of(changed[-1], answered,
                                                                     before):
            before = {m["message_id"]: dict(m) for m in self.bot_messages}
            changed = await super()._settle(before, question, None, timeout)
        return changed


def _copy_of(new: dict[str, Any], answered: dict[str, Any], before: dict[int, Any]) -> bool:
    return new["message_id"] not in before and new.get("text") == answered.get("text") \
        and new.get("reply_markup") == answered.get("reply_markup")


async def start(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)


async def main(count: int, kill_after: float) -> None:
    schema = postgres_schema_url()
    url = next(schema)
    port = unused_port()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            async with FakeTelegram() as tg:
                env = clean_env(Path(tmp), encryption_key=KEY, bot_token=tg.token,
                                bot_api_url=tg.base_url, database_url=url,
                                webhook_url=f"http://127.0.0.1:{port}/telegram",
                                webhook_port=str(port), webhook_secret="shared-secret_1",
                                flood_limit="1000", telegram_max_rate="0")
                processes = []
                for number in range(WORKERS):
                    processes.append(await start(env))
                    while len(tg.calls_of("setWebhook")) <= number:
                        await asyncio.sleep(0.05)

                async def journey(number: int) -> tuple[FakeUser, FakeUser] | None:
                    try:
                        return await asyncio.wait_for(youth_with_jim(tg, number, AfterAKill),
                                                    PATIENCE)
                    except (TimeoutError, AssertionError):
                        return None

                async def kill_and_restart() -> None:
                    await asyncio.sleep(kill_after)
                    processes[0].send_signal(signal.SIGKILL)
                    await processes[0].wait()
                    processes[0] = await start(env)

                started = time.perf_counter()
                results, _ = await asyncio.gather(
                    asyncio.gather(*(journey(n) for n in range(count))), kill_and_restart())
                elapsed = time.perf_counter() - started
                for process in processes:
                    process.send_signal(signal.SIGTERM)
                    await process.wait()
    finally:
        next(schema, None)
    done = [pair for pair in results if pair is not None]
    twice = sum(count - 1 for _, jim in done
                for count in Counter(m.get("text") or m["message_id"]
                                     for m in jim.bot_messages).values())
    wrong = sum("Er ging iets mis" in m.get("text", "")
                for pair in done for person in pair for m in person.bot_messages)
    print(f"{WORKERS} workers, one SIGKILLed after {kill_after:.0f} s and restarted: "
          f"{len(done)} of {count} youth through in {elapsed:.1f} s, {count - len(done)} "
          f"waiting in vain; outbox messages a JIM got twice: {twice}; "
          f"\"Er ging iets mis\": {wrong}; refusals by Telegram: {refusals(tg)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youth", type=int, default=30)
    parser.add_argument("--kill-after", type=float, default=8.0)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.youth, arguments.kill_after))
