"""The people around a shared plan: a new JIM when the old one says no or stops, invites sent
again, several begeleiders (the first to pick an ask up has it), someone from the network
who sees only what they are asked, and a youth who says no to a begeleider."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.messages import UserInput
from bot.plan.model import HelperAnswer, JimChoice
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth, action
from tests.test_interview import answer_start, complete_interview
from tests.test_sharing import INVALID
from tests.test_sharing_asks import invites, jim_with_one_of_two_actions
from tests.test_sharing_professional import registered_professional, registered_professional_named


def test_a_jim_who_stops_can_be_replaced_right_away(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ahmed.says("/stoppen")
    ahmed.clicks("Ja, stoppen")
    notice = noor.inbox()[0]
    assert notice.text == "Ahmed stopt als JIM. Dat is oké.\nWil je iemand anders vragen als JIM?"
    assert [c.label for c in notice.choices] == ["Sanne", "Els", "Later"]
    plan = noor.plan
    assert plan.jim.choice is JimChoice.UNDECIDED and plan.person(plan.people[1].id)
    noor.says("/plan")
    assert "Jouw JIM: nog niet gekozen" in noor.text and "Ahmed (JIM)" not in noor.text
    noor.presses("Sanne")
    assert "Mooi. Sanne is jouw JIM in je plan." in noor.text
    assert noor.asked.startswith("Wil je Sanne nu vragen om je JIM te zijn?")
    noor.clicks("Ja, maak het bericht")
    assert noor.invite and "We gaan verder waar we waren." in noor.text
    noor.says("/delen")
    assert "• Uitnodiging voor Sanne als JIM: nog niet beantwoord" in noor.text
    assert "Ahmed uitnodigen als JIM" not in noor.text


def test_a_jim_who_says_no_is_no_longer_called_jim(store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = Youth(turns, "noor"), Youth(turns, "ahmed")
    complete_interview(noor)
    ahmed.says(f"/start {invites(noor, 'Ahmed uitnodigen als JIM')}")
    ahmed.clicks("Nee")
    notice = noor.inbox()[0]
    assert notice.text.startswith("Ahmed zegt nu nee. Dat is oké.")
    assert noor.plan.jim.choice is JimChoice.UNDECIDED
    noor.presses("Later")
    assert "Met /wijzig kies je later een JIM" in noor.text


def test_an_invite_can_be_sent_again_and_several_begeleiders_invited(store: Store) -> None:
    turns = Turns(store)
    noor, stranger = Youth(turns, "noor"), Youth(turns, "sem")
    complete_interview(noor)
    first = invites(noor, "Ahmed uitnodigen als JIM")
    second = invites(noor, "Uitnodiging voor Ahmed opnieuw sturen")
    assert second != first and "Dit bericht is van Noor" in noor.text
    stranger.says(f"/start {first}")
    assert INVALID in stranger.text  # the old link stopped working
    for _ in range(2):
        invites(noor, "Je begeleider uitnodigen")
    noor.says("/delen")
    assert noor.text.count("• Uitnodiging voor je begeleider: nog niet beantwoord") == 2
    assert "(begeleider)" not in noor.text
    codes = [c.id for c in noor.question.choices if c.id.startswith("resend:")]
    assert len(codes) == 3  # Ahmed and both begeleiders: none withdrew another


def noor_with_two_begeleiders(turns: Turns) -> tuple[Youth, Youth, Youth]:
    """Noor, with Mark and Lisa as her begeleiders, has just told about the rent (urgent)."""
    mark, mark_token = registered_professional(turns)
    lisa, lisa_token = registered_professional_named(turns, "lisa")
    noor = Youth(turns, "noor")
    for token in (mark_token, lisa_token):
        noor.says(f"/start {token}")
        noor.clicks("Ja, dat wil ik")
    answer_start(noor)
    return noor, mark, lisa


def test_the_first_begeleider_to_pick_up_has_it(store: Store) -> None:
    noor, mark, lisa = noor_with_two_begeleiders(Turns(store))
    mark.inbox()
    lisa.inbox()
    lisa.presses("Ik pak dit op")
    mark.presses("Ik pak dit op")
    assert mark.said == "Lisa pakt dit al op."
    told = [m.text for m in noor.inbox()]
    assert len(told) == 1 and told[0].startswith("Lisa (mentor, Jeugdzorg) pakt je vraag op: "
                                                 "Ik moet morgen mijn huur betalen")
    assert noor.plan.urgent[0].response.by == "Lisa"


def test_someone_from_the_network_sees_only_what_they_are_asked(store: Store) -> None:
    turns = Turns(store)
    noor, sanne = Youth(turns, "noor"), Youth(turns, "sanne")
    complete_interview(noor)
    noor.says("/delen")
    noor.clicks("Iemand uitnodigen die helpt")  # only Ahmed, her JIM, helps her yet
    assert noor.asked == ("Nog niemand helpt je met een afspraak. Met /wijzig kies je wie je "
                          "helpt. Daarna kun je die uitnodigen.")
    noor.clicks("Laat maar")
    noor.says("/wijzig")
    noor.clicks("Een afspraak")
    noor.clicks("Mijn post")
    noor.clicks("Sanne")
    noor.clicks("Deze week")
    noor.says("/delen")
    noor.clicks("Iemand uitnodigen die helpt")
    assert [c.label for c in noor.question.choices] == ["Sanne", "Laat maar"]
    noor.clicks("Sanne")
    code = noor.invite
    noor.says("/delen")
    assert "• Uitnodiging voor Sanne om mee te helpen: nog niet beantwoord" in noor.text
    sanne.says(f"/start {code}")
    sanne.clicks("Ja")
    ask = [m for m in sanne.inbox() if m.choices]
    assert [m.text for m in ask] == ["Noor vraagt of je kunt helpen met: Mijn post. "
                                     "Het liefst deze week. Lukt dat?"]
    sanne.presses("Ja")
    sanne.says("/plan")
    view = sanne.text
    assert "Mijn post → deze week · Sanne helpt" in view
    for hidden in ("Een eigen kamer", "Ahmed", "Els", "huur", "Ruzie", "Schulden", "WIE",
                   "JIM"):
        assert hidden not in view, hidden
    assert not any(m.attachments for m in sanne.replies)
    assert action(noor.plan, "Mijn post").response.answer is HelperAnswer.YES


def test_a_youth_can_say_no_to_a_begeleiders_link(store: Store) -> None:
    turns = Turns(store)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    answer_start(noor)
    noor.says(f"/start {token}")
    noor.clicks("Eerst meer uitleg")
    assert "Je kunt het delen altijd stoppen met /delen" in noor.text
    noor.clicks("Nee")
    assert "Er wordt niets gedeeld" in noor.text
    assert [m.text for m in mark.inbox()] == [
        "Een jongere wil het plan nu niet delen. Dat is oké."]
    mark.says("/jongeren")
    assert "Er zijn nog geen jongeren" in mark.text
    mark.says("/vragen")
    assert mark.said == "Er staan geen vragen voor je open."
    noor.says("/delen")
    assert "Nog niemand. Alleen jij." in noor.text


def test_a_new_jim_leaves_the_old_one_only_their_own_actions(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    ask = next(m for m in ahmed.inbox() if m.choices)
    noor.changes("Mensen om je heen", "Je JIM", "Sanne")
    assert noor.asked.startswith("Wil je Sanne nu vragen om je JIM te zijn?")
    assert [m.text for m in ahmed.inbox()] == [
        "Noor heeft het plan aangepast: je bent nu geen JIM meer. Dank je voor je hulp! "
        "Je helpt nog wel mee met een paar dingen. Met /plan zie je welke."]
    assert [m.text for m in noor.inbox()] == [
        "Ahmed is geen JIM meer. Ahmed ziet nu alleen de afspraken waarmee die helpt."]
    ahmed.says("/plan")
    assert "Een eigen kamer → deze maand · open" in ahmed.text
    for hidden in ("Sanne", "Hulp met mijn post", "huur", "Ruzie", "WIE", "JIM"):
        assert hidden not in ahmed.text, hidden
    assert not any(m.attachments for m in ahmed.replies)  # no network picture either
    ahmed.clicks_raw(ask.choices[0].id, None)  # his ask still stands: "Ja"
    assert "Noor hoort je antwoord" in ahmed.text
    noor.says("/delen")
    assert "• Ahmed (helpt mee): ziet alleen de afspraken waarmee die helpt" in noor.text
    assert "Ahmed (JIM)" not in noor.text
    assert "Sanne uitnodigen als JIM" in [c.label for c in noor.question.choices]


def test_an_old_jim_without_actions_stops_seeing_the_plan(store: Store) -> None:
    turns = Turns(store)
    noor, els, sanne = Youth(turns, "noor"), Youth(turns, "els"), Youth(turns, "sanne")
    complete_interview(noor)
    noor.changes("Mensen om je heen", "Je JIM", "Els")
    noor.clicks("Ja, maak het bericht")
    els.says(f"/start {noor.invite}")
    els.clicks("Ja, ik wil JIM zijn")
    noor.inbox()
    noor.changes("Mensen om je heen", "Je JIM", "Sanne")
    noor.clicks("Ja, maak het bericht")
    sanne_code = noor.invite
    noor.changes("Mensen om je heen", "Je JIM", "Weet ik nog niet")
    assert [m.text for m in els.inbox()] == [
        "Noor heeft het plan aangepast: je bent nu geen JIM meer. Dank je voor je hulp! "
        "Je ziet het plan niet meer."]
    assert [m.text for m in noor.inbox()] == ["Els is geen JIM meer en ziet je plan niet meer."]
    els.says("/plan")
    assert els.text.startswith("Er is nog geen plan met je gedeeld.")
    sanne.says(f"/start {sanne_code}")  # Sanne is no longer asked to be JIM
    assert INVALID in sanne.text
    noor.says("/delen")
    assert "Nog niemand. Alleen jij." in noor.text



def invite_to_help(noor: Youth, person: Youth, action: str) -> None:
    """Give ``action`` to ``person`` and invite them to help; they open the invite."""
    name = person.user.capitalize()
    noor.changes("Een afspraak", action, name, "Deze week")
    noor.says("/delen")
    noor.clicks("Iemand uitnodigen die helpt")
    noor.clicks(name)
    person.says(f"/start {noor.invite}")


def test_a_person_taken_out_of_the_plan_loses_their_link_and_invite(store: Store) -> None:
    turns = Turns(store)
    noor, ahmed = jim_with_one_of_two_actions(turns)
    sanne, els = Youth(turns, "sanne"), Youth(turns, "els")
    invite_to_help(noor, sanne, "Mijn post")
    sanne.clicks("Ja")
    invite_to_help(noor, els, "Een eigen kamer")  # Els opens it, not answered yet
    for youth in (noor, ahmed, sanne):
        youth.inbox()
    noor.changes("Mensen om je heen", "Ahmed", "Weghalen uit je plan")
    assert [m.text for m in noor.replies[:2]] == [
        "Ahmed staat niet meer in je plan. Met /terug zet je dat terug.",
        "Ahmed ziet je plan niet meer. Na /terug nodig je Ahmed opnieuw uit."]
    assert [m.text for m in ahmed.inbox()] == [
        "Noor deelt het plan niet meer met je. Dank je voor je hulp."]
    assert noor.inbox() == []  # said in the reply, once
    ahmed.says("/plan")
    assert ahmed.text.startswith("Er is nog geen plan met je gedeeld.")
    noor.changes("Mensen om je heen", "Sanne", "Weghalen uit je plan")
    assert "Sanne ziet je plan niet meer." in noor.text
    assert [m.text for m in sanne.inbox()] == [
        "Noor deelt het plan niet meer met je. Dank je voor je hulp."]
    sanne.says("/plan")
    assert sanne.text.startswith("Er is nog geen plan met je gedeeld.")
    noor.changes("Mensen om je heen", "Els", "Weghalen uit je plan")
    assert "Els ziet je plan niet meer." in noor.text
    els.clicks("Ja")
    assert "Deze uitnodiging werkt niet meer." in els.text
    noor.says("/terug")  # Els is back in the plan, her invite is not
    assert "Els" in [p.name for p in noor.plan.people]
    noor.says("/delen")
    assert "Nog niemand. Alleen jij." in noor.text


def test_a_pick_up_someone_else_has_already_does_not_count(store: Store) -> None:
    turns = Turns(store)
    _, mark, lisa = noor_with_two_begeleiders(turns)
    marks_ask = next(m for m in mark.inbox() if m.choices)
    lisa.inbox()
    assert turns.handle("test", "lisa", UserInput.clicked(
        next(m for m in lisa.received if m.choices).choices[0].id, None)).counted
    late = turns.handle("test", "mark", UserInput.clicked(marks_ask.choices[0].id, None))
    assert not late.counted  # an adapter shows no "→ Ik pak dit op" under Mark's copy
    assert "Lisa pakt dit al op." in [m.text for m in late.messages]


def test_someone_known_only_by_relation_is_spoken_of_as_je_oom(store: Store) -> None:
    """Ahmed known only as "oom": the invitation, /delen and the notices say "je oom", as
    the rest of the bot does, never the bare word."""
    turns = Turns(store)
    noor, uncle = Youth(turns, "noor"), Youth(turns, "ahmed")
    complete_interview(noor)
    with UnitOfWork(store) as uow:
        noor_id = uow.users.find("test", "noor")
        conversation, plan = uow.conversations.load(noor_id).parse()
        person = plan.person(plan.jim.person_id)
        person.name = person.relation = "oom"
        uow.conversations.save(noor_id, conversation, plan, datetime.now(UTC), is_new=False)
        uow.commit()
    noor.says("/delen")
    noor.clicks("Je oom uitnodigen als JIM")
    assert "Hier is een uitnodiging voor je oom." in noor.text
    token = noor.invite
    noor.says("/delen")
    assert "• Uitnodiging voor je oom als JIM: nog niet beantwoord" in noor.text
    assert "Uitnodiging voor je oom intrekken" in [c.label for c in noor.question.choices]
    uncle.says(f"/start {token}")
    uncle.clicks("Ja, ik wil JIM zijn")
    assert noor.inbox()[0].text == "Goed nieuws: je oom wil je JIM zijn!"
    noor.says("/delen")
    assert "• Je oom (JIM): ziet je plan" in noor.text
    assert "Stop delen met je oom" in [c.label for c in noor.question.choices]
    uncle.says("/stoppen")
    uncle.clicks("Ja, stoppen")
    assert noor.inbox()[0].text.startswith("Je oom stopt als JIM. Dat is oké.")
