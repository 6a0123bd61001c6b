"""Building and serving the bot: the PTB Application, its handlers, the outbox courier, the
scheduler loop, and polling or webhook, with ``/healthz`` and ``/metrics`` beside them.

Webhook mode may run in any number of processes on one database and one port (the webhook
server binds with ``SO_REUSEPORT``; the kernel spreads the connections). Polling runs in one
process only: Telegram ends a poll with 409 Conflict when another process polls with the
same token, and the process that gets it stops with :class:`AnotherPoller`.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass

from telegram import Bot, BotCommand, Update
from telegram.error import Conflict, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.adapters.telegram.budget import SharedBudget, TelegramLimits
from bot.adapters.telegram.delivery import Courier
from bot.adapters.telegram.flood import FloodGate
from bot.adapters.telegram.handlers import Handlers, crisis_messages
from bot.adapters.telegram.metrics import Metrics, OperationsServer
from bot.adapters.telegram.ordering import SLOTS, PerUserOrder
from bot.adapters.telegram.scheduling import ScheduleLoop
from bot.adapters.telegram.sending import answer, send
from bot.adapters.telegram.transport import AiohttpRequest
from bot.adapters.telegram.updates import in_private_chat, language_of
from bot.adapters.telegram.webhook import Webhook
from bot.config import Settings
from bot.flows.commands import COMMANDS, spelled
from bot.i18n import LANGUAGES, N_, Translator
from bot.messages import Message
from bot.turns import Turns

log = logging.getLogger(__name__)
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY,
                   Update.CHANNEL_POST, Update.MY_CHAT_MEMBER]
STOP_DELIVERING = 15.0  # seconds the last outbox round may take when the bot stops


class AnotherPoller(Exception):
    """Another process polls with this bot token (Telegram answered 409 Conflict)."""


@dataclass
class TelegramBot:
    """The PTB application with what it needs around it: the courier, the metrics and the
    transports (closed here even when startup fails, which PTB leaves open)."""

    application: Application
    courier: Courier
    transports: tuple[AiohttpRequest, AiohttpRequest]
    schedule: ScheduleLoop
    metrics: Metrics
    budget: SharedBudget

    async def serve(self, settings: Settings, stop: asyncio.Event,
                    draw_ahead: bool = False) -> None:
        """Run until ``stop`` is set: webhook when a webhook URL is configured, else polling.
        Raises :class:`AnotherPoller` when polling met another process polling.
        ``draw_ahead``: start the process that draws files once serving, so the first file
        asked for does not wait for it (:mod:`bot.adapters.drawing`)."""
        application = self.application
        conflict = False

        def polling_failed(error: TelegramError) -> None:
            nonlocal conflict
            if isinstance(error, Conflict):
                conflict = True
                stop.set()
            else:
                log.warning("polling for updates failed: %s", type(error).__name__)

        try:
            async with application:
                await set_up_profile(application.bot)
                await application.start()
                updater = application.updater
                assert updater is not None
                webhook = operations = None
                if settings.webhook_url:
                    webhook = Webhook(application, settings.webhook_path,
                                      settings.webhook_secret or secrets.token_urlsafe(32),
                                      self.metrics)
                    await webhook.start(settings.webhook_listen, settings.webhook_port,
                                        settings.webhook_url, ALLOWED_UPDATES)
                else:
                    if settings.metrics_port is not None:
                        operations = OperationsServer(self.metrics)
                        await operations.start(settings.metrics_listen, settings.metrics_port)
                    await updater.start_polling(allowed_updates=ALLOWED_UPDATES,
                                                poll_interval=0, timeout=settings.poll_timeout,
                                                error_callback=polling_failed)
                if draw_ahead:
                    self.courier.drawing.start()
                courier = asyncio.create_task(self.courier.run(application.bot))
                schedule = asyncio.create_task(self.schedule.run())
                budget = asyncio.create_task(self.budget.run(stop))
                log.info("bot is running (%s)", "webhook" if webhook else "polling")
                await stop.wait()
                if conflict:  # PTB's last poll (to confirm what it fetched) would end the
                    # other process's poll in turn: it is the one that goes on, so no last poll
                    updater._Updater__polling_cleanup_cb = None  # type: ignore[attr-defined]
                await (webhook.stop() if webhook else updater.stop())
                if operations is not None:
                    await operations.stop()
                await budget
                await application.stop()
                self.schedule.stop()
                await schedule
                self.courier.stop()
                try:
                    await asyncio.wait_for(courier, STOP_DELIVERING)
                except TimeoutError:
                    log.warning("stopped with outbox messages left; they wait in the database")
        finally:
            for transport in self.transports:
                await transport.shutdown()
            self.courier.drawing.close()
        if conflict:
            raise AnotherPoller


def new_application(token: str, api_url: str, max_rate: float, poll_timeout: float
                    ) -> tuple[Application, tuple[AiohttpRequest, AiohttpRequest]]:
    """A PTB application on this bot's transport, Telegram's limits and per-user update order
    (also what the benchmark's echo bots run on), with its two transports."""
    api = api_url.rstrip("/")
    transports = (AiohttpRequest(connections=SLOTS),
                  AiohttpRequest(connections=1, read_timeout=poll_timeout))
    application = (
        Application.builder()
        .token(token)
        .base_url(api)
        .base_file_url(api.removesuffix("/bot") + "/file/bot")
        .request(transports[0])
        .get_updates_request(transports[1])
        .rate_limiter(TelegramLimits(max_rate, max_retries=5))
        .concurrent_updates(PerUserOrder(SLOTS))
        .build()
    )
    return application, transports


def build_bot(settings: Settings, turns: Turns) -> TelegramBot:
    application, transports = new_application(settings.bot_token or "", settings.bot_api_url,
                                              settings.telegram_max_rate,
                                              settings.poll_timeout)
    courier = Courier(turns)
    metrics = Metrics(turns)
    handlers = Handlers(turns, courier, FloodGate(limit=settings.flood_limit), metrics)
    private = filters.ChatType.PRIVATE
    application.add_handler(CallbackQueryHandler(handlers.click))
    application.add_handler(MessageHandler(private & filters.UpdateType.EDITED_MESSAGE,
                                           handlers.edited))
    application.add_handler(MessageHandler(private & filters.UpdateType.MESSAGE & filters.TEXT,
                                           handlers.text))
    application.add_handler(MessageHandler(private & filters.UpdateType.MESSAGE
                                           & ~filters.StatusUpdate.ALL, handlers.media))
    application.add_handler(MessageHandler(~private & ~filters.StatusUpdate.ALL,
                                           handlers.elsewhere.message))
    application.add_handler(ChatMemberHandler(handlers.elsewhere.added,
                                              ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_error_handler(on_error)

    async def count_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        metrics.errors.inc()

    application.add_error_handler(count_error)
    rate_limiter = application.bot.rate_limiter
    assert isinstance(rate_limiter, AIORateLimiter)
    budget = SharedBudget(rate_limiter, settings.telegram_max_rate, turns)
    return TelegramBot(application, courier, transports, ScheduleLoop(turns, courier), metrics,
                       budget)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the kind of failure only (messages may carry personal data) and tell the user.

    When the turn itself failed (the database is away, say), a message that signals a crisis
    still gets the help lines: they need nothing stored.
    """
    log.error("handling an update failed: %s", type(context.error).__name__)
    if not isinstance(update, Update) or not in_private_chat(update):
        return
    assert update.effective_chat is not None
    t = Translator(language_of(update))
    failed_turn = not isinstance(context.error, TelegramError)  # before anything was sent
    if failed_turn and update.callback_query is not None:
        await answer(update.callback_query)
    messages = crisis_messages(update, t) if failed_turn else []
    messages.append(Message(t(N_(
        "Er ging iets mis aan mijn kant. Even geduld, en probeer het zo nog eens."))))
    try:
        await send(context.bot, update.effective_chat.id, messages)
    except TelegramError as error:
        log.error("could not tell the user: %s", type(error).__name__)


async def set_up_profile(bot: Bot) -> None:
    """Commands and descriptions in Dutch (the default) and English (with the English
    names, such as /change; every name works in both languages)."""
    for lang in LANGUAGES:
        t = Translator(lang)
        code = None if lang == "nl" else lang
        await bot.set_my_commands([BotCommand(spelled(name, lang), t.plain(description))
                                   for name, description in COMMANDS.items()],
                                  language_code=code)
        await bot.set_my_description(t.plain(N_(
            "Samen je toekomstplan maken, in een gesprek. Over wie belangrijk voor je is, "
            "hoe het nu gaat en wie je waarmee helpt. Het is jouw plan: jij bepaalt wie het ziet."
        )), language_code=code)
        await bot.set_my_short_description(t.plain(N_(
            "Maak je eigen toekomstplan, in een gesprek. Jij bepaalt wie het ziet.")),
            language_code=code)
