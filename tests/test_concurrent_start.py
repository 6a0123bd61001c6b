"""Several workers started together on one database all come up: migrations take turns.

Each worker is a real process with its own engine; a barrier lets them open the store at the
same moment, on a new schema and again on the migrated one.
"""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import text

from bot.storage.database import open_store
from tests.conftest import TEST_KEY

WORKERS = 4


def start_worker(url: str, barrier: multiprocessing.synchronize.Barrier,
                 results: multiprocessing.Queue) -> None:
    """One worker's start: open (and so migrate) the store, report the schema version."""
    barrier.wait(timeout=60)
    try:
        store = open_store(url, TEST_KEY)
        with store.engine.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        store.engine.dispose()
        results.put(("ok", [row[0] for row in version]))
    except Exception as error:  # reported to the test, which shows it
        results.put(("failed", f"{type(error).__name__}: {error}"))


def start_together(url: str) -> list[tuple[str, object]]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    workers = [context.Process(target=start_worker, args=(url, barrier, results))
               for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    return outcomes


@pytest.mark.parametrize("state", ["new", "migrated"])
def test_workers_started_together_all_open_the_store(
        database_url: str, state: str) -> None:
    if state == "migrated":
        open_store(database_url, TEST_KEY).engine.dispose()
    outcomes = start_together(database_url)
    assert [status for status, _ in outcomes] == ["ok"] * WORKERS, outcomes
    versions = {tuple(version) for _, version in outcomes}  # type: ignore[arg-type]
    assert len(versions) == 1 and len(next(iter(versions))) == 1
