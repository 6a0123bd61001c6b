"""People on the fake Telegram: they send what real clients send and read what the bot did."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any

from tests.telegram_fake.server import BOT, Chat, FakeTelegram

QUIET = 0.25  # seconds without bot activity after which a reply counts as complete
_media_ids = itertools.count(1)


class FakeUser:
    """A person in a private chat with the bot."""

    def __init__(self, tg: FakeTelegram, user_id: int, first_name: str,
                 language_code: str = "nl", last_name: str = "", username: str = "") -> None:
        self.tg = tg
        self.id = user_id
        self.json = {"id": user_id, "is_bot": False, "first_name": first_name,
                     "language_code": language_code}
        self.json.update({key: value for key, value in (("last_name", last_name),
                                                         ("username", username)) if value})
        self.chat = tg.chats.setdefault(user_id, Chat(user_id, "private",
                                                     first_name=first_name))
        self._own_ids = itertools.count(10_000_000)
        self._last_text_message: dict[str, Any] | None = None

    # --- what the user does ---------------------------------------------------------------
    def _message(self, **content: Any) -> dict[str, Any]:
        message = {"message_id": next(self._own_ids), "from": self.json,
                   "chat": self.chat.as_json(), "date": int(time.time()), **content}
        self.chat.messages[message["message_id"]] = message
        return message

    async def _act(self, kind: str, payload: dict[str, Any], question: bool | int = True
                   ) -> list[dict[str, Any]]:
        seen = {m["message_id"]: dict(m) for m in self.bot_messages}
        self.tg.push_update(kind, payload)
        return await self._settle(seen, question)

    async def send_text(self, text: str, question: bool | int = True
                        ) -> list[dict[str, Any]]:
        """Send a message; returns the bot messages that are new or changed afterwards."""
        message = self._message(**_typed(text))
        self._last_text_message = message
        return await self._act("message", message, question)

    def push_text(self, text: str) -> None:
        """Send a message without waiting for the answer (a thumb faster than the bot)."""
        self.tg.push_update("message", self._message(**_typed(text)))

    async def send_media(self, kind: str, caption: str = "", question: bool | int = True
                         ) -> list[dict[str, Any]]:
        number = next(_media_ids)
        file = {"file_id": f"f{number}", "file_unique_id": f"u{number}"}
        content: dict[str, Any] = {
            "sticker": {"sticker": {**file, "type": "regular", "width": 512, "height": 512,
                                    "is_animated": False, "is_video": False}},
            "photo": {"photo": [{**file, "width": 90, "height": 90}]},
            "voice": {"voice": {**file, "duration": 3}},
            "video": {"video": {**file, "width": 10, "height": 10, "duration": 1}},
            "location": {"location": {"latitude": 52.26, "longitude": 6.79}},
            "contact": {"contact": {"phone_number": "+31600000000", "first_name": "Els"}},
            "document": {"document": {**file, "file_name": "cv.pdf"}},
        }[kind]
        if caption:
            content["caption"] = caption
        return await self._act("message", self._message(**content), question)

    async def edit_last_text(self, text: str, question: bool | int = True
                             ) -> list[dict[str, Any]]:
        assert self._last_text_message is not None
        edited = {**self._last_text_message, "text": text, "edit_date": int(time.time())}
        return await self._act("edited_message", edited, question)

    async def click(self, label: str, message: dict[str, Any] | None = None,
                    question: bool | int = True) -> list[dict[str, Any]]:
        """Press the button with this label on the newest message that has it."""
        candidates = [message] if message else list(reversed(self.bot_messages))
        for candidate in candidates:
            for row in candidate.get("reply_markup", {}).get("inline_keyboard", []):
                for button in row:
                    if button["text"] == label or button["text"] == f"✅ {label}":
                        return await self.click_data(button["callback_data"], candidate,
                                                     question)
        raise AssertionError(f"no button {label!r}; last: {self.last_text()!r}")

    async def click_data(self, data: str, message: dict[str, Any],
                         question: bool | int = True, age: float = 0.0
                         ) -> list[dict[str, Any]]:
        """A callback query with any data at all: also forged or replayed ones; ``age``
        seconds old (over 15 s: too old for the bot to answer).

        Like Telegram, the query carries the message as it is now (after any edits). With
        ``question=False`` it returns once the press is answered and the chat is quiet.
        """
        current = self.chat.messages.get(message["message_id"], message)
        query_id = self.tg.new_query_id(self.id, age)
        query = {"id": query_id, "from": self.json, "message": dict(current),
                 "chat_instance": str(self.id), "data": data}
        seen = {m["message_id"]: dict(m) for m in self.bot_messages}
        self.tg.push_update("callback_query", query)
        return await self._settle(seen, question, query_id)

    def press_inline(self, data: str) -> str:
        """A press on an inline message (one that belongs to no chat); returns the query id."""
        query_id = self.tg.new_query_id(self.id)
        self.tg.push_update("callback_query", {"id": query_id, "from": self.json,
                                               "inline_message_id": f"inline{query_id}",
                                               "chat_instance": "inline", "data": data})
        return query_id

    async def double_click(self, label: str) -> list[dict[str, Any]]:
        """Two presses on the same button of the newest question before the bot answered
        the first (a double tap): both carry the question as it was, buttons and all."""
        question = self.last_question()
        (data,) = [b["callback_data"] for row in question["reply_markup"]["inline_keyboard"]
                   for b in row if b["text"] == label]
        seen = {m["message_id"]: dict(m) for m in self.bot_messages}
        ids = []
        for _ in range(2):
            ids.append(self.tg.new_query_id(self.id))
            self.tg.push_update("callback_query", {
                "id": ids[-1], "from": self.json, "message": dict(question),
                "chat_instance": str(self.id), "data": data})
        await self._settle(seen, True, ids[0])
        await self.until(lambda: self.tg.was_answered(ids[1]))
        return [m for m in self.bot_messages if seen.get(m["message_id"]) != m]

    @property
    def toast(self) -> str | None:
        """The text shown for the last button press answered (None: answered silently)."""
        return self.chat.answers[-1] if self.chat.answers else None

    # --- what the user sees ---------------------------------------------------------------
    @property
    def bot_messages(self) -> list[dict[str, Any]]:
        return [m for m in self.chat.messages.values() if m["from"]["id"] == BOT["id"]]

    async def until(self, check: Callable[[], object], timeout: float = 20.0) -> None:
        """Wait until ``check()`` holds, looking again after everything the bot does in this
        chat (for what arrives on its own, or after the reply that was waited for)."""
        deadline = time.monotonic() + timeout
        while True:
            version = self.tg.version(self.id)
            if check():
                return
            try:
                await asyncio.wait_for(self.tg.activity_after(self.id, version),
                                       max(deadline - time.monotonic(), 0))
            except TimeoutError:
                raise AssertionError("what the test waited for never happened") from None

    async def receives(self, fragment: str, after: int = 0, timeout: float = 20.0
                       ) -> dict[str, Any]:
        """The first bot message from number ``after`` on whose text or caption has
        ``fragment``, once it is there (messages from someone else's turn arrive on their
        own)."""

        def found() -> dict[str, Any] | None:
            return next((m for m in self.bot_messages[after:]
                         if fragment in m.get("text", m.get("caption", ""))), None)

        await self.until(found, timeout)
        message = found()
        assert message is not None
        return message

    def last_text(self) -> str:
        texts = [m.get("text", "") for m in self.bot_messages]
        return texts[-1] if texts else ""

    def last_question(self) -> dict[str, Any]:
        return next(m for m in reversed(self.bot_messages) if m.get("reply_markup"))

    def buttons(self, message: dict[str, Any] | None = None) -> list[str]:
        message = message or self.last_question()
        return [b["text"] for row in message.get("reply_markup", {}).get("inline_keyboard", [])
                for b in row]

    async def _settle(self, before: dict[int, dict[str, Any]], question: bool | int,
                      query_id: str | None = None, timeout: float = 20.0
                      ) -> list[dict[str, Any]]:
        """Wait for the bot's answer; return what is new or changed.

        ``question=True``: complete when it ends with a new or changed question (a message
        with buttons). ``False``: once the chat has been quiet for a moment. A number: once
        that many messages are new or changed. A button press must also have been answered.
        """
        deadline = time.monotonic() + timeout
        while True:
            version = self.tg.version(self.id)
            changed = [m for m in self.bot_messages if before.get(m["message_id"]) != m]
            answered = query_id is None or self.tg.was_answered(query_id)
            if answered and changed and question is True \
                    and changed[-1] is self.bot_messages[-1] and "reply_markup" in changed[-1]:
                return changed
            if answered and question is not True and not isinstance(question, bool) \
                    and len(changed) >= question:
                return changed
            quiet = question is False and answered and (changed or query_id is not None)
            wait = QUIET if quiet else deadline - time.monotonic()
            try:
                await asyncio.wait_for(self.tg.activity_after(self.id, version), max(wait, 0))
            except TimeoutError:
                if quiet:
                    return changed
                raise AssertionError("the bot did not answer") from None


def _typed(text: str) -> dict[str, Any]:
    """A typed text, a command marked as Telegram marks it."""
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        command = text.split()[0]
        content["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(command.encode("utf-16-le")) // 2}]
    return content


class FakeGroup:
    """A group chat (or a channel) the bot was added to; its members may also talk to the
    bot privately."""

    def __init__(self, tg: FakeTelegram, chat_id: int, title: str, kind: str = "group"
                 ) -> None:
        self.tg = tg
        self.chat = tg.chats.setdefault(chat_id, Chat(chat_id, kind, title=title))
        self._own_ids = itertools.count(10_000_000)  # apart from the bot's message ids

    def post(self, user: FakeUser | None, text: str) -> None:
        """A member writes in the group, or the channel posts (without waiting for
        anything)."""
        message = {"message_id": next(self._own_ids), "chat": self.chat.as_json(),
                   "date": int(time.time()), "text": text}
        if user is not None:
            message["from"] = user.json
        self.chat.messages[message["message_id"]] = message
        self.tg.push_update("channel_post" if self.chat.type == "channel" else "message",
                            message)

    def add_bot(self, user: FakeUser) -> None:
        """A member adds the bot to the group."""
        self.tg.push_update("my_chat_member", {
            "chat": self.chat.as_json(), "from": user.json, "date": int(time.time()),
            "old_chat_member": {"user": BOT, "status": "left"},
            "new_chat_member": {"user": BOT, "status": "member"}})

    def push_press(self, user: FakeUser, data: str) -> str:
        """A member presses a button on a question someone forwarded into the group (without
        waiting); returns the query id. The toast lands in this chat's answers."""
        message = {"message_id": next(self._own_ids), "from": user.json,
                   "chat": self.chat.as_json(), "date": int(time.time()),
                   "text": "Hoe mag ik je noemen?", "reply_markup": {"inline_keyboard": [
                       [{"text": "Sla over", "callback_data": data}]]}}
        query_id = self.tg.new_query_id(self.chat.id)
        self.tg.push_update("callback_query", {"id": query_id, "from": user.json,
                                               "message": message, "data": data,
                                               "chat_instance": str(self.chat.id)})
        return query_id

    async def press(self, user: FakeUser, data: str) -> None:
        """:meth:`push_press`, returning once the press is answered."""
        query_id = self.push_press(user, data)
        while not self.tg.was_answered(query_id):
            await self.tg.activity_after(self.chat.id, self.tg.version(self.chat.id))

    async def left(self) -> dict[str, Any]:
        """Once the bot has left: its one message here."""
        while not self.chat.left:
            await self.tg.activity_after(self.chat.id, self.tg.version(self.chat.id))
        (pointer,) = self.bot_messages
        return pointer

    @property
    def bot_messages(self) -> list[dict[str, Any]]:
        return [m for m in self.chat.messages.values()
                if m.get("from", {}).get("id") == BOT["id"]]
