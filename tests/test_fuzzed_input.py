"""Random sequences of inputs for one to three users: no exception escapes, every input gets a
reply, every stored plan validates after every turn, and nothing of one user reaches another
— in replies or in queued messages — unless that user consented (a link, or an invitation
they sent and the other opened).

Each user starts by giving a secret as their name and making an invitation for a begeleider;
the codes of all invitations are in the mix, so users do open each other's invitations,
say yes and share plans.

On Telegram, random mixes of private messages and presses (current, stale, forged, double)
with group messages, presses in groups and on inline messages, channel posts and the bot
being added to groups: each group or channel gets one pointer and is left, a press outside a
private chat only gets a notice, nothing of theirs is stored, and Telegram refuses nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.messages import Message, UserInput
from bot.storage.database import sqlite_url
from bot.storage.tables import invites, links, users
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import open_migrated
from tests.html_subset import assert_safe_html
from tests.telegram_fake.bot import running_bot
from tests.telegram_fake.people import FakeGroup, FakeUser
from tests.telegram_fake.server import FakeTelegram

COMMANDS = ["/start", "/plan", "/wijzig", "/terug", "/pauze", "/help", "/taal", "/onbekend",
            "/start abc", "/START", "/plan@toekomstplan_bot", "/sos", "/mijngegevens",
            "/verwijder", "/delen", "/begeleider", "/jongeren", "/bericht", "/stoppen"]
ODD_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", " ", "\u200b", "\u202e", "مرحبا بك", "שלום", "👩‍👩‍👧", "<b>", "&amp;", "1", "2", "3",
     "ja", "nee", "klaar", "weet niet", "mijn zus Sanne en oom Ahmed", "x" * 2000,
     "ik wil dood", "ik slaap vannacht op straat", "Ja, wis alles", "Mark", "RIBW"])
CLICKS = ["start", "skip", "done", "yes", "no", "more", "p1", "p2", "support", "wonen", "forged",
          "", "jim", "net", "pro", "private", "1", "2", "3", "erase", "s:x", "s:a:1:p",
          "s:a:1:y", "s:a:2:n"]


def inputs(question: Message | None, codes: list[str]) -> st.SearchStrategy[UserInput]:
    """Anything a chat can send: text, commands, invitation codes, media with captions, edits,
    the buttons of the question shown, and stale and forged ones."""
    step = question.step if question and question.step is not None else 0
    current_step = st.sampled_from([step, step + 1, 0])
    real = [UserInput.clicked(c.id, question.step) for c in question.choices] if question else []
    typed = ODD_TEXT.map(UserInput.typed)
    command = st.sampled_from(COMMANDS).map(UserInput.typed)
    invite = st.sampled_from(codes).map(lambda code: UserInput.typed(f"/start {code}"))
    media = st.builds(UserInput.media, st.sampled_from(["sticker", "photo", "voice"]),
                      st.sampled_from(["", "ik wil dood", "hoi"]))
    click = st.builds(UserInput.clicked, st.sampled_from(CLICKS),
                      st.one_of(st.none(), current_step))
    others = st.one_of(typed, command, invite, invite, media, click,
                       st.builds(UserInput.edited, ODD_TEXT))
    return st.one_of(st.sampled_from(real), others) if real else others


def consented(store: Store) -> set[tuple[str, str]]:
    """(from, to) pairs of user ids whose data may flow: a link (youth → member) or an
    invitation (inviter → whoever opened it)."""
    with store.engine.connect() as connection:
        pairs = {(str(a), str(b)) for a, b in connection.execute(
            select(links.c.youth_id, links.c.member_id))}
        pairs |= {(str(a), str(b)) for a, b in connection.execute(
            select(invites.c.inviter_id, invites.c.opened_by)
            .where(invites.c.opened_by.is_not(None)))}
    return pairs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_inputs_never_break_a_conversation(tmp_path_factory, migrated_sqlite_file,  # type: ignore[no-untyped-def]
                                                  data) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    store = open_migrated(sqlite_url(path), migrated_sqlite_file)
    turns = Turns(store)
    names = data.draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3,
                               unique=True))
    youth = {name: Youth(turns, user=name) for name in names}
    secrets = {name: f"Geheim{name.upper()}xq" for name in names}
    codes: list[str] = []
    ids: dict[str, str] = {}
    allowed: set[tuple[str, str]] = set()
    for name in names:  # each says something only they said, and makes an invitation
        youth[name].says("/start")
        youth[name].clicks("start")
        youth[name].says(secrets[name])
        if name == names[0]:  # a begeleider too: an invitation for a youth
            for said in ("/begeleider", "Mark", "RIBW", "mentor"):
                youth[name].says(said)
        else:
            youth[name].says("/delen")
            youth[name].clicks("pro")
        codes.append(youth[name].invite)
        with UnitOfWork(store) as uow:
            ids[name] = str(uow.users.find("test", name))

    def check(recipient: str, messages: list[Message]) -> None:
        for message in messages:
            assert_safe_html(message.text)
            codes.extend(m for m in [message.invite] if m)
            for other in names:
                if other != recipient and (ids[other], ids[recipient]) not in allowed:
                    assert secrets[other] not in message.text, (other, recipient)

    name = names[-1]
    for _ in range(data.draw(st.integers(5, 40))):
        if data.draw(st.booleans()):  # often the same user goes on, as people do
            name = data.draw(st.sampled_from(names))
        user_input = data.draw(inputs(youth[name].question, codes))
        reply = turns.handle("test", name, user_input)
        assert reply.messages, f"no reply to {user_input!r}"
        asked = [m for m in reply.messages if m.choices]
        youth[name].question = asked[-1] if asked else youth[name].question
        allowed |= consented(store)
        with UnitOfWork(store) as uow:  # /verwijder makes a new user of the next input
            ids = {other: str(uow.users.find("test", other)) for other in names}
        check(name, reply.messages)
        for other in names:
            check(other, youth[other].inbox())  # what the turn queued for everyone
            with UnitOfWork(store) as uow:  # every plan loads, so it validates
                user_id = uow.users.find("test", other)
                stored = uow.conversations.load(user_id) if user_id else None
            if stored is not None:
                stored.parse()
    store.engine.dispose()


# --- on Telegram: private chats mixed with groups, channels and inline presses -------------

POINTER = "Ik werk alleen in een privégesprek. Stuur me daar een bericht: @toekomstplan_test_bot"
PRIVATE_IDS = [71, 72]  # youth who talk to the bot, and are members of the groups too
GROUP_ONLY_IDS = [81, 82]  # members who never open a private chat with the bot
GROUP_IDS = [-1001, -1002]
TELEGRAM_TEXTS = ["/start", "hoi", "17", "Sanne", "ik wil dood", "/plan", "/delen", "/help"]
PRESSES = ["current", "stale", "forged", "double"]
TELEGRAM_ACTIONS = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(PRIVATE_IDS), st.sampled_from(TELEGRAM_TEXTS)),
    st.tuples(st.just("press"), st.sampled_from(PRIVATE_IDS), st.sampled_from(PRESSES)),
    st.tuples(st.just("group"), st.sampled_from(PRIVATE_IDS + GROUP_ONLY_IDS),
              st.sampled_from(GROUP_IDS), st.sampled_from(TELEGRAM_TEXTS)),
    st.tuples(st.just("group_press"), st.sampled_from(PRIVATE_IDS + GROUP_ONLY_IDS),
              st.sampled_from(GROUP_IDS), st.sampled_from(["1:start", "2:skip", "s:a:1:y"])),
    st.tuples(st.just("inline"), st.sampled_from(PRIVATE_IDS + GROUP_ONLY_IDS),
              st.sampled_from(["1:start", "x"])),
    st.tuples(st.just("added"), st.sampled_from(PRIVATE_IDS + GROUP_ONLY_IDS),
              st.sampled_from(GROUP_IDS)),
    st.tuples(st.just("channel"), st.sampled_from(["nieuws", "/start"])))


async def telegram_scenario(tmp_path: Path, actions: list[tuple[Any, ...]]) -> None:
    """Everything pushed at once, as a busy moment on Telegram; then the bot settles."""
    async with FakeTelegram() as tg:
        async with running_bot(tg, tmp_path) as store:
            people = {uid: FakeUser(tg, uid, f"Lid{uid}") for uid in PRIVATE_IDS + GROUP_ONLY_IDS}
            groups = {gid: FakeGroup(tg, gid, f"Groep {gid}") for gid in GROUP_IDS}
            channel = FakeGroup(tg, -1009, "Nieuws", kind="channel")
            posted_in: set[int] = set()
            for action in actions:
                kind, *args = action
                if kind == "text":
                    people[args[0]].push_text(args[1])
                elif kind == "press":
                    push_private_press(tg, people[args[0]], args[1])
                elif kind == "group":
                    groups[args[1]].post(people[args[0]], args[2])
                    posted_in.add(args[1])
                elif kind == "group_press":
                    groups[args[1]].push_press(people[args[0]], args[2])
                elif kind == "inline":
                    people[args[0]].press_inline(args[1])
                elif kind == "added":
                    groups[args[1]].add_bot(people[args[0]])
                    posted_in.add(args[1])
                else:
                    channel.post(None, args[0])
                    posted_in.add(channel.chat.id)
            await settled(tg, [groups.get(gid, channel) for gid in posted_in])
            for gid in posted_in:  # each group or channel: one pointer, then left
                chat = groups.get(gid, channel).chat
                assert chat.left and [m["text"] for m in groups.get(gid, channel).bot_messages
                                      ] == [POINTER], gid
            for group in groups.values():
                assert not group.chat.answers or set(group.chat.answers) == {POINTER}
            talked = {args[0] for kind, *args in actions if kind in ("text", "press")}
            with store.engine.connect() as connection:
                stored = connection.execute(select(users.c.id)).all()
            assert len(stored) <= len(talked)  # nobody from a group or an inline press
            for uid in GROUP_ONLY_IDS:
                assert not people[uid].bot_messages
        tg.assert_no_errors()


def push_private_press(tg: FakeTelegram, user: FakeUser, which: str) -> None:
    """A press in the user's own chat, without waiting: on the newest question, an older
    one, forged data, or twice at once."""
    questions = [m for m in user.bot_messages if m.get("reply_markup")]
    if not questions or which == "forged":
        message = questions[-1] if questions else {"message_id": 1, "chat": user.chat.as_json(),
                                                   "date": 0, "text": "?"}
        datas = ["999:nope"]
    else:
        message = questions[-1] if which != "stale" else questions[0]
        data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        datas = [data, data] if which == "double" else [data]
    for data in datas:
        tg.push_update("callback_query", {"id": tg.new_query_id(user.id), "from": user.json,
                                          "message": dict(message), "data": data,
                                          "chat_instance": str(user.id)})


async def settled(tg: FakeTelegram, chats: list[FakeGroup]) -> None:
    """Every group that wrote is left, every press answered, and the bot quiet for a moment."""
    for chat in chats:
        await asyncio.wait_for(chat.left(), 20)
    while True:
        made = sum(1 for call in tg.calls if call.method != "getUpdates")
        await asyncio.sleep(0.3)
        if not tg.unanswered and made == sum(1 for c in tg.calls if c.method != "getUpdates"):
            return


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(actions=st.lists(TELEGRAM_ACTIONS, min_size=1, max_size=14))
def test_groups_channels_and_inline_presses_never_reach_a_conversation(
        tmp_path_factory, actions) -> None:  # type: ignore[no-untyped-def]
    asyncio.run(telegram_scenario(tmp_path_factory.mktemp("tg"), actions))
