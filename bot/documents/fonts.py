"""The documents' font: Source Sans Pro, shipped in ``bot/documents/fonts/`` with its licence.

The files are Adobe's, unmodified, under the SIL Open Font License 1.1 (``OFL.txt`` next to
them): kept in the package so that documents need neither system fonts nor an unmaintained
font package. It covers Dutch and most European text; characters it lacks (emoji, other
scripts) are left out of documents rather than drawn as empty boxes.

A PDF embeds only the glyphs it uses. fpdf2's own ``add_font`` reads the whole font file
for every document, and on output subsets that parsed font *in place*, so it can't be
shared; both took about half of a PDF's time. :func:`add_fonts` reads each file once per
process: every document shares what fpdf2 reads while laying out (widths, the character
map, the descriptor) and gets its own copy of what it changes, and a font of its own to
subset, opened lazily from bytes in memory without the tables the subset drops anyway.
"""

from __future__ import annotations

import copy
import io
import re
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "SourceSansPro-Regular.ttf", FONTS / "SourceSansPro-Bold.ttf"
STYLES = (("", REGULAR), ("B", BOLD))
# OpenType layout (fpdf2 without text shaping drops it from every subset; read, it only
# widens the subset with glyphs no text here reaches) and tables a subset never keeps.
UNUSED_TABLES = ("GDEF", "GPOS", "GSUB", "BASE", "DSIG")


@cache
def _covered() -> frozenset[int]:
    return frozenset(TTFont(REGULAR)["cmap"].getBestCmap())


def printable(text: str) -> str:
    """``text`` without what the font can't draw (emoji, other scripts, control marks)."""
    covered = _covered()
    kept = "".join(char for char in text if ord(char) in covered or char == "\n")
    return re.sub(r"[ \t]{2,}", " ", kept).strip()


@cache
def _parsed(path: Path, style: str) -> tuple[TTFFont, bytes]:
    """The font as fpdf2 reads it (for a throwaway document), and the file's bytes without
    :data:`UNUSED_TABLES`."""
    font = TTFFont(FPDF(), path, "", style)
    font.ttfont = None  # the parsed tables: every document subsets a font of its own
    whole = TTFont(path, recalcTimestamp=False)
    for tag in UNUSED_TABLES:
        if tag in whole:
            del whole[tag]
    data = io.BytesIO()
    whole.save(data)
    return font, data.getvalue()


def read_fonts() -> None:
    """Read the font files now, not when the first document needs them."""
    _covered()
    for style, path in STYLES:
        _parsed(path, style)


def add_fonts(doc: FPDF, family: str) -> None:
    """Regular and bold as ``family`` in ``doc``, as ``doc.add_font`` would add them."""
    for style, path in STYLES:
        parsed, data = _parsed(path, style)
        font = copy.copy(parsed)
        font.i = len(doc.fonts) + 1
        font.fontkey = f"{family.lower()}{style}"
        font.cw = parsed.cw.copy()  # fpdf2 adds a width for a character it looks up
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        # bounding boxes stay those of the whole font: still true, and not recomputed
        font.ttfont = TTFont(io.BytesIO(data), lazy=True, recalcTimestamp=False,
                             recalcBBoxes=False)
        font.subset = SubsetMap(font)
        doc.fonts[font.fontkey] = font
