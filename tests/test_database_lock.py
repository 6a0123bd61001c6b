"""``rotate-key`` needs the database alone: while ``run`` or ``chat`` holds it, rotation is
refused with one line (and while rotation runs, they are); afterwards it works."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage.database import sqlite_url
from bot.storage.locks import hold
from tests.conftest import TEST_KEY, postgres_schema_url
from tests.telegram_fake.server import FakeTelegram
from tests.test_sealing import cli
from tests.test_telegram_run import clean_env

IN_USE = ("toekomstplan: the database is in use (toekomstplan run, chat or purge); "
          "stop them first, then rotate the key")
ROTATING = ("toekomstplan: the encryption key is being rotated (toekomstplan rotate-key); "
            "start again when it is done")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The settings of a database the command line uses: an SQLite file in the data
    directory, or a PostgreSQL schema."""
    if request.param == "sqlite":
        yield {"TOEKOMSTPLAN_ENCRYPTION_KEY": TEST_KEY}
    else:
        for url in postgres_schema_url():
            yield {"TOEKOMSTPLAN_ENCRYPTION_KEY": TEST_KEY, "TOEKOMSTPLAN_DATABASE_URL": url}


def url_of(database: dict[str, str], data_dir: Path) -> str:
    return database.get("TOEKOMSTPLAN_DATABASE_URL",
                        sqlite_url(data_dir / "toekomstplan.db"))


def refused(done: subprocess.CompletedProcess[str], line: str) -> None:
    assert (done.returncode, done.stderr, done.stdout) == (2, line + "\n", "")


def test_rotate_key_is_refused_while_the_database_is_held(
        tmp_path: Path, database: dict[str, str]) -> None:
    assert cli(["chat"], tmp_path, **database).returncode == 0  # something stored
    held = hold(url_of(database, tmp_path), alone=False)  # as run and chat hold it
    refused(cli(["rotate-key"], tmp_path, **database), IN_USE)
    assert cli(["chat"], tmp_path, **database).returncode == 0  # chats share it
    held.release()
    rotated = cli(["rotate-key"], tmp_path, **database)
    assert rotated.returncode == 0 and "re-sealed" in rotated.stdout


def test_run_chat_and_purge_are_refused_while_the_key_is_rotated(
        tmp_path: Path, database: dict[str, str]) -> None:
    rotating = hold(url_of(database, tmp_path), alone=True)
    for command in (["chat"], ["purge"], ["run"]):
        refused(cli(command, tmp_path, TOEKOMSTPLAN_BOT_TOKEN="1:abc", **database), ROTATING)
    rotating.release()
    assert cli(["chat"], tmp_path, **database).returncode == 0


def test_a_chat_in_the_terminal_holds_the_database_until_it_ends(tmp_path: Path) -> None:
    environment = clean_env(tmp_path)
    chat = subprocess.Popen([sys.executable, "-m", "bot.cli", "chat"], env=environment,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert chat.stdin is not None and chat.stdout is not None
    while not chat.stdout.readline().startswith("Heb je een code"):  # it has begun
        pass
    refused(cli(["rotate-key"], tmp_path), IN_USE)
    chat.stdin.close()
    assert chat.wait(60) == 0
    assert cli(["rotate-key"], tmp_path).returncode == 0


async def test_a_running_bot_holds_the_database_until_it_stops(
        tmp_path: Path, database: dict[str, str]) -> None:
    async with FakeTelegram() as tg:
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "run",
            env={**clean_env(tmp_path), "TOEKOMSTPLAN_BOT_TOKEN": tg.token,
                 "TOEKOMSTPLAN_BOT_API_URL": tg.base_url, **database},
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        for _ in range(1500):
            if "getUpdates" in tg.asked:
                break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError("the bot process did not start polling")
        rotation = await asyncio.to_thread(cli, ["rotate-key"], tmp_path, **database)
        refused(rotation, IN_USE)
        bot.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(bot.wait(), 20) == 0
    rotated = await asyncio.to_thread(cli, ["rotate-key"], tmp_path, **database)
    assert rotated.returncode == 0
