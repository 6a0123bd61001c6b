"""Logging as ``toekomstplan run`` sets it up: nothing a user typed, no names, no raw ids.

Our own code logs only kinds, states, timings and a keyed hash per user. Libraries know
nothing of that: python-telegram-bot logs whole updates at DEBUG, SQLAlchemy whole rows. So
their loggers stay at WARNING whatever our level, and a filter on the handler redacts what
still looks like personal data (a second line of defence): Telegram tokens, long numbers
(chat and user ids), quoted text fields, pydantic's ``input_value``, SQL parameters, and
every exception's message (a traceback keeps its frames and the exception's type).
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import TextIO

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
OURS = "bot"
LIBRARIES = ("telegram", "httpx", "httpcore", "aiohttp", "sqlalchemy", "alembic", "apscheduler")
_FIELDS = ("text", "caption", "first_name", "last_name", "username", "title", "data", "name",
           "query", "bio", "description", "document", "external_id", "address")
_REDACTIONS = (
    (re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}"), "<token>"),
    (re.compile(r"(?<![\w.])\d{6,}(?![\w.])"), "<id>"),
    (re.compile(r"""(['"](?:""" + "|".join(_FIELDS) + r""")['"]\s*[:=]\s*)(['"])"""
                r"""(?:\\.|(?!\2).)*\2""", re.S), r"\1\2…\2"),
    (re.compile(r"input_value=.*?(?=, input_type=|$)", re.M), "input_value=…"),
    (re.compile(r"\[parameters: .*?\]", re.S), "[parameters: hidden]"),
)


def redact(text: str) -> str:
    """``text`` with what looks like personal data replaced."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _exception_text(error: BaseException) -> str:
    """A traceback with frames and types only: an exception's message may carry user text."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_tb(current.__traceback__))
        parts.insert(0, f"Traceback (most recent call last):\n{frames}"
                        f"{type(current).__qualname__} (message hidden)")
        current = current.__cause__ or current.__context__
    return "\n\nDuring handling of the above, another exception occurred:\n\n".join(parts)


class Redact(logging.Filter):
    """Rewrites every record this handler emits (message and exception) before it is shown."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = _exception_text(record.exc_info[1])
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(level: int | str = logging.INFO, stream: TextIO | None = None
                  ) -> logging.Handler:
    """One redacting handler on the root logger; our own code (``bot``) at ``level``,
    everything else at WARNING, and the known chatty libraries pinned there even when the
    root level is changed later. Returns the handler (tests remove it again)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(Redact())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger(OURS).setLevel(level)
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler
