"""Sharing on Telegram, between real Telegram users: what one person's turn says to another
(the outbox) arrives in the other person's chat, with its buttons working and files sent.

The journeys of issue 4: a youth invites a JIM by deep link, the JIM accepts and answers an
ask, the youth hears it; a youth links a professional, who gets the summary and the plan as
PDF and picks up an urgent ask. Assertions stay on stable facts (who receives what, buttons,
documents), not on the exact wording of the sharing texts.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from bot.plan.model import HelperAnswer
from bot.storage.tables import outbox
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.telegram_fake.bot import running_bot
from tests.telegram_fake.interview import INTERVIEW, interview
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

LINK = re.compile(r"https://t\.me/toekomstplan_test_bot\?start=([A-Za-z0-9_-]{1,64})")


def invite_token(user: FakeUser) -> str:
    """The token of the newest invite link in the chat, as a person would tap it."""
    for message in reversed(user.bot_messages):
        found = LINK.search(message.get("text", ""))
        if found:
            return found.group(1)
    raise AssertionError("no invite link in the chat")


def first_button(message: dict) -> str:
    return message["reply_markup"]["inline_keyboard"][0][0]["text"]


def queued(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(outbox)).scalar_one()


def plan_of(store: Store, user: FakeUser):  # type: ignore[no-untyped-def]
    with UnitOfWork(store) as uow:
        return uow.conversations.load_for("telegram", str(user.id))[1].parse()[1]


async def test_youth_invites_a_jim_by_deep_link_who_accepts_and_answers(
        tg_on_both: FakeTelegram) -> None:
    tg = tg_on_both
    noor, ahmed = FakeUser(tg, 7101, "Noor"), FakeUser(tg, 7102, "Ahmed")
    await noor.send_text("/start")
    await interview(noor, INTERVIEW)  # Ahmed is her JIM and helps with "Een eigen kamer"
    await noor.send_text("/delen", question=False)
    await noor.click("Ahmed uitnodigen als JIM", question=False)
    invitation = next(m for m in reversed(noor.bot_messages) if LINK.search(m["text"]))
    assert "Noor" in invitation["text"]  # a message to forward, ending with the link
    assert invitation["text"].rstrip().endswith(invite_token(noor))

    await ahmed.send_text(f"/start {invite_token(noor)}")  # Ahmed taps the link
    explained = ahmed.last_question()
    assert "Noor" in explained["text"] and "JIM" in explained["text"]
    await ahmed.click(first_button(explained), question=False)  # yes
    assert "→" in ahmed.chat.messages[explained["message_id"]]["text"]
    await noor.receives("Ahmed")  # the youth hears that Ahmed said yes
    ask = await ahmed.receives("Een eigen kamer")
    assert ahmed.buttons(ask)[0] == "Ja"

    await ahmed.click("Ja", message=ask, question=False)
    assert ahmed.chat.messages[ask["message_id"]]["text"].endswith("→ Ja")
    assert "reply_markup" not in ahmed.chat.messages[ask["message_id"]]
    told = await noor.receives("Een eigen kamer.")
    assert "Ahmed" in told["text"]
    response = plan_of(tg.store, noor).actions[0].response
    assert response is not None and response.answer is HelperAnswer.YES
    assert queued(tg.store) == 0

    stranger = FakeUser(tg, 7103, "Sem")  # the link was for Ahmed, once
    await stranger.send_text(f"/start {invite_token(noor)}")
    assert stranger.last_text().startswith("Deze link werkt niet.")
    assert not any("Noor" in m["text"] for m in stranger.bot_messages)


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
    await noor.send_text("/delen", question=False)
    await noor.click("Je begeleider uitnodigen")

    await mark.send_text(f"/start {invite_token(noor)}")
    await mark.click(first_button(mark.last_question()))
    for answer in ("Mark", "RIBW"):
        await mark.send_text(answer)
    await mark.send_text("woonbegeleider", question=False)
    summary = await mark.receives("Toekomstplan van Noor")
    pdf = await mark.receives("PDF")  # the caption of the document
    assert pdf["document"]["file_name"].endswith(".pdf")
    (document,) = [d for d in tg.documents if d["chat_id"] == mark.id]
    assert document["data"].startswith(b"%PDF")
    assert summary["message_id"] < pdf["message_id"]
    urgent = await mark.receives("huur")
    assert mark.buttons(urgent) == ["Ik pak dit op"]
    await noor.receives("Mark")  # the youth hears who sees the plan now

    await mark.click("Ik pak dit op", message=urgent, question=False)
    assert "reply_markup" not in mark.chat.messages[urgent["message_id"]]
    picked = await noor.receives("pakt je vraag op")
    assert "Mark" in picked["text"]
    assert not [d for d in tg.documents if d["chat_id"] == noor.id]  # the PDF went to Mark
    assert queued(tg.store) == 0


async def test_the_outbox_left_by_a_crash_goes_out_when_the_bot_runs_again(
        tmp_path, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Turns taken while no bot was delivering (it crashed after committing them)."""
    turns = Turns(store)
    noor, mark = Youth(turns, "7301", "telegram"), Youth(turns, "7302", "telegram")
    mark.says("/begeleider")
    for answer in ("Mark", "RIBW", "mentor"):
        mark.says(answer)
    noor.says(f"/start {mark.invite}")
    noor.clicks("Ja, dat wil ik")
    assert queued(store) == 1  # the summary for Mark, with the plan as PDF
    async with FakeTelegram() as tg:
        FakeUser(tg, 7301, "Noor")
        mark_chat = FakeUser(tg, 7302, "Mark")
        async with running_bot(tg, tmp_path, store=store):
            await mark_chat.receives("Toekomstplan")
            await mark_chat.receives("PDF")
        assert [d["chat_id"] for d in tg.documents] == [7302]
        tg.assert_no_errors()
    assert queued(store) == 0


