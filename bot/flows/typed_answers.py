"""Understanding typed answers to choice questions: a number, a label, or a common word.

On Telegram most people press buttons, but in the terminal (and from habit) they type
"2", "ja", "klopt" or "weet niet"; all of those should simply work.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.flows.messages import Choice

# Common words per choice id, Dutch and English together: people mix them.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "yes": ("ja", "jaa", "jep", "jup", "yes", "yep", "klopt", "oke", "ok", "okay", "prima",
            "goed", "zeker", "jazeker", "tuurlijk", "natuurlijk", "y", "j"),
    "no": ("nee", "neen", "nope", "nah", "no", "niet", "n", "neej"),
    "skip": ("sla over", "overslaan", "skip", "weet niet", "weet ik niet", "geen idee",
             "idk", "weetniet", "-", "pass", "later", "liever niet", "zeg ik liever niet",
             "dont know", "i dont know"),
    "done": ("klaar", "dat is iedereen", "iedereen", "verder", "done", "dat was het",
             "niemand meer", "that is everyone", "thats everyone", "volgende", "next"),
    "self": ("ik zelf", "ikzelf", "zelf", "ik", "mezelf", "myself", "me", "i do", "ik doe het"),
    "professional": ("begeleider", "mijn begeleider", "hulpverlener", "mentor", "coach",
                     "my counsellor", "counsellor", "social worker"),
    "none": ("niemand", "niks", "niets", "nobody", "nothing", "no one", "geen"),
}

_PUNCTUATION = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")
_SPLIT_MANY = re.compile(r"\s*(?:,|;|\+|&|/|\ben\b|\band\b|\s)\s*")


def normalize(text: str) -> str:
    """Lower case, no accents, no punctuation or emoji, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = plain.replace("'", "").replace("’", "")
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", plain)).strip()


class OutOfRange(int):
    """A typed number that names no choice (``int`` so the caller can mention it)."""


def match_choice(text: str, choices: Sequence[Choice]) -> str | OutOfRange | None:
    """The id of the choice ``text`` names, an :class:`OutOfRange` number, or None."""
    wanted = normalize(text)
    if not wanted:
        return None
    if wanted.isdigit():
        number = int(wanted)
        return choices[number - 1].id if 1 <= number <= len(choices) else OutOfRange(number)
    labels = {normalize(choice.label): choice.id for choice in choices}
    if wanted in labels:
        return labels[wanted]
    ids = {choice.id for choice in choices}
    for choice_id, words in SYNONYMS.items():
        if choice_id in ids and wanted in words:
            return choice_id
    if len(wanted) >= 3:
        starting = [choice_id for label, choice_id in labels.items() if label.startswith(wanted)]
        if len(starting) == 1:
            return starting[0]
        containing = [cid for label, cid in labels.items() if re.search(rf"\b{wanted}\b", label)]
        if len(containing) == 1:
            return containing[0]
    return None


def match_many(text: str, choices: Sequence[Choice]) -> list[str] | None:
    """Several choices in one message ("1 en 3", "praktisch, advies"); None if any part fails."""
    whole = match_choice(text, choices)
    if isinstance(whole, str):
        return [whole]
    parts = [part for part in _SPLIT_MANY.split(normalize(text)) if part]
    found: list[str] = []
    for part in parts:
        match = match_choice(part, choices)
        if not isinstance(match, str):
            return None
        if match not in found:
            found.append(match)
    return found or None
