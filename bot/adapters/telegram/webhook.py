"""Receiving updates by webhook: a small aiohttp server in front of PTB's handlers.

PTB's own webhook server reads a whole request body (up to 100 MB) before it looks at
Telegram's secret header, so forged posts could fill the memory. Here the secret is checked
on the headers alone, before any of the body is read, and a body is read only up to
:data:`MAX_BODY` (Telegram's updates are a few kilobytes). By default it listens on
127.0.0.1 only: the TLS proxy in front of it is what Telegram calls.

The same server answers ``/healthz`` and ``/metrics`` (:mod:`bot.adapters.telegram.metrics`);
the proxy passes only the webhook's path on to it. It binds with ``SO_REUSEPORT``: several
processes may listen on one port, and the kernel spreads Telegram's connections over them.

A webhook call is answered once its update is handled (its turn stored and its reply sent),
not when it is queued: a process that dies meanwhile leaves the call unanswered, so Telegram
sends the update again, to a process that is alive (and one whose turn was stored already is
skipped: :mod:`bot.storage.handled`). Answered on queueing, a killed process took the
updates it held with it, their senders waiting in vain for a reply.

The answer may carry one Bot API call, which Telegram then makes: a button press is
answered that way (:data:`bot.adapters.telegram.sending.CARRIED`), saving a request per
press; its spinner stops when the reply is out.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.adapters.telegram.metrics import Metrics, add_routes
from bot.adapters.telegram.sending import CARRIED

log = logging.getLogger(__name__)
MAX_BODY = 1024 * 1024  # bytes
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class Webhook:
    """Serves ``path`` for Telegram's webhook calls and passes each update to PTB."""

    def __init__(self, application: Application, path: str, secret: str,
                 metrics: Metrics) -> None:
        self.application = application
        self.secret = secret.encode()
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post("/" + path.strip("/"), self._receive)
        add_routes(app, metrics)
        self._runner = web.AppRunner(app, access_log=None)

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            raise web.HTTPForbidden
        if (request.content_length or 0) > MAX_BODY:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY,
                                                actual_size=request.content_length or 0)
        try:  # (a chunked body is cut off at MAX_BODY while it is read)
            update = Update.de_json(await request.json(), self.application.bot)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.warning("webhook call without an update: %s", type(error).__name__)
            raise web.HTTPBadRequest from None
        application = self.application  # as PTB's own loop over its queue would, but awaited
        carried: dict[str, Any] = {}
        carrying = CARRIED.set(carried)
        try:
            await application.update_processor.process_update(
                update, application.process_update(update))
        finally:
            CARRIED.reset(carrying)
        return web.json_response(carried) if carried else web.Response()

    async def start(self, listen: str, port: int, url: str, allowed_updates: list[str]) -> None:
        """Listen first, then tell Telegram where to call."""
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, listen, port, reuse_port=True).start()
            await self.application.bot.set_webhook(url, allowed_updates=allowed_updates,
                                                   secret_token=self.secret.decode())
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        await self._runner.cleanup()
