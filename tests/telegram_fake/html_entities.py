"""Telegram's HTML parse mode, as strictly as Telegram applies it.

Returns the plain text (what Telegram counts against the 4,096 limit) with its message
entities, or raises :class:`ParseError` with Telegram's wording for text it would refuse.
Attribute values may be quoted with ``"`` or ``'`` and then hold ``>``, as in Telegram.

One deliberate step beyond Telegram: ``<a>`` without ``href`` is refused. Telegram would show
the text without a link; from this bot that is always a mistake, so a test should fail.
"""

from __future__ import annotations

import html
import re

ENTITY_TYPES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic",
                "u": "underline", "ins": "underline", "s": "strikethrough",
                "strike": "strikethrough", "del": "strikethrough", "span": "spoiler",
                "tg-spoiler": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
                "blockquote": "blockquote", "tg-emoji": "custom_emoji"}
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTRIBUTE_NAME = re.compile(r"[^\s=>/\"']+")
_UNQUOTED = re.compile(r"[^\s>]*")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")
_PREFIX = "Bad Request: can't parse entities: "


class ParseError(ValueError):
    pass


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _refuse(message: str) -> ParseError:
    return ParseError(_PREFIX + message)


class _Reader:
    """Walks the raw text; knows the byte offset Telegram's messages refer to."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0

    def offset(self, position: int | None = None) -> int:
        return len(self.text[: self.position if position is None else position].encode())

    def skip_spaces(self) -> None:
        while self.position < len(self.text) and self.text[self.position].isspace():
            self.position += 1

    def take(self, pattern: re.Pattern[str]) -> str:
        match = pattern.match(self.text, self.position)
        if match is None:
            return ""
        self.position = match.end()
        return match.group(0)

    def peek(self) -> str:
        return self.text[self.position] if self.position < len(self.text) else ""


def _attributes(reader: _Reader, tag: str, start: int) -> dict[str, str]:
    """``name="value"`` pairs up to the closing ``>`` (values may contain ``>``)."""
    found: dict[str, str] = {}
    while True:
        reader.skip_spaces()
        char = reader.peek()
        if not char:
            raise _refuse(f"Unclosed start tag at byte offset {reader.offset(start)}")
        if char == ">":
            reader.position += 1
            return found
        name = reader.take(_ATTRIBUTE_NAME).lower()
        if not name:
            raise _refuse(f"Empty attribute name in the tag \"{tag}\" at byte offset "
                          f"{reader.offset(start)}")
        reader.skip_spaces()
        if reader.peek() != "=":
            found[name] = ""
            continue
        reader.position += 1
        reader.skip_spaces()
        quote = reader.peek()
        if quote in ("'", '"'):
            end = reader.text.find(quote, reader.position + 1)
            if end < 0:
                raise _refuse(f"Unclosed start tag at byte offset {reader.offset(start)}")
            value = reader.text[reader.position + 1: end]
            reader.position = end + 1
        else:
            value = reader.take(_UNQUOTED)
        found[name] = html.unescape(value)


def _checked_start(tag: str, attributes: dict[str, str], offset: int) -> None:
    if tag == "span" and attributes.get("class") != "tg-spoiler":
        raise _refuse(f"Tag \"span\" must have class \"tg-spoiler\" at byte offset {offset}")
    if tag == "tg-emoji" and not attributes.get("emoji-id", "").isdigit():
        raise _refuse(f"Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset "
                      f"{offset}")
    if tag == "a" and not attributes.get("href"):
        raise _refuse(f"Tag \"a\" must have attribute \"href\" at byte offset {offset}")


def parse_html(text: str) -> tuple[str, list[dict[str, object]]]:
    """The visible text of ``text`` in HTML parse mode, and its entities (UTF-16 offsets)."""
    reader = _Reader(text)
    plain: list[str] = []
    length = 0  # of the plain text so far, in UTF-16 code units
    opened: list[tuple[str, int, dict[str, str]]] = []
    entities: list[dict[str, object]] = []

    def add(visible: str) -> None:
        nonlocal length
        plain.append(visible)
        length += utf16_length(visible)

    while reader.position < len(text):
        char = text[reader.position]
        if char == "&":
            match = _ENTITY.match(text, reader.position)
            if match is None:  # Telegram keeps a lone ampersand as text
                add("&")
                reader.position += 1
                continue
            body = match.group(1)
            if body.startswith("#"):
                add(chr(int(body[2:], 16) if body[1:2] in "xX" else int(body[1:])))
            else:  # Telegram keeps an unknown named reference as it is
                add(NAMED.get(body, match.group(0)))
            reader.position = match.end()
            continue
        if char != "<":
            add(char)
            reader.position += 1
            continue
        start = reader.position
        reader.position += 1
        closing = reader.peek() == "/"
        if closing:
            reader.position += 1
        tag = reader.take(_NAME).lower()
        if tag not in ENTITY_TYPES:
            raise _refuse(f"Unsupported {'end' if closing else 'start'} tag \"{tag}\" at "
                          f"byte offset {reader.offset(start)}")
        if not closing:
            attributes = _attributes(reader, tag, start)
            _checked_start(tag, attributes, reader.offset(start))
            opened.append((tag, length, attributes))
            continue
        reader.skip_spaces()
        if reader.peek() != ">":
            raise _refuse(f"Unclosed end tag at byte offset {reader.offset(start)}")
        reader.position += 1
        if not opened:
            raise _refuse(f"Unexpected end tag at byte offset {reader.offset(start)}")
        if opened[-1][0] != tag:
            raise _refuse(f"Unmatched end tag at byte offset {reader.offset(start)}, expected "
                          f"\"</{opened[-1][0]}>\", found \"</{tag}>\"")
        name, begin, attributes = opened.pop()
        entity: dict[str, object] = {"type": ENTITY_TYPES[name], "offset": begin,
                                     "length": length - begin}
        if name == "a":
            entity["url"] = attributes["href"]
        if entity["length"]:
            entities.append(entity)
    if opened:
        raise _refuse(f"Can't find end tag corresponding to start tag \"{opened[-1][0]}\"")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))  # type: ignore[operator]
    return "".join(plain), entities
