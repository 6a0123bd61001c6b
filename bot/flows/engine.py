"""One turn of a conversation: (conversation, plan, input) → (conversation, plan, replies).

Pure: no clock, no storage, no chat platform. The caller passes the time and stores the
result; every adapter renders the replies. Commands work the same everywhere. What lies
outside this user's own plan (invitations, links, other people's plans) is reached only
through the sharing port the caller passes in (see :mod:`bot.flows.sharing.port`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum

from bot.flows import checkin, edit, erase, look, safety_plan
from bot.flows.commands import ALIASES
from bot.flows.conversation import START_STATE, Conversation, Frame
from bot.flows.flow import Flow, Turn
from bot.flows.interview import flow as interview
from bot.flows.interview import start
from bot.flows.plan_view import is_empty
from bot.flows.question import Context, Outcome, Question
from bot.flows.sharing import commands as sharing_commands
from bot.flows.sharing import questions as sharing_questions
from bot.flows.sharing.port import SharingPort
from bot.flows.sharing.questions import MEMBER_HOME
from bot.flows.typed_answers import match_choice, normalize, yes_or_no
from bot.i18n import N_, Translator, names_text
from bot.messages import EDITED, PLAN_PDF, SHARED_CHOICE, InputKind, Message, UserInput
from bot.plan.model import Plan
from bot.safety import RiskKind, assess, crisis_reminder, crisis_reply, sos_reply
from bot.safety.helplines import PRACTICAL_KINDS
from bot.safety.replies import primary_kind

FLOWS: tuple[Flow, ...] = (interview.build(), edit.build(), safety_plan.build(),
                           erase.build(), sharing_questions.build(),
                           sharing_questions.build_home(), checkin.build(),
                           look.build())
FLOW_OF: dict[str, Flow] = {key: f for f in FLOWS for key in f.by_key}
QUESTION: dict[str, Question] = {key: q for f in FLOWS for key, q in f.by_key.items()}
HISTORY_LIMIT = 200


class Effect(Enum):
    """What the engine asks of the caller because it needs storage the engine can't see."""

    UNDO = "undo"  # restore the last checkpoint, then call :func:`after_undo`
    EXPORT = "export"  # send everything stored about the user
    ERASE = "erase"  # remove the user and everything theirs


@dataclass
class TurnResult:
    conversation: Conversation
    plan: Plan
    messages: list[Message] = field(default_factory=list)
    checkpoint: bool = False  # keep the state from before this turn, for /terug
    effect: Effect | None = None
    chosen: str | None = None  # the label of the button pressed, when the press counted
    counted: bool = True  # False: a press that did nothing (an earlier or stale button)
    crisis: bool = False  # the input signalled a risk and got the crisis reply


class _TurnState:
    """The working copy of one turn and the replies collected so far."""

    def __init__(self, conversation: Conversation, plan: Plan, now: datetime,
                 sharing: SharingPort | None = None) -> None:
        self.conv = conversation
        self.ctx = Context(plan=plan, cursor=self.conv.cursor, t=Translator(self.conv.lang),
                           now=now, sharing=sharing, seen=self.conv.seen)
        self.messages: list[Message] = []
        self.chosen: str | None = None
        self.counted = True

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

    def pause(self) -> None:
        """Stop for now; everything is kept and /start goes on."""
        self.conv.paused = True
        self.say(self.t(N_("Prima, we stoppen even. Alles is bewaard. "
                           "Typ /start als je verder wilt.")))

    def set_cursor(self, cursor: dict) -> None:
        self.conv.cursor = cursor
        self.ctx.cursor = cursor

    def push_detour(self, state: str, cursor: dict | None = None, resume: bool = False) -> None:
        """Visit ``state`` and come back; ``resume``: the current question was answered, so
        coming back moves on from it (a detour between an answer and the next question)."""
        self.conv.stack.append(Frame(state=self.conv.state, cursor=self.conv.cursor,
                                     resume=resume))
        self.set_cursor(cursor or {})
        self.move_to(state)

    def pop_detour(self) -> bool:
        """Back to the interrupted question; True when the flow moves on from it."""
        frame = self.conv.stack.pop()
        self.set_cursor(frame.cursor)
        self.conv.state = frame.state
        self.conv.step += 1
        if frame.resume:
            return True
        if not QUESTION[frame.state].resting and frame.state != START_STATE:
            # (at a resting place, or at the welcome, nothing was going on yet)
            self.ctx.note(self.t(N_("We gaan verder waar we waren.")))
        self.introduce()  # when the detour was taken just as a new part began
        return False

    def result(self, checkpoint: bool = False, effect: Effect | None = None) -> TurnResult:
        del self.ctx.plan.history[:-HISTORY_LIMIT]
        return TurnResult(self.conv, self.ctx.plan, self.messages, checkpoint=checkpoint,
                          effect=effect, chosen=self.chosen, counted=self.counted)