async def test_a_recipient_who_blocked_the_bot_does_not_hold_up_the_others(
        tg: FakeTelegram) -> None:
    noor, ahmed, mark = (FakeUser(tg, 7401, "Noor"), FakeUser(tg, 7402, "Ahmed"),
                         FakeUser(tg, 7403, "Mark"))
    await noor.send_text("/start")
    await interview(noor, INTERVIEW)
    await noor.send_text("/delen", question=False)
    await noor.click("Ahmed uitnodigen als JIM", question=False)
    await ahmed.send_text(f"/start {invite_token(noor)}")
    await ahmed.click(first_button(ahmed.last_question()), question=False)
    await ahmed.receives("Een eigen kamer")
    ahmed.chat.blocked = True  # Ahmed blocks the bot
    await noor.send_text("/delen", question=False)
    await noor.click("Stop delen met Ahmed", question=False)  # a notice for Ahmed: refused
    await noor.send_text("/delen", question=False)
    await noor.click("Je begeleider uitnodigen", question=False)
    await mark.send_text(f"/start {invite_token(noor)}")
    await mark.click(first_button(mark.last_question()))
    for answer in ("Mark", "RIBW"):
        await mark.send_text(answer)
    await mark.send_text("woonbegeleider", question=False)
    await mark.receives("Toekomstplan van Noor")  # the queue went on past Ahmed
    refused = tg.take_errors()
    assert refused and all(c.error == "Forbidden: bot was blocked by the user"
                           and c.params["chat_id"] == ahmed.id for c in refused)
    assert queued(tg.store) == 0  # nothing about Noor waits for someone who can't get it


async def test_a_delivery_cut_off_halfway_resumes_without_repeating_itself(
        tg: FakeTelegram) -> None:
    noor, mark = FakeUser(tg, 7501, "Noor"), FakeUser(tg, 7502, "Mark")
    await mark.send_text("/begeleider", question=False)
    for answer in ("Mark", "RIBW"):
        await mark.send_text(answer)
    await mark.send_text("mentor", question=False)
    tg.break_next("sendDocument")  # the summary's text goes out, its PDF does not
    await noor.send_text(f"/start {invite_token(mark)}")
    await noor.click(first_button(noor.last_question()), question=False)
    await mark.receives("Toekomstplan")
    await noor.send_text("/help", question=False)  # any turn wakes the courier again
    await mark.receives("PDF")
    summaries = [m for m in mark.bot_messages if "Toekomstplan" in m.get("text", "")]
    assert len(summaries) == 1 and len(tg.documents) == 1
    assert queued(tg.store) == 0
