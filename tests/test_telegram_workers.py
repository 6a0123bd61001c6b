"""Three ``toekomstplan run`` processes in webhook mode on one PostgreSQL database and one
port (``SO_REUSEPORT``): youth interviewing, their JIMs answering asks and begeleiders
getting plans, all at once, with every update going to whichever process the kernel picks."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.plan.model import HelperAnswer
from bot.storage.database import open_store
from bot.storage.unit_of_work import Store
from tests.conftest import postgres_schema_url
from tests.telegram_fake.bot import KEY
from tests.telegram_fake.interview import INTERVIEW, interview
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_telegram_operations import get, value
from tests.test_telegram_run import clean_env, unused_port
from tests.test_telegram_sharing import (
    all_delivered,
    document_of,
    first_button,
    invitation,
    linked_professional,
    plan_of,
)

YOUTH = 10
WORKERS = 3
SOMETHING_WENT_WRONG = "Er ging iets mis"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from postgres_schema_url()


@asynccontextmanager
async def workers(tg: FakeTelegram, env: dict[str, str], count: int
                  ) -> AsyncIterator[list[asyncio.subprocess.Process]]:
    """``count`` bot processes sharing the webhook port, each started (webhook set)."""
    processes = []
    try:
        for number in range(count):
            processes.append(await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL))
            for _ in range(1500):
                if len(tg.calls_of("setWebhook")) > number:
                    break
                assert processes[-1].returncode is None, "a worker stopped while starting"
                await asyncio.sleep(0.02)
            else:
                raise AssertionError("a worker did not start")
        yield processes
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        codes = [await asyncio.wait_for(process.wait(), 30) for process in processes]
    assert codes == [0] * count


async def youth_with_jim(tg: FakeTelegram, number: int, person: type[FakeUser] = FakeUser
                         ) -> tuple[FakeUser, FakeUser]:
    """A whole interview, then the JIM invited, accepting and answering the ask."""
    noor, ahmed = person(tg, 8000 + number, "Noor"), person(tg, 9000 + number, "Ahmed")
    await noor.send_text("/start")
    await interview(noor, INTERVIEW)
    await noor.send_text("/delen")
    await noor.click("Ahmed uitnodigen als JIM")
    await ahmed.send_text(f"/start {await invitation(noor, 1)}")
    await ahmed.click(first_button(ahmed.last_question()), question=1)
    ask = await ahmed.receives("Een eigen kamer")
    seen = len(noor.bot_messages)
    await ahmed.click("Ja", message=ask, question=1)
    await noor.receives("Een eigen kamer", after=seen)
    return noor, ahmed


async def youth_with_begeleider(tg: FakeTelegram, number: int) -> FakeUser:
    """A youth who links her begeleider at once: he gets the summary with the PDF."""
    sara, mark = FakeUser(tg, 8500 + number, "Sara"), FakeUser(tg, 9500 + number, "Mark")
    await sara.send_text("/start")
    await sara.click("Oké, we beginnen")
    await sara.send_text("Sara")
    await linked_professional(sara, mark)
    await mark.receives("Toekomstplan van Sara")
    await document_of(mark)
    return mark


async def turns_by_process(port: int) -> dict[float, float]:
    """Turns each process handled, by its start time, from scrapes on fresh connections
    (the kernel picks a process for each)."""
    handled: dict[float, float] = {}
    for _ in range(40):
        _, metrics = await get(f"http://127.0.0.1:{port}/metrics")
        started = value(metrics, "process_start_time_seconds")
        handled[started] = sum(float(line.split()[-1]) for line in metrics.splitlines()
                               if line.startswith("toekomstplan_turns_total{"))
    return handled


async def test_three_workers_share_one_database_and_one_port(
        tmp_path: Path, postgres_url: str) -> None:
    port = unused_port()
    async with FakeTelegram() as tg:
        env = clean_env(tmp_path, encryption_key=KEY, bot_token=tg.token,
                        bot_api_url=tg.base_url, database_url=postgres_url,
                        webhook_url=f"http://127.0.0.1:{port}/telegram",
                        webhook_port=str(port), webhook_secret="shared-secret_1",
                        flood_limit="1000", telegram_max_rate="0")
        store: Store = open_store(postgres_url, KEY)
        try:
            async with workers(tg, env, WORKERS):
                pairs = await asyncio.gather(*(youth_with_jim(tg, n) for n in range(YOUTH)))
                begeleiders = await asyncio.gather(*(youth_with_begeleider(tg, n)
                                                     for n in range(3)))
                await all_delivered(store)
                handled = await turns_by_process(port)
                for noor, _ in pairs:
                    plan = plan_of(store, noor)
                    assert plan.actions[0].response is not None
                    assert plan.actions[0].response.answer is HelperAnswer.YES
        finally:
            store.engine.dispose()
        tg.assert_no_errors()
    assert len([turns for turns in handled.values() if turns > 0]) >= 2  # spread over them
    everyone = [person for pair in pairs for person in pair] + begeleiders
    for person in everyone:
        assert not any(SOMETHING_WENT_WRONG in m.get("text", "") for m in person.bot_messages)
    for recipient in [ahmed for _, ahmed in pairs] + begeleiders:  # the outbox: once each
        texts = Counter(m.get("text") or m.get("caption") or m["message_id"]
                        for m in recipient.bot_messages)
        assert max(texts.values()) == 1, texts
    for mark in begeleiders:
        assert len([d for d in tg.documents if d["chat_id"] == mark.id]) == 1
