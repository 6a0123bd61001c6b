"""Random sharing histories between two youths (Noor and Lisa) and Ahmed, whom both ask to help:
stopping, inviting again, accepting and declining, answering asks with current, old and
malformed buttons, notes, /vragen, /stoppen and the youths' /terug — half of the runs with
ids handed out again as SQLite did before migration 0005. Whatever Ahmed does reaches only
the youth it was meant for (the one his button, note or /stoppen named), and an ask that is
done keeps the answer it got. Random callback data, read as the Telegram adapter reads it,
is a stale button at worst.

Fast on purpose: each run starts from a copy of one prepared SQLite database."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from bot.adapters.telegram.render import read_callback
from bot.flows.cursor import Cursor
from bot.messages import InputKind, Message, UserInput
from bot.storage.database import open_store, sqlite_url
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.test_interview import answer_hoe, answer_wat, answer_wie
from tests.test_sharing_asks import ahmed_becomes_jim

YOUTHS = ("noor", "lisa")
NAMES = {"noor": "Noor", "lisa": "Lisa"}
ID_TABLES = ("users", "undo_steps", "invites", "links", "asks", "outbox")
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                      HealthCheck.function_scoped_fixture])


def interview(youth: Youth, name: str) -> None:
    """The whole interview (Ahmed is the JIM, helping with "Een eigen kamer"), as ``name``."""
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.says(f"Ik heet {name}")
    youth.says("17")
    youth.clicks("Gaat wel")
    youth.clicks("Ja")  # something urgent: HOE begins with it (answer_hoe)
    youth.says("Ik moet morgen mijn huur betalen en heb geen geld")
    answer_wie(youth)
    answer_wat(youth)
    answer_hoe(youth)


@dataclass(frozen=True)
class Prepared:
    store: Store
    copy: sqlite3.Connection  # the store as every run starts from it
    asked: list[Message]  # what Ahmed was asked by then


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prepared]:
    """A store where Noor shares her plan with Ahmed (her JIM) and Lisa has not yet."""
    path: Path = tmp_path_factory.mktemp("shared") / "fuzz.db"
    store = open_store(sqlite_url(path), TEST_KEY)
    turns = Turns(store)
    noor, lisa, ahmed = Youth(turns, "noor"), Youth(turns, "lisa"), Youth(turns, "ahmed")
    interview(noor, "Noor")
    interview(lisa, "Lisa")
    ahmed_becomes_jim(noor, ahmed)
    asked = ahmed.inbox()
    copy = sqlite3.connect(":memory:")
    with sqlite3.connect(path) as source:
        source.backup(copy)
    yield Prepared(store, copy, asked)
    copy.close()
    store.engine.dispose()


def start_from(store: Store, copy: sqlite3.Connection) -> None:
    raw = store.engine.raw_connection()
    try:
        copy.backup(raw.driver_connection)
    finally:
        raw.close()


def hand_out_ids_again(store: Store) -> None:
    """As SQLite did before migration 0005: the highest deleted id comes back."""
    with store.engine.begin() as connection:
        for table in ID_TABLES:
            connection.execute(text(f"UPDATE sqlite_sequence SET seq = "
                                    f"(SELECT COALESCE(MAX(id), 0) FROM {table}) "
                                    f"WHERE name = '{table}'"))


@dataclass
class World:
    """What the people hold (buttons, codes) and what the test knows Ahmed meant."""

    store: Store
    people: dict[str, Youth]
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (youth name, choice id)
    codes: list[str] = field(default_factory=list)
    ask_named: dict[str, str] = field(default_factory=dict)  # ask (from a button) → youth

    @property
    def ahmed(self) -> Youth:
        return self.people["ahmed"]

    def hold(self, messages: list[Message]) -> None:
        for message in messages:
            self.codes.extend(m for m in [message.invite] if m)
            if message.step is None and message.choices:
                youth = next((n for n in NAMES.values() if message.text.startswith(n)), "")
                self.buttons.extend((youth, choice.id) for choice in message.choices)
                self.ask_named.update((choice.id.split(":")[2], youth)
                                      for choice in message.choices if choice.id.count(":") == 3)

    def seen(self) -> dict[str, object]:
        """Per youth: their stored plan (sealed anew whenever it is written), who they are
        linked with, and whether messages wait for them (taken away: the next step starts
        with none)."""
        with self.store.engine.begin() as connection:
            users = dict(connection.execute(text(
                "SELECT external_id, id FROM users")).all())
            ids = {user: users[self.store.sealer.identity(f"test:{user}")]
                   for user in (*YOUTHS, "ahmed")}
            seen: dict[str, object] = {}
            for user in YOUTHS:
                values = {"user": ids[user], "ahmed": ids["ahmed"]}
                seen[user] = (
                    connection.execute(text("SELECT document FROM conversations "
                                            "WHERE user_id = :user"), values).scalar(),
                    connection.execute(text("SELECT id FROM links WHERE youth_id = :user "
                                            "AND member_id = :ahmed"), values).all(),
                    connection.execute(text("DELETE FROM outbox WHERE recipient_id = :user "
                                            "RETURNING id"), values).all())
            return seen

    def ahmed_state(self) -> tuple[str, Cursor]:
        with UnitOfWork(self.store) as uow:
            stored = uow.conversations.load(uow.users.find("test", "ahmed"))
        conversation = stored.parse()[0]
        return conversation.state, conversation.cursor


def mutated(choice: str, how: int) -> str:
    """A malformed copy of an ask button's data (``s:a:<ask>-<link>-<youth>:<answer>``)."""
    head, _, answer = choice.rpartition(":")
    return [re.sub("[0-9]", "²", choice, count=1), choice.replace("-", "--", 1),
            f"{head}-1:{answer}", head, f"{head}:{answer}:{answer}",
            re.sub("[0-9]", "٣", choice, count=1), f"{head}{'9' * 20}:{answer}"][how % 7]


