"""Nothing a member holds from one youth (a note being typed, a button, an ask, a /vragen
answer, a /stoppen confirmation) reaches another youth, even when the other youth's new
link and ask get the ids the first youth's had: each reference is checked against the link
and youth it was made for. The database itself never hands an id out twice (migration
0005 for SQLite; PostgreSQL's sequences), so these tests force the ids to come back — except
the last, which shows it: a message fetched for delivery and then taken away leaves no id
for a new message to take."""

from __future__ import annotations

from sqlalchemy import text

from bot.plan.model import HelperAnswer
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth, action
from tests.test_interview import complete_interview
from tests.test_sharing_asks import (
    ASK_ROOM,
    GONE,
    give_room_to,
    invites,
    jim_with_one_of_two_actions,
)
from tests.test_sharing_professional import registered_professional

NOTE_GONE = "Je bericht is niet verstuurd. Je ziet dit plan niet meer."


def next_id_is(store: Store, table: str, wanted: int) -> None:
    """Make the database hand out ``wanted`` as the next id of ``table``, as SQLite did
    before migration 0005 for the highest id once its row was deleted."""
    with store.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                                    ":wanted, false)"), {"table": table, "wanted": wanted})
            return
        if connection.execute(text("SELECT 1 FROM sqlite_master WHERE name = "
                                   "'sqlite_sequence'")).first() is None:
            return  # no AUTOINCREMENT: the highest id comes back by itself
        connection.execute(text("DELETE FROM sqlite_sequence WHERE name = :table"),
                           {"table": table})
        connection.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :seq)"),
                           {"table": table, "seq": wanted - 1})


def ids_of(store: Store, user: str) -> tuple[int, int]:
    """The link id and the id of the ask on it, for the one link of youth ``user``."""
    with UnitOfWork(store) as uow:
        youth_id = uow.users.find("test", user)
        link = uow.links.of_youth(youth_id)[0]
        return link.id, uow.asks.of_link(link.id)[0].id


def noor_stops_and_lisa_links_ahmed(store: Store, noor: Youth, ahmed: Youth) -> Youth:
    """Noor stops sharing with Ahmed; Lisa (whose plan is like Noor's) makes him her JIM,
    and her link and ask get the ids Noor's had."""
    old_link, old_ask = ids_of(store, "noor")
    noor.says("/delen")
    noor.clicks("Stop delen met Ahmed")
    assert "Ahmed ziet je plan niet meer" in noor.text
    lisa = Youth(ahmed.turns, "lisa")
    complete_interview(lisa)
    code = invites(lisa, "Ahmed uitnodigen als JIM")
    next_id_is(store, "links", old_link)
    next_id_is(store, "asks", old_ask)
    ahmed.says(f"/start {code}")
    ahmed.clicks("Ja, ik wil JIM zijn")
    assert ids_of(store, "lisa") == (old_link, old_ask)
    assert any(m.text == ASK_ROOM for m in lisa_ask(ahmed))
    return lisa


def lisa_ask(ahmed: Youth) -> list:  # type: ignore[type-arg]
    return [m for m in [*ahmed.inbox(), *ahmed.replies] if m.choices and m.step is None]


def goes_on(person: Youth) -> bool:
    """The reply ends with the question of now, as after any other input."""
    return person.replies[-1].step is not None and bool(person.replies[-1].choices)


def nothing_reached(lisa: Youth) -> None:
    assert action(lisa.plan, "Een eigen kamer").response is None
    assert not [m for m in lisa.inbox() if "Ahmed" in m.text and "JIM" not in m.text]


