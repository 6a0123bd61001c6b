"""Reading people out of what the youth types: "mijn zus Sanne en oom Ahmed" → two people.

Relation words are recognised so the bot only asks what it can't infer. This is typed input,
not text the bot shows, so Dutch and English words live together here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.plan.text import NAME_LIMIT, clean

RELATIONS: dict[str, str] = {
    word: canonical
    for canonical, words in {
        "moeder": ("moeder", "mama", "mam", "ma", "mother", "mom", "mum", "stiefmoeder"),
        "vader": ("vader", "papa", "pap", "pa", "father", "dad", "stiefvader"),
        "ouders": ("ouders", "parents"),
        "oma": ("oma", "grootmoeder", "grandma", "granny", "omi"),
        "opa": ("opa", "grootvader", "grandpa", "opi"),
        "broer": ("broer", "broertje", "brother", "bro", "halfbroer", "stiefbroer"),
        "zus": ("zus", "zusje", "zuster", "sister", "sis", "halfzus", "stiefzus"),
        "tante": ("tante", "aunt", "auntie"),
        "oom": ("oom", "uncle", "ome"),
        "neef": ("neef", "neefje", "cousin", "nephew"),
        "nicht": ("nicht", "nichtje", "niece"),
        "vriend": ("vriend", "vriendje", "maat", "friend", "buddy", "bff", "boyfriend"),
        "vriendin": ("vriendin", "vriendinnetje", "girlfriend", "beste vriendin"),
        "buurman": ("buurman", "neighbour", "neighbor"),
        "buurvrouw": ("buurvrouw",),
        "trainer": ("trainer", "coach"),
        "mentor": ("mentor", "leraar", "lerares", "docent", "docente", "teacher", "juf",
                   "meester"),
        "begeleider": ("begeleider", "begeleidster", "hulpverlener", "woonbegeleider",
                       "jeugdzorgwerker", "voogd", "caseworker"),
        "pleegouder": ("pleegmoeder", "pleegvader", "pleegouder", "pleegouders"),
        "partner": ("partner", "vriendin van mijn vader", "vriend van mijn moeder"),
        "collega": ("collega", "baas", "colleague", "boss"),
    }.items()
    for word in words
}

_FILLERS = {"mijn", "m'n", "mn", "me", "de", "het", "een", "ook", "nog", "my", "the", "a",
            "our", "onze", "ons", "mijne", "beste", "lieve", "best"}
# Words that never stand in a name: their presence means a sentence ("dat is iedereen").
_NOT_NAMES = {
    "ik", "jij", "je", "hij", "zij", "ze", "wij", "we", "is", "ben", "bent", "zijn", "was",
    "heb", "hebt", "heeft", "wil", "wilt", "weet", "doe", "doet", "kan", "kun", "niet", "geen",
    "niemand", "iedereen", "alles", "niks", "niets", "dat", "dit", "die", "er", "wel", "maar",
    "want", "omdat", "als", "zelf", "klaar", "over", "sla", "idk", "ok", "oke", "oké",
    "ja", "nee", "i", "am", "are", "me", "myself", "nobody", "everyone", "nothing",
    "that", "this", "not", "dont", "don't", "no", "yes", "skip", "done",
}
_PARTICLES = {"de", "van", "der", "den", "ter", "ten", "het", "te", "el", "al", "bin", "ben"}
_SPLIT = re.compile(r"\s*(?:,|;|\n|/|\ben\b|\band\b|\bof\b|\bor\b)\s*", re.IGNORECASE)
_WORD_EDGE = re.compile(r"^[\s.,!?:;()'`´‘’*_]+|[\s.,!?:;()'`´‘’*_]+$")

STORY_WORDS = 4  # more name words than this in one part: a sentence, not a name


@dataclass(frozen=True)
class NamedPerson:
    name: str
    relation: str | None


def relation_of(text: str) -> str | None:
    """The canonical relation word in ``text``, if any ("mijn tante" → "tante")."""
    words = [_WORD_EDGE.sub("", word).casefold() for word in text.split()]
    for first, second in zip(words, [*words[1:], ""], strict=True):
        if f"{first} {second}" in RELATIONS:
            return RELATIONS[f"{first} {second}"]
        if first in RELATIONS:
            return RELATIONS[first]
    return None


def relations_in(text: str) -> list[str]:
    """Every relation word in a sentence, in order and once ("mijn moeder en oma helpen")."""
    found: list[str] = []
    for word in text.split():
        relation = RELATIONS.get(_WORD_EDGE.sub("", word).casefold())
        if relation and relation not in found:
            found.append(relation)
    return found


def read_people(text: str) -> list[NamedPerson] | None:
    """The people named in ``text``; None when it reads like a story rather than names."""
    people: list[NamedPerson] = []
    for part in _SPLIT.split(text):
        words = [w for w in (_WORD_EDGE.sub("", raw) for raw in part.split()) if w]
        if not words:
            continue
        relation = None
        name_words: list[str] = []
        for word in words:
            lower = word.casefold()
            if lower in _FILLERS and not name_words:
                continue
            if relation is None and lower in RELATIONS:
                relation = RELATIONS[lower]
                continue
            if lower in _NOT_NAMES:
                return None
            name_words.append(word)
        if len(name_words) > STORY_WORDS:
            return None
        if name_words and not any(char.isalnum() for char in "".join(name_words)):
            continue
        if name_words:
            name = " ".join(w if i and w.casefold() in _PARTICLES else w[:1].upper() + w[1:]
                            for i, w in enumerate(name_words))
        elif relation:
            name = relation[:1].upper() + relation[1:]
        else:
            continue
        people.append(NamedPerson(clean(name, NAME_LIMIT)[0], relation))
    return people
