"""One turn of a conversation: (conversation, plan, input) → (conversation, plan, replies).

Pure: no clock, no storage, no chat platform. The caller passes the time and stores the
result; every adapter renders the replies. Commands work the same everywhere. What lies
outside this user's own plan (invitations, links, other people's plans) is reached only
through the sharing port the caller passes in (see :mod:`bot.flows.sharing.port`), the
previous checkpoint only through ``undo``.

A turn is: the repair steps of :data:`REPAIR`, in order, until one handles the input; else
the open question takes it (:func:`bot.flows.answer.answer`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.flows.answer import answer
from bot.flows.conversation import Conversation
from bot.flows.cursor import Cursor
from bot.flows.repair import (
    about_the_chat,
    command,
    crisis,
    first_contact,
    invite_code,
    media,
    paused,
    shared_click,
    stale_click,
    undelivered,
)
from bot.flows.sharing.port import SharingPort
from bot.flows.turn import TurnResult, TurnState, Undo
from bot.messages import InputKind, Message, UserInput
from bot.plan.model import Plan
from bot.safety import assess, crisis_reminder

Step = Callable[[TurnState, UserInput], TurnResult | None]

REPAIR: tuple[Step, ...] = (
    crisis.repair,
    command.repair,
    media.repair,
    shared_click.repair,
    invite_code.repair,
    first_contact.repair,
    paused.repair,
    undelivered.repair,
    stale_click.repair,
    about_the_chat.repair,
)
"""The repair steps, tried in this order before the open question gets the input.

Why this order:

1. ``crisis`` — safety first: a risk signal gets its reply wherever the youth is, also in a
   pause, in a detour, before any command, or beside a sticker or an edited message.
2. ``command`` — a command works anywhere (in a pause, a detour, while another's ask is open,
   before the conversation began): it is how the youth finds their way.
3. ``media`` — what can't be read is said so, and changes nothing.
4. ``shared_click`` — a sharing button stands on its own: it works whatever is open.
5. ``invite_code`` — a code typed at the welcome opens the invite, before the welcome is
   answered.
6. ``first_contact`` — the first input only shows the welcome.
7. ``paused`` — in a pause, only "verder" (or a click on the question shown) goes on.
8. ``undelivered`` — text can't answer a question whose message never arrived.
9. ``stale_click`` — a button of an earlier question (after /terug, after a change) or one
   the question no longer shows does nothing.
10. ``about_the_chat`` — "hoe werkt dit?", "ik wil iets veranderen", "kan ik stoppen?" at an
    interview question do what /help, /wijzig and /pauze do, never kept as the answer; last,
    so that every step above (a pause above all) has had its say.
"""


def handle(conversation: Conversation, plan: Plan, user_input: UserInput,
           now: datetime, sharing: SharingPort | None = None,
           undo: Undo | None = None) -> TurnResult:
    """Decide the reply to one input.

    The engine works on the objects it is given (callers pass freshly loaded ones) and
    returns them changed; anything else it reaches only through ``sharing`` and ``undo``.
    """
    turn = TurnState(conversation, plan, now, sharing, undo)
    turn.unseen, turn.conv.undelivered = turn.conv.undelivered, False  # sent anew now
    for repair in REPAIR:
        result = repair(turn, user_input)
        if result is not None:
            return result
    if user_input.kind is InputKind.CHOICE:
        return answer(turn, lambda q: q.take_choice(turn.ctx, user_input.choice))
    return answer(turn, lambda q: q.take_text(turn.ctx, user_input.text))


def ask_again(conversation: Conversation, plan: Plan, said: UserInput, now: datetime,
              sharing: SharingPort | None = None) -> list[Message]:
    """The open question as it stands, nothing changed: for an input whose turn was stored
    once already (a chat sent it again) and whose reply may never have gone out. Words that
    signal a crisis get the help lines again first: of a lost reply, those matter most."""
    turn = TurnState(conversation, plan, now, sharing)
    words = crisis.words_of(said)
    sure = assess(words, conversation.lang).sure if words else frozenset()
    if sure:
        turn.messages.append(crisis_reminder(sure, turn.t, age=plan.age))
    if conversation.paused:  # (its reply said how to go on: it says so again)
        paused.say_how_to_go_on(turn)
    return turn.reask().messages


def interject(conversation: Conversation, plan: Plan, state: str, cursor: Cursor,
              now: datetime, lead: str | None = None,
              sharing: SharingPort | None = None) -> list[Message]:
    """Ask ``state`` unasked (a check-in the scheduler sends), as a detour from where the
    youth rests; when it is the open question already, ask it again (with ``lead``)."""
    turn = TurnState(conversation, plan, now, sharing)
    if lead:
        turn.ctx.note(lead)
    if conversation.state != state or conversation.cursor != cursor:
        turn.push_detour(state, cursor)
    turn.ask()
    return turn.messages
