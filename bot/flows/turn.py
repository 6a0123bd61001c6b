"""The working copy of one turn, owned by the engine: where the conversation is moved.

Everything that writes the conversation's place (its question, detours, pause, start) is a
method of :class:`TurnState`; repair steps, the answer's :data:`~bot.flows.question.Next`
and the sharing commands go through it. The sharing commands only return what they want
(:class:`Visit`, :class:`Begin`, :class:`Quiet`, or a ``Next``); the engine's steps apply it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.flows import safety_plan
from bot.flows.conversation import START_STATE, Conversation, Frame
from bot.flows.cursor import Cursor
from bot.flows.flow import Turn
from bot.flows.plan_view import is_empty
from bot.flows.question import Context
from bot.flows.registry import FLOW_OF, QUESTION
from bot.flows.sharing.port import SharingPort
from bot.flows.sharing.questions import INVITE_ANSWER, MEMBER_HOME
from bot.i18n import N_, Translator
from bot.messages import Message
from bot.plan.model import Plan
from bot.plan.sharing_model import InviteKind

HISTORY_LIMIT = 200

Undo = Callable[[Plan], "tuple[Conversation, Plan] | None"]
"""/terug: the caller's previous checkpoint (taken off the undo stack), or None; it is given
the plan as it is now (what others did since is kept, see
:func:`bot.sharing.handoffs.keep_what_others_did`)."""


@dataclass
class TurnResult:
    conversation: Conversation
    plan: Plan
    messages: list[Message] = field(default_factory=list)
    checkpoint: bool = False  # keep the state from before this turn, for /terug
    erase: bool = False  # the user confirmed /verwijder: the caller removes everything
    plan_changed: bool = False  # the plan recorded a change (or /terug took one back)
    chosen: str | None = None  # the label of the button pressed, when the press counted
    counted: bool = True  # False: a press that did nothing (an earlier or stale button)
    crisis: bool = False  # the input signalled a risk and got the crisis reply


@dataclass(frozen=True)
class Visit:
    """A sharing page to open from wherever the user is (:meth:`TurnState.visit`)."""

    state: str
    cursor: Cursor


@dataclass(frozen=True)
class Begin:
    """Nothing opens, but the conversation counts as begun (a code that did not work)."""


@dataclass(frozen=True)
class Quiet:
    """The reply is complete: the open question is not asked again under it."""


class TurnState:
    """The working copy of one turn and the replies collected so far."""

    def __init__(self, conversation: Conversation, plan: Plan, now: datetime,
                 sharing: SharingPort | None = None, undo: Undo | None = None) -> None:
        self.conv = conversation
        self.ctx = Context(plan=plan, cursor=self.conv.cursor, t=Translator(self.conv.lang),
                           now=now, sharing=sharing, seen=self.conv.seen)
        self.undo = undo
        self.messages: list[Message] = []
        self.chosen: str | None = None
        self.counted = True
        self.recorded = len(plan.history)  # changes the plan had before this turn
        self.unseen = False  # the user never saw the open question (the last reply failed)

    @property
    def t(self) -> Translator:
        return self.ctx.t

    def say(self, text: str) -> None:
        self.messages.append(Message(text=text))

    def flush_notes(self) -> None:
        self.messages.extend(self.ctx.notes)
        self.ctx.notes.clear()

    def ask(self, replace: bool = False) -> None:
        """Show the current question (after any notes)."""
        self.flush_notes()
        question = QUESTION[self.conv.state]
        if question.resting and self.messages and self.messages[-1].choices:
            return  # the reply ends with buttons of its own (an ask): one set at a time
        choices = tuple(question.shown_choices(self.ctx))
        checking = question.open_check(self.ctx) is not None  # "Bedoel je: …?"
        self.messages.append(Message(text=question.shown_prompt(self.ctx), choices=choices,
                                     step=self.conv.step, multi=question.multi and not checking,
                                     replaces_previous=replace and not checking))

    def reask(self) -> TurnResult:
        """The reply so far, then the open question again (not while paused)."""
        if self.conv.paused:
            self.flush_notes()
        else:
            self.ask()
        return self.result()

    def move_to(self, state: str, introduce: bool = True) -> None:
        self.conv.state = state
        self.conv.step += 1
        if introduce:
            self.introduce()

    def introduce(self) -> None:
        """The current question's intro line, the first time it comes up."""
        state = self.conv.state
        if state not in self.conv.seen:
            self.conv.seen.append(state)
            intro = QUESTION[state].intro(self.ctx)
            if intro:
                self.ctx.note(intro)

    def begin(self) -> None:
        """The conversation is under way (the next text answers the open question)."""
        self.conv.started = True

    def go_on(self) -> None:
        """Out of a pause: the next text answers the open question again."""
        self.conv.paused = False

    def pause(self) -> None:
        """Stop for now; everything is kept and /start goes on."""
        self.conv.paused = True
        self.say(self.t(N_("Prima, we stoppen even. Alles is bewaard. "
                           "Typ /start als je verder wilt.")))
        self.flush_notes()

    def rest(self) -> None:
        """Stop after an answer that asked for it (:class:`~bot.flows.question.Pause`): in a
        crisis detour /start later goes on with the plan, not the check-in."""
        if FLOW_OF[self.conv.state].name == safety_plan.FLOW_NAME:
            self.leave_detour()
        self.conv.paused = True
        self.flush_notes()

    def set_cursor(self, cursor: Cursor) -> None:
        self.conv.cursor = cursor
        self.ctx.cursor = cursor

    def push_detour(self, state: str, cursor: Cursor | None = None,
                    resume: bool = False) -> None:
        """Visit ``state`` and come back; ``resume``: the current question was answered, so
        coming back moves on from it (a detour between an answer and the next question)."""
        self.conv.stack.append(Frame(state=self.conv.state, cursor=self.conv.cursor,
                                     resume=resume))
        self.set_cursor(cursor if cursor is not None else Cursor())
        self.move_to(state)

    def open_detour(self, state: str, cursor: Cursor | None = None, resume: bool = False,
                    checkpoint: bool = True) -> TurnResult:
        """Take a detour to ``state`` (see :meth:`push_detour`) and ask its question: the
        turn's reply. ``checkpoint``: /terug comes back to before the detour."""
        self.push_detour(state, cursor, resume)
        self.ask()
        return self.result(checkpoint=checkpoint)

    def pop_detour(self) -> bool:
        """Back to the interrupted question; True when the flow moves on from it."""
        frame = self.leave_detour()
        if frame.resume:
            return True
        if not QUESTION[frame.state].resting and frame.state != START_STATE:
            # (at a resting place, or at the welcome, nothing was going on yet)
            self.ctx.note(self.t(N_("We gaan verder waar we waren.")))
        self.introduce()  # when the detour was taken just as a new part began
        return False

    def leave_detour(self) -> Frame:
        """Back to the question the detour interrupted, without a word about it; the frame
        left (what :meth:`pop_detour` reads on)."""
        frame = self.conv.stack.pop()
        self.set_cursor(frame.cursor)
        self.conv.state = frame.state
        self.conv.step += 1
        return frame

    def leave_detours(self) -> None:
        """A /wijzig or /taal replaces any open detour: "Laat maar" then leads back to where
        the youth was, not to the menu before."""
        if self.conv.stack:
            base = self.conv.stack[0]
            self.conv.stack.clear()
            self.set_cursor(base.cursor)
            self.conv.state = base.state

    def advance(self, follow_up: str | None = None, introduce: bool = True) -> None:
        """After an accepted answer: a follow-up, the next asked part of a detour, or the
        route. ``introduce``: a new part's intro line comes now (False: later)."""
        ctx, conv = self.ctx, self.conv
        if follow_up:
            self.move_to(follow_up, introduce)
            return
        queued = ctx.cursor.ask
        if queued:
            self.move_to(queued.pop(0), introduce)
            return
        flow = FLOW_OF[conv.state]
        if not (conv.in_detour and not flow.detour):
            moving = Turn(conv.state, ctx)
            if flow.advance(moving):
                self.move_to(moving.state, introduce)
                return
        if conv.in_detour and self.pop_detour():
            self.advance(introduce=introduce)

    def visit(self, visit: Visit) -> TurnResult:
        """Open a sharing page. Someone without a plan of their own (who never started, or
        only saw the welcome) rests at the member home afterwards, not in the youth
        interview; a youth who opened a begeleider's link goes on to make their plan."""
        conv = self.conv
        self.go_on()
        for_youth = (visit.state == INVITE_ANSWER
                     and visit.cursor.invite is not None
                     and visit.cursor.invite.kind is InviteKind.YOUTH)
        fresh = not conv.started or (conv.state == START_STATE and is_empty(self.ctx.plan))
        if fresh and not conv.in_detour and not for_youth:
            conv.state = MEMBER_HOME
        self.begin()
        return self.open_detour(visit.state, visit.cursor, checkpoint=False)

    def result(self, checkpoint: bool = False) -> TurnResult:
        plan = self.ctx.plan
        changed = len(plan.history) != self.recorded
        del plan.history[:-HISTORY_LIMIT]
        return TurnResult(self.conv, plan, self.messages, checkpoint=checkpoint,
                          plan_changed=changed, chosen=self.chosen, counted=self.counted)
