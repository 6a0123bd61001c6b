"""When sharing ends — the youth revokes a link, a member stops, the youth erases everything
or is purged for inactivity — messages still waiting in the outbox go with it: nothing about
the youth reaches anyone afterwards except the neutral notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.purge import purge_inactive
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import complete_interview
from tests.test_sharing_asks import ahmed_becomes_jim
from tests.test_sharing_professional import registered_professional


def everything_queued(store: Store) -> list[str]:
    """Every message waiting in the outbox, for anyone, opened, with the files it would go
    out with now."""
    deliveries = Turns(store).pending("test")
    texts = [m.text for d in deliveries for m in d.messages]
    files = [a.data.decode("latin-1") for d in deliveries for m in d.messages
             for a in m.attachments]
    return texts + files


def noor_shares_with_mark_and_ahmed(turns: Turns) -> tuple[Youth, Youth, Youth]:
    """Noor's whole plan, shared with Mark (begeleider) and Ahmed (JIM); neither has read
    anything yet: the summary, the PDF and the asks are all still queued."""
    mark, token = registered_professional(turns)
    noor, ahmed = Youth(turns, "noor"), Youth(turns, "ahmed")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    complete_interview(noor)
    ahmed_becomes_jim(noor, ahmed)
    queued = everything_queued(turns.store)
    assert any("huur" in text for text in queued) and any("%PDF" in f for f in queued)
    return noor, mark, ahmed


def test_revoking_a_link_takes_its_queued_messages_away(store: Store) -> None:
    noor, mark, ahmed = noor_shares_with_mark_and_ahmed(Turns(store))
    noor.says("/delen")
    noor.clicks("Stop delen met Mark (woonbegeleider, RIBW)")
    received = mark.inbox()
    assert [m.text for m in received] == [
        "Noor deelt het plan niet meer met je. Dank je voor je hulp."]
    assert not received[0].attachments
    assert any("kamer" in m.text for m in ahmed.inbox())  # Ahmed's link goes on


def test_erasing_leaves_only_the_neutral_notice(store: Store) -> None:
    noor, mark, ahmed = noor_shares_with_mark_and_ahmed(Turns(store))
    noor.says("/verwijder")
    noor.clicks("Ja, wis alles")
    queued = everything_queued(store)
    notice = "Een plan dat met je gedeeld was, is gewist. Je ziet het niet meer."
    assert queued == [notice, notice]
    assert [m.text for m in mark.inbox()] == [notice]
    assert [m.text for m in ahmed.inbox()] == [notice]


def test_a_member_who_stops_gets_nothing_more_about_the_youth(store: Store) -> None:
    noor, _mark, ahmed = noor_shares_with_mark_and_ahmed(Turns(store))
    ahmed.says("/stoppen")
    ahmed.clicks("Ja, stoppen")
    assert not ahmed.inbox()
    assert "Ahmed stopt als JIM" in noor.inbox()[0].text


def test_purging_an_inactive_youth_takes_their_queued_messages_away(store: Store) -> None:
    clock = [datetime.now(UTC) - timedelta(days=400)]
    turns = Turns(store, clock=lambda: clock[0])
    noor_shares_with_mark_and_ahmed(turns)
    with UnitOfWork(store) as uow:  # Mark and Ahmed were active since; Noor was not
        for member in ("mark", "ahmed"):
            user_id = uow.users.find("test", member)
            stored = uow.conversations.load(user_id)
            uow.conversations.save(user_id, *stored.parse(), datetime.now(UTC), is_new=False)
        uow.commit()
    assert purge_inactive(store, timedelta(days=365), datetime.now(UTC)) == 1
    notice = "Een plan dat met je gedeeld was, is gewist. Je ziet het niet meer."
    assert everything_queued(store) == [notice, notice]
