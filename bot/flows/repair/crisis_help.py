"""What follows a crisis reply, shared by the crisis steps and an answer that confirms a
risk (:class:`~bot.flows.question.Crisis`): the reply itself, the steps after it (see
:mod:`bot.flows.safety_plan`), and the questions such a message may still answer.
"""

from __future__ import annotations

from bot.flows import safety_plan
from bot.flows.interview import here_and_now, wat
from bot.flows.question import accepted
from bot.flows.registry import FLOW_OF, QUESTION
from bot.flows.turn import TurnResult, TurnState
from bot.i18n import N_, names_text
from bot.safety import RiskKind
from bot.safety import crisis_reply as crisis_messages
from bot.safety.helplines import PRACTICAL_KINDS

# The questions a message with a risk signal may still answer: a line of the veiligheidsplan
# (kept, with the help lines in short), the urgent need in hier en nu (kept as that need),
# and — for a practical crisis such as no place to sleep — what is hard or needed now.
SAFETY_ANSWERS = frozenset({safety_plan.SIGNS, safety_plan.HELPS, safety_plan.PEOPLE})
URGENT_QUESTIONS = frozenset({here_and_now.URGENT, here_and_now.URGENT_WHAT})
URGENT_ANSWER = here_and_now.URGENT_WHAT
PRACTICAL_ANSWERS = frozenset({wat.DOMAIN_HARD, wat.DOMAIN_NEED})


def may_answer(turn: TurnState, typed: str | None) -> bool:
    """Typed text that may answer the open question: the conversation runs and the user saw
    that question."""
    conv = turn.conv
    return typed is not None and not turn.unseen and conv.started and not conv.paused


def kept_as_answer(turn: TurnState, text: str, kinds: frozenset[RiskKind]) -> bool:
    """Store typed ``text`` where it answers the open question (the urgent need; what is
    hard or needed, for a practical crisis), and move on from that question."""
    conv, ctx = turn.conv, turn.ctx
    practical = kinds <= PRACTICAL_KINDS and conv.state in PRACTICAL_ANSWERS
    answered = (URGENT_ANSWER if conv.state in URGENT_QUESTIONS
                else conv.state if practical else None)
    if answered is None:
        return False
    stored = accepted(QUESTION[answered].on_text(ctx, text))
    if stored:
        turn.advance(introduce=False)  # introduced after the offers (after_crisis)
    if stored and practical:
        ctx.note(turn.t(N_("Ik heb het ook in je plan gezet.")))
    return stored


def crisis_reply(turn: TurnState, kinds: frozenset[RiskKind], stored: bool) -> TurnResult:
    """The crisis reply (naming the youth's begeleider, if linked), then what follows it."""
    ctx = turn.ctx
    professionals = ([(p.ref, p.name) for p in ctx.sharing.linked_professionals()]
                     if ctx.sharing is not None else [])
    names = names_text([name for _, name in professionals], turn.t)
    turn.messages.extend(crisis_messages(kinds, turn.t, age=ctx.plan.age,
                                         professional=names or None))
    return after_crisis(turn, kinds, professionals, stored)


def after_crisis(turn: TurnState, kinds: frozenset[RiskKind],
                 professionals: list[tuple[str, str]], stored: bool) -> TurnResult:
    """After the crisis reply: the safety check, the professional, the veiligheidsplan (one
    detour), unless the youth is in that detour already."""
    conv = turn.conv
    turn.begin()
    turn.go_on()
    cursor = safety_plan.after_crisis_cursor(kinds, professionals,
                                             offer_plan=not kinds <= PRACTICAL_KINDS)
    first = safety_plan.first_step(cursor)
    asked_first = conv.state == safety_plan.ASK_FIRST
    if FLOW_OF[conv.state].name == safety_plan.FLOW_NAME and not asked_first:
        turn.ask()  # what was open there is still open
        return turn.result(checkpoint=stored)
    if first is not None and asked_first:
        turn.set_cursor(cursor)
        turn.move_to(first)
    elif first is not None:
        turn.push_detour(first, cursor)
    else:
        if asked_first:
            turn.leave_detour()
        turn.flush_notes()  # what was kept is said before the way back into the plan
        turn.say(turn.t(N_("Wil je toch verder met je plan? Dan gaan we hier verder:")))
        turn.introduce()
    turn.ask()
    return turn.result(checkpoint=first is not None or asked_first or stored)
