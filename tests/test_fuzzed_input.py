"""Random sequences of inputs for one to three youth: no exception escapes, every input gets a
reply, the stored plan validates after every turn, and nothing of one youth reaches another."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.flows.messages import UserInput
from bot.storage.database import open_store, sqlite_url
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.html_subset import assert_safe_html

COMMANDS = ["/start", "/plan", "/wijzig", "/terug", "/pauze", "/help", "/taal", "/onbekend",
            "/start abc", "/START", "/plan@toekomstplan_bot"]
ODD_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", " ", "\u200b", "\u202e", "مرحبا بك", "שלום", "👩‍👩‍👧", "<b>", "&amp;", "1", "2", "3",
     "ja", "nee", "klaar", "weet niet", "mijn zus Sanne en oom Ahmed", "x" * 2000])


def inputs(current_step: st.SearchStrategy[int]) -> st.SearchStrategy[UserInput]:
    typed = ODD_TEXT.map(UserInput.typed)
    command = st.sampled_from(COMMANDS).map(UserInput.typed)
    media = st.sampled_from(["sticker", "photo", "voice", "location"]).map(UserInput.media)
    click = st.builds(UserInput.clicked, st.sampled_from(
        ["start", "skip", "done", "yes", "no", "p1", "p2", "support", "wonen", "forged", ""]),
        st.one_of(st.none(), current_step))
    return st.one_of(typed, command, media, click, st.just(UserInput.edited()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_inputs_never_break_a_conversation(tmp_path_factory, data) -> None:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    store = open_store(sqlite_url(path), TEST_KEY)
    turns = Turns(store)
    names = data.draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3,
                               unique=True))
    youth = {name: Youth(turns, user=name) for name in names}
    secrets = {name: f"Geheim{name.upper()}xq" for name in names}
    for name in names:  # each youth says something only they said
        youth[name].says("/start")
        youth[name].clicks("start")
        youth[name].says(secrets[name])
    for _ in range(data.draw(st.integers(5, 25))):
        name = data.draw(st.sampled_from(names))
        step = youth[name].question.step if youth[name].question else 0
        user_input = data.draw(inputs(st.sampled_from([step or 0, (step or 0) + 1, 0])))
        reply = turns.handle("test", name, user_input)
        assert reply.messages, f"no reply to {user_input!r}"
        for message in reply.messages:
            assert_safe_html(message.text)
            for other in names:
                if other != name:
                    assert secrets[other] not in message.text
        youth[name].stored()  # the plan loads, so it validates
    store.engine.dispose()
