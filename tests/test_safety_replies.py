"""Crisis replies: the right numbers for each kind and age, the /sos overview, short B1 text."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from bot.i18n import Translator
from bot.messages import Message
from bot.safety.detection import RiskKind
from bot.safety.helplines import (
    ALLES_OKE,
    EMERGENCY,
    HELPLINES,
    KINDERTELEFOON,
    LAST_CHECKED,
    LUISTERLIJN,
    SEXUAL_VIOLENCE_CENTRE,
    SUICIDE_PREVENTION,
    VEILIG_THUIS,
    lines_for,
)
from bot.safety.replies import crisis_reply, sos_reply, sos_text
from tests.html_subset import assert_safe_html

NL = Translator("nl")
ALL_KINDS = list(RiskKind)

EXPECTED_NUMBERS: dict[RiskKind, tuple[str, ...]] = {
    RiskKind.SUICIDE: ("113", "0800-0113"),
    RiskKind.SELF_HARM: ("0800-0113",),
    RiskKind.HOME_VIOLENCE: ("0800-2000",),
    RiskKind.SEXUAL_VIOLENCE: ("0800-0188",),
    RiskKind.ACUTE_DANGER: ("112",),
    RiskKind.NO_SLEEPING_PLACE: ("112",),
    RiskKind.EXPLOITATION: ("0800-0188",),
    RiskKind.WORRY_OTHER: ("113", "0800-0113", "112"),
}
CRISIS_NUMBERS = ("0800-0113", "0800-2000", "0800-0188")


def text_of(messages: Iterable[Message]) -> str:
    return "\n".join(message.text for message in messages)


def sentences(text: str) -> list[str]:
    """Sentences of a reply without markup, links or headings (lines without a full stop)."""
    plain = re.sub(r"<[^>]+>|https?://\S+", "", text)
    found: list[str] = []
    for line in plain.splitlines():
        found += [part for part in re.split(r"(?<=[.!?:])\s+", line.strip()) if part]
    return [sentence for sentence in found if sentence[-1] in ".!?"]


@pytest.mark.parametrize("age", [None, 16, 20, 30])
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_reply_has_the_right_numbers(kind: RiskKind, age: int | None) -> None:
    text = text_of(crisis_reply({kind}, NL, age=age))
    for number in EXPECTED_NUMBERS[kind]:
        assert number in text, f"{kind}, age {age}: {number} missing"
    for number in CRISIS_NUMBERS:
        if number not in EXPECTED_NUMBERS[kind] and not (
                kind is RiskKind.SUICIDE and number == "0800-0113") and not (
                kind is RiskKind.NO_SLEEPING_PLACE and number == "0800-2000"
                and age is not None and age < 18):  # a minor who can't go home
            assert number not in text, f"{kind}: unrelated line {number} shown"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_minors_get_the_kindertelefoon(kind: RiskKind) -> None:
    assert KINDERTELEFOON.numbers[0] in text_of(crisis_reply({kind}, NL, age=16))
    assert KINDERTELEFOON.numbers[0] not in text_of(crisis_reply({kind}, NL, age=19))


@pytest.mark.parametrize("kind", [RiskKind.SUICIDE, RiskKind.SELF_HARM])
def test_young_adults_get_alles_oke(kind: RiskKind) -> None:
    assert ALLES_OKE.numbers[0] in text_of(crisis_reply({kind}, NL, age=20))
    assert ALLES_OKE.numbers[0] not in text_of(crisis_reply({kind}, NL, age=27))
    assert ALLES_OKE.numbers[0] not in text_of(crisis_reply({kind}, NL, age=16))


def test_acute_danger_puts_112_first() -> None:
    kinds = {RiskKind.ACUTE_DANGER, RiskKind.HOME_VIOLENCE, RiskKind.SUICIDE}
    assert lines_for(kinds, 16)[0] is EMERGENCY
    lines_message = crisis_reply(kinds, NL, age=16)[1].text
    assert lines_message.index("112") < lines_message.index("0800-0113")
    assert lines_message.index("112") < lines_message.index("0800-2000")


def test_no_place_to_sleep_gives_practical_steps_and_112_only_if_unsafe() -> None:
    assert lines_for({RiskKind.NO_SLEEPING_PLACE}, 22) == ()
    text = text_of(crisis_reply({RiskKind.NO_SLEEPING_PLACE}, NL, age=22))
    assert "nachtopvang" in text and "gemeente" in text
    assert "sociaal wijkteam" not in text  # closed at night
    assert "Zeg:" not in text  # never words to say that may be untrue
    assert "begeleider" in text
    assert "niet veilig" in text and "112" in text
    named = text_of(crisis_reply({RiskKind.NO_SLEEPING_PLACE}, NL, professional="Anouk"))
    assert "Anouk" in named


def test_no_place_to_sleep_for_a_minor_names_what_each_line_does() -> None:
    text = text_of(crisis_reply({RiskKind.NO_SLEEPING_PLACE}, NL, age=16))
    assert "0800-0432" in text and "0800-2000" in text
    assert "Kindertelefoon denkt met je mee" in text and "Veilig Thuis zoekt" in text


def test_suicide_reply_is_calm_names_free_113_and_112() -> None:
    text = text_of(crisis_reply({RiskKind.SUICIDE}, NL, age=20))
    assert text.startswith("Goed dat je het zegt.")
    assert "Wat fijn" not in text
    assert "Bel gratis 113 (24/7, anoniem) of chat op 113.nl" in text
    assert "0800-0113" in text and "112" in text


@pytest.mark.parametrize("kind", [RiskKind.HOME_VIOLENCE, RiskKind.SEXUAL_VIOLENCE])
def test_abuse_replies_open_calmly(kind: RiskKind) -> None:
    assert crisis_reply({kind}, NL, age=20)[0].text.startswith("Goed dat je het vertelt.")


def test_general_distress_gets_a_listening_line() -> None:
    text = text_of(crisis_reply(set(), NL))
    assert LUISTERLIJN.numbers[0] in text
    assert ALLES_OKE.numbers[0] in text
    assert text_of(crisis_reply(set(), NL, age=15)).count(KINDERTELEFOON.numbers[0]) == 1


@pytest.mark.parametrize(("kinds", "age", "expected"), [
    ({RiskKind.SUICIDE}, None, [SUICIDE_PREVENTION]),
    ({RiskKind.SUICIDE}, 17, [SUICIDE_PREVENTION, KINDERTELEFOON]),
    ({RiskKind.SUICIDE}, 18, [SUICIDE_PREVENTION, ALLES_OKE]),
    ({RiskKind.SUICIDE}, 25, [SUICIDE_PREVENTION, ALLES_OKE]),
    ({RiskKind.SUICIDE}, 26, [SUICIDE_PREVENTION]),
    ({RiskKind.SELF_HARM}, None, [SUICIDE_PREVENTION, LUISTERLIJN]),
    ({RiskKind.HOME_VIOLENCE}, 15, [VEILIG_THUIS, KINDERTELEFOON]),
    ({RiskKind.HOME_VIOLENCE}, 20, [VEILIG_THUIS]),
    ({RiskKind.SEXUAL_VIOLENCE}, 20, [SEXUAL_VIOLENCE_CENTRE]),
    ({RiskKind.ACUTE_DANGER}, 20, [EMERGENCY]),
    ({RiskKind.NO_SLEEPING_PLACE, RiskKind.ACUTE_DANGER}, 20, [EMERGENCY]),
    (set(), 30, [LUISTERLIJN]),
])
def test_lines_for(kinds: set[RiskKind], age: int | None, expected: list) -> None:
    assert list(lines_for(kinds, age)) == expected


@pytest.mark.parametrize("kind", [*ALL_KINDS, None])
def test_reply_acknowledges_first_and_points_to_sos(kind: RiskKind | None) -> None:
    messages = crisis_reply({kind} if kind else set(), NL, age=20)
    first = messages[0].text
    assert "Goed dat je het" in first or "Dat klinkt heel zwaar" in first
    assert "Wat fijn" not in first
    assert not re.search(r"\d{3}", first) or kind is RiskKind.ACUTE_DANGER
    assert "/sos" in messages[-1].text
    assert "zoek hulp" not in text_of(messages).lower()


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_reply_asks_nothing_about_what_happened(kind: RiskKind) -> None:
    questions = [s for s in sentences(text_of(crisis_reply({kind}, NL, age=20))) if s[-1] == "?"]
    for question in questions:
        assert not re.search(r"\b(hoe|waarmee|wat|waarom|wanneer|plan)\b", question.lower()), (
            question)


@pytest.mark.parametrize("age", [None, 16, 20])
@pytest.mark.parametrize("kind", [*ALL_KINDS, None])
def test_reply_texts_are_short(kind: RiskKind | None, age: int | None) -> None:
    messages = crisis_reply({kind} if kind else set(), NL, age=age)
    assert len(messages) <= 3
    for message in messages:
        assert len(message.text) < 1200
        assert_safe_html(message.text)
        assert message.choices == ()
    found = sentences(text_of(messages))
    words = [len(sentence.split()) for sentence in found]
    assert sum(words) / len(words) <= 10, f"sentences too long: {found}"
    assert max(words) <= 16, f"one sentence is too long: {found}"


def test_all_kinds_at_once_is_still_one_short_reply() -> None:
    messages = crisis_reply(set(RiskKind), NL, age=16)
    text = text_of(messages)
    assert text.count("0800-0432") == 1
    assert all(len(message.text) < 4096 for message in messages)


def test_professional_name_is_escaped() -> None:
    text = text_of(crisis_reply({RiskKind.NO_SLEEPING_PLACE}, NL, professional="<b>Anouk & co"))
    assert "&lt;b&gt;Anouk &amp; co" in text
    assert_safe_html(text)


def test_sos_lists_every_line_and_the_check_date() -> None:
    text = sos_text(NL)
    for line in HELPLINES:
        assert line.name in text
        for number in line.numbers:
            assert number in text
        if line.chat_url:
            assert line.chat_url in text
    assert "2 december 2026" in text
    assert "nachtopvang" in text
    assert_safe_html(text)
    assert len(text) < 4096
    assert sos_reply(NL) == [Message(text)]


def test_sos_date_is_written_in_the_users_language() -> None:
    assert "December 2, 2026" in sos_text(Translator("en"))
    assert LAST_CHECKED.year == 2026


def test_sos_sentences_are_short() -> None:
    words = [len(sentence.split()) for sentence in sentences(sos_text(NL))]
    assert sum(words) / len(words) <= 10


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_english_reply_works(kind: RiskKind) -> None:
    messages = crisis_reply({kind}, Translator("en"), age=20)
    for number in EXPECTED_NUMBERS[kind]:
        assert number in text_of(messages)


def test_exploitation_gets_the_sexual_violence_centre_and_minors_the_kindertelefoon() -> None:
    assert lines_for({RiskKind.EXPLOITATION}, 20) == (SEXUAL_VIOLENCE_CENTRE,)
    assert lines_for({RiskKind.EXPLOITATION}, 16) == (SEXUAL_VIOLENCE_CENTRE, KINDERTELEFOON)
    first = crisis_reply({RiskKind.EXPLOITATION}, NL)[0].text
    assert "Goed dat je het zegt." in first and "niet jouw schuld" in first
    assert "Wat fijn" not in first


@pytest.mark.parametrize(("age", "kindertelefoon"), [(15, True), (22, False)])
def test_worry_about_someone_else_gets_advice_lines_and_112(age: int,
                                                            kindertelefoon: bool) -> None:
    messages = crisis_reply({RiskKind.WORRY_OTHER}, NL, age=age)
    text = text_of(messages)
    assert "Goed dat je het zegt." in messages[0].text
    assert "iemand anders" in text and "advies" in text
    assert "Bel dan 112." in text
    assert ("0800-0432" in text) is kindertelefoon
    assert "0800-2000" not in text and "0800-0188" not in text


def test_worry_does_not_repeat_112_when_danger_is_listed() -> None:
    text = text_of(crisis_reply({RiskKind.WORRY_OTHER, RiskKind.ACUTE_DANGER}, NL))
    assert "Bel dan 112." not in text and "112" in text


def test_worry_reply_in_english() -> None:
    text = text_of(crisis_reply({RiskKind.WORRY_OTHER}, Translator("en"), age=16))
    assert "someone else" in text and "call 112" in text
