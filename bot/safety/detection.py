"""Spot signals of acute risk (suicide, self-harm, violence, exploitation, danger, no place to
sleep, worry about someone else) in text.

``detect(text, lang)`` returns the kinds of risk a message signals. A missed signal is the
worst failure here, so matching is generous: a false alarm only shows help lines.
``assess(text, lang)`` says the same as a :class:`Detection`: the kinds that are sure, those
that are only probable (a weak signal such as "weet niet waar ik heen moet als het misgaat",
where a caller had better ask first), and the kinds behind a worry about someone else.
``detect`` returns sure and probable kinds together, so no signal is lost for a caller that
does not ask first.

How a message is matched
------------------------
1. **Normalised** (:func:`normalise`): Unicode compatibility forms folded (fancy and
   full-width letters become plain), accents and zero-width/direction marks dropped, case
   folded, apostrophes dropped (``m'n`` → ``mn``), a sentence end (``. ! ? ;`` or a new line)
   becomes a ``.`` word, every other non-letter/digit becomes a space,
   digits inside words read as letters (``z3lfm00rd``), runs of the same letter collapsed to
   one (``zelfmoorddd`` and ``zelfmoord`` both become ``zelfmord``), one-typo variants of the
   ``[typos]`` words corrected (``zelfmoort``, ``sucide``, also at the start of a compound),
   and the ``[words]`` spellings and abbreviations replaced (``zm`` → ``zelfmoord``).
2. **Matched** against the patterns of every ``[kind]`` section, which went through the same
   normalisation when they were loaded, so they are written in plain spelling.
3. **Suppressed** when a ``[not]`` pattern (a known false positive or figure of speech) covers
   the whole match: "dood van het lachen" covers "wil ... dood" in "ik wil dood van het lachen"
   only if the ``[not]`` line also spans the "wil"; or when a negation word ("niet",
   "nooit", "geen") stands in the match or up to three words around it in the same clause
   and the pattern itself holds none ("ik denk niet aan zelfmoord"; not "niet meer leven").
4. **Combined**: the ``[combine]`` lines over the ``[concepts]`` of each clause, whose words
   count in any form (by lemma, ``simplemma``: "sliep" is "slapen") and with one typo (see
   :mod:`bot.safety.lexicon`): "ik overweeg te sterven" is *self + think + dying*.
5. **About someone else**: a sentence that names a friend or sister with no "me"/"mezelf"
   of the youth's own, or says "niet ik maar", or "zichzelf", turns its signals into
   ``WORRY_OTHER``; it is also read with "zichzelf" as "mezelf" (``[swap]``), so the
   patterns written for the youth find "ze snijdt zichzelf".

The phrase lists of every shipped language are used together (youth switch language mid
sentence: "ik wil gewoon dood, kms"); ``lang`` only decides which list wins where two lists
spell a word differently.

Phrase file format (``locales/<lang>/safety_phrases.txt``, UTF-8)
-----------------------------------------------------------------
- ``# ...`` comment lines and blank lines are ignored.
- ``[suicide]``, ``[self_harm]``, ``[home_violence]``, ``[sexual_violence]``,
  ``[exploitation]``, ``[acute_danger]``, ``[no_sleeping_place]``: one pattern per line; a
  match signals that kind (worry about someone else has no section: see step 5).
- ``[not]``: patterns of known false positives; a match covering a signal suppresses it.
- ``[words]``: ``canonical = variant | variant | ...``; each variant (one or more words) is
  replaced by the canonical spelling before matching.
- ``[typos]``: one word per line (at least 7 letters); a word one typo away (a letter missing,
  extra, wrong or two swapped) is read as this word, also as the first part of a compound.
- ``[?kind]``: patterns of a weak signal; a match makes the kind only probable.
- ``[~kind]``: patterns of a future or a condition ("anders", "als ik niet betaal",
  "volgende maand"); in a sentence that matches one, this kind is only probable, so the
  bot asks first ("anders sta ik op straat" is a threat, not a night outside). Only for
  kinds where a later risk asks for a question, not for the help lines at once (never for
  suicide: a condition there is a signal, not a doubt).
- ``[concepts]``: ``name = word | word``; ``[combine]``: ``kind = concept + concept|concept``
  (``?kind`` for a probable one). Concept words count for messages in their file's language.
- ``[other]``: patterns saying a sentence is about someone else; ``[swap]``: like ``[words]``,
  applied to such sentences only ("mezelf = zichzelf").

A pattern is a sequence of words separated by spaces, matched as whole words in order:

- ``a|b|c`` one of these; ``_`` joins words inside an alternative (``klap|pak_slaag``);
- ``word*`` any ending, ``*word`` any beginning (``zelfmoord*``, ``*vader``); ``*`` only at
  the start or end of an alternative;
- ``word?`` the word may be absent;
- ``...`` up to three other words in between (``wil ... dood`` matches "ik wil echt gewoon
  dood"); not at the start or end of a line;
- ``$`` (last on a line) the end of the message or of a sentence in it (``ik wil niet meer
  $`` matches "ik wil niet meer. echt"); ``...`` may cross a sentence end.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, locales_dir
from bot.safety.lexicon import (
    NEGATION,
    Combination,
    Concepts,
    denies,
    parse_combination,
)

PHRASES_FILE = "safety_phrases.txt"
MAX_GAP_WORDS = 3
MIN_TYPO_WORD = 7
MAX_NEGATION_DISTANCE = 3
MIN_COMBINED = 2  # a combination names at least two concepts
_TOKEN_CACHE = 1 << 16
_FOLD_CACHE = 1 << 15


class RiskKind(StrEnum):
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    HOME_VIOLENCE = "home_violence"
    SEXUAL_VIOLENCE = "sexual_violence"
    ACUTE_DANGER = "acute_danger"
    NO_SLEEPING_PLACE = "no_sleeping_place"
    EXPLOITATION = "exploitation"  # made to do things: a loverboy, sexting under pressure
    WORRY_OTHER = "worry_other"  # the youth worries about someone else ("niet ik maar ...")


@dataclass(frozen=True)
class Detection:
    """What a message signals: ``sure`` kinds, and kinds that are only ``probable`` (a weak
    signal: better to ask first, e.g. "Heb je vannacht een plek om te slapen?").
    ``about_other`` holds the kinds behind a ``WORRY_OTHER`` signal."""

    sure: frozenset[RiskKind] = frozenset()
    probable: frozenset[RiskKind] = frozenset()
    about_other: frozenset[RiskKind] = frozenset()

    @property
    def kinds(self) -> frozenset[RiskKind]:
        """Every kind signalled, sure or probable."""
        return self.sure | self.probable


NO_SIGNAL = Detection()
_NOT = "not"
_WORDS = "words"
_TYPOS = "typos"
_CONCEPTS = "concepts"
_COMBINE = "combine"
_OTHER = "other"
_SWAP = "swap"
_PROBABLE = "?"
_LATER = "~"
_KIND_VALUES = frozenset(kind.value for kind in RiskKind)
_SECTIONS = ({kind.value for kind in RiskKind} | {_PROBABLE + kind.value for kind in RiskKind}
             | {_LATER + kind.value for kind in RiskKind}
             | {_NOT, _WORDS, _TYPOS, _CONCEPTS, _COMBINE, _OTHER, _SWAP})
# Concepts the matcher itself relies on (defined in the phrase files).
FIRST_PERSON = "first_person"
PERSON_OTHER = "person_other"
REFLEXIVE_OTHER = "reflexive_other"
CONCERN = "concern"
POSSESSIVE = "possessive"
FAMILY = "family"
CLAUSE_BREAK = "clause_break"
FIRST_PERSON_SUBJECT = "first_person_subject"
QUESTION = "question"
OWN = "own"  # "mijn": the youth's own when it goes with OWN_THINGS
OWN_THINGS = frozenset({"images", "sex_act", "body"})
DENIAL = "denial"  # "geen": denies a pattern nearby ("mezelf geen pijn"), not a combination


# --- normalising --------------------------------------------------------------------------

_APOSTROPHES = frozenset("'`´ʼʻ‘’‛′")
# Letters that look like Latin ones (Cyrillic, Greek) or have no decomposition.
_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
    "ı": "i", "ß": "ss", "þ": "th", "ŀ": "l", "ĳ": "ij",
}
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


def _fold_char(char: str) -> str:
    """One character as plain ``[a-z0-9]`` text, a space, or nothing."""
    if char in _APOSTROPHES:
        return ""
    out: list[str] = []
    for part in unicodedata.normalize("NFKD", char):
        if unicodedata.category(part) in _DROPPED_CATEGORIES:
            continue
        for folded in part.casefold():
            if "a" <= folded <= "z" or "0" <= folded <= "9":
                out.append(folded)
            elif folded in _APOSTROPHES:
                continue
            elif folded == "@":
                out.append("a")
            else:
                out.append(_LOOKALIKES.get(folded, " "))
    return "".join(out)


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table computed per code point on first sight (bounded cache)."""

    def __missing__(self, codepoint: int) -> str:
        value = _fold_char(chr(codepoint))
        if len(self) < _FOLD_CACHE:
            self[codepoint] = value
        return value