AHMED_ACTS = ["note", "type", "press", "press", "press", "malformed", "vragen", "stop",
              "current", "accept", "type"]
YOUTH_ACTS = ["hand_over", "hand_over", "stop_sharing", "invite", "undo", "give_room"]
HELPERS = ["Ahmed (je JIM)", "Ahmed", "Sanne"]


def ahmed_acts(world: World, data: st.DataObject) -> tuple[UserInput, str | None]:
    """What Ahmed does next, and the youth it is meant for (None: no youth at all)."""
    ahmed, act = world.ahmed, data.draw(st.sampled_from(AHMED_ACTS))
    state, cursor = world.ahmed_state()
    if act == "press" and world.buttons:
        youth, choice = data.draw(st.sampled_from(world.buttons))
        return UserInput.clicked(choice, None), youth
    if act == "malformed" and world.buttons:
        _, choice = data.draw(st.sampled_from(world.buttons))
        return UserInput.clicked(mutated(choice, data.draw(st.integers(0, 6))), None), None
    if act == "type":
        meant = (cursor.name if state == "member_note"
                 else world.ask_named.get(cursor.for_ask or "")
                 if state == "ask_other" else None)
        return UserInput.typed(f"Bericht {data.draw(st.integers(0, 999))}"), meant
    if act == "current" and ahmed.question is not None and ahmed.question.choices:
        choice = data.draw(st.sampled_from(ahmed.question.choices))
        meant = (cursor.name if state in ("member_stop", "member_note")
                 else cursor.invite.youth_name if state == "invite_answer" and cursor.invite
                 else None)
        return UserInput.clicked(choice.id, ahmed.question.step), meant
    if act == "accept" and world.codes:
        return UserInput.typed(f"/start {data.draw(st.sampled_from(world.codes))}"), None
    command = {"note": "/bericht", "vragen": "/vragen", "stop": "/stoppen"}.get(act, "/plan")
    return UserInput.typed(command), None


def youth_acts(youth: Youth, act: str, helper: str, ahmed: Youth) -> None:
    """One of the youth's own steps, through the buttons a person would press; an invite
    Ahmed opens and accepts at once."""
    if act == "undo":
        youth.says("/terug")
        return
    if act == "give_room":  # to Ahmed or someone else: his ask goes, or comes (again)
        youth.says("/wijzig")
        for label in ("Een afspraak", "Een eigen kamer", helper, "Deze maand"):
            press_if_there(youth, label)
        return
    youth.says("/delen")
    wanted = {"stop_sharing": ["Stop delen met Ahmed"],
              "invite": ["Ahmed uitnodigen als JIM", "Iemand uitnodigen die helpt"]}[act]
    labels = [c.label for c in youth.question.choices]
    youth.clicks(next((label for label in wanted if label in labels), "Laat maar"))
    press_if_there(youth, "Ahmed")
    code = next((m.invite for m in youth.replies if m.invite), None)
    if code is not None:
        ahmed.says(f"/start {code}")
        press_if_there(ahmed, "Ja, ik wil JIM zijn")
        press_if_there(ahmed, "Ja")


