"""Every user-facing message is in every catalog, with the same placeholders and markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LANGUAGES, catalog_path

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
TAG = re.compile(r"</?[a-z]+>")


def source_messages() -> set[str]:
    return {message for _, _, message, _, _ in extract_from_dir(
        ROOT / "bot", method_map=[("**.py", "python")], keywords={"N_": None})}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_every_message_with_the_same_placeholders(lang: str) -> None:
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    translated = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(source_messages() - set(translated))
    assert not missing, f"{lang}: {len(missing)} messages untranslated, e.g. {missing[:5]}"
    for source, text in translated.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            f"{lang}: placeholders differ in {source!r} → {text!r}")
        assert TAG.findall(source) == TAG.findall(text), f"{lang}: markup differs in {source!r}"


def real_words(text: str) -> int:
    """Words that need translating: not placeholders, commands or markup."""
    return len(re.findall(r"(?<![{/<\w])[A-Za-zÀ-ÿ]{2,}(?![}\w>])", text))


def test_english_is_really_translated() -> None:
    with catalog_path("en").open("rb") as fh:
        catalog = read_po(fh, locale="en")
    same = [m.id for m in catalog if m.id and m.string == m.id and real_words(m.id) >= 3]
    assert not same, f"left in Dutch: {same[:5]}"
