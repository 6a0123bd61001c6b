"""Where each person is: the youth is offered to invite their JIM right after choosing one and
sees their network; a JIM or professional rests at their own home, never in the youth
interview; /stop, /stoppen and /vragen mean one clear thing for each."""

from __future__ import annotations

from bot.messages import Message
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import (
    answer_start,
    answer_urgent_first,
    answer_wat,
    complete_interview,
)
from tests.test_sharing_asks import ASK_ROOM, jim_with_one_of_two_actions
from tests.test_sharing_professional import registered_professional

OFFER = "Wil je Ahmed nu vragen om je JIM te zijn? Ik maak een bericht om door te sturen."
YOUTH_WELCOME = "Zullen we beginnen?"


def choose_ahmed_as_jim(noor: Youth) -> None:
    answer_start(noor)
    noor.says("oom Ahmed")
    noor.clicks("Klaar")
    noor.clicks("Dichtbij")
    noor.clicks("Dat is iedereen")
    noor.clicks("Klaar")
    noor.clicks("Ahmed")


def network_picture(messages: list[Message]) -> bytes:
    found = [a for m in messages for a in m.attachments if a.mime_type == "image/png"]
    assert len(found) == 1 and found[0].filename.startswith("netwerk-noor-")
    return found[0].data


def test_the_offer_follows_the_jim_choice_and_the_interview_goes_on(store: Store) -> None:
    noor = Youth(Turns(store), "noor")
    choose_ahmed_as_jim(noor)
    texts = [m.text for m in noor.replies]
    assert texts[:3] == ["Mooi. Ahmed is jouw JIM in je plan.", "Dit is jouw netwerk.", OFFER]
    assert network_picture(noor.replies).startswith(b"\x89PNG")
    assert [c.label for c in noor.question.choices] == ["Ja, maak het bericht", "Later"]
    noor.clicks("Ja, maak het bericht")
    assert noor.invite and "Ik wil jou vragen om mijn JIM te zijn" in noor.text
    assert "verder waar we waren" not in noor.text
    assert "Nu kijken we naar je leven van nu" in noor.text  # WAT starts only now
    assert "Waar gaat het nu niet goed?" in noor.asked
    noor.says("/delen")
    assert "• Uitnodiging voor Ahmed als JIM: nog niet beantwoord" in noor.text