def press_if_there(youth: Youth, label: str) -> None:
    if youth.question is not None and any(c.label == label for c in youth.question.choices):
        youth.clicks(label)


def youth_step(world: World, youth: str, act: str, helper: str) -> None:
    """A youth's step reaches nothing of the other youth."""
    before = world.seen()
    youth_acts(world.people[youth], act, helper, world.ahmed)
    world.hold([*world.ahmed.replies, *world.ahmed.inbox()])
    after = world.seen()
    other = next(name for name in YOUTHS if name != youth)
    assert after[other][:2] == before[other][:2] and not after[other][2], (youth, act)
    if act == "undo":
        check_done_asks_keep_their_answer(world.store)


def ahmed_step(world: World, data: st.DataObject) -> None:
    """Ahmed's step reaches only the youth it was meant for."""
    before = world.seen()
    user_input, meant = ahmed_acts(world, data)
    ahmed = world.ahmed
    replies = (ahmed.clicks_raw(user_input.choice, user_input.step)
               if user_input.kind is InputKind.CHOICE else ahmed.says(user_input.text))
    world.hold([*replies, *ahmed.inbox()])
    after = world.seen()
    for youth in YOUTHS:
        if NAMES[youth] != meant:
            assert after[youth][:2] == before[youth][:2], (user_input, youth, meant)
            assert not after[youth][2], (user_input, youth, meant)


def check_done_asks_keep_their_answer(store: Store) -> None:
    """An ask Ahmed answered is done; the answer stays in the plan while he still helps."""
    with UnitOfWork(store) as uow:
        ahmed = uow.users.find("test", "ahmed")
        for link in uow.links.of_member(ahmed):
            plan = uow.conversations.load(link.youth_id).parse()[1]
            for ask in uow.asks.of_link(link.id):
                action = plan.action(ask.subject)
                if (ask.status == uow.asks.DONE and action is not None
                        and action.person_id == link.person_id):
                    assert action.response is not None, ask


@settings(FUZZ, max_examples=200)
@given(data=st.data())
def test_what_ahmed_does_reaches_only_the_youth_it_was_meant_for(
        prepared: Prepared, data: st.DataObject) -> None:
    store = prepared.store
    start_from(store, prepared.copy)
    turns = Turns(store)
    world = World(store, {name: Youth(turns, name) for name in (*YOUTHS, "ahmed")})
    recycled = data.draw(st.booleans())
    world.hold(prepared.asked)
    for _ in range(data.draw(st.integers(4, 14))):
        if recycled:
            hand_out_ids_again(store)
        actor = data.draw(st.sampled_from(["ahmed", "ahmed", *YOUTHS]))
        if actor == "ahmed":
            ahmed_step(world, data)
            continue
        other = next(youth for youth in YOUTHS if youth != actor)
        act = data.draw(st.sampled_from(YOUTH_ACTS))
        steps = ([(actor, "stop_sharing"), (other, "invite")] if act == "hand_over"
                 else [(actor, act)])
        for youth, step in steps:
            youth_step(world, youth, step, data.draw(st.sampled_from(HELPERS)))
    check_done_asks_keep_their_answer(store)


@settings(FUZZ, max_examples=1500)
@given(raw=st.text(max_size=70) | st.from_regex(r"s:a:[0-9²٣-]{0,30}:[ynop²]?", fullmatch=True)
       | st.from_regex(r"[0-9²٣ +-]{1,22}:(start|more|later|[a-z]{0,6})", fullmatch=True))
def test_random_callback_data_is_a_stale_button_at_worst(prepared: Prepared, raw: str) -> None:
    user_input = read_callback(raw)
    if user_input is None:
        return  # the adapter answers "Die knop werkt niet."
    reply = Turns(prepared.store).handle("test", "ahmed", user_input)
    assert reply.messages and all(m.text for m in reply.messages)