def handle(conversation: Conversation, plan: Plan, user_input: UserInput,
           now: datetime, sharing: SharingPort | None = None) -> TurnResult:
    """Decide the reply to one input.

    The engine works on the objects it is given (callers pass freshly loaded ones) and
    returns them changed; anything else it reaches only through ``sharing``.
    """
    turn = _TurnState(conversation, plan, now, sharing)
    unseen, turn.conv.undelivered = turn.conv.undelivered, False  # this reply is sent anew
    said = user_input.text if user_input.kind is InputKind.TEXT else user_input.aside
    if said:
        signal = assess(said, turn.conv.lang)
        if signal.sure:  # before anything else: a calm reply with the right help lines
            result = _crisis(turn, user_input, signal.sure, may_answer=not unseen)
            result.crisis = True
            return result
        if signal.probable and FLOW_OF[turn.conv.state].name != "safety":
            return _ask_first(turn, user_input, signal.probable, may_answer=not unseen)
    if user_input.kind is InputKind.COMMAND:
        return _command(turn, user_input)
    if user_input.kind is InputKind.MEDIA:
        turn.say(turn.t(N_("Je hebt een bericht aangepast. Dat lees ik niet opnieuw. "
                           "Met /wijzig verander je een antwoord."))
                 if user_input.text == EDITED
                 else turn.t(N_("Ik kan alleen tekst lezen. Typ je antwoord, of kies een knop.")))
        return _reask(turn)
    if user_input.kind is InputKind.CHOICE and user_input.choice.startswith(SHARED_CHOICE):
        return sharing_commands.shared_click(turn, user_input.choice) or _reask(turn)
    code = sharing_commands.typed_code(turn, said) if user_input.kind is InputKind.TEXT else None
    if code is not None and sharing is not None:
        return sharing_commands.open_invite(turn, sharing, code) or _reask(turn)
    if not turn.conv.started:
        turn.conv.started = True
        turn.ask()
        return turn.result()
    if turn.conv.paused:
        return _paused(turn, user_input)
    if user_input.kind is InputKind.CHOICE:
        return _choice(turn, user_input)
    if unseen:  # the user never saw the current question: this text can't answer it
        turn.say(turn.t(N_("Mijn vorige bericht kwam niet bij je aan. Dit was mijn vraag:")))
        return _reask(turn)
    return _answer(turn, lambda q: q.take_text(turn.ctx, user_input.text))


def interject(conversation: Conversation, plan: Plan, state: str, cursor: dict,
              now: datetime, lead: str | None = None,
              sharing: SharingPort | None = None) -> list[Message]:
    """Ask ``state`` unasked (a check-in the scheduler sends), as a detour from where the
    youth rests; when it is the open question already, ask it again (with ``lead``)."""
    turn = _TurnState(conversation, plan, now, sharing)
    if lead:
        turn.ctx.note(lead)
    if conversation.state != state or conversation.cursor != cursor:
        turn.push_detour(state, cursor)
    turn.ask()
    return turn.messages


def after_undo(conversation: Conversation, plan: Plan, restored: bool,
               now: datetime, sharing: SharingPort | None = None) -> list[Message]:
    """The reply once the caller has (or could not have) restored the previous checkpoint;
    ``sharing`` for a question that offers a member's choices (their home page)."""
    conversation.undelivered = False  # (a restored step may hold it) the question is sent now
    turn = _TurnState(conversation, plan, now, sharing)
    turn.ctx.note(turn.t(N_("Oké, we gaan een stap terug.")) if restored
                  else turn.t(N_("Er is nog niets om terug te gaan.")))
    turn.ask()
    return turn.messages


# The questions a message with a risk signal may still answer: a line of the veiligheidsplan
# (kept, with the help lines in short), the urgent need in hier en nu (kept as that need),
# and — for a practical crisis such as no place to sleep — what is hard or needed now.
SAFETY_ANSWERS = frozenset({"safety_signs", "safety_helps", "safety_people"})
URGENT_QUESTIONS = frozenset({"urgent", "urgent_what"})
URGENT_ANSWER = "urgent_what"
PRACTICAL_ANSWERS = frozenset({"domain_hard", "domain_need"})


