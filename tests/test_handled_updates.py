"""An update's mark (handled, not to be handled again) is stored in its turn's own
transaction: both are committed, or neither is (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest
from sqlalchemy import Connection

from bot.messages import UserInput
from bot.storage.handled import HandledUpdates
from bot.storage.unit_of_work import Store
from bot.turns import Turns

BOT = 7


def test_an_update_is_marked_with_its_turn_and_only_with_it(store: Store) -> None:
    turns, handled = Turns(store), HandledUpdates(store)
    turns.take("telegram", "1", UserInput.typed("/start"),
               with_turn=partial(handled.mark_in, BOT, 100))
    assert handled.seen(BOT, 100) and not handled.seen(BOT, 101)

    def fails_after_marking(connection: Connection, now: datetime) -> None:
        handled.mark_in(BOT, 101, connection, now)
        raise RuntimeError("the turn breaks before its commit")

    with pytest.raises(RuntimeError):
        turns.take("telegram", "1", UserInput.typed("Ja"), with_turn=fails_after_marking)
    assert not handled.seen(BOT, 101)  # the turn was not stored, so it will be handled
