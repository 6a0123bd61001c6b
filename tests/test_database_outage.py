"""PostgreSQL going away under a running bot: a short "even geduld", no half-written turn, and
everything works again once the database is back.

Stops and starts the local PostgreSQL cluster, so it runs only where that is possible (root,
``pg_ctlcluster``) and the test database URL is given; elsewhere it is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.storage.database import open_store
from tests.conftest import POSTGRES_URL, postgres_schema_url
from tests.telegram_fake.bot import KEY, running_bot
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram


def cluster(action: str) -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
                   check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(not POSTGRES_URL, reason="needs TOEKOMSTPLAN_TEST_POSTGRES_URL")
@pytest.mark.skipif(shutil.which("pg_ctlcluster") is None or os.geteuid() != 0
                    or not os.path.isdir("/etc/postgresql"),
                    reason="needs root and pg_ctlcluster to stop and start PostgreSQL")
async def test_bot_survives_a_database_restart(tmp_path: Path) -> None:
    schema_url = postgres_schema_url()
    url = next(schema_url)
    store = open_store(url, KEY)
    try:
        async with FakeTelegram() as tg, running_bot(tg, tmp_path, store=store):
            noor = FakeUser(tg, 7001, "Noor")
            await noor.send_text("/start")
            await noor.click("Oké, we beginnen")
            cluster("stop")
            try:
                await noor.send_text("Noor", question=False)
                assert "Even geduld, en probeer het zo nog eens." in noor.last_text()
            finally:
                cluster("start")
            await noor.send_text("Noor")  # the failed turn left nothing half-written
            assert "Fijn dat je er bent, Noor." in noor.last_text()
            assert noor.last_text().endswith("Hoe oud ben je? Dat hoef je niet te zeggen.")
            tg.assert_no_errors()
    finally:
        store.engine.dispose()
        next(schema_url, None)
