"""A chat update is marked handled in its turn's own transaction: a stored turn has its mark,
a turn that fails leaves none (so the update, sent again, is handled then), and nothing
lies between the two for a dying process to split."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from bot.messages import UserInput
from bot.storage.handled import UpdateRef
from bot.storage.unit_of_work import Store
from bot.turns import Turns


def test_a_turn_and_its_mark_are_stored_together_or_not_at_all(store: Store) -> None:
    turns = Turns(store)
    started = UpdateRef(bot_id=42, update_id=1000)
    turns.take("telegram", "6001", UserInput.typed("/start"), update=started)
    assert turns.seen(started)

    def full_disk(connection, cursor, statement, *rest) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("UPDATE CONVERSATIONS"):
            raise RuntimeError("the disk is full")

    failing = UpdateRef(bot_id=42, update_id=1001)
    event.listen(store.engine, "before_cursor_execute", full_disk)
    try:
        with pytest.raises(RuntimeError):
            turns.take("telegram", "6001", UserInput.typed("Oké, we beginnen"), update=failing)
    finally:
        event.remove(store.engine, "before_cursor_execute", full_disk)
    assert not turns.seen(failing)  # so Telegram's next try is handled
    assert not turns.seen(UpdateRef(bot_id=7, update_id=1000))  # ids are per bot
    turns.take("telegram", "6001", UserInput.typed("Oké, we beginnen"), update=failing)
    assert turns.seen(failing)
