"""The ``tg`` fixtures: the fake Bot API with the real bot serving it, checked afterwards.

Registered for every test in ``tests/conftest.py``. The checks run after the bot has shut
down, so requests made while stopping count too: any request Telegram would refuse, or a
button press left unanswered, fails the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.storage.unit_of_work import Store
from tests.telegram_fake.bot import running_bot
from tests.telegram_fake.server import FakeTelegram


@pytest.fixture
async def tg(tmp_path: Path) -> AsyncIterator[FakeTelegram]:
    """The bot on an SQLite file."""
    async with FakeTelegram() as fake:
        async with running_bot(fake, tmp_path) as store:
            fake.store = store
            yield fake
        fake.assert_no_errors()


@pytest.fixture
async def tg_on_both(tmp_path: Path, store: Store) -> AsyncIterator[FakeTelegram]:
    """The bot on each test database in turn: an SQLite file, then PostgreSQL."""
    async with FakeTelegram() as fake:
        async with running_bot(fake, tmp_path, store=store):
            fake.store = store
            yield fake
        fake.assert_no_errors()


@pytest.fixture
async def tg_flood_limited(tmp_path: Path) -> AsyncIterator[FakeTelegram]:
    """The bot on an SQLite file with the flood limit people get (the settings' default)."""
    async with FakeTelegram() as fake:
        async with running_bot(fake, tmp_path, flood_limit=Settings().flood_limit) as store:
            fake.store = store
            yield fake
        fake.assert_no_errors()
