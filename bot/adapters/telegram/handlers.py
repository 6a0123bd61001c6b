"""What the bot does with each kind of Telegram update.

Every private-chat update becomes one :class:`~bot.messages.UserInput` and one turn;
the reply is sent only after the turn is committed, then the courier delivers what the turn
wrote for other people. Groups, channels and inline messages are answered by
:mod:`bot.adapters.telegram.elsewhere`; nothing from them is stored.

An update Telegram sends again after a process died before confirming it is skipped: its
turn was taken already (:mod:`bot.storage.handled`).

Safety comes before everything the adapter does on its own: a message or press over the
flood limit is not read as an answer, but one that signals a crisis still gets the help
lines.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import replace

from telegram import Bot, CallbackQuery, Update
from telegram import Message as TgMessage
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.adapters.telegram import CHANNEL
from bot.adapters.telegram.budget import spare
from bot.adapters.telegram.database_calls import in_database
from bot.adapters.telegram.delivery import Courier
from bot.adapters.telegram.elsewhere import Elsewhere
from bot.adapters.telegram.flood import FloodGate, Verdict
from bot.adapters.telegram.metrics import Metrics
from bot.adapters.telegram.remembered import Remembered
from bot.adapters.telegram.render import keyboard, read_callback
from bot.adapters.telegram.sending import answer, call, send, text_of
from bot.adapters.telegram.splitting import TEXT_LIMIT, visible_length
from bot.adapters.telegram.updates import (
    account_of,
    in_private_chat,
    language_of,
    update_ref,
)
from bot.flows.commands import ALIASES
from bot.i18n import N_, Translator, escape
from bot.messages import Message, Reply, UserInput
from bot.safety import crisis_reply, detect, sos_reply
from bot.turns import Taken, Turns

log = logging.getLogger(__name__)


def said_in(update: Update) -> str:
    """What the user wrote: a text, a caption, or the new text of an edited message."""
    message = update.message or update.edited_message
    if message is None:
        return ""
    return message.text or message.caption or ""


def crisis_messages(update: Update, t: Translator) -> list[Message]:
    """The help lines, when what the user wrote signals a crisis (no database needed)."""
    said = said_in(update)
    kinds = detect(said, t.lang) if said else frozenset()
    return crisis_reply(kinds, t) if kinds else []


class Handlers:
    def __init__(self, turns: Turns, courier: Courier, gate: FloodGate | None = None,
                 metrics: Metrics | None = None) -> None:
        self.turns = turns
        self.courier = courier
        self.drawing = courier.drawing  # one process draws the files for both
        self.gate = gate or FloodGate()
        self.metrics = metrics or Metrics(turns)
        self.elsewhere = Elsewhere(self.gate)
        self.closed = Remembered()  # questions whose buttons were taken away
        self._checks = 0

    async def _admitted(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
        """False for messages and presses over the flood limit: not read as answers. Still,
        a crisis signal gets the help lines, /sos gets them too, and the first one over gets
        a notice."""
        user, chat = update.effective_user, update.effective_chat
        assert user is not None and chat is not None
        self._checks += 1
        if self._checks % 1000 == 0:
            self.gate.forget_idle()
        verdict = self.gate.check(user.id)
        if verdict is Verdict.PASS:
            return True
        t = Translator(language_of(update))
        messages = crisis_messages(update, t)
        if messages:
            self.metrics.crisis_replies.inc()
        if not messages and ALIASES.get(UserInput.typed(said_in(update)).command) == "sos":
            messages = sos_reply(t)
        if not messages and verdict is Verdict.WARN:
            messages = [Message(t(N_(
                "Je stuurt veel berichten snel na elkaar. Die lees ik even niet. "
                "Wacht een paar tellen, dan gaan we verder. Gaat het niet goed? Typ /sos.")))]
        await send(context.bot, chat.id, messages)
        return False

    async def _turn(self, update: Update, user_input: UserInput) -> Taken:
        """The stored turn, its files made. They (a picture) are drawn in a thread, while
        other users' turns go on. The update is marked handled in the turn's own transaction,
        before anything is sent; one whose turn was taken before (Telegram sent it again:
        the process that took it may have died before the reply went out) comes back as
        :attr:`~bot.turns.Taken.again`, the open question its reply. Files are drawn in a
        process of their own (:mod:`bot.adapters.drawing`)."""
        user = update.effective_user
        assert user is not None
        with self.metrics.turn(user_input.kind):
            taken = await in_database(self.turns, self.turns.take, CHANNEL, str(user.id),
                                      replace(user_input, account=account_of(update)),
                                      language_of(update), update_ref(update))
        if taken.again:
            self.metrics.updates_again.inc()
        if taken.reply.crisis:
            self.metrics.crisis_replies.inc()
        if taken.erased:
            await self.drawing.forget()
        if taken.has_documents:
            return replace(taken, reply=await self.drawing.reply(taken))
        return taken

    async def _reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE,
                     user_input: UserInput) -> None:
        chat = update.effective_chat
        assert chat is not None
        taken = await self._turn(update, user_input)
        async with self._delivering(update):
            await send(context.bot, chat.id, taken.reply.messages)
        if taken.for_others:  # (a courier round is a transaction: not for nothing)
            self.courier.wake()

    @asynccontextmanager
    async def _delivering(self, update: Update) -> AsyncIterator[None]:
        """Sending a committed turn's reply: when it fails, the conversation learns that its
        question was not seen (:meth:`bot.turns.Turns.not_delivered`), then the error goes on
        to the error handler, which says something went wrong."""
        try:
            yield
        except TelegramError:
            user = update.effective_user
            assert user is not None
            try:
                await in_database(self.turns, self.turns.not_delivered, CHANNEL, str(user.id))
            except Exception as error:  # the database too: the next answer is read as usual
                log.error("could not note an undelivered reply: %s", type(error).__name__)
            raise

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.message.text is not None
        if await self._admitted(update, context):
            await self._reply(update, context, UserInput.typed(update.message.text))

    async def media(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        if await self._admitted(update, context):
            await self._reply(update, context, UserInput.media(media_kind(update.message),
                                                               said_in(update)))

    async def edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await self._admitted(update, context):
            await self._reply(update, context, UserInput.edited(said_in(update)))

    async def click(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button press. It is answered once the turn knows what it did: a counted press
        shows its answer under the question; one that does not count only gets a toast."""
        query = update.callback_query
        assert query is not None
        if not in_private_chat(update):  # a group, or an inline message: no conversation
            await self.elsewhere.press(update, context)
            return
        if not await self._admitted(update, context):
            await answer(query)  # a press over the flood limit is not read
            return
        t = Translator(language_of(update))
        user_input = read_callback(query.data)
        if user_input is None:
            await answer(query, t.plain(N_("Die knop werkt niet.")))
            return
        taken = await self._turn(update, user_input)
        if taken.again:  # (polled: the first time may have answered it; refused, harmless)
            await answer(query)
            assert update.effective_chat is not None
            await send(context.bot, update.effective_chat.id, taken.reply.messages)
            return
        reply, t = taken.reply, Translator(taken.lang)  # /taal may have changed it
        clicked = query.message if isinstance(query.message, TgMessage) else None
        asked = reply.messages[-1] if reply.messages else None
        if not reply.counted and user_input.step is not None:  # the question is asked again
            if asked is not None and asked.step == user_input.step:
                await answer(query, t.plain(N_("Die knop werkt niet.")))
            else:
                if clicked is not None and pressed_label(clicked, query.data) is not None:
                    await close_question(query, clicked, None, self.closed)  # of no use now
                await answer(query, t.plain(N_("Die vraag is al beantwoord.")))
            return
        chat = update.effective_chat
        assert chat is not None
        async with self._delivering(update):
            await after_press(context.bot, chat.id, query, clicked, reply, user_input.step,
                              self.closed)
        if taken.for_others:  # (a courier round is a transaction: not for nothing)
            self.courier.wake()


