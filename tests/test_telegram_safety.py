"""Safety on Telegram comes before everything the adapter does on its own: a message over
the flood limit is not read as an answer, yet a crisis signal in it still gets the help
lines, as does /sos; captions and edited messages are checked too."""

from __future__ import annotations

from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

SUICIDE_LINE = "0800-0113"
VEILIG_THUIS = "0800-2000"


async def flooded(tg: FakeTelegram, user_id: int) -> FakeUser:
    sem = FakeUser(tg, user_id, "Sem")
    await sem.send_text("/start")
    await sem.click("Oké, we beginnen")
    for number in range(25):
        sem.push_text(f"bericht {number}")
    return sem


async def test_a_flood_gets_one_notice_and_the_rest_is_not_read(
        tg_flood_limited: FakeTelegram) -> None:
    tg = tg_flood_limited
    sem = await flooded(tg, 4013)
    sem.push_text("nog een")
    notice = await sem.receives("Die lees ik even niet")
    assert "/sos" in notice["text"] and notice is sem.bot_messages[-1]
    notices = [m for m in sem.bot_messages if "Die lees ik even niet" in m.get("text", "")]
    assert len(notices) == 1
    answered = [m for m in sem.bot_messages if "Fijn dat je er bent" in m.get("text", "")]
    assert len(answered) == 1  # only the first message was taken as the name


async def test_over_the_flood_limit_a_crisis_still_gets_the_help_lines(
        tg_flood_limited: FakeTelegram) -> None:
    tg = tg_flood_limited
    sem = await flooded(tg, 4020)
    await sem.receives("Die lees ik even niet")
    sem.push_text("ik wil dood")
    help_lines = await sem.receives(SUICIDE_LINE)
    assert "Wat fijn dat je het zegt." in help_lines["text"]
    sem.push_text("/sos")
    overview = await sem.receives("Hulp nodig? Hier kun je terecht.")
    assert VEILIG_THUIS in overview["text"]


async def test_a_caption_or_an_edit_that_signals_a_crisis_gets_the_help_lines(
        tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4021, "Sem", language_code="nl")
    await sem.send_text("/start")
    await sem.click("Oké, we beginnen")
    await sem.send_media("photo", caption="ik wil dood")
    assert any(SUICIDE_LINE in m.get("text", "") for m in sem.bot_messages)
    await sem.send_text("Sem")
    before = len(sem.bot_messages)
    await sem.edit_last_text("hij slaat me")
    assert any(VEILIG_THUIS in m.get("text", "") for m in sem.bot_messages[before:])
