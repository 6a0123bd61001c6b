"""A chat update is marked handled in its turn's own transaction: a stored turn has its mark,
a turn that fails leaves none (so the update, sent again, is handled then), and nothing
lies between the two for a dying process to split. The mark is also the check: an update
marked before is not handled again (its open question is asked again: the reply may have
died with the process that took it)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from bot.messages import UserInput
from bot.storage.handled import UpdateRef
from bot.storage.tables import conversations
from bot.storage.unit_of_work import Store
from bot.turns import Turns


def turns_taken(store: Store) -> int:
    """How many turns the (one) conversation stored."""
    with store.engine.connect() as connection:
        return connection.execute(select(func.sum(conversations.c.turns))).scalar_one()


def test_a_turn_and_its_mark_are_stored_together_or_not_at_all(store: Store) -> None:
    turns = Turns(store)
    started = UpdateRef(bot_id=42, update_id=1000)
    first = turns.take("telegram", "6001", UserInput.typed("/start"), update=started)
    assert not first.again and first.reply.messages
    again = turns.take("telegram", "6001", UserInput.typed("/start"), update=started)
    assert again.again and again.reply.messages[-1].text == first.reply.messages[-1].text

    def full_disk(connection, cursor, statement, *rest) -> None:  # type: ignore[no-untyped-def]
        if "UPDATE CONVERSATIONS" in statement.upper():
            raise RuntimeError("the disk is full")

    failing = UpdateRef(bot_id=42, update_id=1001)
    event.listen(store.engine, "before_cursor_execute", full_disk)
    try:
        with pytest.raises(RuntimeError):
            turns.take("telegram", "6001", UserInput.typed("Oké, we beginnen"), update=failing)
    finally:
        event.remove(store.engine, "before_cursor_execute", full_disk)
    taken = turns_taken(store)
    # so Telegram's next try is handled; and ids are per bot
    again = turns.take("telegram", "6001", UserInput.typed("Oké, we beginnen"), update=failing)
    assert not again.again and again.reply.messages
    assert turns_taken(store) == taken + 1
    other_bot = turns.take("telegram", "6001", UserInput.typed("/help"),
                           update=UpdateRef(bot_id=7, update_id=1000))
    assert not other_bot.again
    assert turns.take("telegram", "6001", UserInput.typed("Oké, we beginnen"),
                      update=failing).again
    assert turns_taken(store) == taken + 2


def test_an_update_sent_again_is_read_only(store: Store) -> None:
    """Its turn was stored: the lock with the mark (PostgreSQL; SQLite: the mark), then
    only the conversation read, to ask its open question again; nothing written."""
    turns = Turns(store)
    update = UpdateRef(bot_id=42, update_id=2000)
    turns.take("telegram", "6001", UserInput.typed("/start"), update=update)
    statements: list[str] = []

    def count(connection, cursor, statement, *rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement.split()[0].upper())

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        assert turns.take("telegram", "6001", UserInput.typed("/start"), update=update).again
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    first = "WITH" if store.engine.dialect.name == "postgresql" else "INSERT"
    assert statements == [first, "SELECT"]
    assert turns_taken(store) == 1


def test_words_that_signal_a_crisis_sent_again_get_the_help_lines_again(store: Store) -> None:
    """The first reply, with the help lines, may have died with the process that took the
    turn: sent again, the message gets them again (in short), then the open question."""
    turns = Turns(store)
    turns.take("telegram", "6001", UserInput.typed("/start"), update=UpdateRef(42, 3000))
    crisis = UpdateRef(bot_id=42, update_id=3001)
    first = turns.take("telegram", "6001", UserInput.typed("ik wil dood"), update=crisis)
    assert "113" in "\n".join(m.text for m in first.reply.messages)
    again = turns.take("telegram", "6001", UserInput.typed("ik wil dood"), update=crisis)
    said = "\n".join(m.text for m in again.reply.messages)
    assert again.again and "113" in said
    assert again.reply.messages[-1].text == first.reply.messages[-1].text
    assert turns_taken(store) == 2


@pytest.mark.parametrize("after", [(), ("Oké, we beginnen",)], ids=["at-the-welcome", "mid-way"])
def test_a_pause_sent_again_says_again_how_to_go_on(store: Store, after: tuple[str, ...]
                                                    ) -> None:
    """Its first reply may have died with the process; the youth still hears how to go on,
    not nothing."""
    turns = Turns(store)
    for number, said in enumerate(("/start", *after)):
        turns.take("telegram", "6001", UserInput.typed(said), update=UpdateRef(42, 4000 + number))
    pause = UpdateRef(bot_id=42, update_id=4100)
    turns.take("telegram", "6001", UserInput.typed("/pauze"), update=pause)
    again = turns.take("telegram", "6001", UserInput.typed("/pauze"), update=pause)
    said = "\n".join(m.text for m in again.reply.messages)
    assert again.again
    assert ("/start als je verder wilt" in said) if after else ("wilt beginnen" in said)
    assert turns_taken(store) == 2 + len(after)
