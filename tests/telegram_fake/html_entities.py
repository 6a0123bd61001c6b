"""Telegram's HTML parse mode, as strictly as Telegram applies it.

Returns the plain text (what Telegram counts against the 4,096 limit) with its message
entities, or raises :class:`ParseError` with Telegram's wording for text it would refuse.
"""

from __future__ import annotations

import re

SUPPORTED = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
             "a", "code", "pre", "blockquote", "tg-emoji"}
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)>")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")


class ParseError(ValueError):
    pass


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


ENTITY_TYPES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic",
                "u": "underline", "ins": "underline", "s": "strikethrough",
                "strike": "strikethrough", "del": "strikethrough", "span": "spoiler",
                "tg-spoiler": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
                "blockquote": "blockquote", "tg-emoji": "custom_emoji"}
_HREF = re.compile(r"""href\s*=\s*["']([^"']*)["']""")


def parse_html(text: str) -> tuple[str, list[dict[str, object]]]:
    """The visible text of ``text`` in HTML parse mode, and its entities (UTF-16 offsets)."""
    plain: list[str] = []
    stack: list[str] = []
    opened: list[tuple[str, int, str]] = []
    entities: list[dict[str, object]] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            match = _TAG.match(text, position)
            offset = len(text[:position].encode())
            if match is None:
                raise ParseError(f"Bad Request: can't parse entities: Unsupported start tag "
                                 f"\"\" at byte offset {offset}")
            closing, name = match.group(1), match.group(2).lower()
            if name not in SUPPORTED:
                raise ParseError(f"Bad Request: can't parse entities: Unsupported start tag "
                                 f"\"{name}\" at byte offset {offset}")
            if closing:
                if not stack or stack[-1] != name:
                    raise ParseError(f"Bad Request: can't parse entities: Unmatched end tag at "
                                     f"byte offset {offset}, expected \"</{stack[-1]}>\", "
                                     f"found \"</{name}>\"" if stack else
                                     f"Bad Request: can't parse entities: Unexpected end tag "
                                     f"at byte offset {offset}")
                stack.pop()
                tag, start, attributes = opened.pop()
                entity: dict[str, object] = {"type": ENTITY_TYPES[tag], "offset": start,
                                             "length": utf16_length("".join(plain)) - start}
                if tag == "a":
                    href = _HREF.search(attributes)
                    entity["url"] = href.group(1) if href else ""
                if entity["length"]:
                    entities.append(entity)
            else:
                stack.append(name)
                opened.append((name, utf16_length("".join(plain)), match.group(3)))
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                plain.append("&")  # Telegram keeps a lone ampersand as text
                position += 1
                continue
            body = match.group(1)
            if body.startswith("#"):
                plain.append(chr(int(body[2:], 16) if body[1:2] in "xX" else int(body[1:])))
            else:  # Telegram keeps an unknown named reference as it is
                plain.append(NAMED.get(body, match.group(0)))
            position = match.end()
        elif char == ">":
            plain.append(">")
            position += 1
        else:
            plain.append(char)
            position += 1
    if stack:
        raise ParseError(f"Bad Request: can't parse entities: Can't find end tag corresponding "
                         f"to start tag \"{stack[-1]}\"")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))  # type: ignore[operator]
    return "".join(plain), entities
