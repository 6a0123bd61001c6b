"""Sharing on Telegram, between real Telegram users: what one person's turn says to another
(the outbox) arrives in the other person's chat, with its buttons working and files sent.

The journeys of issue 4: a youth invites a JIM by deep link, the JIM accepts and answers an
ask, the youth hears it; a youth links a professional, who gets the summary and the plan as
PDF and picks up an urgent ask. Assertions stay on stable facts (who receives what, buttons,
documents), not on the exact wording of the sharing texts.
"""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.plan.model import HelperAnswer, Plan
from bot.storage.tables import outbox
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.telegram_fake.bot import running_bot
from tests.telegram_fake.interview import INTERVIEW, interview
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_interview import complete_interview

LINK = re.compile(r"https://t\.me/toekomstplan_test_bot\?start=([A-Za-z0-9_-]{1,64})")


async def invitation(user: FakeUser, number: int) -> str:
    """The token of the ``number``-th invite link in the chat, once it is there, as a person
    would tap it."""
    def links() -> list[str]:
        return [found.group(1) for m in user.bot_messages
                if (found := LINK.search(m.get("text", "")))]

    await user.until(lambda: len(links()) >= number)
    return links()[number - 1]


async def document_of(user: FakeUser) -> dict[str, Any]:
    """The first document the user received, once it is there."""
    def sent() -> dict[str, Any] | None:
        return next((m for m in user.bot_messages if "document" in m), None)

    await user.until(sent)
    found = sent()
    assert found is not None
    return found


def first_button(message: dict[str, Any]) -> str:
    return message["reply_markup"]["inline_keyboard"][0][0]["text"]


def queued(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(outbox)).scalar_one()


async def all_delivered(store: Store) -> None:
    """Wait until the outbox is empty (a message is removed just after it went out)."""
    deadline = time.monotonic() + 10
    while queued(store):
        assert time.monotonic() < deadline, "the outbox was never emptied"
        await asyncio.sleep(0.02)


def plan_of(store: Store, user: FakeUser) -> Plan:
    with UnitOfWork(store) as uow:
        return uow.conversations.load_for("telegram", str(user.id))[1].parse()[1]


async def test_youth_invites_a_jim_by_deep_link_who_accepts_and_answers(
        tg_on_both: FakeTelegram) -> None:
    tg = tg_on_both
    noor, ahmed = FakeUser(tg, 7101, "Noor"), FakeUser(tg, 7102, "Ahmed")
    await noor.send_text("/start")
    await interview(noor, INTERVIEW)  # Ahmed is her JIM and helps with "Een eigen kamer"
    await noor.send_text("/delen")
    await noor.click("Ahmed uitnodigen als JIM")
    token = await invitation(noor, 1)
    forward = next(m for m in noor.bot_messages if token in m.get("text", ""))
    assert "Noor" in forward["text"]  # a message to forward, ending with the link
    assert forward["text"].endswith(f"https://t.me/toekomstplan_test_bot?start={token}")

    await ahmed.send_text(f"/start {token}")  # Ahmed taps the link
    explained = ahmed.last_question()
    assert "Noor" in explained["text"] and "JIM" in explained["text"]
    seen = len(noor.bot_messages)
    await ahmed.click(first_button(explained), question=1)  # yes
    await ahmed.until(lambda: "→" in ahmed.chat.messages[explained["message_id"]]["text"])
    await noor.receives("Ahmed", after=seen)  # the youth hears that Ahmed said yes
    ask = await ahmed.receives("Een eigen kamer")
    assert ahmed.buttons(ask)[0] == "Ja"

    seen = len(noor.bot_messages)
    await ahmed.click("Ja", message=ask, question=1)
    await ahmed.until(lambda: ahmed.chat.messages[ask["message_id"]]["text"].endswith("→ Ja"))
    assert "reply_markup" not in ahmed.chat.messages[ask["message_id"]]
    told = await noor.receives("Een eigen kamer", after=seen)
    assert "Ahmed" in told["text"]
    response = plan_of(tg.store, noor).actions[0].response
    assert response is not None and response.answer is HelperAnswer.YES
    await all_delivered(tg.store)

    home = ahmed.last_question()  # Ahmed's own page: what he can do, as buttons
    assert "Zelf een plan maken" in ahmed.buttons(home)
    await ahmed.click("Het plan bekijken", message=home)
    assert ahmed.chat.messages[home["message_id"]]["text"].endswith("→ Het plan bekijken")
    await ahmed.receives("Toekomstplan van Noor")
    home = ahmed.last_question()  # the buttons again, below the plan
    await ahmed.send_text("/bericht")  # typing works too; the page is left for the note
    shown = len(ahmed.bot_messages)
    await ahmed.click("Het plan bekijken", message=home, question=False)  # an old button
    assert ahmed.toast == "Die vraag is al beantwoord." and len(ahmed.bot_messages) == shown

    stranger = FakeUser(tg, 7103, "Sem")  # the link was for Ahmed, once
    await stranger.send_text(f"/start {token}")
    assert stranger.last_text().startswith("Deze uitnodiging werkt niet.")
    assert not any("Noor" in m.get("text", "") for m in stranger.bot_messages)


