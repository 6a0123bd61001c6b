"""Groups, channels and inline messages on Telegram: one pointer to the private chat, then
the bot leaves; a press there gets a notice on the button only; nothing is stored; and a group
full of messages never holds up the youth talking to the bot in private."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from bot.storage.tables import users
from bot.storage.unit_of_work import UnitOfWork
from tests.telegram_fake.interview import INTERVIEW, interview
from tests.telegram_fake.people import FakeGroup, FakeUser
from tests.telegram_fake.server import FakeTelegram

POINTER = "Ik werk alleen in een privégesprek. Stuur me daar een bericht: @toekomstplan_test_bot"


def stored_users(tg: FakeTelegram) -> int:
    with tg.store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(users)).scalar_one()


def left(tg: FakeTelegram, chat_id: int) -> int:
    return sum(1 for call in tg.calls_of("leaveChat") if call.params["chat_id"] == chat_id)


async def test_a_group_or_channel_gets_one_pointer_then_the_bot_leaves(tg: FakeTelegram) -> None:
    member = FakeUser(tg, 4003, "Lid")
    group = FakeGroup(tg, -100200300, "Klas 4B")
    for text in ("/start", "hoi", "/plan", "ik wil dood"):
        group.post(member, text)
    assert (await group.left())["text"] == POINTER
    group.post(member, "nog iets")  # already on its way when the bot left
    other = FakeUser(tg, 4004, "Ander")
    await other.send_text("/start")  # (by now the group's last message was handled too)
    assert len(group.bot_messages) == 1 and left(tg, group.chat.id) == 1

    channel = FakeGroup(tg, -100999, "Nieuws", kind="channel")
    for _ in range(3):
        channel.post(None, "hallo")
    assert (await channel.left())["text"] == POINTER

    added = FakeGroup(tg, -100200400, "Vrienden")  # left as soon as it is added
    added.add_bot(member)
    assert (await added.left())["text"] == POINTER
    assert left(tg, channel.chat.id) == left(tg, added.chat.id) == 1
    assert not member.bot_messages and stored_users(tg) == 1  # only Ander's private chat


async def test_a_press_in_a_group_or_on_an_inline_message_only_gets_a_notice(
        tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4010, "Sem")
    group = FakeGroup(tg, -100200500, "Klas 4C")
    await group.press(sem, "1:start")  # a welcome someone forwarded into the group
    inline = sem.press_inline("1:start")
    await sem.until(lambda: tg.was_answered(inline))
    assert group.chat.answers == [POINTER] and sem.chat.answers == [POINTER]
    assert not group.bot_messages and not sem.bot_messages  # nothing posted anywhere
    assert stored_users(tg) == 0
    await sem.send_text("/start")  # Sem's own chat starts at the beginning
    assert sem.buttons() == ["Oké, we beginnen", "Eerst meer uitleg", "Nu niet"]


async def test_a_spamming_group_does_not_hold_up_youth_talking_in_private(
        tg: FakeTelegram) -> None:
    """Telegram lets a bot post 20 messages a minute in a group: a bot answering every one
    would wait for minutes, and with it every private chat waiting behind it."""
    youth = [FakeUser(tg, 9100 + n, "Jongere") for n in range(6)]
    groups = [FakeGroup(tg, -100300000 - n, f"Groep {n}") for n in range(3)]
    for number in range(120):  # youth are members too, and write there meanwhile
        groups[number % 3].post(youth[number % 6], f"bericht {number}")

    async def talk(user: FakeUser) -> None:
        await user.send_text("/start")
        await interview(user, INTERVIEW[:12])

    await asyncio.gather(*(talk(user) for user in youth))
    with UnitOfWork(tg.store) as uow:
        for user in youth:
            plan = uow.conversations.load_for("telegram", str(user.id))[1].parse()[1]
            assert plan.name == "Noor" and [p.name for p in plan.people] == ["Sanne", "Ahmed"]
    for user in youth:
        assert "Dat is iedereen" in user.buttons()  # the next question, in order
        assert not user.chat.answers or set(user.chat.answers) == {None}
    for group in groups:
        assert (await group.left())["text"] == POINTER
    assert stored_users(tg) == len(youth)
