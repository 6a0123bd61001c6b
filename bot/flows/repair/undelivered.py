"""Text after a reply that never reached the user (see
:meth:`bot.turns.Turns.not_delivered`): it can't answer a question the user never saw, so
that question is sent again. Commands, buttons and crisis replies came before."""

from __future__ import annotations

from bot.flows.turn import TurnResult, TurnState
from bot.i18n import N_
from bot.messages import InputKind, UserInput


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    if not turn.unseen or said.kind is not InputKind.TEXT:
        return None
    turn.say(turn.t(N_("Mijn vorige bericht kwam niet bij je aan. Dit was mijn vraag:")))
    return turn.reask()
