"""A professional linked with the youth's consent: registration, the youth confirming,
handoffs (summary with PDF, urgent asks picked up, digests) and no way to reach another
youth's plan by any command or forged button."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.flows.sharing.views import CONFIRM, CONFIRMED, ask_choice
from bot.messages import SHARED_CHOICE, Account, UserInput
from bot.sharing.access import confirm_ref
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import (
    answer_hoe,
    answer_start,
    answer_wat,
    answer_wie,
    complete_interview,
)
from tests.test_plan_pdf import text_of
from tests.test_sharing import INVALID, Clock
from tests.test_sharing_asks import invites


def registered_professional(turns: Turns) -> tuple[Youth, str]:
    mark = Youth(turns, "mark")
    mark.says("/begeleider")
    assert "Wat is je naam?" in mark.asked
    mark.says("Mark")
    mark.says("RIBW")
    mark.says("woonbegeleider")
    assert "Bewaard: Mark (woonbegeleider, RIBW)" in mark.text
    assert "Open de link hieronder in Telegram en druk op Start." in mark.text
    return mark, mark.invite


def test_professional_link_needs_the_youths_yes_then_gets_asks_and_a_summary(
        store: Store) -> None:
    turns = Turns(store, Clock())  # Saturday 1 March 2025: "deze week" is Friday the 7th
    friday = "vrijdag 7 maart"
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    assert noor.asked == "Wil je dat Mark (woonbegeleider, RIBW) je plan kan zien?"
    noor.clicks("Ja, dat wil ik")
    assert "Mark (woonbegeleider, RIBW) ziet nu je plan" in noor.text
    assert "We gaan verder" not in noor.text  # nothing was going on: the welcome follows
    assert noor.asked.startswith("Hoi! Ik help je een plan te maken")
    first = mark.inbox()  # an empty plan: no PDF yet, only that it will come
    assert [m.text for m in first] == [
        "Een jongere deelt het plan nu met je. Er staat nog niets in. "
        "Je krijgt bericht als het klaar is."]
    assert not first[0].attachments
    answer_start(noor)  # reports something urgent: money for rent
    urgent = mark.inbox()
    assert urgent[0].text.startswith("⚠️ Dringend van Noor, gemeld op ")
    assert "Ik moet morgen mijn huur" in urgent[0].text
    mark.presses("Ik pak dit op")
    assert "Noor hoort dat je het oppakt" in mark.text
    assert noor.inbox()[0].text.startswith(
        "Mark (woonbegeleider, RIBW) pakt je vraag op: Ik moet morgen mijn huur betalen")
    assert noor.plan.urgent[0].response.by == "Mark"
    answer_wie(noor)
    answer_wat(noor)
    answer_hoe(noor)  # "Mijn post" → Mijn begeleider; then the plan is confirmed
    received = mark.inbox()
    texts = [m.text for m in received]
    assert ("Noor vraagt je hulp bij: Mijn post. Het liefst deze week."  # by when
            in texts)
    summary = next(m for m in received if m.attachments)
    assert "Toekomstplan van Noor" in summary.text
    assert "Ik moet morgen mijn huur betalen en heb geen geld (gemeld op" in summary.text
    assert "opgepakt door Mark" in summary.text
    asked = summary.text.index(
        f"<b>Gevraagd aan jou:</b>\n• Mijn post, vóór {friday} (open)")
    assert summary.text.index("<b>Eerst regelen:</b>") < asked  # urgent first
    assert "JIM: Ahmed (oom)" in summary.text and "(17 jaar)" in summary.text
    assert summary.attachments[0].data.startswith(b"%PDF")
    assert summary.attachments[0].filename.startswith("toekomstplan-noor-")
    mark.says("/jongeren")  # only Noor: her plan at once
    assert "Een eigen kamer" in mark.text and mark.replies[0].attachments
    noor.says("/wijzig")
    noor.clicks("Over jou")
    noor.clicks("Je naam")
    noor.says("Noor B")
    digest = mark.inbox()
    assert [m.text for m in digest] == [
        "<b>Het plan van Noor B is veranderd:</b>\n• Naam: Noor → Noor B\n"
        "Het hele plan zie je met /jongeren."]
    noor.says("/wijzig")
    noor.clicks("Een afspraak")
    noor.clicks("Een eigen kamer")
    noor.clicks("Sanne")
    noor.clicks("Deze week")
    assert [m.text for m in mark.inbox()] == [
        "<b>Het plan van Noor B is veranderd:</b>\n"
        f"• Noor B heeft 'Een eigen kamer' nu bij Sanne gelegd, vóór {friday}.\n"
        "Het hele plan zie je met /jongeren."]


def begeleider_accepts_youths_invite(turns: Turns, account: Account) -> tuple[Youth, Youth]:
    """Noor invites her begeleider; whoever opens the link says yes and registers."""
    noor, mark = Youth(turns, "noor"), Youth(turns, "mark", account=account)
    answer_start(noor)
    mark.says(f"/start {invites(noor, 'Je begeleider uitnodigen')}")
    mark.clicks("Ja")
    assert mark.asked == "Wat is je naam?"
    mark.says("Mark")
    mark.says("RIBW")
    mark.says("woonbegeleider")
    assert "Ik vraag Noor nog of jij het bent" in mark.text
    return noor, mark


def test_youth_can_invite_their_begeleider_by_link_and_sees_the_account_first(
        store: Store) -> None:
    turns = Turns(store)
    noor, mark = begeleider_accepts_youths_invite(
        turns, Account("Mark", "de <b>Vries</b>", "markdv"))
    assert mark.inbox() == []  # nothing of Noor's plan before her yes
    assert "Je begeleidt" not in mark.text
    confirm = noor.inbox()[0]
    assert confirm.text == (
        "Mark (woonbegeleider, RIBW) wil je begeleider zijn.\n"
        "Telegram noemt dit account: Mark de &lt;b&gt;Vries&lt;/b&gt; (@markdv)\n"
        "Is dat echt je begeleider? Pas na je ja ziet die je plan.")
    assert [c.label for c in confirm.choices] == ["Ja, dat is mijn begeleider", "Nee"]
    noor.presses("Ja, dat is mijn begeleider")
    assert "Mark (woonbegeleider, RIBW) ziet nu je plan" in noor.text
    seen = mark.inbox()
    assert seen[0].text == "Noor zegt ja. Je ziet nu het plan."
    assert any("Dringend" in m.text for m in seen)
    noor.presses("Ja, dat is mijn begeleider")  # once only
    assert "kan niet meer" in noor.text
    noor.says("/delen")
    assert "• Mark (woonbegeleider, RIBW): ziet je plan en krijgt berichten" in noor.text


def test_a_youth_who_does_not_know_the_account_shares_nothing(store: Store) -> None:
    turns = Turns(store)
    noor, stranger = begeleider_accepts_youths_invite(turns, Account("Kees", "", ""))
    assert "Telegram noemt dit account: Kees\n" in noor.inbox()[0].text
    noor.presses("Nee")
    assert "Er wordt niets gedeeld" in noor.text
    assert [m.text for m in stranger.inbox()] == [
        "Het delen van een plan gaat niet door. Dat is oké."]
    noor.presses("Ja, dat is mijn begeleider")  # the old button reaches nothing now
    assert "kan niet meer" in noor.text
    assert stranger.inbox() == []
    stranger.says("/jongeren")
    assert "Er zijn nog geen jongeren die hun plan met je delen" in stranger.text
    with UnitOfWork(turns.store) as uow:
        assert uow.links.of_youth(uow.users.find("test", "noor")) == []


def test_an_erased_begeleider_leaves_no_name_in_the_youths_question(store: Store) -> None:
    turns = Turns(store)
    noor, mark = begeleider_accepts_youths_invite(turns, Account("Mark", "de Vries", "markdv"))
    with UnitOfWork(store) as uow:
        mark_id = uow.users.find("test", "mark")
        assert uow.professionals.get(mark_id).account == Account("Mark", "de Vries", "markdv")
    mark.says("/verwijder")
    mark.clicks("Ja, wis alles")
    with UnitOfWork(store) as uow:
        assert uow.professionals.get(mark_id) is None
    assert not any("markdv" in m.text for m in noor.inbox())


def test_a_youth_sees_the_account_of_the_begeleider_who_invites_them(store: Store) -> None:
    turns = Turns(store)
    mark = Youth(turns, "mark", account=Account("Kees", "", "kees99"))
    mark.says("/begeleider")
    for answer in ("Mark", "RIBW", "woonbegeleider"):
        mark.says(answer)
    noor = Youth(turns, "noor")
    noor.says(f"/start {mark.invite}")
    assert noor.asked == ("Telegram noemt dit account: Kees (@kees99)\n"
                          "Wil je dat Mark (woonbegeleider, RIBW) je plan kan zien?")
    noor.clicks("Nee")
    assert "Er wordt niets gedeeld" in noor.text
    assert [m.text for m in mark.inbox()] == ["Een jongere wil het plan nu niet delen. Dat is oké."]
    mark.account = Account("Mark", "", "markdv")  # a name changed since: the newest counts
    mark.says("/begeleider")
    anna = Youth(turns, "anna")
    anna.says(f"/start {mark.invite}")
    assert anna.asked.startswith("Telegram noemt dit account: Mark (@markdv)\n")


def test_a_professional_of_youth_a_reaches_nothing_of_youth_b(store: Store) -> None:
    turns = Turns(store)
    mark, token = registered_professional(turns)
    for name in ("anna", "cas"):
        youth = Youth(turns, name)
        youth.says(f"/start {token}")
        youth.clicks("Ja, dat wil ik")
        mark.says("/begeleider")
        token = mark.invite
    bram = Youth(turns, "bram")
    answer_start(bram)  # Bram's plan (he calls himself Noor) and urgent need: the rent
    other, other_token = registered_professional_named(turns, "lisa")
    bram.says(f"/start {other_token}")
    bram.clicks("Ja, dat wil ik")
    bram.says("Ik heb geen geld voor eten")  # keeps chatting; asks go to Lisa only
    lisa_ask = other.inbox()
    bram_ask = next(m for m in lisa_ask if m.choices).choices[0].id.split(":")[2]
    with UnitOfWork(store) as uow:
        bram_id = uow.users.find("test", "bram")
        bram_link = uow.links.of_youth(bram_id)[0].id
    mark.inbox()
    for forged in (ask_choice(bram_ask, "p"), ask_choice(bram_ask, "y"),
                   f"s:a:{bram_ask}", "s:x", "s:a:999:p", "s:a:1-1-1:p"):
        mark.clicks_raw(forged, None)
        assert "Bram" not in mark.text and "geld" not in mark.text
    mark.says("/jongeren")
    assert [c.label for c in mark.question.choices] == ["Een jongere (1)", "Een jongere (2)",
                                                        "Laat maar"]  # Anna and Cas
    mark.clicks_raw(f"{bram_link}-{bram_id}", mark.question.step)  # a forged link
    assert "Die knop werkt niet meer" in mark.text and "Noor" not in mark.text
    mark.says("/plan")
    assert "Noor" not in mark.text and "huur" not in mark.text
    mark.says("/vragen")  # Bram's open ask is Lisa's, not his
    assert mark.replies[0].text == "Er staan geen vragen voor je open."
    mark.says(f"/start {other_token}")  # the code Bram accepted from Lisa
    assert INVALID in mark.text and "Noor" not in mark.text
    mark.clicks_raw("s:j:p1", None)  # a forged "new JIM" button: only ever one's own plan
    assert "Noor" not in mark.text and "Bram" not in mark.text
    assert not mark.inbox()
    assert any("huur" in m.text for m in lisa_ask)  # Lisa, Bram's own begeleider, did hear


def registered_professional_named(turns: Turns, user: str) -> tuple[Youth, str]:
    pro = Youth(turns, user)
    pro.says("/begeleider")
    for answer in ("Lisa", "Jeugdzorg", "mentor"):
        pro.says(answer)
    return pro, pro.invite


def test_a_professional_never_edits_the_plan_and_members_cannot_use_youth_commands(
        store: Store) -> None:
    turns = Turns(store)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    before = noor.plan
    mark._send(UserInput.typed("/wijzig"))
    assert "nog niets om te veranderen" in mark.text
    mark.says("Hacker")
    assert noor.plan == before  # /wijzig only ever changes one's own plan


def test_dates_are_dutch_days_also_just_after_midnight(store: Store) -> None:
    clock = Clock()
    clock.now = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 March in Amsterdam
    turns = Turns(store, clock=clock)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    mark.inbox()
    answer_start(noor)
    assert mark.inbox()[0].text.startswith("⚠️ Dringend van Noor, gemeld op 2 maart 2026: ")
    answer_wie(noor)
    noor.says("/plan")
    assert noor.replies[0].attachments[0].filename == "netwerk-noor-2026-03-02.png"
    answer_wat(noor)
    answer_hoe(noor)
    pdf = next(m for m in mark.inbox() if m.attachments).attachments[0]
    assert pdf.filename == "toekomstplan-noor-2026-03-02.pdf"
    text = text_of(pdf.data)
    assert "gemeld op 2 maart 2026" in text and not re.search(r"(?<!\d)1 maart", text)


def test_youths_with_the_same_name_are_told_apart_in_order() -> None:
    from bot.flows.sharing.views import told_apart

    assert told_apart(["Sam", "Noor", "Sam", "Een jongere"]) == [
        "Sam (1)", "Noor", "Sam (2)", "Een jongere"]


def test_the_begeleider_link_opens_the_sign_up_not_the_youth_welcome(store: Store) -> None:
    mark = Youth(Turns(store), "mark")
    mark.says("/start begeleider")  # t.me/<bot>?start=begeleider, as Telegram delivers it
    assert "Ben je begeleider?" in mark.text and "Hoi! Ik help je" not in mark.text
    assert "Wat is je naam?" in mark.asked
    mark.says("Mark")
    mark.says("RIBW")
    mark.says("woonbegeleider")
    assert "Bewaard: Mark (woonbegeleider, RIBW)" in mark.text and mark.invite


def test_one_open_question_left_is_said_in_the_singular(store: Store) -> None:
    turns = Turns(store)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    complete_interview(noor)  # the rent (urgent) and "Mijn post": two asks for Mark
    mark.inbox()
    mark.says("/vragen")
    assert "Daarna staat er nog 1 open." in [m.text for m in mark.replies]
    mark.presses("Ik pak dit op")
    assert "Er staat nog 1 vraag voor je open. Typ /vragen." in [m.text for m in mark.replies]


def test_a_begeleider_who_only_opened_the_invite_cannot_be_confirmed(store: Store) -> None:
    """A confirmation button made up for an invite its begeleider opened but never said yes
    to reaches nothing: no link, nothing sent, the kind answer for a button that is gone."""
    turns = Turns(store)
    mark, _ = registered_professional(turns)
    noor = Youth(turns, "noor")
    answer_start(noor)
    mark.says(f"/start {invites(noor, 'Je begeleider uitnodigen')}")
    assert "Ja" in [c.label for c in mark.question.choices]  # opened, not answered
    with UnitOfWork(store) as uow:
        noor_id = uow.users.find("test", "noor")
        invite = next(i for i in uow.invites.of_user(noor_id) if i.opened_by is not None)
    noor.clicks_raw(f"{SHARED_CHOICE}{CONFIRM}:{confirm_ref(invite)}:{CONFIRMED}", None)
    assert "Deze vraag is al beantwoord of kan niet meer." in noor.text
    assert mark.inbox() == []
    with UnitOfWork(store) as uow:
        assert uow.links.of_youth(noor_id) == []


def test_a_second_yes_of_the_begeleider_asks_the_youth_nothing_new(store: Store) -> None:
    turns = Turns(store)
    noor, mark = Youth(turns, "noor"), Youth(turns, "mark", account=Account("Mark", "", ""))
    answer_start(noor)
    token = invites(noor, "Je begeleider uitnodigen")
    mark.says(f"/start {token}")
    mark.clicks("Ja")
    for answer in ("Mark", "RIBW", "woonbegeleider"):
        mark.says(answer)
    confirm = noor.inbox()
    assert len(confirm) == 1
    noor.says("/delen")  # the youth's turn now, said as it is
    assert "• Je begeleider zei ja. Nu wacht ik nog op jouw ja." in noor.text
    assert "nog niet beantwoord" not in noor.text
    assert "Uitnodiging voor je begeleider opnieuw sturen" not in [
        c.label for c in noor.question.choices]
    mark.says("/jongeren")
    assert "Ik wacht nog op de ja van Noor. Daarna zie je het plan." in mark.text
    mark.says(f"/start {token}")
    mark.clicks("Ja")
    assert "Je hebt al ja gezegd. Ik wacht nog op Noor." in mark.text
    assert noor.inbox() == []  # no second question
    noor.clicks_raw(confirm[0].choices[0].id, None)
    assert "Mark (woonbegeleider, RIBW) ziet nu je plan" in noor.text
    assert mark.inbox()[0].text == "Noor zegt ja. Je ziet nu het plan."


def test_a_professionals_name_with_markup_characters_is_escaped_once(store: Store) -> None:
    turns = Turns(store, Clock())
    pro = Youth(turns, "pro")
    pro.says("/begeleider")
    for answer in ("Ann & Bo", "Zorg <Noord>", "mentor"):
        pro.says(answer)
    noor = Youth(turns, "noor")
    noor.says(f"/start {pro.invite}")
    noor.clicks("Ja, dat wil ik")
    said = "Ann &amp; Bo (mentor, Zorg &lt;Noord&gt;) ziet nu je plan"
    assert said in noor.text and "&amp;amp;" not in noor.text
    noor.says("/delen")
    assert "&amp;amp;" not in noor.text and "&amp;lt;" not in noor.text
    assert all("&amp;" not in choice.label for message in noor.replies
               for choice in message.choices)
