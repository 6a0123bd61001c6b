"""``toekomstplan backup FILE``: a private, consistent copy taken while turns are written.

The backup runs as its own process while this one keeps writing turns to the same SQLite
file; the copy is then restored (opened with the key, as after copying it back into place)
and a plan read back from it.
"""

from __future__ import annotations

import sqlite3
import stat
import threading
from itertools import count
from pathlib import Path

from bot.storage.database import open_store, sqlite_url
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.test_sealing import cli


def keep_writing(turns: Turns, started: threading.Event, stop: threading.Event) -> int:
    """New youth start one after the other until ``stop``; returns how many started."""
    for number in count():
        if stop.is_set():
            return number
        Youth(turns, user=f"busy-{number}").says("/start")
        started.set()
    raise AssertionError("unreachable")


def test_backup_while_writing_restores_the_plans(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(sqlite_url(data / "toekomstplan.db"), TEST_KEY)
    noor = Youth(Turns(store), user="noor")
    noor.says("/start")
    noor.clicks("Oké, we beginnen")
    noor.says("Noor")
    started, stop = threading.Event(), threading.Event()
    written: list[int] = []
    writer = threading.Thread(
        target=lambda: written.append(keep_writing(Turns(store), started, stop)))
    writer.start()
    try:
        assert started.wait(timeout=30)
        result = cli(["backup", str(tmp_path / "backup.db")], data)
    finally:
        stop.set()
        writer.join(timeout=30)
    store.engine.dispose()
    assert result.returncode == 0, result.stderr
    assert "copied the database to" in result.stdout
    assert written and written[0] > 0

    backup = tmp_path / "backup.db"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.db", "data"]  # one file
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)

    restored_file = tmp_path / "restored" / "toekomstplan.db"
    restored_file.parent.mkdir()
    restored_file.write_bytes(backup.read_bytes())
    restored = open_store(sqlite_url(restored_file), TEST_KEY)
    try:
        assert Youth(Turns(restored), user="noor").plan.name == "Noor"
    finally:
        restored.engine.dispose()


def test_backup_replaces_an_older_backup(tmp_path: Path) -> None:
    assert cli(["chat"], tmp_path).returncode == 0
    backup = tmp_path / "backup.db"
    backup.write_text("an old backup")
    assert cli(["backup", str(backup)], tmp_path).returncode == 0
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT count(*) FROM users").fetchone() == (1,)


def test_backup_refuses_postgresql_and_points_to_pg_dump(tmp_path: Path) -> None:
    result = cli(["backup", str(tmp_path / "backup.db")], tmp_path,
                 TOEKOMSTPLAN_DATABASE_URL="postgresql+psycopg://someone@db.example/plans")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "toekomstplan: backup copies an SQLite database; for PostgreSQL use pg_dump "
        "(see README, Backups)"]
    assert not (tmp_path / "backup.db").exists()


def test_backup_without_a_database_says_so_and_creates_nothing(tmp_path: Path) -> None:
    result = cli(["backup", str(tmp_path / "backup.db")], tmp_path / "empty")
    assert result.returncode == 2
    assert result.stderr.startswith("toekomstplan: no database at ")
    assert list(tmp_path.iterdir()) == []
