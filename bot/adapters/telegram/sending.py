"""Sending rendered messages to one chat: the text in pieces with the buttons on the last
piece, then the files (a picture as a photo, anything else as a document).

Used for the reply to a user's own turn and for outbox deliveries to other people alike.
Each :class:`Request` is one Bot API call, so a delivery can resume after the last one
that went through. Texts go out as plain JSON through PTB's rate-limited ``do_api_request``,
and Telegram's answer is not turned into PTB objects nobody reads: for a bot that sends
several messages a turn, that was a large part of its CPU time.
"""

from __future__ import annotations

import logging
import warnings
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from telegram import Bot, CallbackQuery, InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.warnings import PTBUserWarning

from bot.adapters.telegram.render import Markup, invite_link, joined, keyboard
from bot.adapters.telegram.splitting import split_text, visible_length
from bot.i18n import escape
from bot.messages import Attachment, Message

log = logging.getLogger(__name__)
# PTB asks to use its typed methods for the methods it knows; here that is on purpose.
warnings.filterwarnings("ignore", "Please use 'Bot.", PTBUserWarning, r"bot\.adapters\.telegram")
NO_PREVIEW = {"is_disabled": True}  # link_preview_options: an invite link shows no preview
PHOTO_TYPES = ("image/png", "image/jpeg")
CAPTION_LIMIT = 1024  # characters, Telegram's limit for a file's caption
CARRIED: ContextVar[dict[str, Any] | None] = ContextVar("carried", default=None)
"""While a webhook call's update is handled: the one Bot API call its answer may carry
(:mod:`bot.adapters.telegram.webhook`), empty until one is put there."""


@dataclass(frozen=True, slots=True)
class Request:
    """One message to send: a piece of HTML text (with the buttons, on the last piece of a
    question), or a file."""

    text: str = ""  # with a file: its caption (HTML)
    markup: Markup | None = None
    attachment: Attachment | None = None


def text_of(message: Message, bot_username: str) -> str:
    """The HTML text; a forwardable invitation ends with its personal t.me link."""
    if message.invite:
        return f"{message.text}\n\n{escape(invite_link(bot_username, message.invite))}"
    return message.text


def requests(messages: list[Message], bot_username: str) -> list[Request]:
    found: list[Request] = []
    for message in joined(messages):
        text = text_of(message, bot_username)
        if is_caption(message, text):  # "Dit is jouw netwerk." under the picture itself
            found.append(Request(text, attachment=message.attachments[0]))
            continue
        if text.strip() or not message.attachments:
            pieces = split_text(text)
            found += [Request(piece) for piece in pieces[:-1]]
            found.append(Request(pieces[-1], keyboard(message)))
        found += [Request(attachment=attachment) for attachment in message.attachments]
    return found


def is_caption(message: Message, text: str) -> bool:
    """A text that only introduces its one file goes under it (one bubble), when it fits."""
    return (message.introduces_file and len(message.attachments) == 1
            and not message.attachments[0].caption and not message.choices
            and not message.invite and visible_length(text) <= CAPTION_LIMIT)


async def send(bot: Bot, chat_id: int, messages: list[Message]) -> None:
    for request in requests(messages, bot.username):
        await perform(bot, chat_id, request)


async def call(bot: Bot, method: str, fields: dict[str, Any]) -> Any:
    """One Bot API method with HTML text and no link previews, rate-limited like all
    others; Telegram's answer as plain JSON."""
    if "text" in fields:
        fields = fields | {"parse_mode": "HTML", "link_preview_options": NO_PREVIEW}
    return await bot.do_api_request(method, fields)


async def perform(bot: Bot, chat_id: int, request: Request) -> None:
    """Send one request. A file's own caption is plain text, shown escaped."""
    attachment = request.attachment
    if attachment is None:
        fields: dict[str, Any] = {"chat_id": chat_id, "text": request.text}
        if request.markup is not None:
            fields["reply_markup"] = request.markup
        await call(bot, "sendMessage", fields)
        return
    upload = InputFile(attachment.data, filename=attachment.filename)
    caption = request.text or escape(attachment.caption) or None
    if attachment.mime_type in PHOTO_TYPES:
        await bot.send_photo(chat_id, upload, caption=caption, parse_mode=ParseMode.HTML)
    else:
        await bot.send_document(chat_id, upload, caption=caption, parse_mode=ParseMode.HTML)


async def answer(query: CallbackQuery, toast: str | None = None) -> None:
    """Stop the button's spinner (a toast is plain text). A press Telegram considers too old
    is still handled.

    A press that came by webhook is answered in the webhook call's answer (Telegram makes
    that call once the update is handled): one request less for every press, and its result
    was never read anyway. By polling, or for a second answer, it is a request."""
    fields = {"callback_query_id": query.id} | ({"text": toast} if toast else {})
    carried = CARRIED.get()
    if carried is not None and not carried:
        carried.update(method="answerCallbackQuery", **fields)
        return
    try:
        await query.get_bot().do_api_request("answerCallbackQuery", fields)
    except BadRequest as error:
        log.info("button press not answered: %s", type(error).__name__)