async def linked_professional(noor: FakeUser, mark: FakeUser, number: int = 1) -> None:
    """Noor invites her begeleider from /delen; Mark opens the link and says who he is;
    Noor sees what Telegram says about his account and confirms."""
    await noor.send_text("/delen")
    await noor.click("Je begeleider uitnodigen")
    await mark.send_text(f"/start {await invitation(noor, number)}")
    await mark.click(first_button(mark.last_question()))
    for answer in ("Mark", "RIBW"):
        await mark.send_text(answer)
    seen = len(noor.bot_messages)
    await mark.send_text("woonbegeleider", question=1)
    confirm = await noor.receives("Telegram noemt dit account", after=seen)
    await noor.click("Ja, dat is mijn begeleider", message=confirm)


async def test_the_youth_sees_the_telegram_account_before_a_begeleider_sees_anything(
        tg_on_both: FakeTelegram) -> None:
    tg = tg_on_both
    noor = FakeUser(tg, 7211, "Noor")
    stranger = FakeUser(tg, 7212, "Kees", last_name="<b>Smit</b>", username="kees_s")
    await noor.send_text("/start")
    await noor.click("Oké, we beginnen")
    await noor.send_text("/delen")
    await noor.click("Je begeleider uitnodigen")
    await stranger.send_text(f"/start {await invitation(noor, 1)}")  # a forwarded link
    await stranger.click(first_button(stranger.last_question()))
    for answer in ("Mark", "RIBW"):
        await stranger.send_text(answer)
    seen = len(noor.bot_messages)
    await stranger.send_text("woonbegeleider", question=1)
    confirm = await noor.receives("wil je begeleider zijn", after=seen)
    assert "Telegram noemt dit account: Kees <b>Smit</b> (@kees_s)" in confirm["text"]
    assert "Kees &lt;b&gt;Smit&lt;/b&gt;" in confirm["html"]  # escaped: shown as typed
    assert noor.buttons(confirm) == ["Ja, dat is mijn begeleider", "Nee"]
    seen_by_stranger = len(stranger.bot_messages)
    await noor.click("Nee", message=confirm)
    gone = await stranger.receives("gaat niet door", after=seen_by_stranger)
    assert "Noor" not in gone["text"]
    await all_delivered(tg.store)
    assert not [d for d in tg.documents if d["chat_id"] == stranger.id]
    assert not any("Noor" in m.get("text", "") for m in stranger.bot_messages[seen_by_stranger:])


async def test_youth_links_a_professional_who_gets_the_pdf_and_picks_up_an_urgent_ask(
        tg_on_both: FakeTelegram) -> None:
    tg = tg_on_both
    noor, mark = FakeUser(tg, 7201, "Noor"), FakeUser(tg, 7202, "Mark")
    await noor.send_text("/start")
    await noor.click("Oké, we beginnen")
    for text in ("Noor", "17"):
        await noor.send_text(text)
    await noor.click("Gaat wel")
    await noor.click("Ja")  # something must be arranged first
    await noor.send_text("Ik moet morgen mijn huur betalen en heb geen geld")
    seen = len(noor.bot_messages)
    await linked_professional(noor, mark)
    summary = await mark.receives("Toekomstplan van Noor")
    pdf = await document_of(mark)
    assert pdf["document"]["file_name"].endswith(".pdf")
    (document,) = [d for d in tg.documents if d["chat_id"] == mark.id]
    assert document["data"].startswith(b"%PDF")
    assert summary["message_id"] < pdf["message_id"]
    await mark.until(lambda: any(mark.buttons(m) == ["Ik pak dit op"] for m in mark.bot_messages))
    urgent = next(m for m in mark.bot_messages if mark.buttons(m) == ["Ik pak dit op"])
    assert "huur" in urgent["text"]
    assert mark.buttons(urgent) == ["Ik pak dit op"]
    await noor.receives("Mark", after=seen)  # the youth hears who sees the plan now

    seen = len(noor.bot_messages)
    await mark.click("Ik pak dit op", message=urgent, question=1)
    await mark.until(lambda: "reply_markup" not in mark.chat.messages[urgent["message_id"]])
    picked = await noor.receives("Mark", after=seen)
    assert "pakt" in picked["text"]
    assert not [d for d in tg.documents if d["chat_id"] == noor.id]  # the PDF went to Mark
    await all_delivered(tg.store)


