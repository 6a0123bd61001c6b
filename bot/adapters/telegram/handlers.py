"""What the bot does with each kind of Telegram update.

Every private-chat update becomes one :class:`~bot.flows.messages.UserInput` and one turn;
the reply is sent only after the turn is committed. Nothing from groups or channels is stored.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import CallbackQuery, Chat, InputFile, LinkPreviewOptions, Update
from telegram import Message as TgMessage
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.adapters.telegram.flood import FloodGate, Verdict
from bot.adapters.telegram.render import (
    TEXT_LIMIT,
    invite_link,
    joined,
    keyboard,
    read_callback,
    split_text,
)
from bot.flows.messages import Message, Reply, UserInput
from bot.i18n import N_, Translator, escape
from bot.turns import Turns

CHANNEL = "telegram"
log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def language_of(update: Update) -> str:
    code = (update.effective_user.language_code if update.effective_user else None) or ""
    return "en" if code.startswith("en") else "nl"


class Handlers:
    def __init__(self, turns: Turns, gate: FloodGate | None = None) -> None:
        self.turns = turns
        self.gate = gate or FloodGate()
        self._checks = 0

    async def _admitted(self, update: Update) -> bool:
        """False for messages over the flood limit (the first of those gets a notice)."""
        user, chat = update.effective_user, update.effective_chat
        assert user is not None and chat is not None
        self._checks += 1
        if self._checks % 1000 == 0:
            self.gate.forget_idle()
        verdict = self.gate.check(user.id)
        if verdict is Verdict.WARN:
            t = Translator(language_of(update))
            await chat.send_message(t(N_(
                "Je stuurt veel berichten snel na elkaar. Die lees ik even niet. "
                "Wacht een paar tellen, dan gaan we verder.")))
        return verdict is Verdict.PASS

    async def _turn(self, update: Update, user_input: UserInput) -> Reply:
        user = update.effective_user
        assert user is not None
        return await asyncio.to_thread(self.turns.handle, CHANNEL, str(user.id), user_input,
                                       language_of(update))

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.message.text is not None
        if not await self._admitted(update):
            return
        reply = await self._turn(update, UserInput.typed(update.message.text))
        await send(update.message.chat, reply.messages)

    async def media(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        if not await self._admitted(update):
            return
        caption = update.message.caption or ""
        reply = await self._turn(update, UserInput.media(media_kind(update.message), caption))
        await send(update.message.chat, reply.messages)

    async def edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.edited_message is not None
        if not await self._admitted(update):
            return
        reply = await self._turn(update, UserInput.edited(update.edited_message.text or ""))
        await send(update.edited_message.chat, reply.messages)

    async def click(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        reply = await self._turn(update, read_callback(query.data))
        messages = list(reply.messages)
        clicked = query.message if isinstance(query.message, TgMessage) else None
        if clicked is not None:
            if messages and messages[0].replaces_previous:
                await edit_question(query, messages.pop(0))
            else:
                await close_question(query, clicked, reply.chosen)
        if messages:
            chat = update.effective_chat
            assert chat is not None
            await send(chat, messages)

    async def elsewhere(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Groups and channels: say where the bot works; store nothing."""
        chat = update.effective_chat
        if chat is None:
            return
        t = Translator(language_of(update))
        text = t(N_("Ik werk alleen in een privégesprek. Stuur me daar een bericht: @{bot}"),
                 bot=context.bot.username)
        try:
            await chat.send_message(text, parse_mode=ParseMode.HTML)
        except TelegramError as error:  # e.g. no right to post in a channel
            log.info("could not answer in a %s chat: %s", chat.type, type(error).__name__)


def media_kind(message: TgMessage) -> str:
    for kind in ("sticker", "photo", "voice", "video", "video_note", "audio", "animation",
                 "document", "location", "venue", "contact", "poll", "dice"):
        if getattr(message, kind, None):
            return kind
    return "other"


async def send(chat: Chat, messages: list[Message]) -> None:
    for message in joined(messages):
        text = message.text
        if message.invite:  # the forwardable invitation ends with its personal link
            text += "\n\n" + escape(invite_link(chat.get_bot().username, message.invite))
        pieces = split_text(text)
        for number, piece in enumerate(pieces, start=1):
            await chat.send_message(piece, parse_mode=ParseMode.HTML,
                                    reply_markup=keyboard(message) if number == len(pieces)
                                    else None, link_preview_options=NO_PREVIEW)
        for attachment in message.attachments:
            await chat.send_document(InputFile(attachment.data, filename=attachment.filename),
                                     caption=attachment.caption or None)


async def edit_question(query: CallbackQuery, message: Message) -> None:
    """A multi-choice question after a toggle: same message, new marks."""
    await _quietly(query.edit_message_text(split_text(message.text)[-1],
                                           parse_mode=ParseMode.HTML,
                                           reply_markup=keyboard(message),
                                           link_preview_options=NO_PREVIEW))


async def close_question(query: CallbackQuery, clicked: TgMessage, chosen: str | None) -> None:
    """Show the chosen answer under its question and take the buttons away.

    A click that did not count (an old or unknown button) only loses its buttons.
    """
    if clicked.reply_markup is None or not clicked.reply_markup.inline_keyboard:
        return
    shown = f"{clicked.text_html}\n\n<i>→ {escape(chosen)}</i>" if chosen else None
    if shown and len(shown) <= TEXT_LIMIT and clicked.text:
        await _quietly(query.edit_message_text(shown, parse_mode=ParseMode.HTML,
                                               link_preview_options=NO_PREVIEW))
    else:
        await _quietly(query.edit_message_reply_markup(reply_markup=None))


async def _quietly(edit) -> None:  # type: ignore[no-untyped-def]
    """An edit may race a second click on the same message; losing that race is harmless."""
    try:
        await edit
    except BadRequest as error:
        log.info("edit not applied: %s", type(error).__name__)
