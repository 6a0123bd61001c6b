"""Groups, channels and inline messages: the bot works only in private chats.

The first update from a group or channel (or the bot being added to one) gets one short line
saying where the bot works, and the bot leaves the chat; whatever that chat still sends is
dropped unread. A button pressed outside a private chat (a question forwarded into a group,
an inline message) gets the same line on the button only: nothing is posted anywhere.
Nothing from these chats is stored.

None of it may take what private chats need. These updates skip the per-user queues and the
processing slots (:mod:`bot.adapters.telegram.ordering`); their Bot API calls go a few at a
time, a group's pointer at a calm pace, and what does not fit in a short backlog is dropped,
so a storm of groups or presses uses at most a sliver of the transport and of Telegram's
budget of messages per second.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Chat, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.adapters.telegram.flood import FloodGate, Verdict
from bot.adapters.telegram.remembered import Remembered
from bot.adapters.telegram.sending import answer
from bot.adapters.telegram.updates import language_of
from bot.i18n import N_, Translator

log = logging.getLogger(__name__)
POINTER = N_("Ik werk alleen in een privégesprek. Stuur me daar een bericht: @{bot}")
CALLS = 2  # Bot API calls for these chats at a time (the transport has 16 connections)
PACE = 1.0  # seconds a pointer holds its call slot: at most ~4 calls a second for groups
BACKLOG = 50  # updates waiting for a call slot; beyond it, new ones are dropped unread


class Elsewhere:
    """Answers chats that are not private: once per chat, then leaves; presses get a toast."""

    def __init__(self, gate: FloodGate) -> None:
        self.gate = gate  # the private chats' own gate: a presser flooding here is one person
        self._answered = Remembered()  # chats answered (and left), the newest 10,000
        self._calls = asyncio.Semaphore(CALLS)
        self._waiting = 0

    def _first_time(self, chat_id: int) -> bool:
        """True once per chat (while remembered), and only while the backlog has room."""
        if chat_id in self._answered or self._waiting >= BACKLOG:
            return False
        return self._answered.first_time(chat_id)

    async def message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A message or post in a group or channel: the pointer, then leave."""
        chat = update.effective_chat
        if chat is None or chat.type == Chat.PRIVATE or not self._first_time(chat.id):
            return
        t = Translator(language_of(update))
        self._waiting += 1
        try:
            async with self._calls:
                try:
                    await context.bot.send_message(
                        chat.id, t(POINTER, bot=context.bot.username), parse_mode="HTML")
                except TelegramError as error:  # e.g. no right to post in a channel
                    log.info("could not answer in a %s chat: %s", chat.type,
                             type(error).__name__)
                try:
                    await context.bot.leave_chat(chat.id)
                except TelegramError as error:
                    log.info("could not leave a %s chat: %s", chat.type, type(error).__name__)
                await asyncio.sleep(PACE)
        finally:
            self._waiting -= 1

    async def added(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The bot was added to a group or channel: it answers and leaves at once."""
        change = update.my_chat_member
        if change is not None and change.new_chat_member.status in ("member", "administrator"):
            await self.message(update, context)

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button pressed outside a private chat: a toast says where the bot works."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or self._waiting >= BACKLOG:
            return
        if self.gate.check(user.id) is not Verdict.PASS:
            return  # a flood of presses: not answered at all (the spinner stops by itself)
        t = Translator(language_of(update))
        self._waiting += 1
        try:
            async with self._calls:
                await answer(query, t.plain(POINTER, bot=context.bot.username))
        finally:
            self._waiting -= 1
