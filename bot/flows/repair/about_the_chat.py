"""A sentence about the conversation itself, typed at an interview question: how this works
(the help), changing something (/wijzig) or stopping for now (/pauze). It does what the
command does; it is never kept as an answer ("wat kan ik hier allemaal doen?" was written
down as what is hard about housing).

Only whole messages count: "ik wil stoppen met roken" is a need, not a pause. At the menus
(resting questions) and at the welcome, the question's own reading of such words comes
first.
"""

from __future__ import annotations

import re

from bot.flows.conversation import START_STATE
from bot.flows.registry import QUESTION
from bot.flows.repair import command
from bot.flows.turn import TurnResult, TurnState
from bot.flows.typed_answers import normalize
from bot.i18n import N_
from bot.messages import InputKind, UserInput

_WANT = (r"(ik wil|kan ik|mag ik|ik zou graag|i want to|can i|could i)"
         r"( nu| nog| even| eerst| graag)?")
WANTED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("help", re.compile(
        r"^(en )?(wat kan ik (hier )?(allemaal )?(doen|typen|zeggen)|"
        r"hoe werkt (dit|het|deze bot)( hier)?( eigenlijk)?|wat moet ik (hier )?(doen|typen)|"
        r"what can i (do|type|say)( here)?|how does (this|it) work)$")),
    ("wijzig", re.compile(
        rf"^{_WANT} (iets |wat |dat |something )?(veranderen|aanpassen|wijzigen|change)"
        r"( in mijn plan| aan mijn plan| in my plan)?$")),
    ("pauze", re.compile(
        rf"^{_WANT} (stoppen|pauzeren|een pauze|pauze|stop|pause|take a break)"
        r"( nu| even| voor nu| for now)?$")),
)


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    if (said.kind is not InputKind.TEXT or turn.conv.state == START_STATE
            or QUESTION[turn.conv.state].resting):
        return None
    text = normalize(said.text)
    for name, pattern in WANTED:
        if pattern.fullmatch(text):
            if name == "help":
                turn.say(turn.t(N_("Ik stel je korte vragen, één per keer. Antwoord in je "
                                   "eigen woorden, of tik op een knop.")))
            return command.run(turn, name)
    return None
