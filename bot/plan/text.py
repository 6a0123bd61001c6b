"""Cleaning what people type before it goes into a plan.

Control characters and bidirectional overrides are removed (they can hide or reorder text
when shown to someone else); length is bounded so one message can't bloat a plan.
"""

from __future__ import annotations

import re
import unicodedata

NAME_LIMIT = 60
ANSWER_LIMIT = 1000

# Anything clean() would change: control and bidi characters, odd or repeated white space.
_NEEDS_WORK = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
    "|  | \n|\n |\n\n\n|^\\s|\\s$")
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean(text: str, limit: int) -> tuple[str, bool]:
    """Return ``text`` without control characters, trimmed, at most ``limit`` characters.

    The flag says whether it had to be cut, so the conversation can say so.
    """
    if len(text) <= limit and not _NEEDS_WORK.search(text):
        return text, False
    kept = []
    for char in text:
        if char in "\r\t":
            kept.append(" " if char == "\t" else "")
        elif char == "\n" or (char not in _BIDI_CONTROLS and unicodedata.category(char) != "Cc"):
            kept.append(char)
    cleaned = _SPACES.sub(" ", "".join(kept))
    cleaned = _BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in cleaned.split("\n")))
    cleaned = cleaned.strip()
    if len(cleaned) <= limit:
        return cleaned, False
    return cleaned[:limit].rstrip(), True


def beside(before: str | None, text: str) -> str:
    """Words said later kept beside words said before ("… · …"), bounded like an answer."""
    return clean(f"{before} · {text}" if before else text, ANSWER_LIMIT)[0]


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit (not only emoji or punctuation)."""
    return any(char.isalnum() for char in text)


def is_emoji(text: str) -> bool:
    """True when the text holds a pictograph (emoji), ignoring joiners and skin tones."""
    return any(unicodedata.category(char) == "So" for char in text)


def shorten(text: str, limit: int = 40) -> str:
    """At most ``limit`` characters, cut at a word boundary with "…" (for labels, questions)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit - 1]
    return cut.rstrip(" ,.;:-") + "…"


def bounded(limit: int):
    """A pydantic ``BeforeValidator`` that cleans and bounds a string field."""

    def _validate(value: object) -> object:
        return clean(value, limit)[0] if isinstance(value, str) else value

    return _validate


def capitalized(text: str) -> str:
    """The first letter a capital ("sam" → "Sam"); the rest as it is."""
    return text[:1].upper() + text[1:]


# A need said as a request for help ("hulp met een betalingsregeling", "iemand die me helpt
# een kamer te zoeken"): the agreement is about what follows; who helps is its own part.
_HELP_FRAME = re.compile(
    r"^(?:(?:wat|een beetje|meer|some|more) )?(?:hulp|help|support) "
    r"(?:bij|met|voor|om|with|for|to) |"
    r"^iemand (?:die|om) (?:me|mij) (?:kan |wil )?(?:te )?(?:helpt|helpen|help) "
    r"(?:bij |met |om )?|"
    r"^someone (?:who|to) (?:can )?helps? me (?:with |to )?", re.IGNORECASE)
_TE_VERB = re.compile(r"\bte (\w+)$", re.IGNORECASE)


def help_subject(need: str) -> str:
    """What an agreement is about, from the need: "hulp met een betalingsregeling" is "een
    betalingsregeling", "iemand die me helpt een kamer te zoeken" is "een kamer zoeken"; so
    "Wie kan je helpen met: …?" and "{youth} vraagt je hulp bij: …" don't say help twice."""
    subject = _HELP_FRAME.sub("", need.strip(), count=1)
    if subject == need.strip() or not has_words(subject):
        return need
    subject = _TE_VERB.sub(r"\1", subject)
    return capitalized(subject) if need.strip()[:1].isupper() else subject


def says_with(what: str) -> bool:
    """Whether an agreement's subject starts with "met" ("met iemand praten"): a sentence
    that would put it after "helpen met:" says "hierbij" instead, not "met: met …"."""
    return what.strip().lower().startswith(("met ", "with "))
