"""Refresh the gettext catalogs from the source: ``python scripts/update_catalogs.py``.

Extracts every ``N_("…")`` from ``bot/``, writes ``locales/toekomstplan.pot``, and updates
each language's ``.po``. Dutch is the source language, so its entries are filled with the
source text; other languages get new entries empty, to translate (the catalog test lists
what is missing).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
DOMAIN = "toekomstplan"
SOURCE_LANGUAGE = "nl"
# A fixed date keeps the catalog headers stable, so parallel changes to the texts merge.
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def extract() -> Catalog:
    template = Catalog(project=DOMAIN, fuzzy=False, creation_date=STAMP)
    for _, _, message, comments, _ in extract_from_dir(
            ROOT / "bot", method_map=[("**.py", "python")], keywords={"N_": None},
            comment_tags=("Translators:",)):
        template.add(message, auto_comments=comments)
    return template


def update(template: Catalog, lang: str) -> None:
    path = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale=lang, project=DOMAIN, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = STAMP
    if lang == SOURCE_LANGUAGE:
        for message in catalog:
            if message.id and not message.string:
                message.string = message.id
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True, omit_header=False, no_location=True)


def main() -> None:
    template = extract()
    with (LOCALES / f"{DOMAIN}.pot").open("wb") as fh:
        write_po(fh, template, width=100, sort_output=True, no_location=True)
    for lang_dir in sorted(p for p in LOCALES.iterdir() if p.is_dir()):
        update(template, lang_dir.name)
    print(f"{len(template)} messages")


if __name__ == "__main__":
    main()
