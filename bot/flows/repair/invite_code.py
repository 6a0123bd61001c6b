"""An invite code typed at the welcome (Telegram sends a tapped link as ``/start <code>``,
see :mod:`bot.flows.repair.command`): whoever came to accept an invite need not start a
plan first."""

from __future__ import annotations

from bot.flows.repair.command import follow
from bot.flows.sharing.commands import open_invite, typed_code
from bot.flows.turn import TurnResult, TurnState
from bot.messages import InputKind, UserInput


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    sharing = turn.ctx.sharing
    if said.kind is not InputKind.TEXT or sharing is None:
        return None
    code = typed_code(turn, said.text)
    return None if code is None else follow(turn, open_invite(turn, sharing, code))
