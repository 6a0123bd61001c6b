"""The fake Bot API server: the methods this bot uses, validated like Telegram, all recorded.

Requests Telegram would refuse are answered with Telegram's error and kept in
:attr:`FakeTelegram.errors`; the test fixtures fail any test that caused one, and any test
that left a button press unanswered. A rate limit (:meth:`FakeTelegram.rate_limit`) keeps
refusing until its ``retry_after`` has passed: a retry that comes too early is an error too.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientError, ClientSession, TCPConnector, web

from tests.telegram_fake.validation import (
    CALLBACK_ANSWER_LIMIT,
    CAPTION_LIMIT,
    ApiError,
    checked_markup,
    checked_secret,
    checked_text,
    photo_size,
)

TOKEN = "123456:TEST-token_for-the-fake-server"
BOT = {"id": 123456, "is_bot": True, "first_name": "Toekomstplan",
       "username": "toekomstplan_test_bot", "can_join_groups": True,
       "can_read_all_group_messages": False, "supports_inline_queries": False,
       "can_connect_to_business": False, "has_main_web_app": False}
CALLBACK_TIMEOUT = 15.0
WEBHOOK_CONNECTIONS = 40  # webhook calls at a time (Telegram's default max_connections)
STRING_FIELDS = {"text", "caption", "parse_mode", "url", "secret_token", "callback_query_id",
                 "description", "short_description", "name", "language_code", "action",
                 "inline_message_id"}
NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message")
CONFLICT = ("Conflict: terminated by other getUpdates request; make sure that only one bot "
            "instance is running")
UPDATE_TYPES = frozenset({
    "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
    "business_message", "edited_business_message", "deleted_business_messages",
    "message_reaction", "message_reaction_count", "inline_query", "chosen_inline_result",
    "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll",
    "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "chat_boost",
    "removed_chat_boost"})
# What Telegram sends when a bot never said which updates it wants.
DEFAULT_UPDATES = UPDATE_TYPES - {"chat_member", "message_reaction", "message_reaction_count"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    ok: bool
    error: str | None = None
    excused: bool = False  # a refusal the test caused on purpose and has checked
    carried: bool = False  # made in the answer to a webhook call, not as a request


@dataclass
class Chat:
    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    blocked: bool = False
    left: bool = False  # the bot left this group or channel
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    answers: list[str | None] = field(default_factory=list)  # toasts shown for button presses

    def as_json(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.title:
            chat["title"] = self.title
        if self.first_name:
            chat["first_name"] = self.first_name
        return chat


@dataclass
class Query:
    """A button press sent to the bot: it must be answered, once, within 15 seconds."""

    chat_id: int
    asked_at: float
    attempted: bool = False
    answered: bool = False


@dataclass
class Limit:
    """A method refused with 429 until ``until`` (armed: set by the next call)."""

    retry_after: int
    until: float | None = None


class FakeTelegram:
    """``async with FakeTelegram() as tg:`` serves the Bot API on ``tg.base_url``."""

    def __init__(self) -> None:
        self.token = TOKEN
        self.calls: list[Call] = []
        self.asked: set[str] = set()  # methods called at least once (answered or not yet)
        self.chats: dict[int, Chat] = {}
        self.commands: dict[str | None, list[dict[str, str]]] = {}
        self.descriptions: dict[tuple[str, str | None], str] = {}
        self.documents: list[dict[str, Any]] = []
        self.photos: list[dict[str, Any]] = []
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATES
        self.withheld: list[dict[str, Any]] = []  # updates the bot did not ask for
        self._updates: list[dict[str, Any]] = []
        self.pushed: list[dict[str, Any]] = []  # every update, in order
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._queries: dict[str, Query] = {}
        self._query_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._polls = 0  # a new getUpdates ends the one still waiting, as on Telegram
        self._activity: dict[int, asyncio.Condition] = {}
        self._versions: dict[int, int] = {}
        self._limits: dict[str, Limit] = {}
        self._held: dict[int, asyncio.Event] = {}
        self._broken: set[str] = set()
        self.webhook: dict[str, Any] | None = None
        self.store: Any = None  # the bot's database, for tests that look inside
        self._pusher: asyncio.Task[None] | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle ----------------------------------------------------------------------
    async def __aenter__(self) -> FakeTelegram:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._pusher:
            self._pusher.cancel()
        for event in self._held.values():
            event.set()
        assert self._runner is not None
        await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- what the bot did ---------------------------------------------------------------
    @property
    def errors(self) -> list[Call]:
        return [call for call in self.calls if not call.ok and not call.excused]

    def take_errors(self) -> list[Call]:
        """The refusals so far, for a test that caused them on purpose; they no longer count."""
        taken = self.errors
        for call in taken:
            call.excused = True
        return taken

    @property
    def unanswered(self) -> list[str]:
        """Button presses the bot never tried to answer (the user's spinner keeps turning)."""
        return [query_id for query_id, query in self._queries.items() if not query.attempted]

    def assert_no_errors(self) -> None:
        assert not self.errors, f"requests Telegram would refuse: {self.errors}"
        assert not self.unanswered, f"button presses never answered: {self.unanswered}"

    def calls_of(self, method: str) -> list[Call]:
        """The calls of ``method`` that went through."""
        return [call for call in self.calls if call.method == method and call.error is None]

    def rate_limit(self, method: str, retry_after: int = 1) -> None:
        """The next call of ``method`` gets 429 Too Many Requests; so does every call of it
        within ``retry_after`` seconds after that (each one an error: it came too early)."""
        self._limits[method] = Limit(retry_after)

    def break_next(self, method: str) -> None:
        """The next call of ``method`` fails on Telegram's side (502 Bad Gateway): not the
        bot's fault, and nothing is sent."""
        self._broken.add(method)

    def hold(self, chat_id: int) -> None:
        """Requests for this chat wait (as on a slow connection) until :meth:`release`."""
        self._held[chat_id] = asyncio.Event()

    def release(self, chat_id: int) -> None:
        self._held.pop(chat_id).set()

    # --- updates in ---------------------------------------------------------------------
    def push_update(self, kind: str, payload: dict[str, Any]) -> None:
        update = {"update_id": next(self._update_ids), kind: payload}
        if kind not in self.allowed_updates:
            self.withheld.append(update)
            return
        self._updates.append(update)
        self.pushed.append(update)
        self._new_update.set()

    def send_again(self, update_id: int) -> None:
        """Send an update once more, as Telegram does when the process it went to died
        before confirming it (a poller's next poll, a webhook call's answer)."""
        self._updates.append(next(u for u in self.pushed if u["update_id"] == update_id))
        self._new_update.set()

    def new_query_id(self, chat_id: int, age: float = 0.0) -> str:
        """A callback query id; ``age`` seconds old (over 15: too old to answer)."""
        query_id = str(next(self._query_ids) * 7919)
        self._queries[query_id] = Query(chat_id, time.monotonic() - age)
        return query_id

    def was_answered(self, query_id: str) -> bool:
        """The bot answered this button press (or tried to, when it was too old)."""
        return self._queries[query_id].attempted

    def version(self, chat_id: int) -> int:
        """Counts what the bot did in this chat: sends, edits, answers."""
        return self._versions.get(chat_id, 0)

    async def activity_after(self, chat_id: int, version: int) -> None:
        """Returns once the bot has done something in this chat since ``version``."""
        condition = self._activity.setdefault(chat_id, asyncio.Condition())
        async with condition:
            await condition.wait_for(lambda: self.version(chat_id) > version)

    async def _note_activity(self, chat_id: int) -> None:
        self._versions[chat_id] = self.version(chat_id) + 1
        condition = self._activity.setdefault(chat_id, asyncio.Condition())
        async with condition:
            condition.notify_all()

    # --- the HTTP side ------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401,
                                      "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        self.asked.add(method)
        body = await self._perform(method, await _read_params(request),
                                   lambda: request.transport is not None
                                   and not request.transport.is_closing())
        return web.json_response(body, status=body.get("error_code", 200))

    async def _perform(self, method: str, params: dict[str, Any],
                       heard: Callable[[], bool] = lambda: True,
                       carried: bool = False) -> dict[str, Any]:
        """One Bot API call, checked as Telegram checks it, noted in :attr:`calls`; its
        answer as Telegram's JSON body. ``heard``: whether the caller still listens (an
        answer nobody receives, e.g. to a killed bot's long poll, is no error)."""
        handler = getattr(self, f"api_{method.lower()}", None)
        if handler is None:
            self.calls.append(Call(method, params, False, "Not Found", carried=carried))
            return {"ok": False, "error_code": 404, "description": "Not Found"}
        chat_id = self._chat_of(params)
        if chat_id in self._held:
            await self._held[chat_id].wait()
        try:
            if method in self._broken:
                self._broken.discard(method)
                raise ApiError("Bad Gateway", 502)
            self._check_rate(method)
            result = await handler(params)
        except ApiError as error:
            if heard():
                early = error.code == 429 and error.description.endswith("too early")
                theirs = error.code in (429, 502) and not early  # Telegram's trouble, not ours
                self.calls.append(Call(method, params, theirs, error.description,
                                       carried=carried))
            body: dict[str, Any] = {"ok": False, "error_code": error.code,
                                    "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
            return body
        self.calls.append(Call(method, params, True, carried=carried))
        if chat_id is not None:
            await self._note_activity(chat_id)
        return {"ok": True, "result": result}

    def _chat_of(self, params: dict[str, Any]) -> int | None:
        query = self._queries.get(str(params.get("callback_query_id")))
        if query is not None:
            return query.chat_id
        chat_id = params.get("chat_id")
        if isinstance(chat_id, int | str) and str(chat_id).lstrip("-").isdigit():
            return int(chat_id)
        return None

    def _check_rate(self, method: str) -> None:
        limit = self._limits.get(method)
        if limit is None:
            return
        now = time.monotonic()
        if limit.until is not None and now >= limit.until:
            del self._limits[method]
            return
        early = limit.until is not None
        if not early:
            limit.until = now + limit.retry_after
        raise ApiError(f"Too Many Requests: retry after {limit.retry_after}"
                       + (", asked too early" if early else ""), 429,
                       {"retry_after": limit.retry_after})

    # --- receiving updates --------------------------------------------------------------
    def _want(self, params: dict[str, Any]) -> None:
        wanted = params.get("allowed_updates")
        if isinstance(wanted, list):
            self.allowed_updates = frozenset(wanted) & UPDATE_TYPES or DEFAULT_UPDATES

    async def api_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT

    async def api_getupdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook:
            raise ApiError("Conflict: can't use getUpdates method while webhook is active; "
                           "use deleteWebhook to delete the webhook first", 409)
        self._want(params)
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        self._polls += 1
        mine = self._polls
        self._new_update.set()  # wakes an earlier poll: it ends with 409 Conflict
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self._updates and time.monotonic() < deadline and self._polls == mine:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
            except TimeoutError:
                break
        if self._polls != mine:
            raise ApiError(CONFLICT, 409)
        return self._updates[: int(params.get("limit") or 100)]

    async def api_setwebhook(self, params: dict[str, Any]) -> bool:
        url = params.get("url") or ""
        if not url:
            return await self.api_deletewebhook(params)
        if not url.startswith(("https://", "http://127.0.0.1")):
            raise ApiError("Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        secret = checked_secret(params.get("secret_token"))
        self._want(params)
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self.webhook = {"url": url, "secret_token": secret}
        if self._pusher is None or self._pusher.done():
            self._pusher = asyncio.create_task(self._push_to_webhook())
        return True

    async def api_deletewebhook(self, params: dict[str, Any]) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self.webhook = None
        return True

    async def api_getwebhookinfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook["url"] if self.webhook else "",
                "has_custom_certificate": False, "pending_update_count": len(self._updates)}

    async def _push_to_webhook(self) -> None:
        """Post the updates, each on a connection of its own (so processes that share the
        port with ``SO_REUSEPORT`` each get some), up to :data:`WEBHOOK_CONNECTIONS` at a
        time as Telegram does (``max_connections``), one person's one after the other; an
        update whose call failed is sent again, as Telegram does, until one process takes
        it."""
        on_the_way: set[int] = set()  # people with an update in a call now
        calls: set[asyncio.Task[None]] = set()

        async def post(session: ClientSession, update: dict[str, Any], sender: int) -> None:
            webhook = self.webhook or {}
            headers = {}
            if webhook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = webhook["secret_token"]
            try:
                async with session.post(webhook.get("url", ""), json=update,
                                        headers=headers) as response:
                    delivered = response.status == 200
                    carried = (await response.json() if delivered and response.content_type
                               == "application/json" else {})
            except (OSError, ClientError, ValueError):  # refused, or the process died mid-call
                delivered, carried = False, {}
            if carried:  # a call in the answer: made, its result never seen by the bot
                await self._carried(carried)
            if not delivered:
                await asyncio.sleep(0.05)
                self._updates.insert(0, update)  # before the same person's later ones
            on_the_way.discard(sender)

        def done(call: asyncio.Task[None]) -> None:
            calls.discard(call)
            self._new_update.set()

        async with ClientSession(connector=TCPConnector(limit=WEBHOOK_CONNECTIONS)) as session:
            try:
                while self.webhook:
                    ready = next((u for u in self._updates if _sender(u) not in on_the_way),
                                 None)
                    if ready is None or len(calls) >= WEBHOOK_CONNECTIONS:
                        self._new_update.clear()
                        await self._new_update.wait()
                        continue
                    self._updates.remove(ready)
                    on_the_way.add(_sender(ready))
                    call = asyncio.create_task(post(session, ready, _sender(ready)))
                    calls.add(call)
                    call.add_done_callback(done)
            finally:  # (when the fake stops: the calls still on their way with it)
                for call in list(calls):
                    call.cancel()

    async def _carried(self, answer: dict[str, Any]) -> None:
        """A Bot API call in a webhook call's answer, as Telegram takes it: ``method`` and
        its fields, checked and made like a request."""
        params = dict(answer)
        method = params.pop("method", None)
        if not isinstance(method, str):
            self.calls.append(Call(str(method), params, False, "no method in the answer",
                                   carried=True))
            return
        self.asked.add(method)
        await self._perform(method, {name: _decode(name, value) if isinstance(value, str)
                                     else value for name, value in params.items()},
                            carried=True)

    # --- sending --------------------------------------------------------------------------
    async def api_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        text, entities = checked_text(params.get("text"), params.get("parse_mode"))
        markup = checked_markup(params.get("reply_markup"))
        return self._store(chat, {"text": text, "entities": entities, "html": params["text"]},
                           markup)

    def _caption(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("caption"):
            return {}
        text, entities = checked_text(params["caption"], params.get("parse_mode"),
                                      CAPTION_LIMIT)
        return {"caption": text, "caption_entities": entities}

    async def api_senddocument(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        document = params.get("document")
        if not isinstance(document, dict) or not document.get("data"):
            raise ApiError("Bad Request: there is no document in the request")
        content: dict[str, Any] = {"document": {"file_name": document["filename"],
                                                "file_id": f"doc{len(self.documents)}",
                                                "file_unique_id": f"u{len(self.documents)}",
                                                "file_size": len(document["data"])}}
        content |= self._caption(params)
        self.documents.append({"chat_id": chat.id, **document})
        return self._store(chat, content, checked_markup(params.get("reply_markup")))

    async def api_sendphoto(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        width, height = photo_size(params.get("photo"))
        photo = params["photo"]
        content: dict[str, Any] = {"photo": [{"file_id": f"photo{len(self.photos)}",
                                              "file_unique_id": f"p{len(self.photos)}",
                                              "width": width, "height": height,
                                              "file_size": len(photo["data"])}]}
        content |= self._caption(params)
        self.photos.append({"chat_id": chat.id, **photo})
        return self._store(chat, content, checked_markup(params.get("reply_markup")))

    async def api_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._message(params)
        text, entities = checked_text(params.get("text"), params.get("parse_mode"))
        markup = checked_markup(params.get("reply_markup"))
        if (text, entities, markup) == (message.get("text"), message.get("entities"),
                                         message.get("reply_markup")):
            raise ApiError(NOT_MODIFIED)
        message.update(text=text, entities=entities, html=params["text"],
                       edit_date=int(time.time()))
        _set_markup(message, markup)
        return message

    async def api_editmessagereplymarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._message(params)
        markup = checked_markup(params.get("reply_markup"))
        if markup == message.get("reply_markup"):
            raise ApiError(NOT_MODIFIED)
        _set_markup(message, markup)
        return message

    async def api_answercallbackquery(self, params: dict[str, Any]) -> bool:
        query = self._queries.get(params.get("callback_query_id", ""))
        if query is not None:
            query.attempted = True
        if (query is None or query.answered
                or time.monotonic() - query.asked_at > CALLBACK_TIMEOUT):
            raise ApiError("Bad Request: query is too old and response timeout expired or "
                           "query ID is invalid")
        text = params.get("text") or None
        if text is not None and len(text) > CALLBACK_ANSWER_LIMIT:
            raise ApiError("Bad Request: MESSAGE_TOO_LONG")
        query.answered = True
        self.chats[query.chat_id].answers.append(text)
        return True

    async def api_leavechat(self, params: dict[str, Any]) -> bool:
        chat = self._chat(params)
        if chat.type == "private":
            raise ApiError("Bad Request: chat member status can't be changed in private chats")
        chat.left = True
        return True

    async def api_sendchataction(self, params: dict[str, Any]) -> bool:
        self._chat(params)
        return True

    # --- the bot's profile ----------------------------------------------------------------
    async def api_setmycommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError("Bad Request: commands must be an array of at most 100 commands")
        for command in commands:
            name, description = command.get("command", ""), command.get("description", "")
            if not (1 <= len(name) <= 32 and name.replace("_", "").isalnum()
                    and name == name.lower()):
                raise ApiError("Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise ApiError("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[params.get("language_code") or None] = commands
        return True

    async def api_getmycommands(self, params: dict[str, Any]) -> list[dict[str, str]]:
        return self.commands.get(params.get("language_code") or None, [])

    async def api_setmydescription(self, params: dict[str, Any]) -> bool:
        return self._describe("description", params, 512)

    async def api_setmyshortdescription(self, params: dict[str, Any]) -> bool:
        return self._describe("short_description", params, 120)

    def _describe(self, kind: str, params: dict[str, Any], limit: int) -> bool:
        text = params.get(kind) or ""
        if len(text) > limit:
            raise ApiError(f"Bad Request: {kind} is too long")
        self.descriptions[(kind, params.get("language_code") or None)] = text
        return True

    async def api_close(self, params: dict[str, Any]) -> bool:
        return True

    # --- helpers ------------------------------------------------------------------------
    def _chat(self, params: dict[str, Any]) -> Chat:
        try:
            chat = self.chats[int(params.get("chat_id"))]  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError):
            raise ApiError("Bad Request: chat not found") from None
        if chat.blocked:
            raise ApiError("Forbidden: bot was blocked by the user", 403)
        if chat.left:
            raise ApiError(f"Forbidden: bot is not a member of the {chat.type} chat", 403)
        return chat

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._chat(params).messages.get(int(params.get("message_id") or 0))
        if message is None or message["from"]["id"] != BOT["id"]:
            raise ApiError("Bad Request: message to edit not found")
        return message

    def _store(self, chat: Chat, content: dict[str, Any],
               markup: dict[str, Any] | None) -> dict[str, Any]:
        message = {"message_id": next(self._message_ids), "from": BOT, "chat": chat.as_json(),
                   "date": int(time.time()), **content}
        _set_markup(message, markup)
        chat.messages[message["message_id"]] = message
        return message


def _sender(update: dict[str, Any]) -> int:
    """Whose update this is (a channel's post: the channel's)."""
    payload = next(value for key, value in update.items() if key != "update_id")
    return int(payload.get("from", payload.get("chat", {})).get("id", 0))


def _set_markup(message: dict[str, Any], markup: dict[str, Any] | None) -> None:
    if markup and markup.get("inline_keyboard"):
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)


async def _read_params(request: web.Request) -> dict[str, Any]:
    """JSON bodies, url-encoded forms and multipart uploads, as PTB sends them."""
    if request.content_type == "application/json":  # values may be JSON in a string
        return {name: _decode(name, value) if isinstance(value, str) else value
                for name, value in (await request.json()).items()}
    params: dict[str, Any] = {}
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            if part.filename:
                params[part.name] = {"filename": part.filename, "data": await part.read(),
                                     "mime_type": part.headers.get("Content-Type")}
            else:
                params[part.name] = _decode(part.name, await part.text())
        return params
    for name, value in (await request.post()).items():
        params[name] = _decode(name, str(value))
    for name, value in request.query.items():
        params.setdefault(name, _decode(name, value))
    return params


def _decode(name: str | None, value: str) -> Any:
    """PTB sends strings as they are and everything else JSON-encoded."""
    if name in STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
