"""Building and serving the bot: the PTB Application, its handlers, and polling or webhook."""

from __future__ import annotations

import asyncio
import logging
import secrets

from telegram import Bot, BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.adapters.telegram.handlers import Handlers, language_of
from bot.adapters.telegram.ordering import PerUserOrder
from bot.adapters.telegram.transport import AiohttpRequest
from bot.config import Settings
from bot.flows.commands import COMMANDS
from bot.i18n import LANGUAGES, N_, Translator
from bot.turns import Turns

log = logging.getLogger(__name__)
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY,
                   Update.CHANNEL_POST]


def build_application(settings: Settings, turns: Turns) -> Application:
    api = settings.bot_api_url.rstrip("/")
    application = (
        Application.builder()
        .token(settings.bot_token or "")
        .base_url(api)
        .base_file_url(api.removesuffix("/bot") + "/file/bot")
        .request(AiohttpRequest(connections=16))
        .get_updates_request(AiohttpRequest(connections=1,
                                            read_timeout=settings.poll_timeout))
        .rate_limiter(AIORateLimiter(overall_max_rate=settings.telegram_max_rate,
                                     max_retries=5))
        # Sixteen updates at a time (one per user): measured best here, see
        # benchmarks/bench_telegram.py.
        .concurrent_updates(PerUserOrder(16))
        .build()
    )
    handlers = Handlers(turns)
    private = filters.ChatType.PRIVATE
    application.add_handler(CallbackQueryHandler(handlers.click))
    application.add_handler(MessageHandler(private & filters.UpdateType.EDITED_MESSAGE,
                                           handlers.edited))
    application.add_handler(MessageHandler(private & filters.UpdateType.MESSAGE & filters.TEXT,
                                           handlers.text))
    application.add_handler(MessageHandler(private & filters.UpdateType.MESSAGE
                                           & ~filters.StatusUpdate.ALL, handlers.media))
    application.add_handler(MessageHandler(~private & ~filters.StatusUpdate.ALL,
                                           handlers.elsewhere))
    application.add_error_handler(on_error)
    return application


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the kind of failure only (messages may carry personal data) and tell the user."""
    log.error("handling an update failed: %s", type(context.error).__name__)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != "private":
        return
    t = Translator(language_of(update))
    try:
        await update.effective_chat.send_message(
            t(N_("Er ging iets mis aan mijn kant. Even geduld, en probeer het zo nog eens.")))
    except TelegramError as error:
        log.error("could not tell the user: %s", type(error).__name__)


async def set_up_profile(bot: Bot) -> None:
    """Commands and descriptions in Dutch (the default) and English."""
    for lang in LANGUAGES:
        t = Translator(lang)
        code = None if lang == "nl" else lang
        await bot.set_my_commands([BotCommand(name, t.plain(description))
                                   for name, description in COMMANDS.items()],
                                  language_code=code)
        await bot.set_my_description(t.plain(N_(
            "Samen je toekomstplan maken, in een gesprek. Over wie belangrijk voor je is, "
            "hoe het nu gaat en wie je waarmee helpt. Het is jouw plan: jij bepaalt wie het ziet."
        )), language_code=code)
        await bot.set_my_short_description(t.plain(N_(
            "Maak je eigen toekomstplan, in een gesprek. Jij bepaalt wie het ziet.")),
            language_code=code)


async def serve(application: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Run until ``stop`` is set: webhook when a webhook URL is configured, else polling."""
    async with application:
        await set_up_profile(application.bot)
        await application.start()
        updater = application.updater
        assert updater is not None
        if settings.webhook_url:
            await updater.start_webhook(
                listen=settings.webhook_listen, port=settings.webhook_port,
                url_path=settings.webhook_path, webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret or secrets.token_urlsafe(32),
                allowed_updates=ALLOWED_UPDATES)
        else:
            await updater.start_polling(allowed_updates=ALLOWED_UPDATES, poll_interval=0,
                                        timeout=settings.poll_timeout)
        log.info("bot is running (%s)", "webhook" if settings.webhook_url else "polling")
        await stop.wait()
        await updater.stop()
        await application.stop()