_FOLD = _FoldTable()
_LEET = str.maketrans("0134578", "oieastb")
_REPEATS = re.compile(r"([a-z])\1+")


def _fold(text: str) -> str:
    """Case, accents, marks and punctuation folded away: ``[a-z0-9]`` words and spaces."""
    return text.translate(_FOLD)


def _plain_word(word: str) -> str:
    """One folded word with digits read as letters ("z3lfm00rd") and letter runs collapsed."""
    if not (word.isalpha() or word.isdigit()):
        word = word.translate(_LEET)
    return _REPEATS.sub(_first_letter, word)


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one insertion, deletion, change or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    shortest = min(la, lb)
    while i < shortest and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:] or (
            i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    if la > lb:
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]


# --- patterns -----------------------------------------------------------------------------

# A gap may cross a sentence end; ``$`` is the end of the message or of a sentence in it.
_GAP = rf"(?: (?:[a-z0-9]+|\.)){{0,{MAX_GAP_WORDS}}}?"
_END = r"(?= $| \. )"
_SENTENCE_END = re.compile(r"[.!?;\n]+")
_WORD = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[,:()]+|\b(?:maar|but)\b", re.IGNORECASE)


@dataclass
class _Phrases:
    """The raw lines of one or more phrase files, by section."""

    patterns: dict[str, list[str]] = field(default_factory=dict)
    words: list[tuple[str, str]] = field(default_factory=list)
    typos: list[str] = field(default_factory=list)
    concepts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    combinations: list[Combination] = field(default_factory=list)
    swap: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: _Phrases) -> None:
        for section, lines in other.patterns.items():
            self.patterns.setdefault(section, []).extend(lines)
        for name, words in other.concepts.items():
            self.concepts.setdefault(name, []).extend(words)
        self.words += other.words
        self.typos += other.typos
        self.combinations += other.combinations
        self.swap += other.swap


