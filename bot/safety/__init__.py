"""Crisis safety: spot signals of acute risk in what the user types, and answer with help lines.

Pure code: no chat platform, no database. The only I/O is reading the phrase lists in
``locales/<lang>/safety_phrases.txt`` and the lemma tables shipped in ``simplemma`` once, at
first use.
"""

from bot.safety.detection import Detection, RiskKind, assess, detect, normalise
from bot.safety.helplines import HELPLINES, LAST_CHECKED, Helpline, lines_for
from bot.safety.replies import crisis_reminder, crisis_reply, sos_reply, sos_text

__all__ = [
    "HELPLINES",
    "LAST_CHECKED",
    "Detection",
    "Helpline",
    "RiskKind",
    "assess",
    "crisis_reminder",
    "crisis_reply",
    "detect",
    "lines_for",
    "normalise",
    "sos_reply",
    "sos_text",
]
