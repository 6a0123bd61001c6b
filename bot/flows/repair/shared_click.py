"""A self-contained sharing button (``s:…``: a JIM's answer, "Ik pak dit op"): it stands on
its own, so it works whatever question is open; the sharing port checks it."""

from __future__ import annotations

from bot.flows.repair.command import follow
from bot.flows.sharing.commands import shared_click
from bot.flows.turn import TurnResult, TurnState
from bot.messages import SHARED_CHOICE, InputKind, UserInput


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    if said.kind is not InputKind.CHOICE or not said.choice.startswith(SHARED_CHOICE):
        return None
    return follow(turn, shared_click(turn, said.choice))
