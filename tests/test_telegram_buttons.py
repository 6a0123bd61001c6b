"""Buttons on Telegram: every press is answered; a press that counts shows its answer under
the question; an old, forged or too-old press changes nothing it shouldn't and leaves the
youth's chat clean."""

from __future__ import annotations

import asyncio
from pathlib import Path

from telegram import Bot, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, User

from bot.adapters.telegram.handlers import after_press
from bot.adapters.telegram.remembered import Remembered
from bot.messages import Choice, Message, Reply
from bot.storage.unit_of_work import UnitOfWork
from tests.telegram_fake.interview import INTERVIEW
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram


def stored_name(tg: FakeTelegram, user: FakeUser) -> str | None:
    with UnitOfWork(tg.store) as uow:
        return uow.conversations.load_for("telegram", str(user.id))[1].parse()[1].name


async def test_stale_and_forged_presses_get_a_toast_and_leave_the_chat_alone(
        tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4001, "Sem")
    await sem.send_text("/start")
    welcome = dict(sem.last_question())
    start_data = welcome["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await sem.click("Oké, we beginnen")
    question = sem.last_question()
    messages = len(sem.bot_messages)

    assert await sem.click_data(start_data, welcome, question=False) == []  # replayed
    assert sem.toast == "Die vraag is al beantwoord."
    step = question["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[0]
    for forged in ["garbage", ":", "1:", "s:", f"{step}:p99", f"{step}:" + "x" * 50]:
        assert await sem.click_data(forged, question, question=False) == [], forged
        assert sem.toast == "Die knop werkt niet.", forged
    assert await sem.click_data("999:start", question, question=False) == []
    assert sem.toast == "Die vraag is al beantwoord."  # a step that is not the current one
    assert len(sem.bot_messages) == messages
    assert sem.chat.messages[question["message_id"]] == question  # buttons still there
    assert stored_name(tg, sem) is None

    await sem.send_text("Sem")  # typed: the old question keeps its buttons ...
    messages = len(sem.bot_messages)
    await sem.click("Sla over", message=question, question=False)  # ... a late press on them
    assert sem.toast == "Die vraag is al beantwoord."
    assert "reply_markup" not in sem.chat.messages[question["message_id"]]  # tidied away
    assert len(sem.bot_messages) == messages
    assert sem.last_text().endswith("Hoe oud ben je? Dat hoef je niet te zeggen.")
    assert stored_name(tg, sem) == "Sem"
    assert len(tg.calls_of("answerCallbackQuery")) == 10  # every press, once


async def test_a_press_too_old_to_answer_still_counts(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4014, "Sem")
    await sem.send_text("/start")
    welcome = sem.last_question()
    data = welcome["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await sem.click_data(data, welcome, age=20)  # answered after Telegram's 15 seconds
    (refused,) = tg.take_errors()
    assert refused.method == "answerCallbackQuery" and "query is too old" in refused.error
    assert sem.chat.messages[welcome["message_id"]]["text"].endswith("→ Oké, we beginnen")
    assert sem.last_text().endswith("Hoe mag ik je noemen?")
    assert not any("Er ging iets mis" in m.get("text", "") for m in sem.bot_messages)


async def test_toggles_on_a_multi_choice_question_edit_it_in_place(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4015, "Sem")
    await sem.send_text("/start")
    await sem.click("Oké, we beginnen")
    for answer in ("Sem", "17"):
        await sem.send_text(answer)
    await sem.click("Goed")
    await sem.click("Nee")
    await sem.send_text("mijn zus Sanne")
    question = sem.last_question()
    count = len(sem.bot_messages)
    await sem.click("Helpt met praktische dingen")
    await sem.click("Geeft me advies")
    assert len(sem.bot_messages) == count  # the same message, marks changed
    marked = [b for b in sem.buttons(sem.chat.messages[question["message_id"]])
              if b.startswith("✅")]
    assert marked == ["✅ Helpt met praktische dingen", "✅ Geeft me advies"]
    await sem.click("Klaar")
    assert "→ Klaar" in sem.chat.messages[question["message_id"]]["text"]


async def test_a_toggled_question_too_long_for_one_message_is_sent_again_whole(
        tmp_path: Path) -> None:
    """No question is that long today; if one ever is, no part of it may be lost."""
    async with FakeTelegram() as tg:
        user = FakeUser(tg, 4016, "Sem")
        async with Bot(tg.token, base_url=tg.base_url) as bot:
            shown = await bot.send_message(user.id, "Kies wat past.", reply_markup=(
                InlineKeyboardMarkup([[InlineKeyboardButton("Een", callback_data="3:a")]])))
            query = CallbackQuery(tg.new_query_id(user.id), User(user.id, "Sem", False),
                                  str(user.id), message=shown, data="3:a")
            query.set_bot(bot)
            long = Message("\n\n".join(["Lange uitleg " + str(n) + " " + "bla " * 300
                                        for n in range(6)]),
                           choices=(Choice("a", "✅ Een"),), step=3, multi=True,
                           replaces_previous=True)
            await after_press(bot, user.id, query, shown, Reply([long], "Een"), 3,
                              Remembered())
        assert "reply_markup" not in user.chat.messages[shown.message_id]
        assert user.chat.messages[shown.message_id]["text"] == "Kies wat past."
        pieces = user.bot_messages[1:]
        assert [p["text"].count("Lange uitleg") for p in pieces] == [3, 3]  # whole paragraphs
        assert pieces[1]["text"].startswith("Lange uitleg 3 ")
        assert "reply_markup" not in pieces[0] and user.buttons(pieces[1]) == ["✅ Een"]
        tg.assert_no_errors()


async def test_a_welcome_button_pressed_after_erasing_everything_starts_afresh(
        tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4020, "Sem")
    await sem.send_text("/start")
    old_welcome = dict(sem.last_question())
    await sem.send_text("/verwijder")
    await sem.click("Ja, wis alles", question=False)
    await sem.click("Oké, we beginnen", message=old_welcome)
    assert "reply_markup" not in sem.chat.messages[old_welcome["message_id"]]
    assert sem.last_text().endswith("Zullen we beginnen?")  # the new welcome, with buttons
    assert sem.buttons()[0] == "Oké, we beginnen"


async def test_a_toast_after_taal_is_in_the_new_language(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4021, "Sem")  # a Dutch phone
    await sem.send_text("/start")
    welcome = dict(sem.last_question())
    await sem.click("Oké, we beginnen")
    await sem.send_text("/taal")
    await sem.click("English")
    await sem.click("Oké, we beginnen", message=welcome, question=False)
    assert sem.toast == "That question is already answered."


async def test_a_double_tap_closes_the_question_once(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4030, "Sem")
    await sem.send_text("/start")
    welcome = sem.last_question()
    await sem.double_click("Oké, we beginnen")
    assert sem.chat.messages[welcome["message_id"]]["text"].endswith("→ Oké, we beginnen")
    assert sem.chat.answers == [None, "Die vraag is al beantwoord."]
    assert [m["text"] for m in sem.bot_messages].count("Hoe mag ik je noemen?") == 1
    assert len(tg.calls_of("editMessageText")) == 1
    assert not tg.calls_of("editMessageReplyMarkup")  # Telegram refuses an edit of nothing


async def test_twenty_youth_double_tapping_every_button_meet_no_refusal(
        tg: FakeTelegram) -> None:
    """Under load both presses of a double tap carry the question with its buttons."""

    async def double_tapping(user: FakeUser) -> None:
        await user.send_text("/start")
        for kind, value in INTERVIEW[:13]:
            if kind == "click":
                await user.double_click(value)
            else:
                await user.send_text(value)

    youth = [FakeUser(tg, 4100 + n, "Jongere") for n in range(20)]
    await asyncio.gather(*(double_tapping(user) for user in youth))
    assert not tg.errors  # (the fixture checks this as well)
    with UnitOfWork(tg.store) as uow:
        for user in youth:
            plan = uow.conversations.load_for("telegram", str(user.id))[1].parse()[1]
            assert [p.name for p in plan.people] == ["Sanne", "Ahmed"]


async def test_a_flood_of_presses_is_answered_but_not_read(
        tg_flood_limited: FakeTelegram) -> None:
    tg = tg_flood_limited
    sem = FakeUser(tg, 4031, "Sem")
    await sem.send_text("/start")
    welcome = sem.last_question()
    data = welcome["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    before = len(tg.calls)
    queries = [tg.new_query_id(sem.id) for _ in range(60)]
    for query_id in queries:  # one press replayed sixty times within a second
        tg.push_update("callback_query", {"id": query_id, "from": sem.json,
                                          "message": dict(welcome), "data": data,
                                          "chat_instance": str(sem.id)})
    await sem.until(lambda: all(tg.was_answered(q) for q in queries))
    await sem.receives("Je stuurt veel berichten snel na elkaar.")
    made = [call.method for call in tg.calls[before:] if call.method != "getUpdates"]
    assert made.count("answerCallbackQuery") == 60  # each press: its spinner stops
    assert made.count("editMessageText") == 1  # the first press counted
    assert made.count("sendMessage") == 2  # the next question, and one calm notice
    assert len(made) == 63  # (three a press made 180)


async def test_after_a_reply_that_never_arrived_the_question_is_sent_again(
        tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4032, "Sem")
    await sem.send_text("/start")
    tg.break_next("sendMessage")  # Telegram fails to deliver "Hoe mag ik je noemen?"
    await sem.click("Oké, we beginnen", question=False)
    assert "Er ging iets mis" in sem.last_text()
    await sem.send_text("hallo?")  # the retry: not the name, of a question never seen
    assert sem.last_text() == ("Mijn vorige bericht kwam niet bij je aan. Dit was mijn vraag:"
                               "\n\nHoe mag ik je noemen?")
    assert stored_name(tg, sem) is None
    await sem.send_text("Sem")  # seen now: read as the answer
    assert stored_name(tg, sem) == "Sem"
