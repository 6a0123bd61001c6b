"""The bot on Telegram: the real PTB Application against a local Bot API that validates like
Telegram (``tests/telegram_fake``). Any request Telegram would refuse fails the test.

Here the conversation itself; buttons, long texts, sharing, order, safety and running the
bot have their own ``test_telegram_*`` files.
"""

from __future__ import annotations

import asyncio
import json

from bot.flows.commands import ALIASES, COMMANDS
from bot.storage.unit_of_work import UnitOfWork
from tests.telegram_fake.interview import INTERVIEW, interview
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram


async def test_start_registers_the_profile_and_asks_the_first_question(
        tg: FakeTelegram) -> None:
    dutch, english = tg.commands[None], tg.commands["en"]
    assert [c["command"] for c in dutch] == list(COMMANDS)
    assert [ALIASES[c["command"]] for c in english] == list(COMMANDS)  # English names
    assert "change" in [c["command"] for c in english]
    described = {c["command"]: (c["description"], e["description"])
                 for c, e in zip(dutch, english, strict=True)}
    assert described["plan"] == ("je plan bekijken", "see your plan")
    assert described["sos"][0].startswith("hulplijnen")
    for kind in ("description", "short_description"):
        nl, en = tg.descriptions[(kind, None)], tg.descriptions[(kind, "en")]
        assert "toekomstplan" in nl and "future plan" in en, kind
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
    assert sanne.toast is None  # a counted click needs no toast: the chat shows it
    edited = sanne.chat.messages[question["message_id"]]
    assert "reply_markup" not in edited
    assert edited["text"].endswith("→ Oké, we beginnen")
    assert sanne.last_text().endswith("Hoe mag ik je noemen?")


async def test_a_whole_interview_with_the_plan_on_request_midway(tg: FakeTelegram) -> None:
    noor = FakeUser(tg, 2001, "Noor")
    await noor.send_text("/start")
    await interview(noor, INTERVIEW[:6])
    seen = len(noor.bot_messages)
    await noor.send_text("/plan")  # any time: the plan so far, then the same question
    plan, picture, question = noor.bot_messages[seen:]
    assert "Toekomstplan van Noor" in plan["text"] and "Sanne (zus)" in plan["text"]
    assert picture["photo"]  # the network picture
    assert question["text"] == ("Wat doet Sanne voor je? Kies wat past. Meer mag ook. "
                                "Kies daarna Klaar.")
    await interview(noor, INTERVIEW[6:])
    assert "Je plan is klaar!" in noor.last_text()
    network = [m for m in noor.bot_messages if "Dit is jouw netwerk." in m.get("caption", "")]
    assert len(network) == 1 and network[0]["photo"]  # after WIE: one bubble, picture + note
    assert network[0]["caption"] == ("Mooi. Ahmed is jouw JIM in je plan.\n\n"
                                     "Dit is jouw netwerk.")
    seen = len(noor.bot_messages)
    await noor.send_text("/plan")  # the plan (and the network picture), then what to do now
    plan = noor.bot_messages[seen]["text"]
    assert noor.last_text() == "Je plan is klaar! Wat wil je nu doen?"
    assert "Sanne (zus): helpt met praktische dingen, dichtbij" in plan
    assert "Een eigen kamer → Ahmed (JIM) → deze maand" in plan
    answered = [m for m in noor.bot_messages if "\n\n→ " in m.get("text", "")]
    assert len(answered) >= 15  # each clicked question shows the choice, without buttons
    assert not any("reply_markup" in m for m in answered)


