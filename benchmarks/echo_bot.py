"""A bare python-telegram-bot echo bot: the ceiling of this stack, in two forms.

- ``plain``: one reply per text, nothing else.
- ``buttons``: the Bot API calls the real bot makes, without its conversation: every reply
  has one button, and a press is answered, its message shows the choice and loses the
  button, and the next message follows — three calls per press, the same three the real
  bot makes, through the same functions. No database, no flow.

Both run on the real bot's own application (``new_application``: the same HTTP transport,
per-user update processor, slots and rate limiter, unthrottled here), so the comparison
measures only what the real bot adds. Started by bench_telegram.py against the fake Bot
API: ``python echo_bot.py TOKEN BASE_URL [plain|buttons]``.
"""

from __future__ import annotations

import asyncio
import sys

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.adapters.telegram.app import new_application
from bot.adapters.telegram.sending import answer, call
from bot.i18n import escape

POLL_TIMEOUT = 1  # seconds, as the benchmark sets for the real bot
BUTTON = {"inline_keyboard": [[{"text": "Verder", "callback_data": "next"}]]}


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await update.message.reply_text(update.message.text)


async def echo_with_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await call(context.bot, "sendMessage", {"chat_id": update.message.chat_id,
                                            "text": escape(update.message.text),
                                            "reply_markup": BUTTON})


async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    clicked = query.message
    await asyncio.gather(answer(query), call(context.bot, "editMessageText", {
        "chat_id": clicked.chat_id, "message_id": clicked.message_id,
        "text": f"{clicked.text_html}\n\n<i>→ Verder</i>"}))
    await call(context.bot, "sendMessage", {"chat_id": clicked.chat_id,
                                            "text": "Verder?", "reply_markup": BUTTON})


def main() -> None:
    token, base_url = sys.argv[1], sys.argv[2]
    buttons = sys.argv[3:] == ["buttons"]
    application = new_application(token, base_url, max_rate=0, poll_timeout=POLL_TIMEOUT)[0]
    if buttons:
        application.add_handler(CallbackQueryHandler(press))
    application.add_handler(MessageHandler(filters.TEXT,
                                           echo_with_button if buttons else echo))
    application.run_polling(poll_interval=0, timeout=POLL_TIMEOUT)


if __name__ == "__main__":
    main()
