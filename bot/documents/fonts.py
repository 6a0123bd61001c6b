"""The documents' font: Source Sans Pro, shipped in ``bot/documents/fonts/`` with its licence.

The files are Adobe's, unmodified, under the SIL Open Font License 1.1 (``OFL.txt`` next to
them): kept in the package so that documents need neither system fonts nor an unmaintained
font package. It covers Dutch and most European text; characters it lacks (emoji, other
scripts) are left out of documents rather than drawn as empty boxes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "SourceSansPro-Regular.ttf", FONTS / "SourceSansPro-Bold.ttf"


@cache
def _covered() -> frozenset[int]:
    return frozenset(TTFont(REGULAR)["cmap"].getBestCmap())


def printable(text: str) -> str:
    """``text`` without what the font can't draw (emoji, other scripts, control marks)."""
    covered = _covered()
    kept = "".join(char for char in text if ord(char) in covered or char == "\n")
    return re.sub(r"[ \t]{2,}", " ", kept).strip()