async def test_the_outbox_left_by_a_crash_goes_out_when_the_bot_runs_again(
        tmp_path: Path, store: Store) -> None:
    """Turns taken while no bot was delivering (it crashed after committing them)."""
    turns = Turns(store)
    noor, mark = Youth(turns, "7301", "telegram"), Youth(turns, "7302", "telegram")
    mark.says("/begeleider")
    for answer in ("Mark", "RIBW", "mentor"):
        mark.says(answer)
    complete_interview(noor)
    noor.says(f"/start {mark.invite}")
    noor.clicks("Ja, dat wil ik")
    assert queued(store)  # the summary for Mark, with the plan as PDF
    async with FakeTelegram() as tg:
        FakeUser(tg, 7301, "Noor")
        mark_chat = FakeUser(tg, 7302, "Mark")
        async with running_bot(tg, tmp_path, store=store):
            await mark_chat.receives("Toekomstplan")
            await document_of(mark_chat)
        assert [d["chat_id"] for d in tg.documents] == [7302]
        tg.assert_no_errors()
    await all_delivered(store)


async def test_a_recipient_who_blocked_the_bot_does_not_hold_up_the_others(
        tg: FakeTelegram) -> None:
    noor, ahmed, mark = (FakeUser(tg, 7401, "Noor"), FakeUser(tg, 7402, "Ahmed"),
                         FakeUser(tg, 7403, "Mark"))
    await noor.send_text("/start")
    await interview(noor, INTERVIEW)
    await noor.send_text("/delen")
    await noor.click("Ahmed uitnodigen als JIM")
    await ahmed.send_text(f"/start {await invitation(noor, 1)}")
    await ahmed.click(first_button(ahmed.last_question()), question=1)
    await ahmed.receives("Een eigen kamer")
    ahmed.chat.blocked = True  # Ahmed blocks the bot
    await noor.send_text("/delen")
    await noor.click("Stop delen met Ahmed")  # a notice for Ahmed: refused
    await linked_professional(noor, mark, number=2)
    await mark.receives("Toekomstplan van Noor")  # the queue went on past Ahmed
    refused = tg.take_errors()
    assert refused and all(c.error == "Forbidden: bot was blocked by the user"
                           and c.params["chat_id"] == ahmed.id for c in refused)
    await all_delivered(tg.store)  # nothing about Noor waits for someone who can't get it


async def test_a_delivery_cut_off_halfway_resumes_without_repeating_itself(
        tg: FakeTelegram) -> None:
    noor, mark = FakeUser(tg, 7501, "Noor"), FakeUser(tg, 7502, "Mark")
    await mark.send_text("/begeleider")
    for answer in ("Mark", "RIBW"):
        await mark.send_text(answer)
    await mark.send_text("mentor", question=1)
    await noor.send_text("/start")
    await interview(noor, INTERVIEW)  # a plan with something in it: the PDF comes along
    tg.break_next("sendDocument")  # the summary's text goes out, its PDF does not
    await noor.send_text(f"/start {await invitation(mark, 1)}")
    await noor.click(first_button(noor.last_question()))
    await mark.receives("Toekomstplan")
    await noor.send_text("/help")  # any turn wakes the courier again
    await document_of(mark)
    summaries = [m for m in mark.bot_messages
                 if "Toekomstplan van Noor" in m.get("text", "")]
    assert len(summaries) == 1 and len(tg.documents) == 1
    await all_delivered(tg.store)
