"""Understanding typed answers to choice questions: a number, a label, or a common word.

On Telegram most people press buttons, but in the terminal (and from habit) they type
"2", "ja hoor", "klopt", "praktisch, advies" or "weet niet"; all of those should simply work.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.messages import Choice

# Common words per choice id, Dutch and English together: people mix them. Where one word
# fits two choices of one question, the id listed first wins ("kut" is "slecht" when that
# is a choice, else "niet goed").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "yes": ("ja", "jaa", "jep", "jup", "yes", "yep", "yup", "klopt", "oke", "ok", "okay", "prima",
            "goed", "zeker", "jazeker", "tuurlijk", "natuurlijk", "y", "j", "jawel", "ja wel",
            "yeah", "sure"),
    "no": ("nee", "neen", "nope", "nop", "nah", "no", "niet", "n", "neej", "nein", "niet echt",
           "not really", "nee joh"),
    "skip": ("sla over", "overslaan", "skip", "weet niet", "weet ik niet", "geen idee",
             "idk", "weetniet", "-", "pass", "later", "liever niet", "zeg ik liever niet",
             "dont know", "i dont know", "weet ik veel", "geen flauw idee", "boeie",
             "maakt niet uit", "who cares", "ff niet", "effe niet", "even niet", "boeit niet",
             "boeit me niet", "kan me niet schelen", "dunno", "no idea", "idc", "geen zin",
             "wet niet", "weet nie", "weet ik nog niet", "geen flauw"),
    "done": ("klaar", "dat is iedereen", "iedereen", "verder", "done", "dat was het",
             "niemand meer", "that is everyone", "thats everyone", "volgende", "next",
             "dat is alles", "thats all", "thats it", "klaar hoor", "dat waren ze",
             "dat zijn ze", "dat zijn ze wel", "dat waren ze wel", "thats them", "that was it",
             "dat is het", "dat is het wel", "dat was het wel", "everyone", "everybody"),
    "self": ("ik zelf", "ikzelf", "zelf", "ik", "mezelf", "myself", "me", "i do", "ik doe het",
             "dat doe ik zelf", "doe ik zelf", "ik doe het zelf", "ik zelf wel"),
    "professional": ("begeleider", "mijn begeleider", "hulpverlener", "mentor", "coach",
                     "my counsellor", "counsellor", "social worker", "de begeleider",
                     "mijn hulpverlener", "begeleidster", "mijn begeleidster"),
    "nobody": ("niemand", "nobody", "no one", "niemand eigenlijk", "echt niemand",
               "helemaal niemand", "geen een", "geeneen", "niemand denk ik"),
    "none": ("niemand", "niks", "niets", "nobody", "nothing", "no one", "geen"),
    "nothing": ("niks", "niets", "nix", "niks nodig", "niets nodig", "geen", "nothing",
                "nothing needed"),
    # the welcome
    "start": ("start", "begin", "beginnen", "lets go", "go", "yes"),
    "more": ("uitleg", "meer uitleg", "more", "tell me more"),
    "not_now": ("nu niet", "later", "straks", "not now", "no"),
    # how it goes (today's mood, a life domain now)
    "goed": ("goed", "prima", "top", "super", "lekker", "good", "fine", "great", "chill",
             "nice", "vet", "goed hoor", "super goed", "heel goed", "prima hoor", "topper"),
    "gaat_wel": ("gaat wel", "matig", "redelijk", "zozo", "ok", "oke", "okay", "meh",
                 "so so", "alright", "kan beter", "mwah", "mwa", "mwoah", "zijn gangetje",
                 "gaat wel hoor", "niet slecht", "valt mee"),
    "slecht": ("slecht", "heel slecht", "kut", "rot", "bad", "really bad", "awful", "terrible",
               "shit", "ruk", "bagger", "klote", "kapot", "waardeloos"),
    "niet_goed": ("niet goed", "niet zo goed", "niet zo", "niet best", "slecht", "kut", "rot",
                  "zwaar", "not good", "not so good", "not great", "not ok", "not okay", "bad",
                  "brak", "moe", "niet lekker", "niet zo lekker", "klote", "moeilijk"),
    # what someone does for you
    "praktisch": ("praktisch", "praktische dingen", "helpt", "regelen", "practical", "helps",
                  "help", "helpen", "regelt"),
    "samen": ("samen", "leuke dingen", "leuk", "chillen", "chill", "gezellig", "fun",
              "hang out", "uitgaan", "gamen", "sporten"),
    "advies": ("advies", "raad", "tips", "advice", "advise", "tip"),
    "er_voor_je": ("er voor me", "er voor mij", "er altijd", "altijd er", "steun", "steunt",
                   "troost", "luistert", "support", "there for me", "er is voor me",
                   "troosten", "luisteren"),
    # how close someone feels
    "dichtbij": ("dichtbij", "dicht", "heel dichtbij", "close", "very close", "heel close",
                 "beste maat", "beste vriend", "beste vriendin", "bestie", "veel contact",
                 "best friend"),
    "beetje": ("een beetje", "beetje", "soms", "a bit", "a little", "mwah", "mwa", "gaat wel",
               "zozo", "meh", "kinda", "kind of", "sort of", "sorta", "somewhat",
               "redelijk", "wel een beetje", "beetje wel"),
    "verder": ("verder weg", "ver weg", "ver", "niet dichtbij", "niet zo dichtbij", "far",
               "far away", "not close", "bijna nooit", "nooit", "weinig contact",
               "not that close", "not so close", "not very close", "niet zo close",
               "niet echt close", "niet echt dichtbij", "niet heel dichtbij", "niet heel close",
               "niet veel contact", "niet zo veel contact", "geen contact", "nauwelijks contact",
               "weinig", "niet vaak", "not much contact", "no contact"),
    # by when
    "week": ("deze week", "week", "snel", "zsm", "z s m", "meteen", "nu", "morgen", "this week",
             "asap", "zo snel mogelijk", "vandaag", "nu meteen", "zo snel", "direct",
             "binnen een week"),
    "maand": ("deze maand", "maand", "binnenkort", "this month", "soon", "paar weken",
              "volgende week", "over een week", "over twee weken", "binnen een maand",
              "twee weken", "2 weken", "drie weken", "3 weken", "end of the month",
              "within a month", "next week"),
    "later": ("later", "ooit", "geen haast", "na de zomer", "volgend jaar", "paar maanden",
              "volgende maand", "someday", "no rush", "vakantie", "na de vakantie", "zomer",
              "zomervakantie", "voor de zomer", "next month", "after the summer"),
    # where to start
    "support": ("mensen", "vrienden", "familie", "people", "friends", "family"),
    "wonen": ("huis", "thuis", "woning", "kamer", "housing", "home"),
    "school_werk": ("school", "werk", "baan", "stage", "opleiding", "studie", "work", "job"),
    "inkomen": ("geld", "schulden", "money", "debt"),
    "welzijn": ("gezondheid", "gevoel", "gezond", "health", "feelings"),
}
# "skip" phrases that also stand inside a sentence ("in een groep. boeit niet"): never
# "weet niet" alone, so "ik weet niet hoe ik moet betalen" stays a story.
SKIP_IN_SENTENCES = ("boeit niet", "boeit me niet", "ff niet", "effe niet", "geen idee",
                     "weet ik veel", "maakt niet uit", "liever niet", "idk", "geen zin",
                     "kan me niet schelen", "weet ik niet", "weet ik nog niet", "dunno")
# Each common word with the choices it names, in the order of SYNONYMS (the first listed wins).
_NAMES: dict[str, tuple[str, ...]] = {}
for _choice_id, _words in SYNONYMS.items():
    for _word in _words:
        _NAMES[_word] = (*_NAMES.get(_word, ()), _choice_id)
_ORDER = {choice_id: index for index, choice_id in enumerate(SYNONYMS)}
# How youth spell words that matter for reading an answer.
_SPELLINGS = {"nie": "niet", "ni": "niet", "mn": "mijn", "zn": "zijn", "k": "ik", "t": "het",
              "wt": "weet", "idd": "ja", "jahoor": "ja hoor", "neehoor": "nee hoor"}
_SPELLED = re.compile(r"\b(?:{})\b".format("|".join(_SPELLINGS)))

# The first word alone tells a yes or a no: "ja hoor", "nee, er is niks", "ok dan".
_YES_FIRST = frozenset({"ja", "jaa", "jawel", "jep", "jup", "yes", "yep", "yeah", "klopt",
                        "ok", "oke", "okay", "tuurlijk", "zeker", "prima", "sure"})
_NO_FIRST = frozenset({"nee", "neen", "neej", "nope", "nah", "no", "niet", "nooit"})
_REPEATS = re.compile(r"(\w)\1+")
_YES_SQUEEZED = frozenset(_REPEATS.sub(r"\1", word) for word in _YES_FIRST)
_NO_SQUEEZED = frozenset(_REPEATS.sub(r"\1", word) for word in _NO_FIRST)
# "ik weet het (echt) niet", "geen idee": not knowing, said as the whole answer.
_DONT_KNOW = re.compile(
    r"^(ik )?(weet|weten) (het |ik |dat )?((echt|eigenlijk|nog|even|gewoon|niet zo) )*"
    r"(niet|nie|nit)( zo)?$|^(echt )?geen idee|^(i )?(really )?(dont|do not) know$|^idk$")

_PUNCTUATION = re.compile(r"[^\w\s-]+")
_SPLIT_MANY = re.compile(r"\s*(?:,|;|\+|&|/|\ben\b|\band\b)\s*")


def normalize(text: str) -> str:
    """Lower case, no accents, no punctuation or emoji, single spaces, common spellings
    written out ("mn" → "mijn")."""
    plain = text.casefold()
    if not plain.isascii():  # (most answers are: skip the per-character work)
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    joined = " ".join(_PUNCTUATION.sub(" ", plain.replace("'", "").replace("’", "")).split())
    if _SPELLED.search(joined):
        return " ".join(_SPELLINGS.get(word, word) for word in joined.split())
    return joined


# The choices' own words, normalised once: a question shows the same labels turn after turn,
# and one answer is compared with them several times. Bounded, like the safety word caches.
_LABEL_CACHE = 2048
label_words = lru_cache(maxsize=_LABEL_CACHE)(normalize)


def yes_or_no(text: str) -> str | None:
    """"yes" or "no" when the first word says it ("nee hoor, er is niks"), else None."""
    words = normalize(text).split()
    if not words:
        return None
    first = _squeezed(words[0])  # "jaaa", "neeee", "yesss"
    if first in _YES_SQUEEZED:
        return "no" if words[1:2] in (["niet"], ["not"], ["nie"]) else "yes"  # "klopt niet"
    if first in _NO_SQUEEZED:
        return "no"
    return None


# Words that may stand beside a yes without saying anything more ("ja klopt", "oké hoor").
_YES_ONLY = _YES_SQUEEZED | {_REPEATS.sub(r"\1", word) for word in (
    "hoor", "wel", "dat", "is", "zo", "goed", "helemaal", "right", "correct", "thats", "its")}


def only_yes(text: str) -> bool:
    """A yes and nothing more ("ja", "ja klopt", "oké hoor"): no answer to a question that
    asks *what*."""
    words = [_squeezed(word) for word in normalize(text).split()]
    return yes_or_no(text) == "yes" and len(words) <= 3 and set(words) <= _YES_ONLY


def _squeezed(word: str) -> str:
    """A word with each run of one letter written once: a lengthened word reads as itself."""
    return _REPEATS.sub(r"\1", word)


def dont_know(text: str) -> bool:
    """The whole answer says "I don't know" ("ik weet het echt niet", "geen idee")."""
    return bool(_DONT_KNOW.search(normalize(text)))


# Whole answers only where the words could also be an answer ("ik snap het niet meer op
# school" is what is hard; "wat moet ik doen met mijn schulden" is what is needed).
_ASKS_BACK = re.compile(
    r"^(wat|hoe) (bedoel|betekent|betekend)\b|^(huh|he|hae|wut|watte?)$|"
    r"^(wat|hoe) moet ik( hier)?( (typen|zeggen|doen|antwoorden|invullen))?$|"
    r"^(ik )?snap (het |je |t |dat )?niet$|^snap ik niet$|^wat is (dat|dit|het)( precies)?$|"
    r"^wat is een \w+$|^what (do you mean|does (that|it) mean|is that)\b|"
    r"^i dont (get|understand)( it| you| that)?$")


def asks_what_is_meant(text: str) -> bool:
    """A question back about the question ("wat bedoel je daarmee?", "huh?"): it gets an
    explanation, never read as an answer."""
    return bool(_ASKS_BACK.search(normalize(text)))


# Choices whose words may also stand inside a sentence ("ze woont ver weg", "gaat echt kut").
# Not yes/no: "ik weet niet hoe" must not read as a plain "no"; "skip" only by its phrases.
_IN_SENTENCES = frozenset({"goed", "gaat_wel", "slecht", "niet_goed", "praktisch", "samen",
                           "advies", "er_voor_je", "dichtbij", "beetje", "verder", "week",
                           "maand", "later", "support", "wonen", "school_werk", "inkomen",
                           "welzijn", "skip"})
SURE = 85  # a typo this close to a choice's word is that choice ("praktish", "dichtbei")
LIKELY = 75  # this close: ask "Bedoel je …?" (see :func:`fuzzy_choice`)
_FUZZY_LENGTH = 4  # shorter words are too alike to compare ("kut", "rot")


@lru_cache(maxsize=_LABEL_CACHE)
def _words_of(choice_id: str, label: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A choice's words that may stand in a sentence (3 letters or more), and those a typo
    may be compared with (one word, longer than :data:`_FUZZY_LENGTH`)."""
    words = (SKIP_IN_SENTENCES if choice_id == "skip"
             else (*SYNONYMS.get(choice_id, ()), label_words(label)))
    return (tuple(f" {w} " for w in words if len(w) >= 3),
            tuple(w for w in words if " " not in w and len(w) > _FUZZY_LENGTH))


