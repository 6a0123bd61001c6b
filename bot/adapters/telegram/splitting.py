"""Long HTML text in pieces Telegram accepts.

Telegram's limit (4,096) counts the *visible* text, after it has parsed the HTML, in UTF-16
code units: ``&amp;`` is one, ``<b>`` is none, an emoji is two. Pieces are cut at paragraph
boundaries first, then at line ends, then at spaces, and only as a last resort between two
characters; never inside an ``&…;`` or a tag. A tag still open at a cut is closed at the
end of that piece and opened again at the start of the next, so every piece is valid HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT_LIMIT = 4096
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}  # the only names Telegram decodes
_MARKUP = (r"""<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>"""
           r"|&(?P<entity>#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")
_TOKEN = re.compile(_MARKUP + "|.", re.DOTALL)  # a tag, a character reference or a character
_TAG_OR_ENTITY = re.compile(_MARKUP)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One tag, character reference or character of the raw text."""

    raw: str
    width: int = 0  # visible UTF-16 code units
    shown: str = ""  # the visible text ("" for a tag)
    tag: str | None = None
    closing: bool = False


def _width(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _units(text: str) -> list[_Unit]:
    units = []
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if match.group("tag"):
            units.append(_Unit(raw, tag=match.group("tag").lower(),
                               closing=bool(match.group("close"))))
            continue
        shown = _shown(match)
        units.append(_Unit(raw, 1 if len(shown) == 1 and shown < "\U00010000"
                           else _width(shown), shown))
    return units


def _shown(match: re.Match[str]) -> str:
    """What Telegram shows for a tag (nothing), a character reference, or a character."""
    if match.group("tag"):
        return ""
    entity = match.group("entity")
    if entity is None:
        return match.group(0)
    if entity.startswith("#"):
        return chr(int(entity[2:], 16) if entity[1:2] in "xX" else int(entity[1:]))
    return NAMED.get(entity, match.group(0))  # Telegram shows an unknown name as it is


def visible_length(text: str) -> int:
    """How long Telegram counts ``text`` (HTML parse mode) against its limits."""
    return _width(_TAG_OR_ENTITY.sub(_shown, text))


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """``text`` in pieces of at most ``limit`` visible UTF-16 code units each."""
    if _width(text) <= limit and text.strip() == text:  # tags and entities only shrink it
        return [text]
    units = _units(text)
    pieces: list[str] = []
    opened: list[_Unit] = []  # tags open where the next piece starts
    start = _skip_blank(units, 0)
    while start < len(units):
        end = _furthest(units, start, limit)
        cut = end if end == len(units) else _best_cut(units, start, end)
        still_open = _open_after(opened, units[start:cut])
        pieces.append("".join(u.raw for u in [*opened, *units[start:cut]])
                      + "".join(f"</{u.tag}>" for u in reversed(still_open)))
        opened = still_open
        start = _skip_blank(units, cut)
    return pieces or [text]


def _furthest(units: list[_Unit], start: int, limit: int) -> int:
    """The end of the longest run from ``start`` that fits (at least one unit)."""
    width = 0
    for index in range(start, len(units)):
        width += units[index].width
        if width > limit:
            return max(index, start + 1)
    return len(units)


def _best_cut(units: list[_Unit], start: int, end: int) -> int:
    """Where to end a piece within ``units[start:end]``: the last paragraph boundary, else the
    last line end, else the last space, else ``end``."""
    for wanted in ("\n\n", "\n", " "):
        for index in range(end - 1, start, -1):
            following = units[index + 1].shown if index + 1 < len(units) else ""
            if units[index].shown == wanted[0] and (len(wanted) == 1 or following == "\n"):
                return index
    return end


def _skip_blank(units: list[_Unit], index: int) -> int:
    """Past the spaces and line ends that separated two pieces."""
    while index < len(units) and units[index].tag is None and not units[index].shown.strip():
        index += 1
    return index


def _open_after(opened: list[_Unit], units: list[_Unit]) -> list[_Unit]:
    stack = list(opened)
    for unit in units:
        if unit.tag is None:
            continue
        if not unit.closing:
            stack.append(unit)
        elif stack and stack[-1].tag == unit.tag:
            stack.pop()
    return stack
