"""Stored conversations of earlier versions, brought up to date when they are loaded.

A conversation is stored as sealed JSON after every turn (and kept in undo steps), so rows
written by an earlier version of the bot are read long after it changed. Their shape is
fixed by :data:`VERSION`, stored with each conversation; :func:`upgrade` turns an older row
into the current shape before it is validated. Each step is a pure function on plain data:
add one (and bump :data:`VERSION`) whenever a stored field is renamed or changes meaning.

Versions:

1. The cursor as a plain dict (no ``version`` stored). An opened invite as
   ``{"ref", "kind", "youth", "age", "professional"}``; before references, plain row ids
   (``"ask_id"``, an invite's ``"id"``, a link as a number).
2. The cursor as :class:`~bot.flows.cursor.Cursor`: the invite as
   :class:`~bot.plan.sharing_model.OpenedInvite`, every reference a string.
"""

from __future__ import annotations

from typing import Any

VERSION = 2
PAIRS = ("links", "professionals", "safety_links", "options")  # [(reference, name), …]


def upgrade(stored: dict[str, Any]) -> dict[str, Any]:
    """The stored conversation ``stored`` (a dict of its JSON) in the current shape; the
    input is not changed. A row newer than this code is refused."""
    version = stored.get("version", 1)
    if version > VERSION:
        raise ValueError(f"conversation version {version} is newer than {VERSION}")
    if version == VERSION:
        return stored
    return {**stored, "version": VERSION, "cursor": _cursor_v2(stored.get("cursor", {})),
            "stack": [{**frame, "cursor": _cursor_v2(frame.get("cursor", {}))}
                      if isinstance(frame, dict) else frame
                      for frame in stored.get("stack", [])]}


def _cursor_v2(cursor: Any) -> Any:
    if not isinstance(cursor, dict):
        return cursor  # already a Cursor (a conversation made in code)
    cursor = dict(cursor)
    if "ask_id" in cursor:
        cursor["for_ask"] = cursor.pop("ask_id")
    for key in ("link", "for_ask"):
        if key in cursor:
            cursor[key] = _reference(cursor[key])
    for key in PAIRS:
        if key in cursor:
            cursor[key] = [[_reference(ref), name] for ref, name in cursor[key]]
    invite = cursor.get("invite")
    if isinstance(invite, dict):
        cursor["invite"] = {"ref": _reference(invite.get("ref", invite.get("id", ""))),
                            "kind": invite.get("kind"), "youth_name": invite.get("youth") or "",
                            "youth_age": invite.get("age"),
                            "professional": invite.get("professional")}
    return cursor


def _reference(value: Any) -> Any:
    """A reference as a string: older versions kept a plain row id (a number), which the
    sharing port then finds no row for, as before."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value
