"""Sharing through the engine and storage: a JIM invited, accepting, seeing only what the
youth shares and answering asks; revoking, stopping, erasing; tokens that don't work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bot.plan.model import Domain, HelperAnswer, JimChoice
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth, action
from tests.test_interview import complete_interview
from tests.test_sharing_asks import ASK_ROOM

INVALID = "Deze uitnodiging werkt niet."


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 12, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def invited_jim(turns: Turns) -> tuple[Youth, Youth, str]:
    """Noor's whole interview (Ahmed is her JIM, helping with "Een eigen kamer"), money
    kept to herself, and an invite for Ahmed."""
    noor, ahmed = Youth(turns, "noor"), Youth(turns, "ahmed")
    complete_interview(noor)
    noor.says("/delen")
    noor.clicks("Onderwerpen alleen voor mij")
    noor.clicks("💶 Geld")
    noor.clicks("Klaar")
    noor.says("/delen")
    assert "Nog niemand. Alleen jij." in noor.text
    noor.clicks("Ahmed uitnodigen als JIM")
    assert "Dit bericht is van Noor" in noor.text and "Telegram" in noor.text
    assert "druk op Start" in noor.text and "Heb je Telegram nog niet?" in noor.text
    assert "nog geen 18" in noor.text  # Noor is 17: her parents should know
    return noor, ahmed, noor.invite


def linked_jim(turns: Turns) -> tuple[Youth, Youth]:
    noor, ahmed, token = invited_jim(turns)
    ahmed.says(f"/start {token}")
    assert "Noor vraagt of jij JIM wilt zijn" in ahmed.asked
    ahmed.clicks("Eerst meer uitleg")
    assert "Geen hulpverlener" in ahmed.text
    ahmed.clicks("Ja, ik wil JIM zijn")
    assert "Je bent JIM van Noor" in ahmed.text
    assert "Ahmed wil je JIM zijn" in noor.inbox()[0].text
    return noor, ahmed


def test_invited_jim_accepts_and_sees_the_plan_without_private_subjects(store: Store) -> None:
    noor, ahmed = linked_jim(Turns(store))
    ask = ahmed.inbox()[0]
    assert ask.text == ASK_ROOM
    assert [c.label for c in ask.choices] == ["Ja", "Ja, maar anders", "Nee"]
    ahmed.says("/plan")
    shared = ahmed.text
    assert "Toekomstplan van Noor" in shared and "Een eigen kamer" in shared
    assert not [w for w in ("Schulden", "Hulp met mijn post", "Mijn post")
                if w in shared]  # money: private
    assert "🤝 <b>Mensen om Noor heen</b>: goed" in shared and "om je heen" not in shared
    noor.says("/delen")
    assert "Ahmed (JIM): ziet je plan" in noor.text
    assert "Alleen voor jou: Geld" in noor.text


def test_jim_answers_an_ask_and_it_lands_in_the_plan(store: Store) -> None:
    noor, ahmed = linked_jim(Turns(store))
    ahmed.inbox()
    ahmed.presses("Ja, maar anders")
    assert ahmed.asked == "Wat kun je wel doen? Typ het kort."
    ahmed.says("Ik zoek mee op internet")
    assert "Noor hoort je antwoord" in ahmed.text
    response = action(noor.plan, "Een eigen kamer").response
    assert response is not None and response.answer is HelperAnswer.OTHERWISE
    assert response.note == "Ik zoek mee op internet"
    assert "Maar anders: Ik zoek mee op internet" in noor.inbox()[0].text
    ahmed.presses("Ja")  # the same button again: already answered
    assert "al beantwoord" in ahmed.text


def test_jim_sends_a_note_and_can_stop(store: Store) -> None:
    noor, ahmed = linked_jim(Turns(store))
    ahmed.says("/bericht")
    ahmed.says("Je kunt het! <b>echt</b>")
    assert "Verstuurd" in ahmed.text
    note = noor.inbox()[0].text
    assert note == "💬 Bericht van Ahmed: Je kunt het! &lt;b&gt;echt&lt;/b&gt;"
    ahmed.says("/stoppen")
    ahmed.clicks("Ja, stoppen")
    assert "Je ziet het plan niet meer" in ahmed.text
    assert "Ahmed stopt als JIM" in noor.inbox()[0].text
    ahmed.says("/plan")
    assert "Noor" not in ahmed.text and "kamer" not in ahmed.text


def test_the_youths_undo_does_not_bring_back_a_jim_who_stopped(store: Store) -> None:
    """Ahmed stops as JIM after Noor's last step: /terug takes back her step, not his. He
    stays one of her people, no longer her JIM, also after a second /terug."""
    noor, ahmed = linked_jim(Turns(store))
    ahmed_id = noor.plan.jim.person_id
    noor.says("/delen")
    noor.clicks("Onderwerpen alleen voor mij")
    noor.clicks("💚 Gezondheid en gevoel")  # Noor's last step, which /terug undoes
    ahmed.says("/stoppen")
    ahmed.clicks("Ja, stoppen")
    assert noor.plan.jim.choice is JimChoice.UNDECIDED
    for _ in range(2):
        noor.says("/terug")
        assert "we gaan een stap terug" in noor.text
        plan = noor.plan
        assert plan.jim.choice is JimChoice.UNDECIDED and plan.jim.person_id is None
        assert plan.person(ahmed_id) is not None
    assert noor.plan.private_domains == [Domain.INKOMEN]  # her own steps did go back
    noor.says("/plan")
    assert "Jouw JIM: nog niet gekozen" in noor.text


def test_youth_revokes_and_access_ends_at_once(store: Store) -> None:
    noor, ahmed = linked_jim(Turns(store))
    ask = ahmed.inbox()[0]
    noor.says("/delen")
    noor.clicks("Stop delen met Ahmed")
    assert "Ahmed ziet je plan niet meer" in noor.text
    assert "deelt het plan niet meer met je" in ahmed.inbox()[0].text
    ahmed.says("/plan")
    assert "kamer" not in ahmed.text
    ahmed.clicks_raw(ask.choices[0].id, None)  # the ask that came before: its link is gone
    assert "kan niet meer" in ahmed.text
    assert action(noor.plan, "Een eigen kamer").response is None


def test_a_jim_who_says_no_is_heard_kindly(store: Store) -> None:
    noor, ahmed, token = invited_jim(Turns(store))
    ahmed.says(f"/start {token}")
    ahmed.clicks("Nee")
    assert "Ahmed zegt nu nee. Dat is oké." in noor.inbox()[0].text
    ahmed.says("/plan")
    assert "kamer" not in ahmed.text


def test_used_invented_withdrawn_and_expired_tokens_get_one_plain_answer(
        store: Store) -> None:
    clock = Clock()
    turns = Turns(store, clock=clock)
    noor, ahmed, token = invited_jim(turns)
    stranger = Youth(turns, "stranger")
    stranger.says("/start " + "A" * 24)  # invented
    assert INVALID in stranger.text and "Noor" not in stranger.text
    ahmed.says(f"/start {token}")
    stranger.says(f"/start {token}")  # opened by Ahmed: nobody else can use it
    assert INVALID in stranger.text and "Noor" not in stranger.text
    ahmed.clicks("Ja, ik wil JIM zijn")
    ahmed.says(f"/start {token}")  # used
    assert INVALID in ahmed.text
    noor.says("/delen")
    noor.clicks("Iemand uitnodigen die helpt")
    assert noor.asked.startswith("Nog niemand helpt je met een afspraak.")  # only the JIM
    noor.says("/delen")
    noor.clicks("Je begeleider uitnodigen")
    withdrawn = noor.invite
    noor.says("/delen")
    noor.clicks("Uitnodiging voor je begeleider intrekken")
    stranger.says(f"/start {withdrawn}")
    assert INVALID in stranger.text
    noor.says("/delen")
    noor.clicks("Je begeleider uitnodigen")
    expired = noor.invite
    clock.now += timedelta(days=15)
    stranger.says(f"/start {expired}")
    assert INVALID in stranger.text and "begeleider" not in stranger.text


def test_tokens_are_stored_only_hashed(store: Store) -> None:
    token = invited_jim(Turns(store))[2]
    assert len(token) >= 22  # ≥ 128 bits, URL-safe
    with store.engine.connect() as connection:
        dump = " ".join(str(row) for table in ("invites", "links", "outbox")
                        for row in connection.execute(text(f"SELECT * FROM {table}")))
    assert token not in dump and "Noor" not in dump and "Ahmed" not in dump


def test_private_subjects_stay_out_of_the_jims_view(store: Store) -> None:
    noor, ahmed = linked_jim(Turns(store))
    assert noor.plan.private_domains == [Domain.INKOMEN]
    noor.says("/delen")
    noor.clicks("Onderwerpen alleen voor mij")
    noor.clicks("🏠 Wonen")
    noor.clicks("Klaar")
    ahmed.says("/plan")
    assert "Ruzie in huis" not in ahmed.text and "Een eigen kamer" not in ahmed.text


def test_erasing_the_plan_ends_access_with_a_neutral_notice(store: Store) -> None:
    noor, ahmed = linked_jim(Turns(store))
    ahmed.inbox()
    noor.says("/verwijder")
    noor.clicks("Ja, wis alles")
    notice = ahmed.inbox()[0].text
    assert "is gewist" in notice and "Noor" not in notice
    ahmed.says("/plan")
    assert "kamer" not in ahmed.text


def test_start_with_words_typed_after_it_is_a_plain_start(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start hallo daar")  # not a code anyone made: the welcome, no "doesn't work"
    assert "Deze uitnodiging werkt niet" not in youth.text
    assert youth.asked.endswith("Zullen we beginnen?")



def test_a_jim_new_to_bots_asks_what_this_is_and_says_thanks(store: Store) -> None:
    turns = Turns(store)
    _, ahmed, code = invited_jim(turns)
    ahmed.says(f"/start {code}")
    ahmed.says("wat is dit precies?")  # as "Eerst meer uitleg"
    assert ahmed.replies[0].text.startswith("Een JIM is een volwassene uit de omgeving")
    ahmed.says("ja dat wil ik wel")
    assert "Je bent JIM van Noor." in ahmed.text
    ahmed.says("ja hoor dat kan ik wel doen")
    assert ahmed.replies[0].text == "Top. Kies hieronder wat je wilt doen."
    ahmed.says("dankjewel")
    assert ahmed.replies[0].text == "Graag gedaan!" and "snap ik niet" not in ahmed.text
