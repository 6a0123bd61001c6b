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
from bot.flows.cursor import Cursor

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

    def _options(self, cursor: Cursor) -> Iterator[bool]:
        for option, _label in cursor.options:
            action, _, ref = option.partition(":")
            yield ((action in LINK_OPTIONS and _row(ref) in self.links)
                   or (action in INVITE_OPTIONS and _row(ref) in self.invites))

    def named_in(self, cursor: Cursor) -> bool:
        """Whether a cursor refers to the erased person: by a reference, or by name in any
        field (searched as plain data, so also in a field added later)."""
        return ((cursor.invite is not None and _row(cursor.invite.ref) in self.invites)
                or _row(cursor.link) in self.links
                or _row(cursor.for_ask) in self.asks
                or any(_row(ref) in self.links
                       for ref, _name in [*cursor.links, *cursor.professionals,
                                          *cursor.safety_links])
                or any(self._options(cursor))
                or self._named_in(cursor.model_dump()))

    def in_conversation(self, conversation: Conversation) -> bool:
        return any(self.named_in(cursor) for cursor in
                   [conversation.cursor, *(frame.cursor for frame in conversation.stack)])


def _row(ref: str | None) -> int | None:
    """The row a reference names: its first id (see :func:`bot.plan.sharing_model.make_ref`;
    a plain id kept by older versions is upgraded to a reference of one id)."""
    first = ref.partition("-")[0] if ref is not None else ""
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
