"""Concepts: word classes matched by lemma and with one typo, combined within a clause.

The phrase lists match word sequences; young people paraphrase. So the phrase files also name
*concepts* (``dying = doodgaan | sterven | zelfmoord``) and *combinations* of them
(``suicide = self + wish + dying``): a combination fires when every one of its concepts occurs
in one clause (a part of a sentence up to a comma or "maar"; or the whole sentence, when none
of its clauses holds a negation), in any order, in any word form.
A word belongs to a concept when its spelling, its lemma (``simplemma``, in the message's
language: "sliep" → "slapen", "cuts" → "cut") or — for unknown words of five letters or
more — a spelling one typo away does ("zelfmoort"; not "slaap" for "slaan": that is a word
itself). A clause with a negation ("niet", "nooit", "never", not followed by "meer" or
"anymore") fires no combination unless the combination names ``negation``.

Pure code: the lemma tables ship inside the ``simplemma`` package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import simplemma

MIN_TYPO_CONCEPT = 6
_CACHE = 1 << 16
NEGATION = "negation"
NEGATION_END = "negation_end"
CONDITION = "condition"  # "als ik niet kom": a condition, no denial
PURPOSE = "purpose"  # "om het niet te voelen": a purpose, no denial


@lru_cache(maxsize=_CACHE)
def lemma(word: str, lang: str) -> str:
    """The dictionary form of a folded word in ``lang`` (itself when unknown). One language
    only: Dutch rules read English words wrongly ("he" → "heben")."""
    return simplemma.lemmatize(word, lang=lang).casefold()


@dataclass(frozen=True)
class Combination:
    """``kind = a|b + c``: each part is a set of concept names, one of which must occur."""

    kind: str
    probable: bool
    parts: tuple[frozenset[str], ...]
    names: frozenset[str]  # every concept the line names

    def fires(self, present: frozenset[str]) -> bool:
        return all(not part.isdisjoint(present) for part in self.parts)


def parse_combination(line: str, where: str) -> Combination:
    kind, sep, rest = line.partition("=")
    kind = kind.strip()
    if not sep or not kind or not rest.strip():
        raise ValueError(f"{where}: expected 'kind = concept + concept'")
    probable = kind.startswith("?")
    parts = tuple(frozenset(name.strip() for name in part.split("|") if name.strip())
                  for part in rest.split("+"))
    if not all(parts):
        raise ValueError(f"{where}: an empty part in {line!r}")
    return Combination(kind.removeprefix("?"), probable, parts, frozenset().union(*parts))


class Concepts:
    """Which concepts a word belongs to. ``plain`` normalises a word the way the phrase
    matcher does (letter runs, digits, spelling variants), so entries and text agree."""

    def __init__(self, entries: dict[str, list[tuple[str, str]]], lang: str,
                 plain: Callable[[str], str],
                 one_edit_apart: Callable[[str, str], bool]) -> None:
        """``entries``: concept name -> (word, the language of the file it came from). Only
        the words of ``lang`` count: "die" is a death word in English, "that" in Dutch.
        Words are written as lemmas (or in every form that the lemma rules miss)."""
        self.lang = lang
        lemma("a", lang)  # loads the language's lemma table now, not at the first message
        self._plain = plain
        self._one_edit_apart = one_edit_apart
        vocabulary: dict[str, set[str]] = {}
        for name, words in entries.items():
            for word, word_lang in words:
                if word_lang == lang:
                    vocabulary.setdefault(plain(word), set()).add(name)
        self._vocabulary = {key: frozenset(names) for key, names in vocabulary.items()}
        by_length: dict[int, list[str]] = {}
        for key in self._vocabulary:
            if len(key) >= MIN_TYPO_CONCEPT and " " not in key:
                by_length.setdefault(len(key), []).append(key)
        self._by_length = by_length
        self.of_word = lru_cache(maxsize=_CACHE)(self._of_word)

    def _of_word(self, folded: str) -> frozenset[str]:
        """The concepts of one folded word (before letter runs are collapsed)."""
        plain = self._plain(folded)
        if " " in plain:  # a spelling variant of several words ("dont" → "do not")
            return frozenset().union(*(self._vocabulary.get(part, ()) for part in plain.split()))
        found = self._vocabulary.get(plain)
        if found is None:
            found = self._vocabulary.get(self._plain(lemma(folded, self.lang)))
        if (found is None and len(plain) >= MIN_TYPO_CONCEPT
                and not simplemma.is_known(folded, lang=self.lang)):
            found = self._typo(plain)
        return found or frozenset()

    def _typo(self, word: str) -> frozenset[str] | None:
        size = len(word)
        for length in (size, size - 1, size + 1):
            for key in self._by_length.get(length, ()):
                if key[0] == word[0] and self._one_edit_apart(word, key):
                    return self._vocabulary[key]
        return None

    def of_clause(self, words: list[str]) -> frozenset[str]:
        """Every concept in a clause; ``negation`` only for a denial (see :func:`denies`)."""
        names = [self.of_word(word) for word in words]
        present: set[str] = set().union(*names) - {NEGATION}
        if any(NEGATION in name and denies(names, index) for index, name in enumerate(names)):
            present.add(NEGATION)
        return frozenset(present)


def denies(names: list[frozenset[str]], index: int) -> bool:
    """Whether the negation word at ``index`` (concepts per word) denies what is said: not
    when "meer"/"anymore" follows soon ("niet meer leven"), not after "als" ("als ik niet
    kom") and not before "te" ("om het niet te voelen")."""
    after = names[index + 1:index + 3]
    if any(NEGATION_END in name for name in after):
        return False
    if after and PURPOSE in after[0]:
        return False
    return not any(CONDITION in name for name in names[max(0, index - 2):index])
