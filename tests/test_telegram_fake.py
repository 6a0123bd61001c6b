"""The fake Bot API refuses what Telegram refuses: otherwise the Telegram tests would pass on
requests that fail in production. Also the bot's own file sending, checked by it."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from telegram import Bot

from bot.adapters.telegram.sending import send
from bot.documents.network_picture import network_png
from bot.i18n import Translator
from bot.messages import Attachment, Message
from bot.plan.model import Person, Plan
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram


async def call(tg: FakeTelegram, method: str, **params: Any) -> dict[str, Any]:
    async with aiohttp.ClientSession() as session, session.post(
            f"{tg.base_url}{tg.token}/{method}", json=params) as response:
        return await response.json()


@pytest.mark.parametrize(("html", "refusal"), [
    ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
    ('<span class="other">x</span>', 'Tag "span" must have class "tg-spoiler"'),
    ("<tg-emoji>😀</tg-emoji>", 'Tag "tg-emoji" must have attribute "emoji-id"'),
    ("<a>link</a>", 'Tag "a" must have attribute "href"'),
    ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b><i>x</b></i>", "Unmatched end tag"),
    ("<p>x</p>", 'Unsupported start tag "p"'),
    ('<b x="a>b', "Unclosed start tag"),
    ("x" * 4097, "message is too long"),
    ("😀" * 2049, "message is too long"),  # 4,098 UTF-16 code units
    ("<b> </b>", "message text is empty"),
])
async def test_text_telegram_refuses_is_refused(html: str, refusal: str) -> None:
    async with FakeTelegram() as tg:
        FakeUser(tg, 1, "Sem")
        answer = await call(tg, "sendMessage", chat_id=1, text=html, parse_mode="HTML")
        assert not answer["ok"] and refusal in answer["description"]
        assert [c.method for c in tg.take_errors()] == ["sendMessage"]


async def test_markup_telegram_accepts_is_accepted() -> None:
    async with FakeTelegram() as tg:
        user = FakeUser(tg, 1, "Sem")
        for html, shown in [('<b x="a>b">vet</b>', "vet"),
                            ('<span class="tg-spoiler">geheim</span> &amp; &lt;', "geheim & <"),
                            ('<a href="https://t.me/x?start=a_b">link</a>', "link"),
                            ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
                            ("&amp;" * 4096, "&" * 4096), ("😀" * 2048, "😀" * 2048)]:
            assert (await call(tg, "sendMessage", chat_id=1, text=html, parse_mode="HTML"))["ok"]
            assert user.last_text() == shown
        tg.assert_no_errors()


async def test_a_second_long_poll_ends_the_first_with_a_conflict() -> None:
    async with FakeTelegram() as tg:
        first = asyncio.create_task(call(tg, "getUpdates", timeout=5))
        await asyncio.sleep(0.2)
        second = asyncio.create_task(call(tg, "getUpdates", timeout=0))
        assert (await first)["error_code"] == 409
        assert (await second)["ok"]
        assert [c.error for c in tg.take_errors()] == [
            "Conflict: terminated by other getUpdates request; make sure that only one bot "
            "instance is running"]


async def test_updates_a_bot_did_not_ask_for_are_not_sent() -> None:
    async with FakeTelegram() as tg:
        await call(tg, "getUpdates", allowed_updates=["message"])
        tg.push_update("message_reaction", {"chat": {"id": 1, "type": "private"}})
        tg.push_update("message", {"message_id": 1})
        updates = (await call(tg, "getUpdates"))["result"]
        assert [next(k for k in u if k != "update_id") for u in updates] == ["message"]
        assert len(tg.withheld) == 1


async def test_webhook_secret_tokens_follow_telegrams_rules() -> None:
    async with FakeTelegram() as tg:
        for secret in ("met spatie", "x" * 257, "ü"):
            answer = await call(tg, "setWebhook", url="https://example.org/t",
                                secret_token=secret)
            assert not answer["ok"] and "secret token" in answer["description"]
        assert len(tg.take_errors()) == 3
        assert (await call(tg, "setWebhook", url="https://example.org/t",
                           secret_token="A-z_09" * 42))["ok"]
        assert (await call(tg, "deleteWebhook"))["ok"]


async def test_a_retry_before_retry_after_has_passed_is_an_error() -> None:
    async with FakeTelegram() as tg:
        FakeUser(tg, 1, "Sem")
        tg.rate_limit("sendMessage", retry_after=1)
        for _ in range(2):
            answer = await call(tg, "sendMessage", chat_id=1, text="hoi")
            assert answer["error_code"] == 429 and answer["parameters"]["retry_after"] == 1
        (early,) = tg.take_errors()
        assert early.error.endswith("asked too early")
        await asyncio.sleep(1.05)
        assert (await call(tg, "sendMessage", chat_id=1, text="hoi"))["ok"]


async def test_a_button_press_left_unanswered_fails_the_test() -> None:
    async with FakeTelegram() as tg:
        tg.new_query_id(1)
        with pytest.raises(AssertionError, match="never answered"):
            tg.assert_no_errors()


async def test_pictures_go_as_photos_and_other_files_as_documents() -> None:
    plan = Plan(name="Noor", people=[Person(id="p1", name="Sanne")])
    picture = Attachment("netwerk.png", "image/png", network_png(plan, Translator("nl")),
                         caption="Jouw netwerk")
    pdf = Attachment("plan.pdf", "application/pdf", b"%PDF-1.4 test", caption="Je plan")
    async with FakeTelegram() as tg:
        user = FakeUser(tg, 1, "Noor")
        async with Bot(tg.token, base_url=tg.base_url) as bot:
            await send(bot, user.id, [Message("Hier zijn je bestanden.",
                                              attachments=(picture, pdf))])
        text, photo, document = user.bot_messages
        assert text["text"] == "Hier zijn je bestanden."
        assert photo["caption"] == "Jouw netwerk" and photo["photo"][0]["width"] == 1000
        assert document["document"]["file_name"] == "plan.pdf"
        assert tg.photos[0]["data"] == picture.data
        tg.assert_no_errors()


async def test_a_note_that_introduces_its_file_is_its_caption_plain_ones_stay_plain(
        ) -> None:
    plan = Plan(name="Noor", people=[Person(id="p1", name="Sanne")])
    picture = Attachment("netwerk.png", "image/png", network_png(plan, Translator("nl")))
    pdf = Attachment("plan.pdf", "application/pdf", b"%PDF-1.4 test", caption="<Jan & Co>")
    async with FakeTelegram() as tg:
        user = FakeUser(tg, 1, "Noor")
        async with Bot(tg.token, base_url=tg.base_url) as bot:
            await send(bot, user.id, [Message("Dit is <b>jouw</b> netwerk.",
                                              attachments=(picture,), introduces_file=True),
                                      Message("Je plan:", attachments=(pdf,),
                                              introduces_file=True)])
        photo, text, document = user.bot_messages
        assert photo["caption"] == "Dit is jouw netwerk." and "text" not in photo
        assert photo["caption_entities"][0]["type"] == "bold"
        assert text["text"] == "Je plan:"  # the file has a caption of its own
        assert document["caption"] == "<Jan & Co>"  # shown as written, not as markup
        tg.assert_no_errors()


async def test_a_call_in_a_webhook_answer_is_made_and_checked_like_a_request() -> None:
    """Telegram makes the Bot API call a webhook call's answer holds (``method`` and its
    fields); the bot never sees its result, so the fake notes it as carried, and refuses
    what it would refuse as a request."""
    answers = [lambda update: {"method": "answerCallbackQuery",
                               "callback_query_id": update["callback_query"]["id"]},
               lambda update: {"method": "sendMessage", "chat_id": 1, "text": "<b>open",
                               "parse_mode": "HTML"},
               lambda update: {"callback_query_id": "1"}]

    async def receive(request: aiohttp.web.Request) -> aiohttp.web.Response:
        return aiohttp.web.json_response(answers.pop(0)(await request.json()))

    app = aiohttp.web.Application()
    app.router.add_post("/hook", receive)
    runner = aiohttp.web.AppRunner(app)
    await runner.setup()
    site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with FakeTelegram() as tg:
            sem = FakeUser(tg, 1, "Sem")
            assert (await call(tg, "setWebhook", url=f"http://127.0.0.1:{port}/hook"))["ok"]
            query = tg.new_query_id(1)
            for _ in range(3):
                tg.push_update("callback_query", {"id": query, "from": sem.json,
                                                  "chat_instance": "1", "data": "x"})
            for _ in range(100):
                if len(tg.calls) == 4:  # setWebhook and the three carried calls
                    break
                await asyncio.sleep(0.02)
            answered, refused, without = tg.calls[1:]
            assert answered.carried and answered.ok and tg.was_answered(query)
            assert refused.carried and "end tag" in (refused.error or "")
            assert without.carried and without.error == "no method in the answer"
            assert len(tg.take_errors()) == 2
    finally:
        await runner.cleanup()
