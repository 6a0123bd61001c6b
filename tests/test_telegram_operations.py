"""Operations: ``/healthz`` and ``/metrics`` in both modes, nothing personal in them, and a
second poller stopping with one clear line."""

from __future__ import annotations

import asyncio
import gc
import re
import signal
import sys
from dataclasses import replace
from pathlib import Path

import aiohttp
from sqlalchemy import create_engine

from bot.adapters.telegram.metrics import Metrics, OperationsServer
from bot.cli import _out_of_the_collectors_way
from bot.messages import InputKind
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.telegram_fake.bot import KEY, running_bot
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_telegram_run import clean_env, unused_port


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


def value(metrics: str, name: str) -> float:
    """The value of one sample line (``name`` with its labels, as exposed)."""
    for line in metrics.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    raise AssertionError(f"{name} not in the metrics")


async def interview_with_a_crisis(tg: FakeTelegram) -> FakeUser:
    sem = FakeUser(tg, 7001, "Semmetje")
    await sem.send_text("/start")
    await sem.click("Oké, we beginnen")
    await sem.send_text("ik wil dood")
    await sem.send_text("Semmetje")
    return sem


def assert_nothing_personal(metrics: str) -> None:
    """No name or text anywhere, and labels only for kinds of input and histogram buckets."""
    assert "Semmetje" not in metrics and "dood" not in metrics
    labels = {name for found in re.findall(r"\{(.*?)\}", metrics)
              for name in re.findall(r'(\w+)="', found)}
    assert labels == {"kind", "le"}
    assert {kind for kind in re.findall(r'kind="(\w+)"', metrics)} <= {
        kind.value for kind in InputKind}


async def test_webhook_mode_serves_health_and_metrics_on_its_port(
        tmp_path: Path, store: Store) -> None:
    port = unused_port()
    base = f"http://127.0.0.1:{port}"
    async with FakeTelegram() as tg:
        async with running_bot(tg, tmp_path, store=store, webhook_url=f"{base}/telegram",
                               webhook_port=port):
            await interview_with_a_crisis(tg)
            assert await get(f"{base}/healthz") == (200, "ok\n")
            status, metrics = await get(f"{base}/metrics")
        tg.assert_no_errors()
    assert status == 200
    assert value(metrics, 'toekomstplan_turns_total{kind="command"}') == 1
    assert value(metrics, 'toekomstplan_turns_total{kind="choice"}') == 1
    assert value(metrics, 'toekomstplan_turns_total{kind="text"}') == 2
    assert value(metrics, "toekomstplan_turn_seconds_count") == 4
    assert value(metrics, "toekomstplan_crisis_replies_total") == 1
    assert value(metrics, "toekomstplan_errors_total") == 0
    assert value(metrics, "toekomstplan_turns_retried_total") == 0
    assert value(metrics, "toekomstplan_outbox_depth") == 0
    assert value(metrics, "toekomstplan_outbox_oldest_age_seconds") == 0
    assert_nothing_personal(metrics)


async def test_polling_mode_serves_them_on_the_metrics_port_only_when_set(
        tmp_path: Path) -> None:
    port = unused_port()
    async with FakeTelegram() as tg:
        async with running_bot(tg, tmp_path, metrics_port=port):
            await interview_with_a_crisis(tg)
            assert await get(f"http://127.0.0.1:{port}/healthz") == (200, "ok\n")
            status, metrics = await get(f"http://127.0.0.1:{port}/metrics")
        async with running_bot(tg, tmp_path / "second"), aiohttp.ClientSession() as session:
            try:
                async with session.get(f"http://127.0.0.1:{port}/metrics"):
                    raise AssertionError("a metrics server without TOEKOMSTPLAN_METRICS_PORT")
            except aiohttp.ClientConnectionError:
                pass
        tg.assert_no_errors()
    assert status == 200
    assert value(metrics, 'toekomstplan_turns_total{kind="text"}') == 2
    assert value(metrics, "toekomstplan_crisis_replies_total") == 1
    assert_nothing_personal(metrics)


async def test_health_is_503_while_the_database_is_unreachable(store: Store) -> None:
    gone = replace(store, engine=create_engine(
        "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2"), writer=None)
    server = OperationsServer(Metrics(Turns(gone)))
    port = unused_port()
    await server.start("127.0.0.1", port)
    try:
        assert await get(f"http://127.0.0.1:{port}/healthz") == (503, "database unreachable\n")
        status, metrics = await get(f"http://127.0.0.1:{port}/metrics")
    finally:
        await server.stop()
    assert status == 200  # what the process counts, without the outbox it cannot read
    assert "toekomstplan_turns_retried_total 0.0" in metrics
    assert "toekomstplan_outbox_depth" not in metrics


async def test_a_second_poller_stops_the_first_with_one_line(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        env = clean_env(tmp_path, encryption_key=KEY, bot_token=tg.token,
                        bot_api_url=tg.base_url)

        async def start() -> asyncio.subprocess.Process:
            polls = len([c for c in tg.calls if c.method == "getUpdates"])
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
            for _ in range(1000):  # polling: the first poll was answered
                if len([c for c in tg.calls if c.method == "getUpdates"]) > polls:
                    return process
                await asyncio.sleep(0.02)
            raise AssertionError("the bot process did not start polling")

        first = await start()
        second = await start()
        _, stderr = await asyncio.wait_for(first.communicate(), 30)
        assert first.returncode == 2
        said = stderr.decode()
        assert said.splitlines()[-1] == (
            "toekomstplan: another process is polling with this bot token, so this one "
            "stopped; polling runs in one process only (for several, use webhook mode)")
        assert "Traceback" not in said
        noor = FakeUser(tg, 6002, "Noor")
        await noor.send_text("/start")  # the second one goes on
        assert noor.buttons()[0] == "Oké, we beginnen"
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 20) == 0
        tg.take_errors()  # the 409s (the test caused them)
        tg.assert_no_errors()


def test_what_a_bot_loads_at_start_is_kept_out_of_the_garbage_collectors_way() -> None:
    """``toekomstplan run`` freezes what it loaded before serving (the lemma tables alone
    make a full collection take 100–200 ms, with every chat waiting): the collector then
    walks only what came since."""
    gc.unfreeze()
    try:
        _out_of_the_collectors_way()
        assert gc.get_freeze_count() > 10_000  # the code and the tables, not a handful
        gc.collect()
        assert gc.get_freeze_count() > 10_000  # a collection keeps them frozen
    finally:
        gc.unfreeze()