def media_kind(message: TgMessage) -> str:
    for kind in ("sticker", "photo", "voice", "video", "video_note", "audio", "animation",
                 "document", "location", "venue", "contact", "poll", "dice"):
        if getattr(message, kind, None):
            return kind
    return "other"


def pressed_label(clicked: TgMessage, data: str | None) -> str | None:
    """The label of the button with this data on the clicked message (None if not there)."""
    markup = clicked.reply_markup
    buttons = [b for row in markup.inline_keyboard for b in row] if markup else []
    return next((b.text for b in buttons if b.callback_data == data), None)


async def after_press(bot: Bot, chat_id: int, query: CallbackQuery, clicked: TgMessage | None,
                      reply: Reply, step: int | None, closed: Remembered) -> None:
    """What a counted press changes: the spinner stops and the question shows the answer or
    its new marks (both at once), then what follows is sent.

    Closing the question (its answer under it, the buttons gone) is an edit that counts
    against the chat's budget like a message (:mod:`bot.adapters.telegram.budget`). When that
    is tight (someone answering faster than one message a second) it is left out, so the
    next question goes out sooner and a press costs one limited call instead of two: the old
    buttons stay, and a later press on them only gets "Die vraag is al beantwoord" (and then
    closes the question)."""
    messages = list(reply.messages)
    changes = [answer(query)]
    if clicked is not None:
        toggled = messages[0] if messages and messages[0].replaces_previous else None
        if toggled is not None and visible_length(text_of(toggled, bot.username)) <= TEXT_LIMIT:
            changes.append(edit_question(query, clicked, messages.pop(0), bot.username))
        else:  # (a toggled question too long for one message is sent again, whole)
            # a sharing button (no step) is checked by the sharing service, not the engine
            chosen = (None if toggled is not None or not reply.counted
                      else reply.chosen if step is not None
                      else pressed_label(clicked, query.data))
            if spare(bot, chat_id, 1 + len(messages)):
                changes.append(close_question(query, clicked, chosen, closed))
    await asyncio.gather(*changes)
    await send(bot, chat_id, messages)


