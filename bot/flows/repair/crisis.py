"""A risk signal in what was typed (or in the words beside a sticker or an edited message),
wherever the youth is: paused, in a detour, in the middle of a question.

A sure signal gets the calm crisis reply with the right help lines first; a probable one
gets one plain question before any help (a detour), except inside the crisis steps already.
The message is not an answer (it stays out of the plan), except where it fits the open
question (see :mod:`bot.flows.repair.crisis_help`).
"""

from __future__ import annotations

from bot.flows import safety_plan
from bot.flows.answer import answer
from bot.flows.registry import FLOW_OF
from bot.flows.repair.crisis_help import SAFETY_ANSWERS, crisis_reply, kept_as_answer, may_answer
from bot.flows.turn import TurnResult, TurnState
from bot.messages import InputKind, UserInput
from bot.safety import RiskKind, assess, crisis_reminder
from bot.safety.replies import primary_kind


def words_of(said: UserInput) -> str:
    """What is read for a risk signal: the typed text, or the words beside a sticker, a
    photo or an edited message."""
    return said.text if said.kind is InputKind.TEXT else said.aside


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    words = words_of(said)
    if not words:
        return None
    signal = assess(words, turn.conv.lang)
    typed = said.text if said.kind is InputKind.TEXT else None
    if signal.sure:
        result = _sure(turn, typed, signal.sure)
        result.crisis = True
        return result
    if signal.probable and FLOW_OF[turn.conv.state].name != safety_plan.FLOW_NAME:
        return _ask_first(turn, typed, signal.probable)
    return None


def _sure(turn: TurnState, typed: str | None, kinds: frozenset[RiskKind]) -> TurnResult:
    """The crisis reply, then the steps after it, then back to where the youth was; a line
    of the veiligheidsplan is kept as that line (with the help lines in short)."""
    answers = may_answer(turn, typed)
    if answers and turn.conv.state in SAFETY_ANSWERS:
        turn.messages.append(crisis_reminder(kinds, turn.t, age=turn.ctx.plan.age))
        return answer(turn, lambda q: q.on_text(turn.ctx, typed))
    stored = answers and kept_as_answer(turn, typed, kinds)
    return crisis_reply(turn, kinds, stored)


def _ask_first(turn: TurnState, typed: str | None,
               kinds: frozenset[RiskKind]) -> TurnResult:
    """A signal that is only probable: one plain question before any help (a detour)."""
    kind = primary_kind(kinds)
    assert kind is not None
    if may_answer(turn, typed):
        kept_as_answer(turn, typed, kinds)
    turn.begin()
    turn.go_on()
    return turn.open_detour(safety_plan.ASK_FIRST, safety_plan.ask_first_cursor(kind))
