"""Words matter: Dutch at language level B1 — short sentences, short questions, no jargon."""

from __future__ import annotations

import re

from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
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


LONG_NEED = ("Ik wil graag een eigen kamer in de buurt van mijn school, want nu reis ik elke dag "
             "twee uur heen en terug en dat houd ik niet vol")


def test_questions_filled_in_with_long_answers_stay_short(store: Store) -> None:
    youth = Youth(Turns(store))
    asked: list[str] = []

    def answer(text: str) -> None:
        youth.says(text)
        asked.extend(m.text for m in youth.replies if m.step is not None)

    for text in ["/start", "ja", "Mohammed Abdelkarim El Amrani", "19", "gaat wel", "nee",
                 "mijn tante Fatima Zahra El Idrissi en buurvrouw Anne-Marie van den Berg",
                 "1", "1", "2", "2", "Lodewijk Jan van der Meulen", "vriend van mijn broer",
                 "3", "3", "dat is iedereen", "klaar", "Fatima Zahra El Idrissi", "later",
                 "wonen en geld gaan niet goed, school gaat wel", "Het is te ver", LONG_NEED,
                 LONG_NEED, "ja", "Het is te weinig", LONG_NEED, LONG_NEED, "ja", LONG_NEED,
                 "ja"]:
        answer(text)
    assert youth.state == "action_who"
    answer("/wijzig")
    answer("1")
    assert len(asked) > 30
    for text in asked:
        for line in text.split("\n"):
            for sentence in re.split(r"(?<=[.!?])\s+", line):
                if sentence.endswith("?"):
                    assert words(sentence) <= 20, sentence
