"""Words matter: Dutch at language level B1 — short sentences, short questions, no jargon."""

from __future__ import annotations

import re

from tests.test_catalogs import source_messages

JARGON = ("leefdomein", "big 5", "big5", "inkomen", "ondersteuningsbehoefte",
          "netwerk in kaart", "hulpvraag", "zorgvraag", "indicatie", "casus", "cliënt")
_SENTENCE_END = re.compile(r"(?<=[.?!:])\s+|\n+")


def sentences(text: str) -> list[str]:
    plain = re.sub(r"<[^>]+>|\{[a-z_]+\}", "x", text)
    return [s for s in (part.strip() for part in _SENTENCE_END.split(plain)) if s]


def words(sentence: str) -> int:
    return len(re.findall(r"[\w’'-]+", sentence))


def test_sentences_are_short_and_questions_at_most_twenty_words() -> None:
    all_sentences = [s for message in source_messages() for s in sentences(message)]
    average = sum(map(words, all_sentences)) / len(all_sentences)
    assert average <= 10, f"average sentence is {average:.1f} words"
    long_questions = [s for s in all_sentences if s.endswith("?") and words(s) > 20]
    assert not long_questions


def test_no_jargon_in_what_the_bot_says() -> None:
    found = [m for m in source_messages() for term in JARGON if term in m.casefold()]
    assert not found, found