def test_a_jim_invited_early_is_asked_once_the_youth_said_by_when(store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = Youth(turns, "noor"), Youth(turns, "ahmed")
    choose_ahmed_as_jim(noor)
    noor.clicks("Ja, maak het bericht")
    ahmed.says(f"/start {noor.invite}")
    ahmed.clicks("Ja, ik wil JIM zijn")
    answer_wat(noor)
    answer_urgent_first(noor)
    noor.clicks("Ahmed (je JIM)")
    assert not ahmed.inbox()  # not before Noor said by when
    noor.clicks("Deze maand")
    assert [m.text for m in ahmed.inbox()] == [ASK_ROOM]


def test_later_goes_on_and_the_plan_shows_the_network(store: Store) -> None:
    noor = Youth(Turns(store), "noor")
    choose_ahmed_as_jim(noor)
    noor.clicks("Later")
    assert "Dat kan later met /delen" in noor.text and "Waar gaat het nu niet goed?" in noor.asked
    assert not any(m.invite for m in noor.replies)
    noor.says("/plan")
    assert "Toekomstplan van Noor" in noor.replies[0].text
    network_picture(noor.replies)
    noor.says("/wijzig")
    noor.clicks("Mensen om je heen")
    noor.clicks("Je JIM")
    noor.clicks("Ahmed")  # the same JIM again: nothing new to offer
    assert OFFER not in noor.text and "Waar gaat het nu niet goed?" in noor.asked


def test_a_jim_rests_at_their_own_home_not_in_the_youth_interview(store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = Youth(turns, "noor"), Youth(turns, "ahmed")
    complete_interview(noor)
    ahmed.says("/start")  # pressed START before opening the link
    assert YOUTH_WELCOME in ahmed.asked
    noor.says("/delen")
    noor.clicks("Ahmed uitnodigen als JIM")
    ahmed.says(f"/start {noor.invite}")
    ahmed.clicks("Ja, ik wil JIM zijn")
    assert ahmed.said == ("Dank je! Ik laat Noor weten dat je JIM wilt zijn. "
                          "Met /help zie je altijd wat je kunt doen.")
    assert ahmed.asked == JIM_HOME and ahmed.state == "member_home"
    for typed in ("/start", "hallo", "/start"):
        ahmed.says(typed)
        assert YOUTH_WELCOME not in ahmed.text and "Hoi! Ik help je" not in ahmed.text
        assert ahmed.asked == JIM_HOME
    ahmed.inbox()
    ahmed.presses("Ja")
    assert ahmed.said == "Dank je! Noor hoort je antwoord."
    assert ahmed.asked == JIM_HOME  # the buttons again, below the answer
    ahmed.says("/plan")
    assert "Toekomstplan van Noor" in ahmed.text and ahmed.asked == JIM_HOME
    ahmed.says("/start")
    ahmed.clicks("Zelf een plan maken")  # his own plan, when he wants one
    assert YOUTH_WELCOME in ahmed.asked


JIM_HOME = "Je bent JIM van Noor.\nWat wil je doen?"
JIM_BUTTONS = ["Het plan bekijken", "Vragen die nog open staan", "Een berichtje sturen",
               "Stoppen met helpen", "Zelf een plan maken"]


def test_a_jim_at_home_does_everything_with_buttons(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.inbox()
    assert [c.label for c in ahmed.question.choices] == JIM_BUTTONS
    ahmed.clicks("Het plan bekijken")
    assert "Toekomstplan van Noor" in ahmed.replies[0].text
    assert ahmed.asked == JIM_HOME  # the pressed buttons are gone: new ones below
    ahmed.clicks("Vragen die nog open staan")
    assert ahmed.replies[0].text == ASK_ROOM
    assert ahmed.replies[-1].text == ASK_ROOM  # the ask's buttons come last, not the home
    ahmed.presses("Ja")
    ahmed.clicks("Een berichtje sturen")
    assert ahmed.asked == "Wat wil je tegen Noor zeggen? Typ een kort bericht."
    ahmed.says("Succes met je kamer!")
    assert ahmed.said == "Verstuurd. Fijn dat je meeleeft." and ahmed.asked == JIM_HOME
    assert "💬 Bericht van Ahmed: Succes met je kamer!" in [m.text for m in noor.inbox()]
    home = ahmed.question
    ahmed.clicks("Stoppen met helpen")
    ahmed.clicks("Nee")
    assert ahmed.said == "Oké, je blijft erbij." and ahmed.asked == JIM_HOME
    ahmed.clicks_raw("plan", home.step)  # a home left since: an old button
    assert ahmed.said == "Die vraag is al beantwoord. Dit is de vraag van nu:"
    assert "Toekomstplan" not in ahmed.text and ahmed.asked == JIM_HOME
    ahmed.says("/plan")  # typing still works
    assert "Toekomstplan van Noor" in ahmed.text
    ahmed.clicks("Stoppen met helpen")
    ahmed.clicks("Ja, stoppen")
    assert ahmed.asked == "Je helpt nu niemand met een plan.\nWat wil je doen?"
    assert [c.label for c in ahmed.question.choices] == ["Zelf een plan maken"]


def test_a_professional_who_pressed_start_first_rests_at_home(store: Store) -> None:
    turns = Turns(store)
    mark = Youth(turns, "mark")
    mark.says("/start")
    mark, token = registered_professional(turns)
    assert mark.state == "member_home"
    mark.says("/plan")
    assert mark.said == "Er is nog geen plan met je gedeeld."
    mark.says("/start")
    assert mark.asked == ("Je bent begeleider. Nog geen jongere deelt een plan met je.\n"
                          "Wat wil je doen?")
    assert [c.label for c in mark.question.choices] == ["Een jongere uitnodigen",
                                                        "Zelf een plan maken"]
    noor = Youth(turns, "noor")
    answer_start(noor)
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    mark.says("/start")
    assert [c.label for c in mark.question.choices] == [
        "Je jongeren en hun plan", "Vragen die nog open staan", "Een jongere uitnodigen",
        "Een weekoverzicht van je jongeren", "Stoppen met helpen", "Zelf een plan maken"]
    mark.clicks("Je jongeren en hun plan")  # one youth: no need to choose
    assert "Toekomstplan van Noor" in mark.text and mark.asked.startswith("Je begeleidt Noor.")
    mark.says("/plan")
    assert "Het plan van een jongere die je begeleidt zie je met /jongeren." in mark.text
    assert "Je plan is nog leeg" not in mark.text


def test_stop_and_stoppen_mean_one_thing_for_each(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    for word in ("/stop", "/stoppen"):
        noor.says(word)
        assert "Prima, we stoppen even" in noor.text and "/delen" in noor.text
        assert "Je helpt nu niemand" not in noor.text
        noor.says("/start")
        ahmed.says(word)
        assert ahmed.asked == "Wil je echt stoppen met Noor? Je ziet het plan dan niet meer."
        ahmed.clicks("Nee")
    ahmed.says("/pauze")
    assert "Prima, we stoppen even" in ahmed.text


def test_missed_asks_can_be_seen_again_and_answered(store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = jim_with_one_of_two_actions(turns)
    ahmed.inbox()  # shown once, then lost (a closed terminal, a cleared chat)
    ahmed.says("/vragen")
    ask = ahmed.replies[0]
    assert ask.text == ASK_ROOM
    again = Youth(turns, "ahmed")  # a restart: nothing remembered on the chat side
    again.says("/vragen")
    again.presses("Ja")
    assert "Noor hoort je antwoord" in again.text
    again.says("/vragen")
    assert again.said == "Er staan geen vragen voor je open."
    assert "Ahmed helpt je met: Een eigen kamer." in noor.inbox()[0].text


def commands_in(text: str) -> list[str]:
    return [line.split(" – ")[0] for line in text.split("\n") if line.startswith("/")]


def test_help_fits_the_person(store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = jim_with_one_of_two_actions(turns)
    mark, _ = registered_professional(turns)
    noor.says("/help")  # a youth: her own commands, none of a role she does not have
    assert commands_in(noor.replies[0].text)[:3] == ["/plan", "/wijzig", "/terug"]
    assert "/begeleider" not in noor.replies[0].text and "/bericht" not in noor.replies[0].text
    ahmed.says("/help")  # a JIM without a plan of his own: his commands, nothing of a youth's
    assert ahmed.replies[0].text.startswith("Dit kun je altijd typen:")
    assert commands_in(ahmed.replies[0].text) == [
        "/plan", "/vragen", "/bericht", "/stoppen",
        "/start", "/taal", "/sos", "/mijngegevens", "/verwijder", "/help"]
    assert "/plan – het plan bekijken" in ahmed.replies[0].text
    assert ahmed.asked == JIM_HOME
    mark.says("/help")  # a begeleider no youth is linked to yet
    assert commands_in(mark.replies[0].text)[:2] == ["/begeleider", "/start"]
    assert "/wijzig" not in mark.replies[0].text and "/delen" not in mark.replies[0].text
    ahmed.clicks("Zelf een plan maken")
    ahmed.says("/help")  # with a plan of his own: his JIM commands first, then the rest
    shown = ahmed.replies[0].text
    assert commands_in(shown)[:4] == ["/plan", "/vragen", "/bericht", "/stoppen"]
    own = shown.split("Voor je eigen plan:\n")[1]
    assert commands_in(own) == ["/wijzig", "/terug", "/pauze", "/delen", "/herinneringen"]
    assert "Hoi! Ik help je" in ahmed.asked  # back at his own welcome