def _crisis(turn: _TurnState, user_input: UserInput, kinds: frozenset[RiskKind],
            may_answer: bool = True) -> TurnResult:
    """A risk signal, wherever the youth is: the crisis reply first, then the steps after it
    (see :mod:`bot.flows.safety_plan`), then back to where they were.

    The message is not an answer (it stays out of the plan), except at the questions above
    when the user saw that question (``may_answer``).
    """
    conv, ctx = turn.conv, turn.ctx
    typed = _may_answer(turn, user_input, may_answer)
    if typed and conv.state in SAFETY_ANSWERS:
        turn.messages.append(crisis_reminder(kinds, turn.t, age=ctx.plan.age))
        return _answer(turn, lambda q: q.on_text(ctx, user_input.text))
    stored = typed and _kept_as_answer(turn, user_input.text, kinds)
    return _crisis_reply(turn, kinds, stored)


def _may_answer(turn: _TurnState, user_input: UserInput, may_answer: bool) -> bool:
    """Typed text that may answer the open question: the conversation runs and the user saw
    that question (``may_answer``)."""
    conv = turn.conv
    return (may_answer and user_input.kind is InputKind.TEXT and conv.started
            and not conv.paused)


def _kept_as_answer(turn: _TurnState, text: str, kinds: frozenset[RiskKind]) -> bool:
    """Store typed ``text`` where it answers the open question (the urgent need; what is
    hard or needed, for a practical crisis), and move on from that question."""
    conv, ctx = turn.conv, turn.ctx
    practical = kinds <= PRACTICAL_KINDS and conv.state in PRACTICAL_ANSWERS
    answered = (URGENT_ANSWER if conv.state in URGENT_QUESTIONS
                else conv.state if practical else None)
    if answered is None:
        return False
    stored = QUESTION[answered].on_text(ctx, text) is Outcome.ACCEPTED
    if stored:
        _advance(turn, introduce=False)  # introduced after the offers (_after_crisis)
    if stored and practical:
        ctx.note(turn.t(N_("Ik heb het ook in je plan gezet.")))
    return stored


def _ask_first(turn: _TurnState, user_input: UserInput, kinds: frozenset[RiskKind],
               may_answer: bool = True) -> TurnResult:
    """A signal that is only probable: one plain question before any help (a detour)."""
    kind = primary_kind(kinds)
    assert kind is not None
    if _may_answer(turn, user_input, may_answer):
        _kept_as_answer(turn, user_input.text, kinds)
    turn.conv.started, turn.conv.paused = True, False
    turn.push_detour(safety_plan.ASK_FIRST, safety_plan.ask_first_cursor(kind))
    turn.ask()
    return turn.result(checkpoint=True)


def _crisis_reply(turn: _TurnState, kinds: frozenset[RiskKind], stored: bool) -> TurnResult:
    ctx = turn.ctx
    professionals = ([(p.ref, p.name) for p in ctx.sharing.linked_professionals()]
                     if ctx.sharing is not None else [])
    names = names_text([name for _, name in professionals], turn.t)
    turn.messages.extend(crisis_reply(kinds, turn.t, age=ctx.plan.age,
                                      professional=names or None))
    return _after_crisis(turn, kinds, professionals, stored)


def _after_crisis(turn: _TurnState, kinds: frozenset[RiskKind],
                  professionals: list[tuple[str, str]], stored: bool) -> TurnResult:
    """After the crisis reply: the safety check, the professional, the veiligheidsplan (one
    detour), unless the youth is in that detour already."""
    conv = turn.conv
    conv.started, conv.paused = True, False
    cursor = safety_plan.after_crisis_cursor(kinds, professionals,
                                             offer_plan=not kinds <= PRACTICAL_KINDS)
    first = safety_plan.first_step(cursor)
    asked_first = conv.state == safety_plan.ASK_FIRST
    if FLOW_OF[conv.state].name == "safety" and not asked_first:
        turn.ask()  # what was open there is still open
        return turn.result(checkpoint=stored)
    if first is not None and asked_first:
        turn.set_cursor(cursor)
        turn.move_to(first)
    elif first is not None:
        turn.push_detour(first, cursor)
    else:
        if asked_first:
            _leave_detour(turn)
        turn.flush_notes()  # what was kept is said before the way back into the plan
        turn.say(turn.t(N_("Wil je toch verder met je plan? Dan gaan we hier verder:")))
        turn.introduce()
    turn.ask()
    return turn.result(checkpoint=first is not None or asked_first or stored)


def _leave_detour(turn: _TurnState) -> None:
    """Back to the question the detour interrupted, without a word about it."""
    frame = turn.conv.stack.pop()
    turn.set_cursor(frame.cursor)
    turn.conv.state = frame.state
    turn.conv.step += 1


