"""Translations: Dutch source strings, gettext catalogs read straight from the .po files.

The catalogs are parsed with Babel at first use, so a fresh clone needs no compile step.
Outgoing text is a small HTML subset (``<b>``, ``<i>``); every value put into a template is
escaped here, so user text can never become markup in any adapter.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
DOMAIN = "toekomstplan"


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, when the language is known."""
    return message


class Safe(str):
    """Text that is already markup-safe (built from escaped parts); not escaped again."""


def escape(value: object) -> str:
    """Escape a value for the HTML subset unless it is already :class:`Safe`."""
    if isinstance(value, Safe):
        return value
    return html.escape(str(value), quote=False)


def locales_dir() -> Path:
    """The catalogs: inside the package when installed as a wheel, else the repo's ``locales/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "locales", here.parent / "locales"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("locales directory not found")


def catalog_path(lang: str) -> Path:
    return locales_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _catalog(lang: str) -> dict[str, str]:
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    return {message.id: message.string for message in catalog
            if isinstance(message.id, str) and message.string and not message.fuzzy}


class Translator:
    """Translates and fills templates for one language; falls back to the Dutch source."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._entries = _catalog(self.lang)

    def gettext(self, message: str) -> str:
        return self._entries.get(message, message)

    def __call__(self, message: str, /, **values: object) -> Safe:
        """Translate ``message`` and fill its ``{placeholders}`` with escaped values."""
        text = self.gettext(message)
        if values:
            text = text.format(**{key: escape(value) for key, value in values.items()})
        return Safe(text)

    def plain(self, message: str, /, **values: object) -> str:
        """Translate and fill without escaping: for button labels, which are never markup."""
        text = self.gettext(message)
        return text.format(**values) if values else text


def names_text(names: list[str], t: Translator) -> str:
    """"Mark", "Mark en Lisa", "Mark, Lisa en Anouk" (in the user's language)."""
    if len(names) < 2:
        return "".join(names)
    return t.plain(N_("{names} en {last}"), names=", ".join(names[:-1]), last=names[-1])
