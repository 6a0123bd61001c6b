"""One turn of a conversation: (conversation, plan, input) → (conversation, plan, replies).

Pure: no clock, no storage, no chat platform. The caller passes the time and stores the
result; every adapter renders the replies. Commands work the same everywhere. What lies
outside this user's own plan (invitations, links, other people's plans) is reached only
through the sharing port the caller passes in (see :mod:`bot.flows.sharing.port`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from bot.flows import edit, erase, safety_plan
from bot.flows.commands import ALIASES, help_text
from bot.flows.conversation import START_STATE, Conversation, Frame
from bot.flows.flow import Flow, Turn
from bot.flows.interview import flow as interview
from bot.flows.interview import start
from bot.flows.interview.wat import DOMAIN_LABELS
from bot.flows.messages import EDITED, SHARED_CHOICE, InputKind, Message, UserInput
from bot.flows.plan_view import is_empty, render_plan
from bot.flows.question import Context, Outcome, Question
from bot.flows.sharing import questions as sharing_questions
from bot.flows.sharing.model import InviteKind, ShareRole
from bot.flows.sharing.port import SharingPort
from bot.flows.sharing.questions import MEMBER_HOME
from bot.flows.typed_answers import match_choice, normalize, yes_or_no
from bot.i18n import N_, Safe, Translator
from bot.plan.model import Person, Plan
from bot.safety import crisis_reply, detect, sos_reply
from bot.safety.helplines import PRACTICAL_KINDS

FLOWS: tuple[Flow, ...] = (interview.build(), edit.build(), safety_plan.build(),
                           erase.build(), sharing_questions.build(),
                           sharing_questions.build_home())
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


class _TurnState:
    """The working copy of one turn and the replies collected so far."""

    def __init__(self, conversation: Conversation, plan: Plan, now: datetime,
                 sharing: SharingPort | None = None) -> None:
        self.conv = conversation
        self.ctx = Context(plan=plan, cursor=self.conv.cursor, t=Translator(self.conv.lang),
                           now=now, sharing=sharing, seen=self.conv.seen)
        self.messages: list[Message] = []
        self.chosen: str | None = None

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
        choices = tuple(question.all_choices(self.ctx))
        self.messages.append(Message(text=question.prompt(self.ctx), choices=choices,
                                     step=self.conv.step, multi=question.multi,
                                     replaces_previous=replace))

    def move_to(self, state: str) -> None:
        self.conv.state = state
        self.conv.step += 1
        question = QUESTION[state]
        if state not in self.conv.seen:
            self.conv.seen.append(state)
            intro = question.intro(self.ctx)
            if intro:
                self.ctx.note(intro)

    def set_cursor(self, cursor: dict) -> None:
        self.conv.cursor = cursor
        self.ctx.cursor = cursor

    def push_detour(self, state: str, cursor: dict | None = None) -> None:
        self.conv.stack.append(Frame(state=self.conv.state, cursor=self.conv.cursor))
        self.set_cursor(cursor or {})
        self.move_to(state)

    def pop_detour(self) -> None:
        frame = self.conv.stack.pop()
        self.set_cursor(frame.cursor)
        self.conv.state = frame.state
        self.conv.step += 1
        self.ctx.note(self.t(N_("We gaan verder waar we waren.")))

    def result(self, checkpoint: bool = False, effect: Effect | None = None) -> TurnResult:
        del self.ctx.plan.history[:-HISTORY_LIMIT]
        return TurnResult(self.conv, self.ctx.plan, self.messages, checkpoint=checkpoint,
                          effect=effect, chosen=self.chosen)


def handle(conversation: Conversation, plan: Plan, user_input: UserInput,
           now: datetime, sharing: SharingPort | None = None) -> TurnResult:
    """Decide the reply to one input.

    The engine works on the objects it is given (callers pass freshly loaded ones) and
    returns them changed; anything else it reaches only through ``sharing``.
    """
    turn = _TurnState(conversation, plan, now, sharing)
    said = user_input.text if user_input.kind is InputKind.TEXT else user_input.aside
    if said:
        kinds = detect(said, turn.conv.lang)
        if kinds:  # before anything else: a calm reply with the right help lines
            turn.messages.extend(crisis_reply(kinds, turn.t, age=turn.ctx.plan.age))
            if not kinds <= PRACTICAL_KINDS:
                return _offer_safety_plan(turn)
    if user_input.kind is InputKind.COMMAND:
        return _command(turn, user_input)
    if user_input.kind is InputKind.MEDIA:
        turn.say(turn.t(N_("Je hebt een bericht aangepast. Dat lees ik niet opnieuw. "
                           "Met /wijzig verander je een antwoord."))
                 if user_input.text == EDITED
                 else turn.t(N_("Ik kan alleen tekst lezen. Typ je antwoord, of kies een knop.")))
        return _reask(turn)
    if user_input.kind is InputKind.CHOICE and user_input.choice.startswith(SHARED_CHOICE):
        return _shared_click(turn, user_input.choice)
    if not turn.conv.started:
        turn.conv.started = True
        turn.ask()
        return turn.result()
    if turn.conv.paused:
        return _paused(turn, user_input)
    if user_input.kind is InputKind.CHOICE:
        return _choice(turn, user_input)
    return _answer(turn, lambda q: q.on_text(turn.ctx, user_input.text))


def after_undo(conversation: Conversation, plan: Plan, restored: bool,
               now: datetime) -> list[Message]:
    """The reply once the caller has (or could not have) restored the previous checkpoint."""
    turn = _TurnState(conversation, plan, now)
    turn.ctx.note(turn.t(N_("Oké, we gaan een stap terug.")) if restored
                  else turn.t(N_("Er is nog niets om terug te gaan.")))
    turn.ask()
    return turn.messages


def _offer_safety_plan(turn: _TurnState) -> TurnResult:
    """After a crisis reply: offer a veiligheidsplan, then back to where the youth was.

    The message itself is not taken as an answer: it stays out of the plan.
    """
    turn.conv.started, turn.conv.paused = True, False
    if FLOW_OF[turn.conv.state].name != "safety":
        turn.push_detour("safety_offer")
    turn.ask()
    return turn.result(checkpoint=True)


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
        turn.say(turn.t(N_("Die vraag is al beantwoord. Dit is de vraag van nu:")))
        return _reask(turn)
    labels = {c.id: c.label.removeprefix("✅ ") for c in question.all_choices(turn.ctx)}
    if user_input.choice not in labels:
        turn.say(turn.t(N_("Die knop werkt niet meer. Dit is de vraag van nu:")))
        return _reask(turn)
    turn.chosen = labels[user_input.choice]
    return _answer(turn, lambda q: q.answer_choice(turn.ctx, user_input.choice))


def _answer(turn: _TurnState, apply) -> TurnResult:
    question = QUESTION[turn.conv.state]
    changes_before = len(turn.ctx.plan.history)
    jim_before = turn.ctx.plan.jim_person()
    outcome = apply(question)
    if turn.ctx.language:
        turn.conv.lang = turn.ctx.language
        turn.ctx.t = Translator(turn.ctx.language)
    if turn.ctx.erase:
        turn.say(turn.t(N_("Alles is gewist. Dag! Met /start kun je altijd opnieuw beginnen.")))
        return turn.result(effect=Effect.ERASE)
    if turn.ctx.pause:
        turn.conv.paused = True
        turn.flush_notes()
        return turn.result(checkpoint=True)
    if turn.ctx.detour:
        turn.push_detour(turn.ctx.detour)
        turn.ask()
        return turn.result(checkpoint=True)
    if outcome is Outcome.ACCEPTED:
        _advance(turn)
        _offer_invite(turn, jim_before)
        turn.ask()
        return turn.result(checkpoint=True)
    changed = len(turn.ctx.plan.history) != changes_before
    turn.ask(replace=outcome is Outcome.STAY and question.multi)
    return turn.result(checkpoint=changed)


def _advance(turn: _TurnState) -> None:
    """After an accepted answer: a follow-up, the next asked part of a detour, or the route."""
    ctx, conv = turn.ctx, turn.conv
    if ctx.follow_up:
        turn.move_to(ctx.follow_up)
        return
    queued: list[str] = ctx.cursor.get("ask", [])
    if queued:
        turn.move_to(queued.pop(0))
        return
    flow = FLOW_OF[conv.state]
    if not (conv.in_detour and not flow.detour):
        moving = Turn(conv.state, ctx)
        if flow.advance(moving):
            turn.move_to(moving.state)
            return
    if conv.in_detour:
        turn.pop_detour()


def _command(turn: _TurnState, user_input: UserInput) -> TurnResult:
    conv, t = turn.conv, turn.t
    name = ALIASES.get(user_input.command)
    sharing = turn.ctx.sharing
    if name == "start" and user_input.argument and sharing is not None:
        return _open_invite(turn, sharing, user_input.argument)
    if name == "start" and conv.state == MEMBER_HOME and not conv.in_detour:
        conv.paused = False
        turn.move_to(START_STATE)
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
    if name == "mijngegevens":
        turn.say(t(N_("Hier is alles wat ik over je heb bewaard.")))
        return _reask(turn, Effect.EXPORT)
    if name == "verwijder":
        conv.started = True
        turn.push_detour("erase_confirm")
        turn.ask()
        return turn.result()
    if name == "pauze":
        conv.paused = True
        turn.say(t(N_("Prima, we stoppen even. Alles is bewaard. Typ /start als je verder wilt.")))
        return turn.result()
    if name == "plan":
        shared = sharing.shared_plans() if sharing is not None else []
        if QUESTION[conv.state].shows_plan(turn.ctx) and not conv.paused:
            return _reask(turn)  # "Klopt dit?" shows the whole plan already
        if not (shared and is_empty(turn.ctx.plan)):
            turn.say(t(N_("Je plan is nog leeg. Dat komt vanzelf als we verder praten."))
                     if is_empty(turn.ctx.plan) else render_plan(turn.ctx.plan, t))
        turn.messages.extend(shared)
        return _reask(turn)
    if name in SHARING_COMMANDS:
        if sharing is None:
            turn.say(t(N_("Delen kan hier niet.")))
            return _reask(turn)
        return SHARING_COMMANDS[name](turn, sharing)
    if name == "help":
        turn.say(help_text(t))
        return _reask(turn)
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


# --- sharing: invitations, /delen, members, professionals ------------------------------------

def _open_detour(turn: _TurnState, state: str, cursor: dict) -> TurnResult:
    """Start a sharing detour; someone who never started rests at the member home after."""
    conv = turn.conv
    conv.paused = False
    if not conv.started:
        conv.started = True
        if state != "invite_answer" or cursor["invite"]["kind"] != InviteKind.YOUTH:
            conv.state = MEMBER_HOME
    turn.push_detour(state, cursor)
    turn.ask()
    return turn.result()


def _open_invite(turn: _TurnState, sharing: SharingPort, code: str) -> TurnResult:
    """``/start <code>``: a valid invite is explained; any other code gets one plain answer
    that says nothing about whose invite it was."""
    invite = sharing.open_invite(code)
    if invite is None:
        turn.say(turn.t(N_("Deze link werkt niet. Misschien is hij al gebruikt of te oud. "
                           "Vraag om een nieuwe link.")))
        turn.conv.started = True
        return _reask(turn)
    data = {"id": invite.id, "kind": invite.kind.value, "youth": invite.youth_name,
            "age": invite.youth_age,
            "professional": invite.professional.model_dump() if invite.professional else None}
    return _open_detour(turn, "invite_answer", {"invite": data})


def _offer_invite(turn: _TurnState, jim_before: Person | None) -> None:
    """A JIM was just chosen: say how to invite them. A note, not a question, so the
    interview keeps its pace; /delen makes the link."""
    jim = turn.ctx.plan.jim_person()
    if (turn.ctx.sharing is not None and jim is not None
            and (jim_before is None or jim.id != jim_before.id)):
        turn.ctx.note(turn.t(N_("Wil je {name} vragen om echt je JIM te zijn? "
                                "Typ dan /delen. Ik maak een link die je kunt doorsturen."),
                             name=jim.name))


def _share_menu(turn: _TurnState, sharing: SharingPort) -> TurnResult:
    """/delen: who sees what, then what the youth can do about it."""
    t, plan = turn.t, turn.ctx.plan
    lines = [t(N_("<b>Wie ziet je plan?</b>"))]
    options: list[tuple[str, str]] = []
    shared = sharing.shared_with()
    for link in shared:
        role = t.plain(ROLE_WORDS[link.role])
        if link.pending:
            lines.append(t(N_("• {name} ({role}): uitnodiging nog niet beantwoord"),
                           name=link.name, role=role))
            options.append((f"withdraw:{link.id}",
                            t.plain(N_("Uitnodiging {name} intrekken"), name=link.name)))
        else:
            lines.append(t(SEES[link.role], name=link.name, role=role))
            options.append((f"stop:{link.id}",
                            t.plain(N_("Stop delen met {name}"), name=link.name)))
    if not shared:
        lines.append(t(N_("Nog niemand. Alleen jij.")))
    private = [t.plain(DOMAIN_LABELS[d]) for d in plan.private_domains]
    if private:
        lines.append(t(N_("Alleen voor jou: {subjects}"), subjects=", ".join(private)))
    taken = {(link.role, link.name) for link in shared}
    jim = plan.jim_person()
    if jim is not None and (ShareRole.JIM, jim.name) not in taken:
        options.insert(0, ("jim", t.plain(N_("{name} uitnodigen als JIM"), name=jim.name)))
    options.append(("net", t.plain(N_("Iemand uitnodigen die helpt"))))
    options.append(("pro", t.plain(N_("Je begeleider uitnodigen"))))
    options.append(("private", t.plain(N_("Onderwerpen alleen voor mij"))))
    turn.say(Safe("\n".join(lines)))
    return _open_detour(turn, "share_menu", {"options": options})


def _member_pick(purpose: str, roles: frozenset[ShareRole]):  # type: ignore[no-untyped-def]
    """/jongeren, /stoppen, /bericht: pick the youth (asked only when there is a choice)."""

    def command(turn: _TurnState, sharing: SharingPort) -> TurnResult:
        links = [link for link in sharing.memberships() if link.role in roles]
        if not links:
            turn.say(turn.t(NOBODY_LINKED[purpose]))
            return _reask(turn)
        cursor = {"purpose": purpose, "links": [(link.id, link.name) for link in links]}
        if len(links) == 1 and purpose != "show":
            follow = "member_stop" if purpose == "stop" else "member_note"
            return _open_detour(turn, follow, {**cursor, "link": links[0].id,
                                               "name": links[0].name})
        return _open_detour(turn, "member_pick", cursor)

    return command


def _professional(turn: _TurnState, sharing: SharingPort) -> TurnResult:
    """/begeleider: register once (name, organisation, role), then a link for a youth."""
    if sharing.profile() is None:
        turn.say(turn.t(N_("Ben je begeleider? Dan maak ik een link voor een jongere. "
                           "Eerst drie korte vragen.")))
        return _open_detour(turn, "pro_name", {"ask": ["pro_organisation", "pro_role"]})
    turn.messages.extend(sharing.invite(InviteKind.YOUTH, None, turn.ctx.plan))
    return _reask(turn)


def _shared_click(turn: _TurnState, choice: str) -> TurnResult:
    """A self-contained button (a JIM's answer, "Ik pak dit op"): the port checks it."""
    sharing = turn.ctx.sharing
    if sharing is None:
        turn.say(turn.t(N_("Die knop werkt niet meer. Dit is de vraag van nu:")))
        return _reask(turn)
    click = sharing.click(choice)
    turn.messages.extend(click.messages)
    if click.detour is not None:
        return _open_detour(turn, *click.detour)
    result = _reask(turn) if turn.conv.started else turn.result()
    result.messages.extend(click.then)
    return result


ROLE_WORDS = {ShareRole.JIM: N_("JIM"), ShareRole.NETWORK: N_("helpt mee"),
              ShareRole.PROFESSIONAL: N_("begeleider")}
SEES = {
    ShareRole.JIM: N_("• {name} ({role}): ziet je plan"),
    ShareRole.NETWORK: N_("• {name} ({role}): ziet alleen de afspraken waarmee die helpt"),
    ShareRole.PROFESSIONAL: N_("• {name} ({role}): ziet je plan en krijgt berichten"),
}
NOBODY_LINKED = {
    "show": N_("Er zijn nog geen jongeren die hun plan met je delen. "
               "Met /begeleider maak je een link."),
    "stop": N_("Je helpt nu niemand met een plan."),
    "note": N_("Je bent nog voor niemand JIM."),
}
HELPERS = frozenset({ShareRole.JIM, ShareRole.NETWORK})
SHARING_COMMANDS = {
    "delen": _share_menu,
    "jongeren": _member_pick("show", frozenset({ShareRole.PROFESSIONAL})),
    "stoppen": _member_pick("stop", HELPERS),
    "bericht": _member_pick("note", HELPERS),
    "begeleider": _professional,
}