def _phrases(text: str, choices: Sequence[Choice]) -> dict[str, int]:
    """Per choice, the length of its longest word or label that stands in ``text``; when none
    does, a word typed a little wrong ("praktish") counts as the word it is close to."""
    plain = normalize(text)
    # Also without "het", so word order does not matter: "gaat het wel" is "gaat wel".
    padded = f" {plain} | {' '.join(w for w in plain.split() if w != 'het')} "
    found: dict[str, int] = {}
    listening = [c for c in choices if c.id in _IN_SENTENCES]
    for choice in listening:
        lengths = [len(w) for w in _words_of(choice.id, choice.label)[0] if w in padded]
        if lengths:
            found[choice.id] = max(lengths) - 2  # (without the spaces around)
    if found:
        return found
    typed = [w for w in plain.split() if len(w) >= _FUZZY_LENGTH + 1]
    if not typed:
        return found
    for choice in listening:
        words = _words_of(choice.id, choice.label)[1]
        if choice.id != "skip" and words and any(
                process.extractOne(t, words, scorer=fuzz.ratio, score_cutoff=SURE)
                for t in typed):
            found[choice.id] = 1
    return found


def choice_in_sentence(text: str, choices: Sequence[Choice]) -> str | None:
    """The choice a sentence names: the longest phrase wins ("niet zo goed" over "goed"),
    then the id listed first in :data:`SYNONYMS` (as for whole answers)."""
    found = _phrases(text, choices)
    if not found:
        return None
    return min(found, key=lambda cid: (-found[cid], _ORDER.get(cid, 0)))


