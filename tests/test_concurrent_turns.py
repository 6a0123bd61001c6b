"""Turns of people who share a plan, at the same time on PostgreSQL: none fails.

A youth's turn and her JIM's turn each read the other's conversation. When both took row
locks on it, in opposite orders, PostgreSQL broke the tie by failing one of them
("deadlock detected"), which the person saw as "Er ging iets mis".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from bot.storage.database import open_store
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.conftest import TEST_KEY, postgres_schema_url
from tests.test_sharing_asks import give_room_to, jim_with_one_of_two_actions

ROUNDS = 12


@pytest.fixture
def postgres_store() -> Iterator[Store]:
    for url in postgres_schema_url():
        opened = open_store(url, TEST_KEY)
        yield opened
        opened.engine.dispose()


def side_by_side(*work: Callable[[], None]) -> list[BaseException]:
    """Run each callable in its own thread, started together; what each one raised."""
    failures: list[BaseException] = []
    start = threading.Barrier(len(work))

    def run(job: Callable[[], None]) -> None:
        start.wait()
        try:
            job()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_a_youth_changing_a_date_while_her_jim_reads_the_plan_never_deadlocks(
        postgres_store: Store) -> None:
    turns = Turns(postgres_store)
    noor, ahmed = jim_with_one_of_two_actions(turns)
    ahmed.inbox()
    ahmed.presses("Ja")
    noor.inbox()

    def youth_changes_dates() -> None:
        for round_ in range(ROUNDS):
            give_room_to(noor, "Ahmed (je JIM)", ("Deze week", "Deze maand")[round_ % 2])

    def jim_reads_the_plan() -> None:
        for _ in range(ROUNDS * 3):
            ahmed.says("/plan")
            assert "Een eigen kamer" in ahmed.text

    assert side_by_side(youth_changes_dates, jim_reads_the_plan) == []
    assert turns.retried == 0  # one lock order: not even a retry was needed
    assert len([m for m in ahmed.inbox() if "iets veranderd" in m.text]) == ROUNDS