def parse_phrases(text: str, source: str = "<phrases>",
                  lang: str = DEFAULT_LANGUAGE) -> _Phrases:
    """Read a phrase file (format in the module docstring) of language ``lang`` (the
    language its concept words are lemmatised in); errors name the line."""
    phrases = _Phrases()
    section: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{number}"
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
            if section not in _SECTIONS:
                raise ValueError(f"{where}: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"{where}: a line before the first [section]")
        if section in (_WORDS, _SWAP, _CONCEPTS):
            canonical, sep, variants = line.partition("=")
            if not sep or not canonical.strip() or not variants.strip():
                raise ValueError(f"{where}: expected 'canonical = variant | variant'")
            pairs = [(variant.strip(), canonical.strip())
                     for variant in variants.split("|") if variant.strip()]
            if section == _CONCEPTS:
                phrases.concepts.setdefault(canonical.strip(), []).extend(
                    (variant, lang) for variant, _ in pairs)
            else:
                (phrases.words if section == _WORDS else phrases.swap).extend(pairs)
        elif section == _COMBINE:
            combination = parse_combination(line, where)
            if combination.kind not in _KIND_VALUES:
                raise ValueError(f"{where}: unknown kind {combination.kind!r}")
            phrases.combinations.append(combination)
        elif section == _TYPOS:
            phrases.typos += line.split()
        else:
            _check_pattern(line, where)
            phrases.patterns.setdefault(section, []).append(line)
    return phrases


def _check_pattern(line: str, where: str) -> None:
    tokens = line.split()
    if tokens[0] == "..." or tokens[-1] == "...":
        raise ValueError(f"{where}: '...' must stand between two words")
    if "$" in tokens[:-1] or tokens == ["$"]:
        raise ValueError(f"{where}: '$' must come last, after a word")
    if all(token.endswith("?") for token in tokens if token not in ("...", "$")):
        raise ValueError(f"{where}: every word is optional")
    for token in tokens:
        if token in ("...", "$"):
            continue
        for alternative in token.rstrip("?").split("|"):
            if not alternative.strip("*") or "*" in alternative.strip("*"):
                raise ValueError(f"{where}: bad word {token!r} ('*' only at start or end)")


class _Words:
    """The words of a padded, normalised text with their offsets, to turn a match's span
    into word and sentence positions without rescanning the text."""

    def __init__(self, padded: str) -> None:
        spans = [match.span() for match in _WORD.finditer(padded)]
        self.words = [padded[a:b] for a, b in spans]
        self._starts = [a for a, _ in spans]
        self._sentence_ends = [a for (a, _), word in zip(spans, self.words, strict=True)
                               if word == "."]

    def index(self, offset: int) -> int:
        """How many words start before ``offset``."""
        return bisect_left(self._starts, offset)

    def sentence(self, offset: int) -> int:
        """The index of the sentence that a match starting at ``offset`` is in."""
        return bisect_left(self._sentence_ends, offset)


class _Matcher:
    """Normalisation and compiled patterns for one set of phrase lists."""

    def __init__(self, phrases: _Phrases, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = lang
        self._typo_words = frozenset(self._plain(phrases.typos))
        by_first: dict[str, list[str]] = {}
        for word in sorted(self._typo_words):
            if len(word) < MIN_TYPO_WORD:
                raise ValueError(f"typo word {word!r} is shorter than {MIN_TYPO_WORD} letters")
            by_first.setdefault(word[0], []).append(word)
        self._typos_by_first = by_first

        # [words]: one-word variants are replaced per word (cached); longer ones by a regex.
        self._single: dict[str, str] = {}
        multi: list[tuple[list[str], str]] = []
        for variant, canonical in phrases.words:
            key = [self._fix_word(word) for word in _fold(variant).split()]
            value = " ".join(self._fix_word(word) for word in _fold(canonical).split())
            if len(key) == 1:
                self._single.setdefault(key[0], value)
            elif key:
                multi.append((key, value))
        self._word = lru_cache(maxsize=_TOKEN_CACHE)(self._word_uncached)
        self._multi: dict[str, str] = {}
        for key, value in multi:
            self._multi.setdefault(" ".join(self._word(word) for word in key), value)
        keys = sorted(self._multi, key=lambda key: (-len(key), key))
        self._multi_re = (re.compile("(?<= )(?:" + "|".join(map(re.escape, keys)) + ")(?= )")
                          if keys else None)
        self._multi_first = frozenset(key.split()[0] for key in keys)

        self.concepts = Concepts(phrases.concepts, lang, self._word, _one_edit_apart)
        self._negators = self._words_of([*phrases.concepts.get(NEGATION, ()),
                                         *phrases.concepts.get(DENIAL, ())])
        self._clause_breaks = (self._words_of(phrases.concepts.get(CLAUSE_BREAK, ()), lang)
                               | self._words_of(phrases.concepts.get(FIRST_PERSON_SUBJECT, ()),
                                                lang)
                               | {"."})
        self._swap = {self._word(_fold(variant).strip()): self._word(_fold(word).strip())
                      for variant, word in phrases.swap}
        # Combinations by a concept of their first part: only those can fire.
        self.combinations: dict[str, list[Combination]] = {}
        for combination in phrases.combinations:
            for name in combination.parts[0]:
                self.combinations.setdefault(name, []).append(combination)

        # kind -> [(pattern, probable, negatable)], sure ones first; a quick check per kind
        # and one for all.
        self.rules: dict[RiskKind, list[tuple[re.Pattern[str], bool, bool]]] = {}
        self.any_of_kind: dict[RiskKind, re.Pattern[str]] = {}
        every: list[str] = []
        for kind in RiskKind:
            searching: list[str] = []
            for probable in (False, True):
                for line in phrases.patterns.get((_PROBABLE if probable else "") + kind.value, ()):
                    spanning, search = self._regexes(line)
                    self.rules.setdefault(kind, []).append(
                        (re.compile(spanning), probable, self._negatable(line)))
                    searching.append(search)
            if searching:
                self.any_of_kind[kind] = re.compile(" (?:" + "|".join(searching) + ")")
                every += searching
        self.any_positive = re.compile(" (?:" + "|".join(every) + ")") if every else None
        self.negatives = [re.compile(self._regexes(line)[0])
                          for line in phrases.patterns.get(_NOT, ())]
        self.any_negative = (re.compile("|".join(n.pattern for n in self.negatives))
                             if self.negatives else None)
        self.later = {kind: re.compile("|".join(self._regexes(line)[0] for line in lines))
                      for kind in RiskKind
                      if (lines := phrases.patterns.get(_LATER + kind.value, ()))}
        others = [self._regexes(line)[0] for line in phrases.patterns.get(_OTHER, ())]
        self.other_marker = re.compile("|".join(others)) if others else None

    def _words_of(self, entries: Iterable[tuple[str, str]],
                  lang: str | None = None) -> frozenset[str]:
        """The normalised words of concept entries (of ``lang`` only, if given)."""
        return frozenset(self._word(word) for entry, entry_lang in entries
                         if lang in (None, entry_lang) for word in _fold(entry).split())

    def _negatable(self, line: str) -> bool:
        """Whether a negation near a match of this pattern line denies it: not when the
        pattern itself holds a negation ("niet meer leven", "geen slaapplek")."""
        words = re.split(r"[\s|_]+", line.replace("*", "").replace("?", ""))
        return self._negators.isdisjoint(self._word(word) for word in words if word)

    @staticmethod
    def _plain(words: Iterable[str]) -> Iterator[str]:
        for word in words:
            yield from (_plain_word(part) for part in _fold(word).split())

    # normalising text

    def _fix_word(self, word: str) -> str:
        """A folded word with digits, letter runs and (one-typo) spelling fixed."""
        word = _plain_word(word)
        if len(word) < MIN_TYPO_WORD - 1 or word in self._typo_words:
            return word
        for typo_word in self._typos_by_first.get(word[0], ()):
            size = len(typo_word)
            if abs(len(word) - size) <= 1 and _one_edit_apart(word, typo_word):
                return typo_word
            if len(word) > size + 1:
                for cut in (size, size - 1, size + 1):
                    if _one_edit_apart(word[:cut], typo_word):
                        return typo_word + word[cut:]
        return word

    def _word_uncached(self, word: str) -> str:
        fixed = self._fix_word(word)
        return self._single.get(fixed, fixed)

    def normalise(self, text: str) -> str:
        """``text`` as the patterns see it: one space between words, none around, and a
        ``.`` word where a sentence ends ("ik kan niet meer. sorry" ends a sentence)."""
        sentences = (self._sentence(part) for part in _SENTENCE_END.split(text))
        return " . ".join(sentence for sentence in sentences if sentence)

    def _sentence(self, text: str) -> str:
        word = self._word
        words = [word(folded) for folded in _fold(text).split()]
        joined = " ".join(words)
        if self._multi_re is not None and not self._multi_first.isdisjoint(words):
            joined = self._multi_re.sub(self._replace_multi, f" {joined} ").strip()
        return joined

    def _replace_multi(self, match: re.Match[str]) -> str:
        return self._multi[match.group()]

    # compiling patterns

    def _literal(self, alternative: str) -> str:
        """One alternative of a pattern word as a regex, normalised like the text."""
        core = alternative.strip("*").replace("_", " ")
        if "*" in alternative:
            # A part of a word: no typo or spelling fixes (they work on whole words).
            text = " ".join(_plain_word(part) for part in _fold(core).split())
        else:
            text = self.normalise(core)
        if not text:
            raise ValueError(f"pattern word {alternative!r} is empty after normalising")
        regex = re.escape(text).replace(r"\ ", " ")
        if alternative.startswith("*"):
            regex = "[a-z0-9]*" + regex
        if alternative.endswith("*"):
            regex += "[a-z0-9]*"
        return regex

    def _regexes(self, line: str) -> tuple[str, str]:
        """A pattern line as two regexes over `` text ``: one whose match starts at the space
        before the first word (for spans), one that starts at the first word itself and is
        meant to follow a space (for the combined quick check)."""
        spanning: list[str] = []
        searching: list[str] = []
        for token in line.split():
            if token in ("...", "$"):
                part = _GAP if token == "..." else _END
                spanning.append(part)
                searching.append(part)
                continue
            optional = token.endswith("?") and len(token) > 1
            alternatives = token[:-1] if optional else token
            choices = sorted({self._literal(alt) for alt in alternatives.split("|") if alt},
                             key=lambda regex: (-len(regex), regex))
            body = "(?:" + "|".join(choices) + ")"
            spanning.append(f"(?: {body})?" if optional else f" {body}")
            started = any(not part.endswith(")?") for part in searching)
            if not started:
                searching.append(f"(?:{body} )?" if optional else body)
            else:
                searching.append(spanning[-1])
        tail = "(?= )"
        return "(?:" + "".join(spanning) + ")" + tail, "(?:" + "".join(searching) + ")" + tail

    # matching

    def assess(self, text: str) -> Detection:
        """Sure and probable kinds; see :class:`Detection`."""
        split = [(part, self._sentence(part)) for part in _SENTENCE_END.split(text)]
        parts = [part for part, sentence in split if sentence]
        if not parts:
            return NO_SIGNAL
        sentences = [sentence for _, sentence in split if sentence]
        about_other = [self._about_other(sentence.split()) for sentence in sentences]
        # A sentence with a figure of speech ([not]) fires no combination.
        plain = [self.any_negative is not None and self.any_negative.search(f" {sentence} ")
                 is not None for sentence in sentences]
        views = [sentences]
        if any(about_other):
            views.append([self._swapped(sentence) if other else sentence
                          for sentence, other in zip(sentences, about_other, strict=True)])
        hits = {hit for view in views for hit in self._hits(" " + " . ".join(view) + " ")}
        hits |= self._combined(parts, plain)

        sure: set[RiskKind] = set()
        probable: set[RiskKind] = set()
        behind: set[RiskKind] = set()
        for kind, weak, index in hits:
            sentence = min(index, len(sentences) - 1)
            later = self.later.get(kind)
            if later is not None and later.search(f" {sentences[sentence]} "):
                weak = True  # a risk to come, or on a condition: ask first
            if about_other[sentence]:
                behind.add(kind)
                kind = RiskKind.WORRY_OTHER
            (probable if weak else sure).add(kind)
        return Detection(frozenset(sure), frozenset(probable - sure), frozenset(behind))

    def _hits(self, padded: str) -> set[tuple[RiskKind, bool, int]]:
        """(kind, probable, sentence index) of every pattern that matches, unless a [not]
        pattern covers the match or a negation near it denies it. Linear in the text: each
        pattern is searched once, and one match per kind and sentence is enough."""
        if self.any_positive is None or self.any_positive.search(padded) is None:
            return set()
        covers = [m.span() for n in self.negatives for m in n.finditer(padded)]
        words = _Words(padded)
        found: set[tuple[RiskKind, bool, int]] = set()
        sentences = words.sentence(len(padded)) + 1
        for kind, patterns in self.rules.items():
            if self.any_of_kind[kind].search(padded) is None:
                continue
            sure_in: set[int] = set()  # sentences where this kind is sure already
            for pattern, probable, negatable in patterns:
                if len(sure_in) == sentences:
                    break
                for match in pattern.finditer(padded):
                    start, end = match.span()
                    sentence = words.sentence(start)
                    if sentence in sure_in or (kind, probable, sentence) in found:
                        continue
                    if any(a <= start and end <= b for a, b in covers):
                        continue
                    if negatable and self._denied(words, start, end):
                        continue
                    found.add((kind, probable, sentence))
                    if not probable:
                        sure_in.add(sentence)
        return found

    def _denied(self, words: _Words, start: int, end: int) -> bool:
        """Whether a negation word stands in the match or just around it, within its clause
        ("ik denk niet aan zelfmoord", "hij slaat me nooit"), and is no "niet meer"."""
        first, last = words.index(start), words.index(end)
        text = words.words
        low = first
        while low > first - MAX_NEGATION_DISTANCE and low > 0:
            if text[low - 1] in self._clause_breaks:
                break
            low -= 1
        high = last
        while high < last + MAX_NEGATION_DISTANCE - 1 and high < len(text):
            if text[high] in self._clause_breaks:
                break
            high += 1
        for index in range(low, high):
            if text[index] in self._negators:
                around = range(max(0, index - 2), min(len(text), index + 3))
                names = [self.concepts.of_word(text[i]) for i in around]
                if denies(names, index - around.start):
                    return True
        return False

    def _about_other(self, words: list[str]) -> bool:
        """Whether a sentence is about someone else: "zichzelf", "niet ik maar ...", or a
        friend or sister named with no "me"/"mezelf" of the youth's own, and no "ik" before
        them (an "ik" after them only in a question or worry: "wat moet ik doen?")."""
        if not words:
            return False
        if self.other_marker is not None and self.other_marker.search(f" {' '.join(words)} "):
            return True
        names = [self.concepts.of_word(word) for word in words]
        if any(REFLEXIVE_OTHER in name for name in names):
            return True
        person = next((i for i, name in enumerate(names) if PERSON_OTHER in name), None)
        if person is None:
            return False
        if any(CONCERN in name for name in names):
            return True
        asking = any(QUESTION in name for name in names)
        for index, name in enumerate(names):
            if FIRST_PERSON_SUBJECT in name:
                if index < person or not asking:
                    return False
            elif name & {FIRST_PERSON, OWN}:
                owner = index > 1 and POSSESSIVE in names[index - 1] and (
                    PERSON_OTHER in names[index - 2])
                after = names[index + 1] if index + 1 < len(names) else frozenset()
                if FIRST_PERSON in name and not owner and not after & {PERSON_OTHER, FAMILY}:
                    return False
                if OWN in name and after & OWN_THINGS:  # "mijn fotos": the youth's own
                    return False
        return True

    def _swapped(self, sentence: str) -> str:
        """A sentence about someone else told as if about oneself ("ze snijdt zichzelf" →
        "ik snijdt mezelf"), so the patterns written for the youth see it too."""
        return " ".join(self._swap.get(word, word) for word in sentence.split())

    def _combined(self, parts: list[str], plain: list[bool]) -> set[tuple[RiskKind, bool, int]]:
        """Combinations of concepts that fire in a clause of a sentence, or in the whole
        sentence when no clause of it holds a negation. A sentence with a [not] pattern (a
        figure of speech) fires none."""
        found: set[tuple[RiskKind, bool, int]] = set()
        for index, (part, figure_of_speech) in enumerate(zip(parts, plain, strict=True)):
            if figure_of_speech:
                continue
            clauses = [self.concepts.of_clause(_fold(clause).split())
                       for clause in _CLAUSE_END.split(part)]
            if len(clauses) > 1 and not any(NEGATION in clause for clause in clauses):
                clauses.append(frozenset().union(*clauses))
            for present in clauses:
                if len(present) < MIN_COMBINED:
                    continue
                candidates = {c for name in present for c in self.combinations.get(name, ())}
                for combination in candidates:
                    if NEGATION in present and NEGATION not in combination.names:
                        continue
                    if combination.fires(present):
                        found.add((RiskKind(combination.kind), combination.probable, index))
        return found


def phrases_path(lang: str) -> Path:
    return locales_dir() / lang / PHRASES_FILE


@cache
def _matcher(lang: str) -> _Matcher:
    order = [lang] + [other for other in LANGUAGES if other != lang]
    phrases = _Phrases()
    for code in order:
        path = phrases_path(code)
        if path.is_file():
            phrases.add(parse_phrases(path.read_text(encoding="utf-8"),
                                      source=f"{code}/{path.name}", lang=code))
    return _Matcher(phrases, lang)


def warm_up() -> None:
    """Build the matchers now (two to three seconds, mostly loading the lemma tables): a
    long-running bot does this at start, so the first youth who writes does not wait."""
    for lang in LANGUAGES:
        _matcher(lang)


def _language(lang: str) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def normalise(text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``text`` as the patterns see it (for tests and for writing new patterns)."""
    return _matcher(_language(lang)).normalise(text)


def assess(text: str, lang: str) -> Detection:
    """What ``text`` signals, with the kinds that are only probable apart (so a caller can
    ask first). Safe on any input (any Unicode, any length); linear in the length of the text.
    """
    if not text:
        return NO_SIGNAL
    return _matcher(_language(lang)).assess(text)


def detect(text: str, lang: str) -> frozenset[RiskKind]:
    """The kinds of risk that ``text`` signals, sure or probable; empty when none.

    Probable kinds are included: until a caller asks first (see :func:`assess`), a weak
    signal still gets the help lines rather than nothing.
    """
    return assess(text, lang).kinds
