"""Logs never hold what a youth typed, their names or plan content; users only as a keyed hash.

Logging is set up exactly as ``toekomstplan run`` does it (:func:`bot.logs.setup_logging`), at
DEBUG, before anything is opened; then everything that reaches the log, formatted and with
exceptions, is read back.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.logs import LIBRARIES, OURS, setup_logging
from bot.plan.model import Plan
from bot.storage.database import open_store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.telegram_fake.bot import running_bot
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_sealing import EVERYTHING_TYPED, YOUTH_ID, fill_every_table
from tests.test_telegram import interview

TELEGRAM_ID = 987654321
TELEGRAM_TYPED = ["Noor", "Sanne", "Ahmed", "Een dak boven mijn hoofd", "Ruzie in huis",
                  "Een eigen kamer", "Mijn zus", "ik wil dood", str(TELEGRAM_ID)]


@contextmanager
def logged_as_run() -> Iterator[io.StringIO]:
    """The log ``run`` would write at DEBUG, into a string; every level restored after."""
    names = ["", OURS, *LIBRARIES]
    levels = {name: logging.getLogger(name).level for name in names}
    stream = io.StringIO()
    handler = setup_logging(logging.DEBUG, stream)
    try:
        yield stream
    finally:
        logging.getLogger().removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def assert_private(logged: str, typed: list[str]) -> None:
    assert logged.count("\n") > 10  # there is something to look at
    for text in typed:
        assert text not in logged, f"{text!r} in the log"


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
def test_a_full_interview_with_sharing_logs_no_text_and_no_raw_id(database_url: str) -> None:
    with logged_as_run() as log:
        store = open_store(database_url, TEST_KEY)  # after the setup: SQLAlchemy sees it
        turns = Turns(store)
        fill_every_table(turns)
        youth = Youth(turns, YOUTH_ID, channel="terminal")
        youth.says("/mijngegevens")
        youth.says("/plan")
        store.engine.dispose()
    logged = log.getvalue()
    assert_private(logged, [*EVERYTHING_TYPED, "Sanne en oom"])
    assert f"turn user={store.sealer.pseudonym(f'terminal:{YOUTH_ID}')}" in logged


async def test_the_telegram_path_at_debug_logs_no_update_content(tmp_path: Path) -> None:
    with logged_as_run() as log:
        async with FakeTelegram() as tg, running_bot(tg, tmp_path) as store:
            noor = FakeUser(tg, TELEGRAM_ID, "Noor")
            await noor.send_text("/start")
            await interview(noor)
            await noor.send_text("ik wil dood")
            await noor.send_text("/mijngegevens", question=False)
            said = {"name": TELEGRAM_TYPED[1] * 100, "age": TELEGRAM_TYPED[4]}
            try:  # a library failing on user data: its exception's message holds the text
                Plan.model_validate(said)
            except ValidationError:
                logging.getLogger("telegram.ext.Application").exception(
                    "Error while handling update %s", {"message": {"text": TELEGRAM_TYPED[7]}})
            tg.assert_no_errors()
        token = tg.token
    logged = log.getvalue()
    assert_private(logged, [*TELEGRAM_TYPED, token])
    assert "ValidationError (message hidden)" in logged  # the failure itself is logged
    assert f"turn user={store.sealer.pseudonym(f'telegram:{TELEGRAM_ID}')}" in logged
