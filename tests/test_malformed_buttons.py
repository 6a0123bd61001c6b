"""Button data is read strictly: ASCII digits only, within bounds. Anything else — "²"
(which ``str.isdigit`` accepts and ``int`` refuses), other scripts' digits, references of the
wrong shape — is a stale or forged button: a short friendly reply, and the chat goes on."""

from __future__ import annotations

from bot.adapters.telegram.render import read_callback
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram
from tests.test_sharing_asks import GONE, jim_with_one_of_two_actions

MALFORMED_STEPS = ["²:start", "1²:start", "٣:start", "-1:start", "+1:start", " 1:start",
                   "1" * 19 + ":start"]


def malformed_asks(ask: str) -> list[str]:
    """Ask buttons like the real one (``s:a:<ask>-<link>-<youth>:<answer>``), but malformed."""
    ask_id, link_id, youth_id = ask.split("-")
    return [f"s:a:²-{link_id}-{youth_id}:n", f"s:a:{ask_id}-{link_id}-{youth_id}²:n",
            f"s:a:{ask_id}:n", f"s:a:{ask_id}-{link_id}:n", f"s:a:{ask}-1:n",
            f"s:a:{ask_id}--{youth_id}:n", f"s:a:{ask}", f"s:a:{ask}:", f"s:a:{ask}:n:n",
            f"s:a:{ask}:x", f"s:a:{ask_id}-{link_id}-{'9' * 19}:n", "s:a:²:y", "s:", "s:j:"]


def test_step_numbers_are_ascii_digits_only() -> None:
    for data in MALFORMED_STEPS:
        assert read_callback(data) is None, data
    assert read_callback("12:start").step == 12


async def test_a_malformed_step_gets_a_toast_and_the_chat_goes_on(tg: FakeTelegram) -> None:
    sem = FakeUser(tg, 4101, "Sem")
    await sem.send_text("/start")
    welcome = sem.last_question()
    for data in MALFORMED_STEPS:
        assert await sem.click_data(data, welcome, question=False) == [], data
        assert sem.toast == "Die knop werkt niet.", data
    await sem.click("Oké, we beginnen")
    assert sem.last_text().startswith("Hoe mag ik je noemen?")


def test_a_malformed_ask_button_answers_nothing(store: Store) -> None:
    noor, ahmed = jim_with_one_of_two_actions(Turns(store))
    real = next(m for m in ahmed.inbox() if m.choices).choices[2].id  # "Nee"
    for data in malformed_asks(real.split(":")[2]):
        ahmed.clicks_raw(data, None)
        assert GONE in ahmed.text and ahmed.question.choices, data
    assert noor.plan.actions[0].response is None and not noor.inbox()
    ahmed.clicks_raw(real, None)
    assert "Noor hoort je antwoord" in ahmed.text
