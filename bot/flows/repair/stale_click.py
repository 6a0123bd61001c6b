"""A button of an earlier question (its step is not the open question's), or one the open
question no longer shows (forged, or from before a change): it does nothing, and the
question of now comes again. A click that counts is named by its label (``chosen``)."""

from __future__ import annotations

from bot.flows.registry import QUESTION
from bot.flows.turn import TurnResult, TurnState
from bot.i18n import N_
from bot.messages import InputKind, UserInput


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    if said.kind is not InputKind.CHOICE:
        return None
    if said.step != turn.conv.step:
        turn.counted = False
        turn.say(turn.t(N_("Die vraag is al beantwoord. Dit is de vraag van nu:")))
        return turn.reask()
    shown = QUESTION[turn.conv.state].shown_choices(turn.ctx)
    labels = {c.id: c.label.removeprefix("✅ ") for c in shown}
    if said.choice not in labels:
        turn.counted = False
        turn.say(turn.t(N_("Die knop werkt niet meer. Dit is de vraag van nu:")))
        return turn.reask()
    turn.chosen = labels[said.choice]
    return None
