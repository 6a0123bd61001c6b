"""The open question gets the input, and what it wants next is done: the one place where a
question's :data:`~bot.flows.question.Next` is read.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.flows.question import (
    Command,
    Crisis,
    Detour,
    Erase,
    FollowUp,
    Language,
    Next,
    Outcome,
    Pause,
    Question,
    accepted,
)
from bot.flows.registry import QUESTION
from bot.flows.repair import command
from bot.flows.repair.crisis_help import crisis_reply
from bot.flows.sharing import commands as sharing_commands
from bot.flows.turn import TurnResult, TurnState
from bot.i18n import N_, Translator
from bot.safety import RiskKind


def answer(turn: TurnState, apply: Callable[[Question], Next]) -> TurnResult:
    """Let the open question take the input (``apply``), then follow its :data:`Next`."""
    question = QUESTION[turn.conv.state]
    jim_before = turn.ctx.plan.jim
    outcome = apply(question)
    match outcome:
        case Language(code):
            turn.conv.lang = code
            turn.ctx.t = Translator(code)
        case Erase():
            turn.say(turn.t(N_("Alles is gewist. Dag! Met /start kun je altijd opnieuw "
                               "beginnen.")))
            result = turn.result()
            result.erase = True
            return result
        case Command(name):
            return command.run(turn, name)
        case Crisis(kinds):  # an answer confirmed a probable signal
            result = crisis_reply(turn, frozenset(RiskKind(kind) for kind in kinds),
                                  stored=False)
            result.crisis = True  # counted like a sure signal's reply
            return result
        case Pause():
            turn.rest()
            return turn.result(checkpoint=True)
        case Detour(state, cursor, resume):
            return turn.open_detour(state, cursor, resume)
    if accepted(outcome):
        follow_up = outcome.state if isinstance(outcome, FollowUp) else None
        offer = sharing_commands.after_answer(turn.ctx, jim_before, follow_up)
        if offer is not None:
            turn.push_detour(offer.state, offer.cursor, offer.resume)
        else:
            turn.advance(follow_up)
        turn.ask()
        return turn.result(checkpoint=True)
    turn.ask(replace=outcome is Outcome.STAY and question.multi)
    return turn.result(checkpoint=len(turn.ctx.plan.history) != turn.recorded)