def test_a_note_for_the_youth_who_stopped_reaches_nobody(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.says("/bericht")
    assert ahmed.asked == "Wat wil je tegen Noor zeggen? Typ een kort bericht."
    lisa = noor_stops_and_lisa_links_ahmed(store, noor, ahmed)
    lisa.inbox()
    ahmed.says("Sterkte met het gesprek over je schulden morgen")
    assert NOTE_GONE in ahmed.text and goes_on(ahmed)
    assert not [m for m in [*lisa.inbox(), *noor.inbox()] if "schulden" in m.text]
    ahmed.says("/bericht")  # a note for Lisa, through her own link, does arrive
    ahmed.says("Succes vandaag")
    assert [m.text for m in lisa.inbox()] == ["💬 Bericht van Ahmed: Succes vandaag"]


def test_an_old_button_answers_nothing_in_the_new_youths_plan(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    old = next(m for m in ahmed.inbox() if m.choices)
    lisa = noor_stops_and_lisa_links_ahmed(store, noor, ahmed)
    lisa.inbox()
    ahmed.clicks_raw(old.choices[2].id, None)  # Noor's "Nee"
    assert GONE in ahmed.text and goes_on(ahmed)
    nothing_reached(lisa)
    ahmed.presses("Nee")  # Lisa's own button still works
    assert action(lisa.plan, "Een eigen kamer").response.answer is HelperAnswer.NO


def test_a_typed_answer_to_an_old_ask_reaches_nobody(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    ahmed.presses("Ja, maar anders")
    assert ahmed.asked == "Wat kun je wel doen? Typ het kort."
    lisa = noor_stops_and_lisa_links_ahmed(store, noor, ahmed)
    lisa.inbox()
    ahmed.says("Ik zoek mee op internet")
    assert GONE in ahmed.text and goes_on(ahmed)
    nothing_reached(lisa)


def test_an_ask_shown_by_vragen_answers_nothing_in_the_new_youths_plan(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    ahmed.says("/vragen")
    shown = next(m for m in ahmed.replies if m.choices and m.step is None)
    assert shown.text == ASK_ROOM
    lisa = noor_stops_and_lisa_links_ahmed(store, noor, ahmed)
    lisa.inbox()
    ahmed.clicks_raw(shown.choices[0].id, None)  # Noor's "Ja", from /vragen
    assert GONE in ahmed.text and goes_on(ahmed)
    nothing_reached(lisa)
    ahmed.says("/vragen")
    ahmed.presses("Ja")
    assert action(lisa.plan, "Een eigen kamer").response.answer is HelperAnswer.YES


def test_stopping_with_the_youth_who_left_does_not_end_the_new_link(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    ahmed.says("/stoppen")
    assert ahmed.asked.startswith("Wil je echt stoppen met Noor?")
    lisa = noor_stops_and_lisa_links_ahmed(store, noor, ahmed)
    lisa.inbox()
    ahmed.clicks("Ja, stoppen")
    assert "Dat kan niet meer." in ahmed.text and goes_on(ahmed)
    assert not lisa.inbox()
    lisa.says("/delen")
    assert "Ahmed (JIM): ziet je plan" in lisa.text


def test_the_youths_old_stop_button_does_not_end_a_new_link_with_someone_else(
        store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = jim_with_one_of_two_actions(turns)
    old_link, _ = ids_of(store, "noor")
    noor.says("/delen")
    assert "Stop delen met Ahmed" in [c.label for c in noor.question.choices]
    ahmed.says("/stoppen")
    ahmed.clicks("Ja, stoppen")
    mark, code = registered_professional(turns)
    next_id_is(store, "links", old_link)
    noor.says(f"/start {code}")  # on top of the open /delen menu
    noor.clicks("Ja, dat wil ik")
    assert ids_of(store, "noor")[0] == old_link
    noor.clicks("Stop delen met Ahmed")  # from the menu that was open all along
    assert "Dat kan niet meer." in noor.text and goes_on(noor)
    mark.inbox()
    noor.says("/delen")
    assert "Mark (woonbegeleider, RIBW): ziet je plan en krijgt berichten" in noor.text


def test_confirming_a_message_that_was_taken_away_confirms_nothing_else(store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = jim_with_one_of_two_actions(turns)
    ahmed.inbox()
    give_room_to(noor, "Ahmed (je JIM)", "Deze week")  # queued for Ahmed, about the link
    fetched = [delivery.id for delivery in turns.pending("test", "ahmed")]
    assert fetched
    noor.says("/delen")
    noor.clicks("Stop delen met Ahmed")  # takes the queued message away, queues a notice
    turns.delivered(fetched)  # the adapter confirms what it fetched before
    assert [m.text for m in ahmed.inbox()] == [
        "Noor deelt het plan niet meer met je. Dank je voor je hulp."]
