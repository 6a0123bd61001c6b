"""``toekomstplan run``: one clear line for every setting that stops it, long polling as a
real process that survives being killed, and webhook mode with its secret checked."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from tests.telegram_fake.bot import KEY, running_bot
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram


def clean_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOEKOMSTPLAN_")}
    return {**env, "TOEKOMSTPLAN_DATA_DIR": str(tmp_path), "TOEKOMSTPLAN_POLL_TIMEOUT": "1",
            **{f"TOEKOMSTPLAN_{name.upper()}": value for name, value in settings.items()}}


async def run_bot(env: dict[str, str]) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", env=env, stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, stderr.decode()


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(("settings", "line"), [
    ({"encryption_key": KEY},
     "toekomstplan: set TOEKOMSTPLAN_BOT_TOKEN to the token BotFather gave you"),
    ({"bot_token": "1:abc"},
     "toekomstplan: set TOEKOMSTPLAN_ENCRYPTION_KEY (make one with: toekomstplan new-key)"),
    ({"bot_token": "1:abc", "encryption_key": KEY,
      "bot_api_url": f"http://127.0.0.1:{unused_port()}/bot"},
     "toekomstplan: cannot reach the Bot API at TOEKOMSTPLAN_BOT_API_URL (NetworkError)"),
    ({"bot_token": "1:abc", "encryption_key": KEY, "webhook_url": "https://example.org/t",
      "webhook_secret": "geheim met spaties"},
     "toekomstplan: TOEKOMSTPLAN_WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - "
     "(1 to 256 characters)"),
])
async def test_a_setting_that_stops_the_bot_gives_exactly_one_line(
        tmp_path: Path, settings: dict[str, str], line: str) -> None:
    assert await run_bot(clean_env(tmp_path, **settings)) == (2, line + "\n")


async def test_a_rejected_token_gives_exactly_one_line(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        done = await run_bot(clean_env(tmp_path, bot_token="1:wrong", encryption_key=KEY,
                                       bot_api_url=tg.base_url))
    assert done == (2, "toekomstplan: Telegram rejected TOEKOMSTPLAN_BOT_TOKEN; check the "
                       "token from BotFather\n")


async def test_a_killed_bot_process_continues_at_the_same_question(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        env = clean_env(tmp_path, encryption_key=KEY, bot_token=tg.token,
                        bot_api_url=tg.base_url)

        async def start_bot() -> asyncio.subprocess.Process:
            tg.asked.discard("getUpdates")
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
            for _ in range(500):
                if "getUpdates" in tg.asked:
                    return process
                await asyncio.sleep(0.02)
            raise AssertionError("the bot process did not start polling")

        first = await start_bot()
        noor = FakeUser(tg, 6001, "Noor")
        await noor.send_text("/start")
        await noor.click("Oké, we beginnen")
        await noor.send_text("Noor")
        first.send_signal(signal.SIGKILL)
        await first.wait()

        second = await start_bot()
        await noor.send_text("17")
        assert noor.last_text().endswith("Hoe gaat het vandaag met je?")
        await noor.send_text("/plan")
        assert "Toekomstplan van Noor" in noor.last_text()
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 20) == 0
        tg.assert_no_errors()


@pytest.mark.parametrize("webhook", [False, True])
async def test_an_update_telegram_sends_again_is_not_handled_twice(tmp_path: Path,
                                                                  webhook: bool) -> None:
    """A process killed after its turn but before confirming the update (a poller confirms
    with its next poll): Telegram sends it again, to the next process. Handled twice, the
    name would be read as the answer to "how old are you". It gets the open question again
    (the reply may have died with the process), and the next answer is read as usual."""
    port = unused_port()
    mode: dict[str, object] = {"webhook_url": f"http://127.0.0.1:{port}/telegram",
                               "webhook_port": port, "webhook_secret": "s3cret-token_1"} \
        if webhook else {"metrics_port": port}
    async with FakeTelegram() as tg, running_bot(tg, tmp_path, **mode):
        noor = FakeUser(tg, 6002, "Noor")
        await noor.send_text("/start")
        await noor.click("Oké, we beginnen")
        await noor.send_text("Noor")
        asked = len(noor.bot_messages)
        tg.send_again(tg.pushed[-1]["update_id"])
        await noor.until(lambda: len(noor.bot_messages) > asked)
        await noor.send_text("17")
        assert [m["text"] for m in noor.bot_messages[asked:]] == [
            "Hoe oud ben je? Dat hoef je niet te zeggen.",
            "We beginnen bij vandaag.\n\nHoe gaat het vandaag met je?"]
        async with aiohttp.ClientSession() as session, \
                session.get(f"http://127.0.0.1:{port}/metrics") as response:
            assert "\ntoekomstplan_updates_sent_again_total 1.0\n" in await response.text()
        tg.assert_no_errors()


async def test_webhook_mode_runs_the_conversation_and_checks_the_secret(
        tmp_path: Path) -> None:
    port = unused_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with FakeTelegram() as tg:
        async with running_bot(tg, tmp_path, webhook_url=url, webhook_listen="127.0.0.1",
                               webhook_port=port, webhook_secret="s3cret-token_1"):
            assert tg.webhook == {"url": url, "secret_token": "s3cret-token_1"}
            assert tg.allowed_updates == {"message", "edited_message", "callback_query",
                                          "channel_post", "my_chat_member"}
            sem = FakeUser(tg, 5001, "Sem")
            await sem.send_text("/start")
            await sem.click("Oké, we beginnen")
            await sem.send_text("Sem")
            await sem.send_text("17")
            await sem.send_text("/plan")
            assert "Toekomstplan van Sem" in sem.last_text()
            forged = {"update_id": 999999, "message": {
                "message_id": 1, "date": 0, "chat": {"id": 5001, "type": "private"},
                "from": sem.json, "text": "/verwijder"}}
            async with aiohttp.ClientSession() as session:
                for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"},
                                {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token_"}):
                    async with session.post(url, json=forged, headers=headers) as response:
                        assert response.status == 403
            await sem.click("Goed")  # the forged /verwijder was never handled
            assert sem.last_text() == "Moet er vandaag of morgen iets geregeld worden?"
            # each press answered in its webhook call's answer, not by a request of its own
            for _ in range(100):
                if len(tg.calls_of("answerCallbackQuery")) == 2:
                    break
                await asyncio.sleep(0.05)
            assert [call.carried for call in tg.calls_of("answerCallbackQuery")] == [True, True]
        tg.assert_no_errors()


async def forged_post(port: int, secret: str, length: int, body: bytes = b"") -> bytes:
    """The server's first answer line to a post announcing ``length`` bytes of which only
    ``body`` is sent: a server that reads the body before checking the secret waits."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 f"Content-Type: application/json\r\nContent-Length: {length}\r\n"
                 f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n\r\n".encode() + body)
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.readline(), 10)
    finally:
        writer.close()


async def test_the_webhook_checks_the_secret_before_reading_and_caps_the_body(
        tmp_path: Path) -> None:
    port = unused_port()
    url = f"http://127.0.0.1:{port}/telegram"
    assert Settings(_env_file=None).webhook_listen == "127.0.0.1"  # behind the TLS proxy
    async with FakeTelegram() as tg:
        async with running_bot(tg, tmp_path, webhook_url=url, webhook_port=port,
                               webhook_secret="s3cret-token_1"):
            hundred_mb = 100 * 1024 * 1024
            for _ in range(8):  # refused on the headers alone, nothing of the body read
                assert (await forged_post(port, "wrong", hundred_mb)).startswith(
                    b"HTTP/1.1 403")
            assert (await forged_post(port, "s3cret-token_1", hundred_mb)).startswith(
                b"HTTP/1.1 413")  # even from Telegram: no update is that big
            assert (await forged_post(port, "s3cret-token_1", 3, b"{x}")).startswith(
                b"HTTP/1.1 400")
            sem = FakeUser(tg, 5002, "Sem")
            await sem.send_text("/start")  # the real ones still come through
            assert sem.buttons()[0] == "Oké, we beginnen"
        tg.assert_no_errors()
