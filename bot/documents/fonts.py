"""The documents' font: Source Sans Pro from the ``font-source-sans-pro`` package.

It covers Dutch and most European text; characters it lacks (emoji, other scripts) are left
out of documents rather than drawn as empty boxes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import font_source_sans_pro
from fontTools.ttLib import TTFont

FONTS = Path(font_source_sans_pro.__file__).resolve().parent / "files"
REGULAR, BOLD = FONTS / "SourceSansPro-Regular.ttf", FONTS / "SourceSansPro-Bold.ttf"


@cache
def _covered() -> frozenset[int]:
    return frozenset(TTFont(REGULAR)["cmap"].getBestCmap())


def printable(text: str) -> str:
    """``text`` without what the font can't draw (emoji, other scripts, control marks)."""
    covered = _covered()
    kept = "".join(char for char in text if ord(char) in covered or char == "\n")
    return re.sub(r"[ \t]{2,}", " ", kept).strip()