RESUME_WORDS = frozenset({"ja", "ok", "oke", "okay", "begin", "beginnen", "verder", "door",
                          "doorgaan", "ga door", "ga verder", "start", "yes", "go", "continue",
                          "hoi", "hallo", "hey", "hi", "hello"})


def _paused(turn: _TurnState, user_input: UserInput) -> TurnResult:
    """After /pauze or "Nu niet": "ja", "verder" or a click on the question shown goes on;
    at the welcome a typed choice ("1", "uitleg") answers it."""
    conv, t = turn.conv, turn.t
    if user_input.kind is InputKind.CHOICE and user_input.step == conv.step:
        conv.paused = False
        return _choice(turn, user_input)
    text = normalize(user_input.text)
    wants_on = text in RESUME_WORDS or yes_or_no(text) == "yes"
    at_welcome = conv.state == START_STATE and not conv.in_detour
    if at_welcome:
        choice = match_choice(text, QUESTION[conv.state].all_choices(turn.ctx))
        if wants_on or choice in (start.START, start.MORE):
            conv.paused = False
            chosen = choice if choice in (start.START, start.MORE) else start.START
            return _answer(turn, lambda q: q.answer_choice(turn.ctx, chosen))
        turn.say(t(N_("Helemaal goed. Typ ‘ja’ of /start als je wilt beginnen.")))
    elif wants_on:
        conv.paused = False
        turn.say(t(N_("Fijn dat je er weer bent. We gaan verder waar je was.")))
        turn.ask()
    else:
        turn.say(t(N_("We zijn even gestopt. Typ ‘verder’ of /start als je verder wilt.")))
    return turn.result()


def _reask(turn: _TurnState, effect: Effect | None = None) -> TurnResult:
    if turn.conv.paused:
        turn.flush_notes()
    else:
        turn.ask()
    return turn.result(effect=effect)


def _choice(turn: _TurnState, user_input: UserInput) -> TurnResult:
    question = QUESTION[turn.conv.state]
    if user_input.step != turn.conv.step:
        turn.counted = False
        turn.say(turn.t(N_("Die vraag is al beantwoord. Dit is de vraag van nu:")))
        return _reask(turn)
    labels = {c.id: c.label.removeprefix("✅ ") for c in question.shown_choices(turn.ctx)}
    if user_input.choice not in labels:
        turn.counted = False
        turn.say(turn.t(N_("Die knop werkt niet meer. Dit is de vraag van nu:")))
        return _reask(turn)
    turn.chosen = labels[user_input.choice]
    return _answer(turn, lambda q: q.take_choice(turn.ctx, user_input.choice))


def _answer(turn: _TurnState, apply) -> TurnResult:
    question = QUESTION[turn.conv.state]
    changes_before = len(turn.ctx.plan.history)
    jim_before = turn.ctx.plan.jim
    outcome = apply(question)
    if turn.ctx.language:
        turn.conv.lang = turn.ctx.language
        turn.ctx.t = Translator(turn.ctx.language)
    if turn.ctx.erase:
        turn.say(turn.t(N_("Alles is gewist. Dag! Met /start kun je altijd opnieuw beginnen.")))
        return turn.result(effect=Effect.ERASE)
    if turn.ctx.run_command:
        return _command(turn, UserInput(InputKind.COMMAND, command=turn.ctx.run_command))
    if turn.ctx.crisis:  # an answer confirmed a probable signal
        return _crisis_reply(turn, frozenset(RiskKind(kind) for kind in turn.ctx.crisis),
                             stored=False)
    if turn.ctx.pause:
        if FLOW_OF[turn.conv.state].name == "safety":
            _leave_detour(turn)  # /start later goes on with the plan, not the check-in
        turn.conv.paused = True
        turn.flush_notes()
        return turn.result(checkpoint=True)
    if turn.ctx.detour:
        turn.push_detour(turn.ctx.detour)
        turn.ask()
        return turn.result(checkpoint=True)
    if outcome is Outcome.ACCEPTED:
        if not sharing_commands.after_answer(turn, jim_before):
            _advance(turn)
        turn.ask()
        return turn.result(checkpoint=True)
    changed = len(turn.ctx.plan.history) != changes_before
    turn.ask(replace=outcome is Outcome.STAY and question.multi)
    return turn.result(checkpoint=changed)


