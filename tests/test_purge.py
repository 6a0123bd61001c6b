"""Data of people who have been inactive for a long time is removed, with everything theirs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.purge import purge_inactive
from bot.storage.tables import conversations, undo_steps, users
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_sealing import cli


def count(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_purge_removes_only_the_inactive(store: Store) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=400)
    old = Youth(Turns(store, clock=lambda: long_ago), user="old")
    old.says("/start")
    old.clicks("Oké, we beginnen")
    recent = Youth(Turns(store), user="recent")
    recent.says("/start")
    assert purge_inactive(store, timedelta(days=365), datetime.now(UTC)) == 1
    assert count(store, users) == count(store, conversations) == 1
    assert count(store, undo_steps) == 0
    assert recent.state == "welcome"


def test_purge_command(tmp_path: Path) -> None:
    assert cli(["chat"], tmp_path).returncode == 0
    assert "removed 0 inactive users" in cli(["purge"], tmp_path).stdout
    assert "removed 1 inactive users" in cli(["purge", "--inactive-days", "-1"], tmp_path).stdout