async def edit_question(query: CallbackQuery, clicked: TgMessage, message: Message,
                        bot_username: str) -> None:
    """A multi-choice question after a toggle: same message, new marks."""
    await _quietly(call(query.get_bot(), "editMessageText", {
        **_where(clicked), "text": text_of(message, bot_username),
        "reply_markup": keyboard(message)}))


async def close_question(query: CallbackQuery, clicked: TgMessage, chosen: str | None,
                         closed: Remembered) -> None:
    """Show the chosen answer under its question and take the buttons away, once.

    A click that did not count (an old button) only loses its buttons. Both presses of a
    double tap carry the question with its buttons: the first counts and closes it, the
    second does not count, and taking the buttons away again would be an edit that changes
    nothing, which Telegram refuses. So ``closed`` remembers what this process closed. (With
    several processes, a second press handled by another one may still meet that refusal:
    harmless, and logged.)
    """
    if clicked.reply_markup is None or not clicked.reply_markup.inline_keyboard:
        return
    if not closed.first_time((clicked.chat_id, clicked.message_id)):
        return
    shown = f"{clicked.text_html}\n\n<i>→ {escape(chosen)}</i>" if chosen and clicked.text else ""
    if shown and visible_length(shown) <= TEXT_LIMIT:
        await _quietly(call(query.get_bot(), "editMessageText",
                            {**_where(clicked), "text": shown}))
    else:
        await _quietly(query.get_bot().do_api_request("editMessageReplyMarkup",
                                                      _where(clicked)))


def _where(clicked: TgMessage) -> dict[str, int]:
    return {"chat_id": clicked.chat_id, "message_id": clicked.message_id}


async def _quietly(edit: Awaitable[object]) -> None:
    """An edit may race a second click on the same message; losing that race is harmless."""
    try:
        await edit
    except BadRequest as error:
        log.info("edit not applied: %s", type(error).__name__)