def _advance(turn: _TurnState, introduce: bool = True) -> None:
    """After an accepted answer: a follow-up, the next asked part of a detour, or the route.
    ``introduce``: a new part's intro line comes now (False: the caller introduces it later)."""
    ctx, conv = turn.ctx, turn.conv
    if ctx.follow_up:
        turn.move_to(ctx.follow_up, introduce)
        return
    queued: list[str] = ctx.cursor.get("ask", [])
    if queued:
        turn.move_to(queued.pop(0), introduce)
        return
    flow = FLOW_OF[conv.state]
    if not (conv.in_detour and not flow.detour):
        moving = Turn(conv.state, ctx)
        if flow.advance(moving):
            turn.move_to(moving.state, introduce)
            return
    if conv.in_detour and turn.pop_detour():
        _advance(turn, introduce)


START_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What a ``t.me/<bot>?start=…`` link (or a typed code) can carry; anything else after
``/start`` was typed by hand and means a plain ``/start``."""
PROFESSIONAL_START = "begeleider"
"""``/start begeleider``: the link an organisation gives its begeleiders
(``t.me/<bot>?start=begeleider``) opens the bot at their sign-up, not at a youth's welcome."""


def _command(turn: _TurnState, user_input: UserInput) -> TurnResult:
    conv, t = turn.conv, turn.t
    name = ALIASES.get(user_input.command)
    sharing = turn.ctx.sharing
    if name == "start" and not START_PAYLOAD.fullmatch(user_input.argument):
        user_input = replace(user_input, argument="")
    if name == "start" and user_input.argument.lower() == PROFESSIONAL_START:
        name = "begeleider"
    if name == "start" and user_input.argument and sharing is not None:
        return sharing_commands.open_invite(turn, sharing, user_input.argument) or _reask(turn)
    if name == "start" and conv.state == MEMBER_HOME and not conv.in_detour:
        conv.paused = False
        turn.ask()
        return turn.result()
    if name == "start":
        if not conv.started:
            conv.started = True
        elif conv.paused:
            turn.say(t(N_("Fijn dat je er weer bent. We gaan verder waar je was.")))
        else:
            turn.say(t(N_("Welkom terug! We gaan verder waar je was.")))
        conv.paused = False
        turn.ask()
        return turn.result()
    if name == "sos":
        turn.messages.extend(sos_reply(t))
        return _reask(turn)
    if name == "terug":
        return turn.result(effect=Effect.UNDO)
    if name == "mijngegevens":  # the stored data is attached by the turn (Effect.EXPORT)
        turn.messages.append(Message(t(N_("Hier is alles wat ik over je heb bewaard.")),
                                     documents=() if is_empty(turn.ctx.plan) else (PLAN_PDF,)))
        return _reask(turn, Effect.EXPORT)
    if name == "verwijder":
        conv.started = True
        turn.push_detour("erase_confirm")
        turn.ask()
        return turn.result()
    if name == "pauze":
        turn.pause()
        return turn.result()
    if name == "plan":
        if QUESTION[conv.state].shows_plan(turn.ctx) and not conv.paused:
            return _reask(turn)  # "Klopt dit?" shows the whole plan already
        sharing_commands.show_plan(turn)
        return _reask(turn)
    if name in sharing_commands.SHARING_COMMANDS:
        if sharing is None:
            turn.say(t(N_("Delen kan hier niet.")))
            return _reask(turn)
        return sharing_commands.SHARING_COMMANDS[name](turn, sharing) or _reask(turn)
    if name == "help":
        sharing_commands.show_help(turn)
        return _reask(turn)
    if name == "herinneringen":
        conv.paused = False
        _leave_detours(turn)
        turn.push_detour(checkin.REMINDERS)
        turn.ask()
        return turn.result(checkpoint=True)
    if name in ("wijzig", "taal"):
        conv.started = True
        if name == "wijzig" and not QUESTION["edit_pick"].choices(turn.ctx):
            turn.say(t(N_("Er is nog niets om te veranderen.")))
            return _reask(turn)
        conv.paused = False
        _leave_detours(turn)
        turn.push_detour("edit_pick" if name == "wijzig" else "language")
        turn.ask()
        return turn.result(checkpoint=True)
    turn.say(t(N_("Dat commando ken ik niet. Typ /help om te zien wat ik kan.")))
    return _reask(turn)


def _leave_detours(turn: _TurnState) -> None:
    """A /wijzig or /taal replaces any open detour: "Laat maar" then leads back to where the
    youth was, not to the menu before."""
    if turn.conv.stack:
        base = turn.conv.stack[0]
        turn.conv.stack.clear()
        turn.set_cursor(base.cursor)
        turn.conv.state = base.state
