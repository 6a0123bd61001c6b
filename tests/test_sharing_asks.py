"""Asks for help reach only the helper an action is given to, and an ask whose action moved
on to someone else can't be answered any more."""

from __future__ import annotations

from bot.messages import UserInput
from bot.plan.model import HelperAnswer
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth, action
from tests.test_interview import complete_interview

GONE = "Deze vraag is al beantwoord of kan niet meer."
ASK_ROOM = ("Noor vraagt of je kunt helpen met: Een eigen kamer. Het liefst deze maand. "
            "Lukt dat?")


def jim_with_one_of_two_actions(turns: Turns) -> tuple[Youth, Youth]:
    """Noor's plan: "Een eigen kamer" for Ahmed (her JIM), "Mijn post" for her
    begeleider; nothing private. Ahmed accepts the JIM invite."""
    noor, ahmed = Youth(turns, "noor"), Youth(turns, "ahmed")
    complete_interview(noor)
    ahmed_becomes_jim(noor, ahmed)
    return noor, ahmed


def ahmed_becomes_jim(noor: Youth, ahmed: Youth) -> None:
    ahmed.says(f"/start {invites(noor, 'Ahmed uitnodigen als JIM')}")
    ahmed.clicks("Ja, ik wil JIM zijn")
    noor.inbox()


def invites(youth: Youth, button: str) -> str:
    """/delen, then the invite ``button``: the invitation's code."""
    youth.says("/delen")
    youth.clicks(button)
    return youth.invite


def give_room_to(noor: Youth, helper: str, when: str = "Deze maand") -> None:
    noor.says("/wijzig")
    noor.clicks("Een afspraak")
    noor.clicks("Een eigen kamer")
    noor.clicks(helper)
    noor.clicks(when)


def test_a_jim_is_asked_only_about_the_actions_given_to_them(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    asks = [m for m in ahmed.inbox() if m.choices]
    assert [m.text for m in asks] == [
        ASK_ROOM]
    ahmed.presses("Ja")
    assert "Noor hoort je antwoord" in ahmed.text
    assert not any(m.choices for m in ahmed.replies if m.step is None)  # the post: not his
    assert all("post" not in m.text for m in [*ahmed.replies, *ahmed.inbox()])
    assert [m.text for m in noor.inbox()] == ["Ahmed helpt je met: Een eigen kamer."]


def test_an_old_ask_cannot_answer_for_the_new_helper(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    old_ask = next(m for m in ahmed.inbox() if m.choices)
    give_room_to(noor, "Sanne")
    ahmed.clicks_raw(old_ask.choices[0].id, None)  # "Ja", pressed after the change
    assert GONE in ahmed.text
    room = action(noor.plan, "Een eigen kamer")
    assert room.person_id == noor.plan.people[0].id and room.response is None
    assert not noor.inbox()  # no "Ahmed helpt je" for what Sanne now does


def test_giving_an_action_to_someone_else_clears_the_earlier_answer(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    ahmed.presses("Nee")
    assert action(noor.plan, "Een eigen kamer").response.answer is HelperAnswer.NO
    give_room_to(noor, "Sanne")
    assert action(noor.plan, "Een eigen kamer").response is None
    give_room_to(noor, "Ahmed (je JIM)")  # back to Ahmed: he is asked again
    again = [m for m in ahmed.inbox() if m.choices]
    assert [m.text for m in again] == [
        ASK_ROOM]
    ahmed.presses("Ja")
    assert action(noor.plan, "Een eigen kamer").response.answer is HelperAnswer.YES


def test_a_helper_hears_when_the_youth_changes_by_when(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    ahmed.presses("Ja")
    noor.inbox()
    give_room_to(noor, "Ahmed (je JIM)", "Deze week")  # same helper, another week
    assert [m.text for m in ahmed.inbox()] == [
        "Noor heeft iets veranderd bij: Een eigen kamer. Het liefst nu deze week."]
    room = action(noor.plan, "Een eigen kamer")
    assert room.response.answer is HelperAnswer.YES  # his yes still holds
    give_room_to(noor, "Ahmed (je JIM)", "Deze week")  # nothing changed: nothing said
    assert not ahmed.inbox()


def test_a_helper_who_said_no_is_not_told_about_a_new_date(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    ahmed.presses("Nee")
    give_room_to(noor, "Ahmed (je JIM)", "Later")
    assert not ahmed.inbox()


def test_an_answer_goes_with_its_helper_also_when_nobody_is_linked_any_more(
        store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    ahmed.presses("Ja")
    ahmed.says("/stoppen")
    ahmed.clicks("Ja, stoppen")
    noor.inbox()
    give_room_to(noor, "Sanne")  # Sanne was never asked: Ahmed's yes is not hers
    assert action(noor.plan, "Een eigen kamer").response is None
    noor.says("/plan")
    assert "Sanne helpt" not in noor.text


def test_the_youths_undo_keeps_a_helpers_answer(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    noor.says("/delen")
    noor.clicks("Onderwerpen alleen voor mij")
    noor.clicks("💚 Gezondheid en gevoel")  # Noor's last step, which /terug undoes
    ahmed.presses("Nee")
    noor.inbox()
    noor.says("/terug")
    assert "we gaan een stap terug" in noor.text
    plan = noor.plan
    assert plan.private_domains == []
    assert action(plan, "Een eigen kamer").response.answer is HelperAnswer.NO
    noor.says("/plan")
    assert "Ahmed kan niet" in noor.text
    ahmed.says("/vragen")
    assert ahmed.replies[0].text == "Er staan geen vragen voor je open."


def test_only_a_turn_that_leaves_messages_for_others_calls_for_a_courier(store: Store) -> None:
    """The Telegram adapter wakes its courier (a transaction of its own) only after a turn
    that put something in the outbox: Ahmed saying yes (Noor hears it, and he gets the ask),
    not Noor's own answers."""
    turns = Turns(store)
    noor = Youth(turns, "noor", "telegram")
    complete_interview(noor)
    code = invites(noor, "Ahmed uitnodigen als JIM")
    assert not turns.take("telegram", "noor", UserInput.typed("/plan")).for_others
    ahmed = Youth(turns, "ahmed", "telegram")
    ahmed.says(f"/start {code}")
    assert ahmed.question is not None
    saying_yes = next(choice for choice in ahmed.question.choices
                      if choice.label == "Ja, ik wil JIM zijn")
    assert turns.take("telegram", "ahmed",
                      UserInput.clicked(saying_yes.id, ahmed.question.step)).for_others