def choices_in_sentence(text: str, choices: Sequence[Choice]) -> list[str]:
    """Every choice a sentence names ("ze helpt me en geeft tips" → praktisch, advies)."""
    return [cid for cid in _phrases(text, choices) if cid != "skip"]


_POSSESSIVE = re.compile(r"^(mijn|je|jouw|my|your) ")


@lru_cache(maxsize=_LABEL_CACHE)
def _close_words(choice_id: str, label: str) -> tuple[str, ...]:
    """What :func:`fuzzy_choice` compares a whole answer with: the label (without "je") and
    the choice's common words."""
    return tuple(w for w in (_POSSESSIVE.sub("", label_words(label)),
                             *SYNONYMS.get(choice_id, ())) if len(w) >= _FUZZY_LENGTH)


def fuzzy_choice(text: str, choices: Sequence[Choice]) -> tuple[str, float] | None:
    """The choice whose label or word the whole answer is closest to, with the score (0–100),
    when it is at least :data:`LIKELY` and no other choice comes as close ("fatma" → Fatima,
    "dezeweek" → Deze week)."""
    wanted = _POSSESSIVE.sub("", normalize(text))  # "mijn moeder" is the button "Je moeder"
    if len(wanted) < _FUZZY_LENGTH:
        return None
    best: dict[str, float] = {}
    for choice in choices:
        hit = process.extractOne(wanted, _close_words(choice.id, choice.label),
                                 scorer=fuzz.ratio, score_cutoff=LIKELY)
        if hit is not None:
            best[choice.id] = hit[1]
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 5:
        return None  # two choices as close: no guess
    return ranked[0]


