"""Conversations stored before the typed cursor (version 1: the cursor as a plain dict) load,
upgraded, and go on where they were; the typed cursor refuses keys it does not know.

The rows in ``tests/fixtures/cursor_v1/`` are documents exactly as the bot stored them before
version 2 (opened, not sealed): mid-WIE, a /wijzig detour mid-WAT, a crisis inside that
detour (two detours on the stack), an opened JIM invite, a begeleider's invite opened by a
youth, /begeleider halfway, and the safety steps mid-WAT.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import update

from bot.flows.conversation import Conversation
from bot.flows.cursor import Cursor, ProfileDraft
from bot.flows.upgrade import VERSION, upgrade
from bot.plan.sharing_model import InviteKind, OpenedInvite, ProfessionalProfile
from bot.storage.repositories import Stored
from bot.storage.tables import conversations
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth

FIXTURES = Path(__file__).parent / "fixtures" / "cursor_v1"
ROWS = sorted(path.stem for path in FIXTURES.glob("*.json"))


def row(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def test_every_kind_of_row_is_there() -> None:
    assert ROWS == ["crisis_in_wijzig", "invite_answer", "invite_from_begeleider", "mid_wie",
                    "profile_halfway", "safety_detour", "wijzig_detour"]


@pytest.mark.parametrize("name", ROWS)
def test_upgrade_is_pure_and_gives_the_current_shape(name: str) -> None:
    stored = row(name)["state"]
    before = copy.deepcopy(stored)
    upgraded = upgrade(stored)
    assert stored == before  # the row itself is not changed
    assert upgraded["version"] == VERSION and "version" not in stored
    assert upgrade(upgraded) is upgraded  # the current shape is left as it is
    conversation = Conversation.model_validate(upgraded)
    again = Conversation.model_validate_json(conversation.model_dump_json())
    assert again == conversation
    # what stays the same
    assert (conversation.state, [f.state for f in conversation.stack], conversation.step,
            conversation.seen) == (stored["state"], [f["state"] for f in stored["stack"]],
                                   stored["step"], stored["seen"])


def load(name: str) -> Conversation:
    """The conversation of a stored row, as the storage reads it."""
    return Stored(json.dumps(row(name))).parse()[0]


def test_mid_wie_keeps_the_person_asked_about_and_the_queue() -> None:
    conversation = load("mid_wie")
    assert conversation.state == "person_roles"
    assert conversation.cursor == Cursor(person="p1", queue=["p2"])


def test_a_wijzig_detour_keeps_both_levels() -> None:
    conversation = load("wijzig_detour")
    assert (conversation.state, conversation.cursor) == (
        "edit_person_part", Cursor(picked="person", person="p1"))
    (wat,) = conversation.stack
    assert (wat.state, wat.cursor) == ("domain_good",
                                       Cursor(domain="wonen", domains_left=["inkomen"]))


def test_a_crisis_inside_a_wijzig_detour_keeps_every_level() -> None:
    conversation = load("crisis_in_wijzig")
    assert conversation.cursor == Cursor(kinds=["suicide"], offer_plan=True)
    assert [(f.state, f.cursor) for f in conversation.stack] == [
        ("domain_good", Cursor(domain="wonen", domains_left=["inkomen"])),
        ("edit_person_part", Cursor(picked="person", person="p1"))]


def test_the_safety_steps_keep_their_kinds() -> None:
    conversation = load("safety_detour")
    assert (conversation.state, conversation.cursor) == (
        "crisis_safe", Cursor(kinds=["suicide"], offer_plan=True))


def test_an_opened_invite_becomes_the_typed_invite() -> None:
    assert load("invite_answer").cursor.invite == OpenedInvite(
        ref="1-3", kind=InviteKind.JIM, youth_name="Noor", youth_age=17)
    assert load("invite_from_begeleider").cursor.invite == OpenedInvite(
        ref="2-6", kind=InviteKind.YOUTH, youth_name="", professional=ProfessionalProfile(
            name="Mark", organisation="RIBW", role="woonbegeleider"))


def test_the_begeleiders_answers_so_far_are_kept() -> None:
    cursor = load("profile_halfway").cursor
    assert (cursor.ask, cursor.profile) == (["pro_role"], ProfileDraft(name="Bas"))


def test_older_plain_ids_become_references() -> None:
    """Before references, a cursor kept row ids (their rows are found by nobody now)."""
    cursor = Conversation.model_validate({"cursor": {
        "ask_id": 5, "link": 7, "links": [[7, "Noor"]],
        "invite": {"id": 11, "kind": "jim", "youth": None, "age": None}}}).cursor
    assert (cursor.for_ask, cursor.link, cursor.links) == ("5", "7", [("7", "Noor")])
    assert cursor.invite == OpenedInvite(ref="11", kind=InviteKind.JIM, youth_name="")


def test_an_unknown_key_fails_loudly() -> None:
    with pytest.raises(ValidationError):
        Cursor.model_validate({"persoon": "p1"})
    with pytest.raises(ValidationError):
        Conversation.model_validate({"version": VERSION, "cursor": {"ask_id": 5}})
    with pytest.raises(ValueError, match="newer"):
        upgrade({"version": VERSION + 1})


def test_a_stored_cursor_keeps_only_what_is_set() -> None:
    assert Cursor().model_dump() == {}
    assert json.loads(Cursor(person="p1", not_good=[]).model_dump_json()) == {
        "person": "p1", "not_good": []}  # (an empty selection is not "none yet")


def store_row(store: Store, youth: Youth, name: str) -> int:
    """The user's conversation replaced by the stored row ``name``, sealed as it was."""
    youth.says("/start")
    with UnitOfWork(store) as uow:
        user_id = uow.users.find("test", youth.user)
    assert user_id is not None
    with store.engine.begin() as connection:
        connection.execute(update(conversations).where(conversations.c.user_id == user_id)
                           .values(document=store.sealer.seal(json.dumps(row(name)))))
    return user_id


@pytest.mark.parametrize(("name", "asked"), [
    ("mid_wie", "Wat doet Sanne voor je?"),
    ("wijzig_detour", "Wat wil je veranderen over Sanne?"),
    ("crisis_in_wijzig", "Ben je nu veilig?"),
    ("invite_answer", "Noor vraagt of jij JIM wilt zijn"),
    ("invite_from_begeleider", "Mark (woonbegeleider, RIBW)"),
    ("profile_halfway", "Bij welke organisatie werk je?"),
])
def test_a_stored_row_goes_on_where_it_was(store: Store, name: str, asked: str) -> None:
    """The old row is stored as it was (sealed) and the conversation simply goes on; the
    row is written back in the current version."""
    youth = Youth(Turns(store), name)
    user_id = store_row(store, youth, name)
    youth.says("/start")
    assert asked in youth.asked
    with UnitOfWork(store) as uow:
        stored = uow.conversations.load(user_id)
    assert json.loads(stored.document)["state"]["version"] == VERSION
    assert stored.parse()[0].cursor == load(name).cursor


def test_a_begeleider_halfway_finishes_the_profile(store: Store) -> None:
    bas = Youth(Turns(store), "bas")
    store_row(store, bas, "profile_halfway")
    bas.says("/start")
    bas.says("RIBW")
    bas.says("woonbegeleider")
    assert "Bewaard: Bas (woonbegeleider, RIBW)" in bas.text
