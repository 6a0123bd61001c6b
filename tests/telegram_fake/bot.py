"""Running the real bot (PTB Application, our handlers, a real database) against the fake."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.adapters.telegram.app import build_bot
from bot.config import Settings
from bot.storage.database import open_store, sqlite_url
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.telegram_fake.server import FakeTelegram

KEY = "w2mRvj2m2Kz8bR6J1oE1n2Yb6tq9m4H7rJ3cX0pA5sU="
FAKE_PACE_LIMIT = 1000  # messages and presses per 10 s: beyond any fake user's pace


@asynccontextmanager
async def running_bot(tg: FakeTelegram, data_dir: Path, store: Store | None = None,
                      **settings: object) -> AsyncIterator[Store]:
    """The bot serving ``tg`` until the block ends (polling unless a webhook URL is given).

    Fake users answer far faster than people can read, so the flood limit is out of their
    reach unless a test sets ``flood_limit`` (the ``tg_flood_limited`` fixture)."""
    settings.setdefault("flood_limit", FAKE_PACE_LIMIT)
    config = Settings(bot_token=tg.token, bot_api_url=tg.base_url, data_dir=data_dir,
                      encryption_key=KEY, poll_timeout=1, **settings)  # type: ignore[arg-type]
    own = store is None  # a store of its own is closed again at the end
    store = store or open_store(sqlite_url(data_dir / "bot.db"), KEY)
    bot = build_bot(config, Turns(store))
    stop = asyncio.Event()
    task = asyncio.create_task(bot.serve(config, stop))
    deadline = time.monotonic() + 10
    ready = "setWebhook" if config.webhook_url else "getUpdates"
    while ready not in tg.asked:
        if task.done():
            task.result()
        assert time.monotonic() < deadline, "the bot did not start"
        await asyncio.sleep(0.01)
    try:
        yield store
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        if own:
            store.engine.dispose()
