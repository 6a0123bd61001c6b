"""The PDF's fonts are read once per process and shared: a document laid out with them is the
same as with fpdf2's own ``add_font``, each document embeds exactly the glyphs it uses (also
when many are made at once), and a plan asked for again is not drawn again."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from fontTools.ttLib import TTFont
from fpdf import FPDF
from pypdf import PdfReader

from bot.documents.fonts import BOLD, REGULAR, add_fonts
from bot.documents.plan_pdf import plan_pdf
from bot.i18n import Translator
from tests.test_plan_pdf import full_plan, text_of

TEXT = "Noë betaalt de huur vóór maandag – €50 • ‘ja’"


def document(text: str, shared: bool) -> bytes:
    doc = FPDF()
    if shared:
        add_fonts(doc, "Sans")
    else:
        doc.add_font("Sans", "", str(REGULAR))
        doc.add_font("Sans", "B", str(BOLD))
    doc.add_page()
    doc.set_font("Sans", "", 11)
    doc.multi_cell(60, 5, text)
    doc.set_font("Sans", "B", 14)
    doc.multi_cell(60, 7, text.upper())
    return bytes(doc.output())


def fonts_in(pdf: bytes) -> list[tuple[str, object, set[str]]]:
    """Per embedded font: its name, its widths, and the glyphs in its font file."""
    found = []
    for font in PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values():
        cid_font = font.get_object()["/DescendantFonts"][0].get_object()
        data = cid_font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        glyphs = set(TTFont(io.BytesIO(data)).getGlyphOrder())
        found.append((str(font.get_object()["/BaseFont"]), list(cid_font["/W"]), glyphs))
    return sorted(found, key=lambda entry: entry[0])


def test_shared_fonts_lay_out_the_same_as_fpdf2s_own() -> None:
    ours, theirs = document(TEXT, shared=True), document(TEXT, shared=False)
    assert text_of(ours) == text_of(theirs)
    assert PdfReader(io.BytesIO(ours)).pages[0].get_contents().get_data() == \
        PdfReader(io.BytesIO(theirs)).pages[0].get_contents().get_data()
    for (name, widths, glyphs), (their_name, their_widths, their_glyphs) in zip(
            fonts_in(ours), fonts_in(theirs), strict=True):
        assert (name, widths) == (their_name, their_widths)
        assert glyphs <= their_glyphs  # theirs adds glyphs reached only through GSUB


def test_each_document_embeds_only_its_own_glyphs_also_made_at_once() -> None:
    texts = [f"{word} {n}" for n in range(4) for word in ("Xylofoon", "quiz", "Jürgen")]
    with ThreadPoolExecutor(6) as pool:
        made = list(pool.map(lambda text: document(text, shared=True), texts))
    for text, pdf in zip(texts, made, strict=True):
        assert text_of(pdf).splitlines()[0] == text
        (regular,) = [glyphs for name, _, glyphs in fonts_in(pdf) if "Bold" not in name]
        assert ("z" in regular) == ("z" in text) and ("X" in regular) == ("X" in text)


def test_a_plan_asked_again_is_not_drawn_again_and_a_changed_one_is() -> None:
    plan = full_plan()
    first = plan_pdf(plan, Translator("nl"), date(2026, 11, 22))
    assert plan_pdf(plan, Translator("nl"), date(2026, 11, 22)) is first
    assert plan_pdf(plan, Translator("nl"), date(2026, 11, 23)) is not first  # another day
    plan.actions[0].what = "Een grotere kamer"
    changed = plan_pdf(plan, Translator("nl"), date(2026, 11, 22))
    assert "Een grotere kamer" in text_of(changed) and changed is not first