class OutOfRange(int):
    """A typed number that names no choice (``int`` so the caller can mention it)."""


def _prefix_of_one_word(wanted: str, labels: dict[str, str]) -> str | None:
    """The one choice with a label word that starts with ``wanted`` ("praktisch")."""
    found = {cid for label, cid in labels.items()
             if any(word.startswith(wanted) for word in label.split())}
    return found.pop() if len(found) == 1 else None


def match_choice(text: str, choices: Sequence[Choice]) -> str | OutOfRange | None:
    """The id of the choice ``text`` names, an :class:`OutOfRange` number, or None."""
    wanted = normalize(text)
    if not wanted:
        return None
    if wanted.isdigit():
        number = int(wanted)
        return choices[number - 1].id if 1 <= number <= len(choices) else OutOfRange(number)
    labels = {label_words(choice.label): choice.id for choice in choices}
    if wanted in labels:
        return labels[wanted]
    ids = {choice.id for choice in choices}
    for choice_id in _NAMES.get(wanted, ()):
        if choice_id in ids:
            return choice_id
    if "skip" in ids and dont_know(wanted):
        return "skip"
    first = yes_or_no(wanted)
    if first in ids:
        return first
    if len(wanted) >= 3:
        starting = [choice_id for label, choice_id in labels.items() if label.startswith(wanted)]
        if len(starting) == 1:
            return starting[0]
        containing = [cid for label, cid in labels.items() if f" {wanted} " in f" {label} "]
        if len(containing) == 1:
            return containing[0]
    if len(wanted) >= 4 and (prefixed := _prefix_of_one_word(wanted, labels)):
        return prefixed
    if "skip" in ids and "done" not in ids and wanted in SYNONYMS["done"]:
        return "skip"  # "klaar" where nothing is left to finish: nothing to add here
    return None


def match_many(text: str, choices: Sequence[Choice]) -> list[str] | None:
    """Several choices in one message ("1 en 3", "praktisch, advies", "1 4"); None if any
    part names no choice."""
    whole = match_choice(text, choices)
    if isinstance(whole, str):
        return [whole]
    found: list[str] = []
    for part in (p for p in _SPLIT_MANY.split(normalize(text)) if p):
        match = match_choice(part, choices)
        matches = [match] if isinstance(match, str) else [
            match_choice(word, choices) for word in part.split()]
        if not all(isinstance(m, str) for m in matches):
            return None
        found += [m for m in dict.fromkeys(matches) if m not in found]
    return found or None
