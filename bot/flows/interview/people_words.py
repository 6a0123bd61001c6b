"""Reading people out of what the youth types: "mijn zus Sanne en oom Ahmed" → two people.

Relation words are recognised so the bot only asks what it can't infer. This is typed input,
not text the bot shows, so Dutch and English words live together here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import simplemma
from rapidfuzz import fuzz

from bot.flows.typed_answers import SURE, normalize
from bot.plan.model import Person
from bot.plan.relations import (
    ORGANISATIONS,
    RELATION_WORDS,
    compound_relation,
    same_relation,
    unnamed,
)
from bot.plan.text import NAME_LIMIT, clean

# Words before a relation or name that belong to neither ("mijn lieve oma", "de buurman").
_FILLERS = frozenset({"mijn", "m'n", "mn", "de", "het", "een", "my", "the", "a", "our", "onze",
                      "ons", "mijne", "beste", "lieve", "best", "dear"})
_POSSESSIVES = frozenset({"mijn", "m'n", "mn", "my", "our", "onze", "ons", "mijne", "lieve",
                          "beste", "best", "dear"})
# Words that say something about the answer, not about the person ("mijn moeder misschien").
_HEDGES = frozenset({"misschien", "denk", "ook", "nog", "gewoon", "eigenlijk", "vooral",
                     "echt", "ofzo", "enzo", "hoor", "haha", "lol", "toch", "zo", "maybe",
                     "probably", "also", "too", "perhaps", "natuurlijk", "tuurlijk", "zeker",
                     "sowieso", "ofc", "waarschijnlijk", "wss", "absoluut", "duh", "course",
                     "definitely", "obviously", "surely"})
# Words that never stand in a name: their presence means a sentence ("dat is iedereen").
_NOT_NAMES = frozenset({
    "ik", "jij", "je", "hij", "zij", "ze", "wij", "we", "is", "ben", "bent", "zijn", "was",
    "heb", "hebt", "heeft", "wil", "wilt", "weet", "doe", "doet", "kan", "kun", "niet", "geen",
    "niemand", "iedereen", "alles", "niks", "niets", "dit", "er", "maar", "want", "omdat",
    "als", "zelf", "klaar", "over", "sla", "idk", "ok", "oke", "oké", "ja", "nee", "i", "am",
    "are", "myself", "nobody", "everyone", "nothing", "that", "this", "not", "dont", "don't",
    "no", "yes", "skip", "done", "meer", "behalve", "alleen", "me", "dat", "die", "wel",
    "helpt", "helpen", "help", "altijd", "vaak", "soms", "nooit", "veel", "erg", "heel", "met",
    "voor", "mee", "woont", "praat", "bel", "mag", "moet", "gaat", "komt", "zie", "always",
    "helps", "with", "for", "thats", "that's", "that’s", "all", "it", "denk",
    "vertrouw", "meest", "wie", "wat", "who", "what",
})
_PERSON_RELATIONS = RELATION_WORDS - frozenset(ORGANISATIONS)
_PARTICLES = frozenset({"de", "van", "der", "den", "ter", "ten", "het", "te", "el", "al",
                        "bin", "ben", "la", "le", "du", "da", "di", "von"})
# "mijn mentor van school", "een vriendin uit de klas": where from, not part of the name.
_PREPOSITIONS = frozenset({"van", "uit", "op", "bij", "from", "at", "in"})
# Not a name: someone of an organisation not named ("iemand van de gemeente").
_SOMEONE = frozenset({"iemand", "someone", "somebody", "mensen", "people", "een", "die"})
_PLACES = frozenset({"school", "werk", "stage", "sport", "voetbal", "club", "kerk",
                     "moskee", "buurt", "klas", "team", "training", "gym", "opleiding",
                     "internet", "thuis", "huis", "vroeger", "hier", "daar", "straat", "groep",
                     "work", "church", "class", "home"})
_SPLIT = re.compile(r"\s*(?:,|;|\n|\s[&+]\s|(?<!<)/|\ben\b|\band\b|\bof\b|\bor\b)\s*",
                    re.IGNORECASE)
_WORD_EDGE = re.compile(r"^[\s.,!?:;()'`´‘’*_\"]+|[\s.,!?:;()'`´‘’*_\"]+$")
# "niemand", "nee dat is iedereen", "dat was het": there is nobody (more) to name.
_NOBODY = re.compile(
    r"\b(niemand|nobody|no one|noone|iedereen|everyone|everybody)\b|"
    r"^(nee|no|nope|nah|klaar|done|dat was (het|t)|dat is (het|alles)|verder niet|"
    r"thats (it|all))\b")

STORY_WORDS = 4  # more name words than this in one part: a sentence, not a name
# Chat words no dictionary knows, never a name ("ff", "wrm", "bro").
_CHAT_WORDS = frozenset({
    "ff", "effe", "wrm", "idd", "zwz", "zowiezo", "ofso", "nie", "tog", "fam", "bff", "bro",
    "wollah", "wallah", "kk", "mn", "zn", "dr", "nu", "chill", "chillen", "facetimen",
    "snappen", "snapchat", "insta", "tiktok", "whatsapp", "appen", "gamen", "lit", "lowkey",
    "highkey", "fr", "tbh", "omg", "wtf", "btw", "ngl", "irl", "oke", "okee", "oki", "jep",
    "yep", "jup", "nope", "nah", "hmm", "ehm", "uhm", "hé", "he", "yo", "ey", "joh", "man",
    "gwn", "nx", "nvm", "iig", "sws", "egt", "eig", "vgm", "miss", "ofz", "dus",
})
# After these a word is a place ("ik woon in utrecht"), not someone.
_TO_PLACES = frozenset({"in", "naar", "uit", "te", "to"})
GUESSES_MOST = 3  # more unknown words than this: slang or typos, not names
LEXICONS = frozenset({"nl", "en"})  # the word lists that tell a name from a word


@dataclass(frozen=True)
class NamedPerson:
    name: str
    relation: str | None
    organisation: bool = False  # a professional or an organisation ("mn begeleider")


def _is_relation(word: str) -> bool:
    word = word.casefold()
    return word in _PERSON_RELATIONS or compound_relation(word)


def _words(text: str) -> list[str]:
    return [w for w in (_WORD_EDGE.sub("", raw) for raw in text.split()) if w]


def relation_of(text: str) -> str | None:
    """The relation word when ``text`` is just that ("mijn tante" → "tante"), else None."""
    words = [w.casefold() for w in _words(text)]
    found = [w for w in words if w in RELATION_WORDS]
    glue = _FILLERS | _HEDGES | {"is", "hij", "zij", "ze", "hes", "shes", "he", "she"}
    if len(found) == 1 and all(w in glue or w in RELATION_WORDS for w in words):
        return found[0]
    return None


def _without_place(words: list[str]) -> list[str]:
    """Drop a trailing "van school" / "uit de buurt" (a place, not a name)."""
    for index, word in enumerate(words):
        rest = [w.casefold() for w in words[index + 1:] if w.casefold() not in _FILLERS]
        if word in _PREPOSITIONS and rest and rest[0] in _PLACES:
            return words[:index]
    return words


def _name(words: list[str]) -> str:
    shown = [w if i and w.casefold() in _PARTICLES else w[:1].upper() + w[1:]
             for i, w in enumerate(words)]
    return clean(" ".join(shown), NAME_LIMIT)[0]


def _read_part(words: list[str]) -> NamedPerson | None:
    """One person from the words of one part; None when there is nobody in it."""
    relation_at = next((i for i, w in enumerate(words) if _is_relation(w)), None)
    organisation_at = next((i for i, w in enumerate(words) if w.casefold() in ORGANISATIONS),
                           None)
    if relation_at is None and organisation_at is not None:
        word = words[organisation_at].casefold()
        rest = [w for w in words[:organisation_at] + words[organisation_at + 1:]
                if w.casefold() not in _FILLERS and w.casefold() not in _SOMEONE]
        while rest and rest[-1].casefold() in _PREPOSITIONS:
            rest.pop()  # "Mark van het wijkteam": Mark; "iemand van het wijkteam": wijkteam
        return NamedPerson(_name(rest) if rest else word, word, organisation=True)
    relation = None
    if relation_at is not None:
        relation = words[relation_at].casefold()
        rest = [w.casefold() for w in words[relation_at + 1:]]
        if rest and rest[0] in _PREPOSITIONS and _PERSON_RELATIONS & set(rest):
            phrase = " ".join(w.casefold() for w in words[relation_at:])  # "vriend van mijn broer"
            return NamedPerson(phrase, phrase)
        start = relation_at
        while start and words[start - 1].casefold() in _FILLERS:
            start -= 1  # "Kees de buurman", "Ahmed, mijn oom"
        words = words[:start] + words[relation_at + 1:]
    while words and words[0].casefold() in _POSSESSIVES:
        words = words[1:]
    words = _without_place(words)
    if words and not any(char.isalnum() for char in "".join(words)):
        words = []
    if words:
        return NamedPerson(_name(words), relation)
    return NamedPerson(relation, relation) if relation else None


def read_people(text: str) -> list[NamedPerson] | None:
    """The people named in ``text``; None when it reads like a story rather than names."""
    people: list[NamedPerson] = []
    for part in _SPLIT.split(text):
        words = [w for w in _words(part) if w.casefold() not in _HEDGES]
        if any(w.casefold() in _NOT_NAMES for w in words):
            return None
        name_words = [w for w in words
                      if w.casefold() not in RELATION_WORDS | _FILLERS | _PARTICLES
                      and not _is_relation(w)]
        if len(name_words) > STORY_WORDS:
            return None
        person = _read_part(words)
        if person is not None:
            people.append(person)
    return people


def people_in_story(text: str, lang: str = "nl") -> list[NamedPerson]:
    """People in a sentence: each relation word, with the name after it if any: written
    with a capital, or a word no dictionary of ``lang`` knows ("niemand behalve mijn zus
    Sanne", "mijn zus fatima is alles voor me" → Sanne / Fatima, zus)."""
    words = _words(text)
    found: list[NamedPerson] = []
    for index, word in enumerate(words):
        relation = word.casefold()
        if relation in ORGANISATIONS and relation not in _PLACES:  # "ik zit op school": a place
            person = NamedPerson(relation, relation, organisation=True)
        elif _is_relation(relation):
            after = words[index + 1] if index + 1 < len(words) else ""
            named = (_may_be_name(after) and not _is_relation(after)
                     and (after[:1].isupper() or not _is_word(after, lang)))
            person = NamedPerson(_name([after]) if named else relation, relation)
        else:
            continue
        if person not in found:
            found.append(person)
    return found


def names_in_sentence(text: str, lang: str = "nl") -> list[str]:
    """Names in a sentence that has no relation word: written with a capital inside it ("ik
    zie Lotte elk weekend"), or words no dictionary of ``lang`` knows ("fatima denk ik, die
    vertrouw ik het meest"). Guesses, to be checked: a typo is no dictionary's word either.
    None after "in", "naar", … (a place), none among more than :data:`GUESSES_MOST`."""
    raw = text.split()
    found: list[str] = []
    place = False  # after "in" ("in Den Haag"): a place
    for index, token in enumerate(raw):
        word = _WORD_EDGE.sub("", token)
        folded = word.casefold()
        starts = not index or raw[index - 1][-1:] in ".!?"
        after_place, place = place, folded in _TO_PLACES or (place and folded in _PARTICLES)
        if (after_place or not _may_be_name(word) or _is_relation(word)
                or folded in ORGANISATIONS or folded in _PLACES):
            continue
        if (word[:1].isupper() and not starts) or not _is_word(word, lang):
            name = _name([word])
            if name not in found:
                found.append(name)
    return found if len(found) <= GUESSES_MOST else []


_GLUE = (_NOT_NAMES | _HEDGES | _FILLERS | _PARTICLES | _PREPOSITIONS | _SOMEONE | _CHAT_WORDS
         | RELATION_WORDS)


def _may_be_name(word: str) -> bool:
    """Letters only (a hyphen or apostrophe inside), two or more, and no word of the
    sentence's glue ("is", "ook", "ff")."""
    return (len(word) >= 2 and word.replace("-", "").replace("'", "").isalpha()
            and word.casefold() not in _GLUE)


def _is_word(word: str, lang: str) -> bool:
    """Whether the dictionary of ``lang`` knows ``word`` (a name it does not know)."""
    return simplemma.is_known(word.casefold(), lang=lang if lang in LEXICONS else "nl")


def known_by_name(text: str, people: Sequence[Person]) -> list[Person]:
    """Known people whose name stands in ``text``, also typed a little wrong ("ik denk
    fatma, die vertrouw ik")."""
    plain = normalize(text)
    typed = [w for w in plain.split() if len(w) >= 4]
    found = []
    for person in people:
        if unnamed(person):
            continue
        name = normalize(person.name)
        if f" {name} " in f" {plain} " or (len(name) >= 4 and " " not in name and any(
                fuzz.ratio(word, name) >= SURE for word in typed)):
            found.append(person)
    return found


def known_by_relation(relation: str, people: Sequence[Person]) -> list[Person]:
    """Known people with this relation, in other words too ("mijn tante" → Fatima, tante)."""
    wanted = same_relation(relation)
    return [p for p in people if p.relation and same_relation(p.relation) == wanted]


def says_nobody(text: str) -> bool:
    """"niemand", "nee dat is iedereen", "dat was het": nobody (more) to name."""
    return bool(_NOBODY.search(normalize(text)))
