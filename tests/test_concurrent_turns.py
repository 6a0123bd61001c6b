"""Turns of people who share a plan, at the same time on PostgreSQL: none fails.

A youth's turn and her JIM's turn each read the other's conversation. When both took row
locks on it, in opposite orders, PostgreSQL broke the tie by failing one of them
("deadlock detected"), which the person saw as "Er ging iets mis".
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Connection, text

from bot.messages import UserInput
from bot.storage.database import open_store
from bot.storage.unit_of_work import Store, UnitOfWork, lock_key
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY, postgres_schema_url
from tests.test_sharing_asks import give_room_to, jim_with_one_of_two_actions

ROUNDS = 12


@pytest.fixture
def postgres_store() -> Iterator[Store]:
    for url in postgres_schema_url():
        opened = open_store(url, TEST_KEY)
        yield opened
        opened.engine.dispose()


def until_blocked_by(holder: Connection) -> None:
    """Wait until some other database session waits for a lock ``holder`` has."""
    pid = holder.execute(text("SELECT pg_backend_pid()")).scalar_one()
    deadline = time.monotonic() + 20
    while True:
        holder.execute(text("SELECT pg_stat_clear_snapshot()"))  # (kept per transaction)
        if holder.execute(text("SELECT count(*) FROM pg_stat_activity "
                               "WHERE :pid = ANY(pg_blocking_pids(pid))"),
                          {"pid": pid}).scalar_one():
            return
        assert time.monotonic() < deadline, "nobody waited for the lock"
        time.sleep(0.005)


def in_thread(work: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=work)
    thread.start()
    return thread


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


def test_a_turn_that_meets_a_deadlock_runs_again_once_and_the_user_never_sees_it(
        postgres_store: Store) -> None:
    turns = Turns(postgres_store)
    noor, ahmed = jim_with_one_of_two_actions(turns)
    ahmed.inbox()
    ahmed.presses("Ja")
    noor.says("/wijzig")
    for label in ("Een afspraak", "Een eigen kamer", "Ahmed (je JIM)"):
        noor.clicks(label)
    with UnitOfWork(postgres_store) as uow:
        noor_id, ahmed_id = uow.users.find("test", "noor"), uow.users.find("test", "ahmed")
    replies: list[str] = []
    with postgres_store.engine.connect() as other:  # another session, locking the other way
        other.execute(text("SET LOCAL deadlock_timeout = '60s'"))  # the turn detects it
        other.execute(text("SELECT id FROM users WHERE id = :id FOR UPDATE"), {"id": ahmed_id})
        # Noor's new date: her turn holds her conversation, then waits to queue for Ahmed
        turn = in_thread(lambda: replies.append("\n".join(
            m.text for m in noor.clicks("Deze week"))))
        until_blocked_by(other)
        other.execute(text("SELECT turns FROM conversations WHERE user_id = :id FOR UPDATE"),
                      {"id": noor_id})  # the turn was chosen to fail: now this goes on
        other.rollback()
    turn.join()
    assert turns.retried == 1
    assert replies and "Er ging iets mis" not in replies[0]
    assert noor.plan.actions[0].when.value == "week"
    assert [m.text for m in ahmed.inbox()] == [  # once, not once per attempt
        "Noor heeft iets veranderd bij: Een eigen kamer. Het liefst nu deze week."]


def test_a_turn_waits_while_another_process_handles_the_same_user(
        two_processes: tuple[Store, Store]) -> None:
    first, second = two_processes
    Youth(Turns(first), "sam").says("/start")
    done: list[str] = []
    with second.engine.connect() as other:  # the second process, in the middle of a turn
        other.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                      {"key": lock_key(second.sealer, "test:sam")})
        turn = in_thread(lambda: done.append(
            Turns(first).handle("test", "sam", UserInput.typed("/plan")).messages[0].text))
        until_blocked_by(other)
        assert done == []
        other.rollback()
    turn.join()
    assert done


def test_updates_of_one_user_at_two_processes_are_handled_one_after_the_other(
        two_processes: tuple[Store, Store]) -> None:
    sam = [Youth(Turns(store), "sam") for store in two_processes]

    def chats(youth: Youth) -> Callable[[], None]:
        def run() -> None:
            for _ in range(ROUNDS):
                youth.says("/plan")
        return run

    assert side_by_side(chats(sam[0]), chats(sam[1])) == []
    with two_processes[0].engine.connect() as connection:
        turns = connection.execute(text("SELECT turns FROM conversations")).scalar_one()
    assert turns == 2 * ROUNDS  # every turn stored, none lost to the other
