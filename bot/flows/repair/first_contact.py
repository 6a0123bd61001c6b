"""The very first input (not a command, nor a crisis): whatever it says, the welcome comes
first; from then on text answers the open question."""

from __future__ import annotations

from bot.flows.turn import TurnResult, TurnState
from bot.messages import UserInput


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    if turn.conv.started:
        return None
    turn.begin()
    turn.ask()
    return turn.result()
