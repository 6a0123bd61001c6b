"""A bare python-telegram-bot echo bot (one reply per text): the ceiling of this stack.

It runs on what the real bot runs on — the same HTTP transport, the same per-user update
processor with the same number of slots, the same rate limiter (unthrottled here) — so the
comparison measures only what the real bot adds: the conversation, storage and rendering.
Started by bench_telegram.py against the fake Bot API: ``python echo_bot.py TOKEN BASE_URL``.
"""

from __future__ import annotations

import sys

from telegram import Update
from telegram.ext import AIORateLimiter, Application, ContextTypes, MessageHandler, filters

from bot.adapters.telegram.ordering import SLOTS, PerUserOrder
from bot.adapters.telegram.transport import AiohttpRequest

POLL_TIMEOUT = 1  # seconds, as the benchmark sets for the real bot


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await update.message.reply_text(update.message.text)


def main() -> None:
    token, base_url = sys.argv[1], sys.argv[2]
    application = (
        Application.builder().token(token).base_url(base_url)
        .request(AiohttpRequest(connections=SLOTS))
        .get_updates_request(AiohttpRequest(connections=1, read_timeout=POLL_TIMEOUT))
        .rate_limiter(AIORateLimiter(overall_max_rate=0, max_retries=5))
        .concurrent_updates(PerUserOrder(SLOTS))
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(poll_interval=0, timeout=POLL_TIMEOUT)


if __name__ == "__main__":
    main()
