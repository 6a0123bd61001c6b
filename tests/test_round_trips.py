"""How many statements a youth's turn sends to the database: the whole turn, and what it
sends after it changed the plan (:func:`bot.turns._after_plan_change`: the handoffs to
linked people and the schedule).

Every statement is a round trip on PostgreSQL, which costs a busy bot CPU and, in a worker
thread, hand-offs of the GIL; nearly every youth turn changes the plan. Counted on the
store's engine (``before_cursor_execute``), on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from bot import turns as turns_module
from bot.messages import UserInput
from bot.storage.handled import UpdateRef
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_checkins import registered_professional
from tests.test_interview import complete_interview
from tests.test_sharing import Clock, linked_jim


class AfterPlanChange:
    """The statements of each :func:`bot.turns._after_plan_change` while it is in use."""

    def __init__(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[list[str]] = []
        self._inside = False
        original = turns_module._after_plan_change

        def counted(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            self.calls.append([])
            self._inside = True
            try:
                original(*args, **kwargs)
            finally:
                self._inside = False

        def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
            if self._inside:
                self.calls[-1].append(statement.split(None, 1)[0].upper())

        monkeypatch.setattr(turns_module, "_after_plan_change", counted)
        event.listen(store.engine, "before_cursor_execute", seen)

    @contextmanager
    def turn(self) -> Iterator[list[list[str]]]:
        start = len(self.calls)
        found: list[list[str]] = []
        yield found
        found.extend(self.calls[start:])


def test_a_youth_alone_two_reads_per_plan_change(store: Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody linked, no invites, no profile: the links with the JIM invites, and the
    schedule with the profile; an INSERT only when the plan asks for a new message."""
    counter = AfterPlanChange(store, monkeypatch)
    complete_interview(Youth(Turns(store, Clock()), "noor"))
    assert len(counter.calls) > 20  # nearly every turn of the interview changes the plan
    assert {tuple(call) for call in counter.calls} == {
        ("SELECT", "SELECT"), ("SELECT", "SELECT", "INSERT")}


def test_a_youth_with_a_jim_and_a_begeleider(store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Noor keeps a domain to herself while Ahmed (JIM) and Mark (begeleider) are linked:
    the two reads, then per link its asks (and, for the JIM, whether one is open or
    waiting); nothing else read twice."""
    counter = AfterPlanChange(store, monkeypatch)
    turns = Turns(store, Clock())
    _, token = registered_professional(turns)
    noor, _ = linked_jim(turns)
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    noor.says("/delen")
    noor.clicks("Onderwerpen alleen voor mij")
    with counter.turn() as calls:
        noor.clicks("💚 Gezondheid en gevoel")
    assert calls == [["SELECT"] * 7]


def test_a_begeleider_asking_for_the_weekly_overview(store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The profile comes with the schedule's rows: the next Monday's overview is added
    without reading the schedule again."""
    counter = AfterPlanChange(store, monkeypatch)
    mark, _ = registered_professional(Turns(store, Clock()))
    mark.says("/herinneringen")
    with counter.turn() as calls:
        mark.clicks("Wel een weekoverzicht")
    assert calls == [["SELECT", "SELECT", "INSERT"]]


def test_a_whole_youth_turn_from_telegram(store: Store) -> None:
    """A youth answering one question of the interview, as a Telegram update: the user's
    lock with the update's mark (PostgreSQL; SQLite: the mark), the conversation, the two
    reads after the plan change, then the undo step with the new version (PostgreSQL: one
    statement). Besides the transaction's BEGIN and COMMIT, nothing else: no look-up of
    the update before the turn. (A pooled connection is tested only after lying unused:
    see ``test_database_outage``.)"""
    turns = Turns(store, Clock())
    noor = Youth(turns, "7003", "telegram")
    noor.says("/start")
    noor.clicks("Oké, we beginnen")
    statements: list[str] = []

    def seen(conn, cursor, statement, *rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement.split(None, 1)[0].upper())

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        taken = turns.take("telegram", "7003", UserInput.typed("Noor"),
                           update=UpdateRef(bot_id=1, update_id=3))
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert "Fijn dat je er bent, Noor." in taken.reply.messages[0].text
    if store.engine.dialect.name == "postgresql":
        assert statements == ["WITH", "SELECT", "SELECT", "SELECT", "WITH"]
    else:
        assert statements == ["INSERT", "SELECT", "SELECT", "SELECT", "INSERT", "UPDATE"]
