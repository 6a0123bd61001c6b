"""The checks Telegram applies to what a bot sends: text, keyboards, photos, secret tokens.

Each raises :class:`ApiError` with Telegram's status and wording for a request it refuses.
"""

from __future__ import annotations

import re
import struct
from typing import Any

from tests.telegram_fake.html_entities import ParseError, parse_html, utf16_length

TEXT_LIMIT, CAPTION_LIMIT, CALLBACK_ANSWER_LIMIT = 4096, 1024, 200
PHOTO_BYTES_LIMIT = 10 * 1024 * 1024
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class ApiError(Exception):
    def __init__(self, description: str, code: int = 400,
                 parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.description, self.code, self.parameters = description, code, parameters


def checked_text(raw: Any, mode: Any, limit: int = TEXT_LIMIT
                 ) -> tuple[str, list[dict[str, Any]]]:
    """The visible text and entities of a message text or caption."""
    if not isinstance(raw, str):
        raise ApiError("Bad Request: message text is empty")
    if mode == "HTML":
        try:
            text, entities = parse_html(raw)
        except ParseError as error:
            raise ApiError(str(error)) from None
    elif mode in (None, ""):
        text, entities = raw, []
    else:
        raise ApiError(f"Bad Request: unsupported parse_mode {mode}")
    if not text.strip():
        raise ApiError("Bad Request: message text is empty")
    if utf16_length(text) > limit:
        raise ApiError("Bad Request: message caption is too long" if limit == CAPTION_LIMIT
                       else "Bad Request: message is too long")
    return text, entities


def checked_markup(markup: Any) -> dict[str, Any] | None:
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError("Bad Request: can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return markup  # reply keyboards and ForceReply: not used by this bot
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ApiError("Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup "
                       "must be an Array of Arrays")
    buttons = [button for row in rows for button in row]
    if len(buttons) > 100:
        raise ApiError("Bad Request: too many buttons")
    for button in buttons:
        if not isinstance(button, dict) or not str(button.get("text", "")).strip():
            raise ApiError("Bad Request: text buttons are unallowed in the inline keyboard")
        kinds = [k for k in ("callback_data", "url", "switch_inline_query", "pay")
                 if k in button]
        if len(kinds) != 1:
            raise ApiError("Bad Request: can't parse inline keyboard button: exactly one of "
                           "the optional fields must be used")
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode()) <= 64:
            raise ApiError("Bad Request: BUTTON_DATA_INVALID")
    return markup


def photo_size(upload: Any) -> tuple[int, int]:
    """Width and height of an uploaded PNG, within Telegram's limits for photos."""
    if not isinstance(upload, dict) or not upload.get("data"):
        raise ApiError("Bad Request: there is no photo in the request")
    data: bytes = upload["data"]
    if len(data) > PHOTO_BYTES_LIMIT:
        raise ApiError("Bad Request: PHOTO_SAVE_FILE_INVALID")
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        raise ApiError("Bad Request: IMAGE_PROCESS_FAILED")
    width, height = struct.unpack(">II", data[16:24])
    if not width or not height or width + height > 10_000 or max(width, height) > 20 * min(
            width, height):
        raise ApiError("Bad Request: PHOTO_INVALID_DIMENSIONS")
    return width, height


def checked_secret(secret: Any) -> str | None:
    """A webhook's secret token: 1–256 characters of ``A-Z a-z 0-9 _ -``, or none."""
    if secret in (None, ""):
        return None
    if not isinstance(secret, str) or not SECRET_TOKEN.fullmatch(secret):
        raise ApiError("Bad Request: secret token contains unallowed characters or is too long")
    return secret
