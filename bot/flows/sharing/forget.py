"""Forgetting an erased person in the conversations of the people they shared with.

A detour about someone else keeps them in its cursor: an opened invite holds the youth's
name and age, a note being written holds the youth's link and name, a begeleider's choice
holds names. Those cursors live on in the other person's current conversation and in the
undo steps kept for their /terug. When someone is erased, every such trace goes: undo steps
that name them are dropped, and a detour that names them is left for the one below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.flows.conversation import Conversation, Frame

LINK_PAIRS = ("links", "professionals", "safety_links")  # [(link id, name), …]
LINK_OPTIONS = frozenset({"stop"})  # /delen's "stop:<link reference>"
INVITE_OPTIONS = frozenset({"resend", "withdraw"})  # "resend:<invite reference>", …


@dataclass(frozen=True)
class Erased:
    """What a cursor may name an erased person by: the ids of their links, invites and
    asks (held as references that start with the id), and their names (a youth's name, a
    begeleider's name)."""

    links: frozenset[int]
    invites: frozenset[int]
    asks: frozenset[int]
    names: frozenset[str]

    def _named_in(self, value: Any) -> bool:
        if isinstance(value, str):
            return any(re.search(rf"\b{re.escape(name)}\b", value) for name in self.names)
        if isinstance(value, dict):
            return any(self._named_in(item) for item in value.values())
        if isinstance(value, list | tuple):
            return any(self._named_in(item) for item in value)
        return False

    def _options(self, cursor: dict[str, Any]) -> Iterator[bool]:
        for option, _label in cursor.get("options", []):
            action, _, ref = str(option).partition(":")
            yield ((action in LINK_OPTIONS and _row(ref) in self.links)
                   or (action in INVITE_OPTIONS and _row(ref) in self.invites))

    def named_in(self, cursor: dict[str, Any]) -> bool:
        """Whether a cursor refers to the erased person, by id or by name."""
        invite = cursor.get("invite")
        return ((isinstance(invite, dict) and _row(invite.get("ref", invite.get("id")))
                 in self.invites)
                or _row(cursor.get("link")) in self.links
                or _row(cursor.get("for_ask", cursor.get("ask_id"))) in self.asks
                or any(_row(pair[0]) in self.links for key in LINK_PAIRS
                       for pair in cursor.get(key, []))
                or any(self._options(cursor))
                or self._named_in(cursor))

    def in_conversation(self, conversation: Conversation) -> bool:
        return any(self.named_in(cursor) for cursor in
                   [conversation.cursor, *(frame.cursor for frame in conversation.stack)])


def _row(value: object) -> int | None:
    """The row a cursor value names: a plain id (kept by older versions) or the first id of
    a reference (see :func:`bot.plan.sharing_model.make_ref`)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    first = value.partition("-")[0] if isinstance(value, str) else ""
    return int(first) if first.isascii() and first.isdecimal() else None


def forget(conversation: Conversation, erased: Erased) -> Conversation | None:
    """The conversation without the detours that name the erased person: back at the
    question below the first of them, asked again on the next turn (a new step, so a button
    shown for a left detour no longer answers anything). None when nothing names them."""
    levels = [*conversation.stack, Frame(state=conversation.state, cursor=conversation.cursor)]
    first = next((n for n, level in enumerate(levels) if erased.named_in(level.cursor)), None)
    if first is None:
        return None
    below = levels[first - 1] if first else Frame(state=levels[0].state)
    return conversation.model_copy(update={
        "state": below.state, "cursor": below.cursor, "stack": levels[:max(first - 1, 0)],
        "step": conversation.step + 1})