async def test_fifty_youth_at_once_without_cross_talk(tg: FakeTelegram) -> None:
    youth = [FakeUser(tg, 3000 + n, f"Jongere{n}") for n in range(50)]

    async def one(user: FakeUser) -> None:
        await user.send_text("/start")
        await user.click("Oké, we beginnen")
        await user.send_text(f"Naam{user.id}")
        await user.send_text(str(16 + user.id % 10))

    await asyncio.gather(*(one(user) for user in youth))
    for user in youth:
        texts = " ".join(m.get("text", "") for m in user.bot_messages)
        assert f"Fijn dat je er bent, Naam{user.id}." in texts
        assert user.last_text().endswith("Hoe gaat het vandaag met je?")
        others = [f"Naam{u.id}" for u in youth if u is not user]
        assert not any(name in texts for name in others)


async def started(tg: FakeTelegram, user_id: int, name: str = "Sem", **kw: str) -> FakeUser:
    user = FakeUser(tg, user_id, name, **kw)
    await user.send_text("/start")
    await user.click("Oké, we beginnen")
    return user


async def test_every_kind_of_non_text_gets_a_kind_reply_and_the_question(
        tg: FakeTelegram) -> None:
    sem = await started(tg, 4002)
    for kind in ("sticker", "photo", "voice", "video", "location", "contact", "document"):
        await sem.send_media(kind)
        assert sem.last_text().startswith("Ik kan alleen tekst lezen"), kind
        assert sem.last_text().endswith("Hoe mag ik je noemen?")
    await sem.send_text("Sem")
    await sem.edit_last_text("Semmie")
    assert "aangepast" in sem.last_text()
    assert "Hoe oud ben je?" in sem.last_text()
    assert sem.chat.messages  # nothing of the media is stored: only what kind it was
    with UnitOfWork(tg.store) as uow:
        plan = uow.conversations.load_for("telegram", "4002")[1].parse()[1]
    assert plan.name == "Sem"  # the edit did not change the answer


async def test_names_with_markup_characters_are_shown_exactly(tg: FakeTelegram) -> None:
    jan = await started(tg, 4004)
    await jan.send_text('<Jan & "Co">')  # one name here: what the youth wants to be called
    assert 'Fijn dat je er bent, <Jan & "Co">.' in jan.last_text()
    await jan.send_text("17")
    await jan.click("Goed")
    await jan.click("Nee")
    await jan.send_text("Sanne")
    await jan.send_text("/wijzig")
    await jan.click("Mensen om je heen")
    await jan.click("Sanne")
    await jan.click("De naam")
    await jan.send_text('<i>Kees</i>&Zn')  # as typed, not as markup
    assert 'In je plan staat nu: <i>Kees</i>&Zn.' in jan.last_text()
    await jan.send_text("/plan")
    plan = "\n".join(m.get("text", "") for m in jan.bot_messages[-4:])
    assert 'Toekomstplan van <Jan & "Co">' in plan and '• <i>Kees</i>&Zn' in plan


async def test_language_follows_the_client_and_changes_with_taal(tg: FakeTelegram) -> None:
    sam = FakeUser(tg, 4006, "Sam", language_code="en-GB")
    await sam.send_text("/start")
    assert "Shall we start?" in sam.last_text()
    await FakeUser(tg, 4007, "Sanne", language_code="de").send_text("/start")
    with UnitOfWork(tg.store) as uow:
        english = uow.conversations.load_for("telegram", "4006")[1].parse()[0]
        other = uow.conversations.load_for("telegram", "4007")[1].parse()[0]
    assert (english.lang, other.lang) == ("en", "nl")
    await sam.send_text("/taal")
    await sam.click("Nederlands")
    assert sam.last_text().endswith("Zullen we beginnen?")


async def test_my_data_arrives_as_documents(tg: FakeTelegram) -> None:
    sem = await started(tg, 4009)
    await sem.send_text("Sem")
    await sem.send_text("/mijngegevens")
    document, pdf = tg.documents
    assert document["filename"] == "mijn-gegevens.json"
    assert json.loads(document["data"])["now"]["plan"]["name"] == "Sem"
    assert pdf["filename"].startswith("toekomstplan-sem-") and pdf["data"].startswith(b"%PDF")
    assert sem.last_text().endswith("Hoe oud ben je? Dat hoef je niet te zeggen.")
