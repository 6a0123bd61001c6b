"""Encryption at rest: nothing a youth typed can be read from the database without the key."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import InvalidToken
from sqlalchemy import text

from bot.storage.database import open_store
from bot.storage.sealing import new_key
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.test_interview import complete_interview

TYPED = ["Noor", "Sanne", "Ahmed", "Ruzie in huis", "Een eigen kamer", "Hulp met mijn post",
         "Ik moet morgen mijn huur betalen", "Schulden", "Op mezelf wonen"]


def raw_contents(store: Store, database_url: str) -> str:
    """Everything the database holds, as text: the files for SQLite, all rows for PostgreSQL."""
    if store.engine.dialect.name == "sqlite":
        path = Path(store.engine.url.database)
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*")).decode(
            "utf-8", errors="replace")
    with store.engine.connect() as connection:
        tables = ["users", "conversations", "undo_steps"]
        return "\n".join(str(row) for table in tables
                         for row in connection.execute(text(f"SELECT * FROM {table}")))


def test_nothing_typed_is_readable_in_the_raw_database(store: Store, database_url: str) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    youth.says("/terug")  # undo steps hold sealed copies too
    raw = raw_contents(store, database_url)
    assert len(raw) > 1000
    for typed in TYPED:
        assert typed not in raw, f"{typed!r} readable in the raw database"


def test_rotation_reseals_under_the_new_key(store: Store, database_url: str) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    fresh = new_key()
    both = open_store(database_url, f"{fresh},{TEST_KEY}")
    with UnitOfWork(both) as uow:
        assert uow.conversations.reseal_all() >= 2
        uow.commit()
    only_new = open_store(database_url, fresh)
    assert Youth(Turns(only_new), user=youth.user).plan.name == "Noor"
    only_old = open_store(database_url, TEST_KEY)
    with pytest.raises(InvalidToken):
        Youth(Turns(only_old), user=youth.user).plan  # noqa: B018
    for opened in (both, only_new, only_old):
        opened.engine.dispose()


def cli(args: list[str], data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TOEKOMSTPLAN_")}
    environment.update(TOEKOMSTPLAN_DATA_DIR=str(data_dir), **env)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input="", text=True,
                          capture_output=True, env=environment, timeout=60)


def test_terminal_chat_makes_a_private_key_file_and_says_where(tmp_path: Path) -> None:
    first = cli(["chat"], tmp_path)
    key_file = tmp_path / "encryption.key"
    assert str(key_file) in first.stderr
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    second = cli(["chat"], tmp_path)
    assert "encryption.key" not in second.stderr  # made once, then reused
    rotated = cli(["rotate-key"], tmp_path)
    assert "re-sealed 1 stored documents" in rotated.stdout
    assert "Welkom terug" in cli(["chat"], tmp_path).stdout  # still readable


def test_the_bot_refuses_to_start_without_a_key(tmp_path: Path) -> None:
    done = cli(["run"], tmp_path, TOEKOMSTPLAN_BOT_TOKEN="123:abc")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "toekomstplan: set TOEKOMSTPLAN_ENCRYPTION_KEY (make one with: toekomstplan new-key)")
    assert "Traceback" not in done.stderr
    assert cli(["run"], tmp_path).stderr.startswith("toekomstplan: set TOEKOMSTPLAN_BOT_TOKEN")


def test_a_rejected_token_is_one_clear_line(tmp_path: Path) -> None:
    import asyncio

    from tests.telegram_fake.server import FakeTelegram

    async def attempt() -> subprocess.CompletedProcess[str]:
        async with FakeTelegram() as tg:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", stderr=asyncio.subprocess.PIPE,
                env={**{k: v for k, v in os.environ.items() if not k.startswith("TOEKOMSTPLAN")},
                     "TOEKOMSTPLAN_DATA_DIR": str(tmp_path), "TOEKOMSTPLAN_BOT_TOKEN": "1:wrong",
                     "TOEKOMSTPLAN_BOT_API_URL": tg.base_url,
                     "TOEKOMSTPLAN_ENCRYPTION_KEY": TEST_KEY})
            _, stderr = await asyncio.wait_for(process.communicate(), 60)
            return subprocess.CompletedProcess([], process.returncode or 0, "", stderr.decode())

    done = asyncio.run(attempt())
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "toekomstplan: Telegram rejected TOEKOMSTPLAN_BOT_TOKEN; check the token from BotFather")
    assert "Traceback" not in done.stderr
