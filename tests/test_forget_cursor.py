"""An erased person is found in someone else's cursor by the references it holds, not only
by name: a cursor keeps links, invites and asks as references that start with the row id."""

from __future__ import annotations

from typing import Any

import pytest

from bot.flows.conversation import Conversation
from bot.flows.sharing.forget import Erased, forget

ERASED = Erased(links=frozenset({7}), invites=frozenset({11}), asks=frozenset({5}),
                names=frozenset({"Noor"}))


def detour(cursor: dict[str, Any]) -> Conversation:
    """A conversation in a detour whose cursor was stored by an earlier version (a plain
    dict, upgraded as it is loaded)."""
    return Conversation.model_validate({"state": "detour", "cursor": cursor,
                                        "stack": [{"state": "wie_people"}], "step": 4})


@pytest.mark.parametrize("cursor", [
    {"link": "7-3", "name": "iemand"},
    {"invite": {"ref": "11-3", "kind": "jim", "youth": "", "age": None}},
    {"for_ask": "5-7-3"},
    {"links": [["7-3", "iemand"]]},
    {"safety_links": [["7-3", "iemand"]], "safety_at": 0},
    {"options": [["stop:7-3", "Stoppen"]]},
    {"options": [["withdraw:11-3", "Intrekken"]]},
    {"link": 7},  # a plain id, as older versions kept it
], ids=["link", "invite", "ask", "links", "safety_links", "stop", "withdraw", "plain id"])
def test_a_reference_to_the_erased_person_leaves_the_detour(cursor: dict[str, Any]) -> None:
    left = forget(detour(cursor), ERASED)
    assert left is not None
    assert (left.state, left.stack, left.step) == ("wie_people", [], 5)


@pytest.mark.parametrize("cursor", [
    {"link": "8-7", "name": "iemand"},  # another link made with the same member id
    {"invite": {"ref": "12-11", "kind": "jim", "youth": "", "age": None}},
    {"for_ask": "6-7-3"},
    {"options": [["stop:71-3", "Stoppen"], ["resend:7-3", "Opnieuw"]]},
    {"link": "x7-3"},
], ids=["other link", "other invite", "other ask", "other options", "not a ref"])
def test_other_references_keep_the_detour(cursor: dict[str, Any]) -> None:
    assert forget(detour(cursor), ERASED) is None
