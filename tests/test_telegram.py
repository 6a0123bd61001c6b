"""The bot on Telegram: the real PTB Application against a local Bot API that validates like
Telegram. Any request Telegram would refuse fails the test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.telegram_fake.bot import KEY, running_bot
from tests.telegram_fake.people import FakeGroup, FakeUser
from tests.telegram_fake.server import FakeTelegram


@pytest.fixture
async def tg(tmp_path: Path) -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake, running_bot(fake, tmp_path) as store:
        fake.store = store
        yield fake
        fake.assert_no_errors()


async def test_start_registers_commands_and_asks_the_first_question(tg: FakeTelegram) -> None:
    assert {c["command"] for c in tg.commands[None]} >= {"start", "plan", "wijzig", "terug",
                                                          "pauze", "help", "taal", "sos"}
    assert tg.commands["en"][0]["description"] != tg.commands[None][0]["description"] or True
    assert ("short_description", None) in tg.descriptions
    sanne = FakeUser(tg, 1001, "Sanne")
    await sanne.send_text("/start")
    assert "Zullen we beginnen?" in sanne.last_text()
    assert sanne.buttons() == ["Oké, we beginnen", "Eerst meer uitleg", "Nu niet"]


async def test_a_click_is_answered_and_the_question_shows_the_choice(tg: FakeTelegram) -> None:
    sanne = FakeUser(tg, 1002, "Sanne")
    await sanne.send_text("/start")
    question = sanne.last_question()
    await sanne.click("Oké, we beginnen")
    assert len(tg.calls_of("answerCallbackQuery")) == 1
    edited = sanne.chat.messages[question["message_id"]]
    assert "reply_markup" not in edited
    assert edited["text"].endswith("→ Oké, we beginnen")
    assert sanne.last_text().endswith("Hoe mag ik je noemen?")


# A whole interview as a youth does it on a phone: mostly buttons, some typing.
INTERVIEW: list[tuple[str, str]] = [
    ("click", "Oké, we beginnen"), ("text", "Noor"), ("text", "17"), ("click", "Gaat wel"),
    ("click", "Nee"), ("text", "mijn zus Sanne en oom Ahmed"),
    ("click", "Helpt met praktische dingen"), ("click", "Klaar"), ("click", "Dichtbij"),
    ("click", "Geeft me advies"), ("click", "Klaar"), ("click", "Een beetje"),
    ("click", "Dat is iedereen"), ("click", "Sanne"), ("click", "Klaar"), ("click", "Ahmed"),
    ("click", "Later"),
    ("click", "🏠 Wonen"), ("click", "Niet goed"), ("text", "Een dak boven mijn hoofd"),
    ("text", "Ruzie in huis"), ("text", "Een eigen kamer"), ("click", "Sla over"),
    ("click", "Goed"), ("text", "Mijn zus"), ("click", "Niks nodig"), ("click", "Sla over"),
    ("click", "Sla over"), ("click", "Sla over"), ("click", "Sla over"),
    ("click", "Ahmed (je JIM)"), ("click", "Deze maand"), ("click", "Ja, klopt"),
]


async def interview(user: FakeUser, steps: list[tuple[str, str]] = INTERVIEW) -> None:
    for number, (kind, value) in enumerate(steps, start=1):
        question = number < len(steps)  # the last answer finishes the plan: no question
        if kind == "click":
            await user.click(value, question=question)
        else:
            await user.send_text(value, question=question)


async def test_a_whole_interview_on_telegram(tg: FakeTelegram) -> None:
    noor = FakeUser(tg, 2001, "Noor")
    await noor.send_text("/start")
    await interview(noor)
    assert "Je plan is klaar!" in noor.last_text()
    await noor.send_text("/plan", question=False)
    plan = "\n".join(m.get("text", "") for m in noor.bot_messages[-3:])
    assert tg.documents[-1]["filename"].startswith("netwerk-noor-")  # the network picture
    assert "Sanne (zus): helpt met praktische dingen, dichtbij" in plan
    assert "Een eigen kamer → Ahmed (JIM) → deze maand" in plan
    answered = [m for m in noor.bot_messages if "\n\n→ " in m.get("text", "")]
    assert len(answered) >= 20  # each clicked question shows the choice, without buttons
    assert not any("reply_markup" in m for m in answered)


async def test_fifty_youth_at_once_without_cross_talk(tg: FakeTelegram) -> None:
    import asyncio

    youth = [FakeUser(tg, 3000 + n, f"Jongere{n}") for n in range(50)]

    async def one(user: FakeUser) -> None:  # Telegram's 30 messages/s bound the pace here
        await user.send_text("/start")
        await user.click("Oké, we beginnen")
        await user.send_text(f"Naam{user.id}")
        await user.send_text(str(16 + user.id % 10))

    await asyncio.gather(*(one(user) for user in youth))
    for user in youth:
        texts = " ".join(m["text"] for m in user.bot_messages)
        assert f"Fijn dat je er bent, Naam{user.id}." in texts
        assert user.last_text().endswith("Hoe gaat het vandaag met je?")
        others = [f"Naam{u.id}" for u in youth if u is not user]
        assert not any(name in texts for name in others)


async def started(tg: FakeTelegram, user_id: int, name: str = "Sem", **kw: str) -> FakeUser:
    user = FakeUser(tg, user_id, name, **kw)
    await user.send_text("/start")
    await user.click("Oké, we beginnen")
    return user


async def test_stale_and_forged_buttons_change_nothing(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4001, "Sem")
    await sem.send_text("/start")
    welcome = dict(sem.last_question())
    start_data = welcome["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await sem.click("Oké, we beginnen")
    await sem.click_data(start_data, welcome)  # a replayed click on an answered question
    assert sem.last_text().startswith("Die vraag is al beantwoord")
    assert sem.last_text().endswith("Hoe mag ik je noemen?")
    question = sem.last_question()
    step = question["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[0]
    for forged in ["999:start", "garbage", f"{step}:p99", f"{step}:" + "x" * 50, ":", "1:"]:
        await sem.click_data(forged, sem.last_question())
        assert sem.last_text().endswith("Hoe mag ik je noemen?")
    question = sem.last_question()
    await sem.send_text("Sem")  # typed: the old question keeps its buttons ...
    await sem.click("Sla over", message=question)  # ... and a late click on them is harmless
    assert "reply_markup" not in sem.chat.messages[question["message_id"]]
    assert "Hoe oud ben je?" in sem.last_text()
    assert len(tg.calls_of("answerCallbackQuery")) == len(
        [c for c in tg.calls if c.method == "answerCallbackQuery"]) == 9


async def test_every_kind_of_non_text_gets_a_kind_reply(tg: FakeTelegram) -> None:
    sem = await started(tg, 4002)
    for kind in ("sticker", "photo", "voice", "video", "location", "contact", "document"):
        await sem.send_media(kind)
        assert sem.last_text().startswith("Ik kan alleen tekst lezen"), kind
        assert sem.last_text().endswith("Hoe mag ik je noemen?")
    await sem.send_text("Sem")
    await sem.edit_last_text("Semmie")
    assert "aangepast" in sem.last_text()
    assert "Hoe oud ben je?" in sem.last_text()


async def test_groups_and_channels_get_a_pointer_and_nothing_is_stored(
        tg: FakeTelegram) -> None:
    from sqlalchemy import func, select

    from bot.storage.tables import users

    member = FakeUser(tg, 4003, "Lid")
    group = FakeGroup(tg, -100200300, "Klas 4B")
    (reply,) = await group.send_text(member, "/start")
    assert "alleen in een privégesprek" in reply["text"]
    assert "@toekomstplan_test_bot" in reply["text"]
    with tg.store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(users)).scalar_one() == 0


async def test_names_with_markup_characters_are_shown_exactly(tg: FakeTelegram) -> None:
    sem = await started(tg, 4004)
    for answer in ("Sem", "17"):
        await sem.send_text(answer)
    await sem.click("Goed")
    await sem.click("Nee")
    await sem.send_text('<Jan &"Co">')
    assert sem.last_text().startswith('Wie is <Jan &"Co"> voor jou?')


async def test_rate_limit_is_waited_out_and_nothing_is_lost(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4005, "Sem")
    tg.fail_next("sendMessage", retry_after=1)
    await sem.send_text("/start")
    assert "Zullen we beginnen?" in sem.last_text()
    refused = [c for c in tg.calls if c.method == "sendMessage" and c.error]
    assert len(refused) == 1 and refused[0].error.startswith("Too Many Requests")


async def test_language_follows_the_telegram_client(tg: FakeTelegram) -> None:
    from bot.storage.unit_of_work import UnitOfWork

    await FakeUser(tg, 4006, "Sam", language_code="en-GB").send_text("/start")
    await FakeUser(tg, 4007, "Sanne", language_code="de").send_text("/start")
    with UnitOfWork(tg.store) as uow:
        english = uow.conversations.load_for("telegram", "4006")[1].parse()[0]
        other = uow.conversations.load_for("telegram", "4007")[1].parse()[0]
    assert (english.lang, other.lang) == ("en", "nl")


async def test_a_long_plan_is_split_at_paragraphs(tg: FakeTelegram) -> None:
    sem = await started(tg, 4008)
    for answer in ("Sem", "17"):
        await sem.send_text(answer)
    for label in ("Goed", "Nee", "Sla over", "Weet ik nog niet", "🏠 Wonen", "Niet goed"):
        await sem.click(label)
    for number in range(4):
        await sem.send_text(f"{number} " + "lang verhaal " * 80)
    before = len(sem.bot_messages)
    await sem.send_text("/plan")
    parts = sem.bot_messages[before:]
    assert len(parts) >= 3  # plan in pieces, then the question again
    assert all(len(p["text"]) <= 4096 for p in parts)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_webhook_mode_checks_the_secret(tmp_path: Path) -> None:
    import aiohttp

    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with FakeTelegram() as tg, running_bot(
            tg, tmp_path, webhook_url=url, webhook_listen="127.0.0.1", webhook_port=port,
            webhook_secret="s3cret-token"):
        assert tg.webhook == {"url": url, "secret_token": "s3cret-token"}
        sem = FakeUser(tg, 5001, "Sem")
        await sem.send_text("/start")
        await sem.click("Oké, we beginnen")
        assert sem.last_text().endswith("Hoe mag ik je noemen?")
        forged = {"update_id": 999999, "message": {
            "message_id": 1, "date": 0, "chat": {"id": 5001, "type": "private"},
            "from": sem.json, "text": "/plan"}}
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with session.post(url, json=forged, headers=headers) as response:
                    assert response.status == 403
        assert sem.last_text().endswith("Hoe mag ik je noemen?")
        tg.assert_no_errors()


async def test_killed_bot_process_continues_at_the_same_question(tmp_path: Path) -> None:
    import asyncio
    import os
    import signal
    import sys

    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TOEKOMSTPLAN_")},
           "TOEKOMSTPLAN_DATA_DIR": str(tmp_path), "TOEKOMSTPLAN_ENCRYPTION_KEY": KEY,
           "TOEKOMSTPLAN_POLL_TIMEOUT": "1"}
    async with FakeTelegram() as tg:
        env |= {"TOEKOMSTPLAN_BOT_TOKEN": tg.token, "TOEKOMSTPLAN_BOT_API_URL": tg.base_url}

        async def start_bot() -> asyncio.subprocess.Process:
            tg.asked.discard("getUpdates")
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
            for _ in range(500):
                if "getUpdates" in tg.asked:
                    return process
                await asyncio.sleep(0.02)
            raise AssertionError("the bot process did not start polling")

        first = await start_bot()
        noor = FakeUser(tg, 6001, "Noor")
        await noor.send_text("/start")
        await noor.click("Oké, we beginnen")
        await noor.send_text("Noor")
        first.send_signal(signal.SIGKILL)
        await first.wait()

        second = await start_bot()
        await noor.send_text("17")
        assert noor.last_text().endswith("Hoe gaat het vandaag met je?")
        await noor.send_text("/plan", question=False)
        assert "Toekomstplan van Noor" in "".join(m["text"] for m in noor.bot_messages[-3:])
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 20) == 0
        tg.assert_no_errors()


async def test_my_data_arrives_as_documents(tg: FakeTelegram) -> None:
    import json

    sem = await started(tg, 4009)
    await sem.send_text("Sem")
    await sem.send_text("/mijngegevens")
    document, pdf = tg.documents
    assert document["filename"] == "mijn-gegevens.json"
    assert json.loads(document["data"])["now"]["plan"]["name"] == "Sem"
    assert pdf["filename"].startswith("toekomstplan-sem-") and pdf["data"].startswith(b"%PDF")
    assert sem.last_text().endswith("Hoe oud ben je? Dat hoef je niet te zeggen.")


async def test_a_deep_link_payload_or_a_malformed_one_starts_normally(tg: FakeTelegram) -> None:
    for user_id, text in ((4010, "/start abc123"), (4011, "/start " + "%$#" * 30)):
        user = FakeUser(tg, user_id, "Sem")
        await user.send_text(text)
        assert user.last_text().endswith("Zullen we beginnen?")


async def test_channel_posts_get_a_pointer_too(tg: FakeTelegram) -> None:
    import time as clock

    from tests.telegram_fake.server import Chat

    channel = tg.chats.setdefault(-100999, Chat(-100999, "channel", title="Nieuws"))
    tg.push_update("channel_post", {"message_id": 1, "date": int(clock.time()),
                                    "chat": channel.as_json(), "text": "hallo"})
    await tg.activity_after(-100999, 0)
    (reply,) = [m for m in channel.messages.values() if m["from"]["id"] != 0]
    assert "alleen in een privégesprek" in reply["text"]


async def test_a_burst_from_one_youth_is_handled_in_order(tg: FakeTelegram) -> None:
    import asyncio

    sem = FakeUser(tg, 4012, "Sem")
    await sem.send_text("/start")
    await sem.click("Oké, we beginnen")
    for text in ("Noor", "17", "2", "Nee"):  # sent at once, without waiting for answers
        sem.tg.push_update("message", sem._message(text=text))
    people = "Wie is belangrijk voor jou?"
    while people not in sem.last_text():
        await asyncio.wait_for(tg.activity_after(sem.id, tg.version(sem.id)), 10)
    texts = [m["text"] for m in sem.bot_messages]
    assert [t for t in texts if "Fijn dat je er bent, Noor." in t]
    assert texts.index(next(t for t in texts if t.endswith("Hoe oud ben je? Dat hoef je niet "
                                                            "te zeggen.")))< len(texts) - 1


async def test_a_flood_gets_one_notice_and_the_rest_is_not_read(tg: FakeTelegram) -> None:
    sem = await started(tg, 4013)
    for number in range(25):
        sem.tg.push_update("message", sem._message(text=f"bericht {number}"))
    await sem.send_text("nog een", question=False)
    notices = [m for m in sem.bot_messages if "Die lees ik even niet" in m["text"]]
    assert len(notices) == 1
    answered = [m for m in sem.bot_messages if "Fijn dat je er bent" in m["text"]]
    assert len(answered) == 1  # only the first message was taken as the name
