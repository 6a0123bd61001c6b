"""Text on Telegram: long texts cut where a reader expects it and valid in every piece,
user text shown exactly as typed, and /start links read the way Telegram makes them."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from bot.adapters.telegram.splitting import split_text, visible_length
from bot.flows.plan_view import render_plan
from bot.i18n import Translator
from bot.storage.unit_of_work import UnitOfWork
from tests.telegram_fake.html_entities import parse_html, utf16_length
from tests.telegram_fake.people import FakeUser
from tests.telegram_fake.server import FakeTelegram

WORDS = st.sampled_from(["woord", "😀", "&amp;", "&lt;b&gt;", "é", "👩‍👩‍👧", "&#128512;",
                         "x" * 30, "&"])
PARTS = st.one_of(WORDS, st.sampled_from([" ", "\n", "\n\n"]),
                  WORDS.map(lambda w: f"<b>{w} {w}</b>"), WORDS.map(lambda w: f"<i>{w}\n{w}</i>"))


@given(st.lists(PARTS, max_size=200), st.integers(min_value=8, max_value=120))
def test_every_piece_is_valid_html_within_the_limit_and_nothing_is_lost(
        parts: list[str], limit: int) -> None:
    text = "<b>" + "".join(parts) + "</b>"
    visible, _ = parse_html(text)
    pieces = split_text(text, limit)
    shown = [parse_html(piece)[0] for piece in pieces]  # raises on unbalanced tags
    assert all(utf16_length(piece) <= limit for piece in shown)
    assert all(visible_length(piece) == utf16_length(seen) for piece, seen in zip(
        pieces, shown, strict=True))
    squeezed = "".join(visible.split())
    assert "".join("".join(seen.split()) for seen in shown) == squeezed  # only gaps dropped


def test_cuts_prefer_paragraphs_then_lines_then_spaces() -> None:
    text = "aaaa bbbb\ncccc\n\ndddd eeee"
    assert split_text(text, 20) == ["aaaa bbbb\ncccc", "dddd eeee"]
    assert split_text(text, 12) == ["aaaa bbbb", "cccc", "dddd eeee"]
    assert split_text("<b>één twee drie</b>", 8) == ["<b>één</b>", "<b>twee</b>", "<b>drie</b>"]
    assert split_text("&amp;" * 10, 4) == ["&amp;" * 4, "&amp;" * 4, "&amp;" * 2]
    assert split_text("😀" * 5, 4) == ["😀😀", "😀😀", "😀"]  # two UTF-16 units each


async def plan_with_answers(tg: FakeTelegram, user_id: int, answer: str) -> FakeUser:
    """A youth whose housing answers are three long texts (checked), then /plan."""
    sem = FakeUser(tg, user_id, "Sem")
    await sem.send_text("/start")
    await sem.click("Oké, we beginnen")
    for text in ("Sem", "17"):
        await sem.send_text(text)
    for label in ("Goed", "Nee", "Sla over", "Weet ik nog niet", "🏠 Wonen", "Klaar"):
        await sem.click(label)
    for _ in range(3):
        await sem.send_text(answer)
    await sem.click("Ja")
    return sem


def expected_plan(tg: FakeTelegram, user: FakeUser) -> str:
    with UnitOfWork(tg.store) as uow:
        plan = uow.conversations.load_for("telegram", str(user.id))[1].parse()[1]
    return parse_html(render_plan(plan, Translator("nl")))[0]


def lines_of(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines()}


async def test_a_long_plan_arrives_whole_cut_at_paragraphs_and_lines(tg: FakeTelegram) -> None:
    for user_id, answer in ((4101, "Oh" + "😀" * 998), (4102, "En" + "&" * 998),
                            (4103, "Of" + "<&>" * 332)):
        sem = await plan_with_answers(tg, user_id, answer)
        before = len(sem.bot_messages)
        await sem.send_text("/plan")
        pieces = [m.get("text", "") for m in sem.bot_messages[before:-1]]
        assert "Wie kan je helpen met:" in sem.last_text()
        plan = expected_plan(tg, sem)
        assert " ".join(" ".join(pieces).split()) == " ".join(plan.split())  # all, in order
        header, wie = plan.split("\n\n")[:2]
        assert pieces[0].startswith(f"{header}\n\n{wie}")  # cut at paragraphs, ...
        paragraphs = {p.split("\n")[0] for p in plan.split("\n\n")}
        assert pieces[1].split("\n")[0] in paragraphs | lines_of(plan)  # ... or at line ends
        lines = lines_of(plan)
        assert all(piece.splitlines()[-1].strip() in lines for piece in pieces)
        assert len(pieces) > 1 and all(utf16_length(p) <= 4096 for p in pieces)
        assert sum(p.count(answer) for p in pieces) == 4  # every answer whole, as typed
        assert "amp;" not in "".join(pieces) and "&lt;" not in "".join(pieces)


async def test_a_deep_link_payload_telegram_can_carry_is_read_and_others_are_plain_start(
        tg: FakeTelegram) -> None:
    for user_id, text in ((4110, "/start " + "%$#" * 30), (4111, "/start a b"),
                          (4112, "/start " + "A" * 65), (4113, "/start"),
                          (4114, "/start@toekomstplan_test_bot")):
        user = FakeUser(tg, user_id, "Sem")
        await user.send_text(text)
        assert user.bot_messages[0]["text"].startswith("Hoi!"), text  # just the welcome
        assert user.last_text().endswith("Zullen we beginnen?")
    stranger = FakeUser(tg, 4115, "Sem")
    await stranger.send_text("/start AbC_12-x")  # well-formed, but no invite of ours
    (reply,) = stranger.bot_messages  # one clear message, and the way on
    assert reply["text"].startswith("Deze uitnodiging werkt niet.")
    assert reply["text"].endswith("Zullen we beginnen?")


def test_user_text_is_escaped_wherever_it_is_shown() -> None:
    shown = split_text(html.escape('<b>"Jan" & co</b>', quote=False))
    assert parse_html(shown[0]) == ('<b>"Jan" & co</b>', [])
