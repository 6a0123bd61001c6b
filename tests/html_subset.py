"""Checks that outgoing text is well-formed in the HTML subset the bot uses (b, i)."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"<(/?)([a-z]+)>|&(lt|gt|amp|quot|#\d+);|[<>&]")


def assert_safe_html(text: str) -> None:
    """No stray ``<``, ``>`` or ``&``; only <b>/<i>, properly nested."""
    open_tags: list[str] = []
    for match in _TOKEN.finditer(text):
        closing, tag, entity = match.group(1), match.group(2), match.group(3)
        if entity:
            continue
        assert tag in ("b", "i"), f"unsafe markup {match.group(0)!r} in {text!r}"
        if closing:
            assert open_tags and open_tags.pop() == tag, f"bad nesting in {text!r}"
        else:
            open_tags.append(tag)
    assert not open_tags, f"unclosed tags in {text!r}"
