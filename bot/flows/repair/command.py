"""A command (``/sos``, ``/plan``, ``/terug``, ``/wijzig``, ``/pauze``, …), or a menu button
that does what one does (:class:`~bot.flows.question.Command`): it works wherever the youth
is, also in a pause or a detour; afterwards the open question comes again, unless the
command opened something of its own.

A new command: its name and line in :data:`bot.flows.commands.COMMANDS`, then a handler in
:data:`HANDLERS` here (or, for sharing, in :data:`bot.flows.sharing.commands.SHARING_COMMANDS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.flows import checkin, edit, erase
from bot.flows.commands import ALIASES
from bot.flows.plan_view import is_empty
from bot.flows.question import Command, Detour
from bot.flows.registry import QUESTION
from bot.flows.sharing import commands as sharing_commands
from bot.flows.sharing.commands import Wanted
from bot.flows.sharing.questions import MEMBER_HOME
from bot.flows.turn import Begin, Quiet, TurnResult, TurnState, Visit
from bot.i18n import N_
from bot.messages import DATA_EXPORT, PLAN_PDF, InputKind, Message, UserInput
from bot.safety import sos_reply

START_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What a ``t.me/<bot>?start=…`` link (or a typed code) can carry; anything else after
``/start`` was typed by hand and means a plain ``/start``."""
PROFESSIONAL_START = "begeleider"
"""``/start begeleider``: the link an organisation gives its begeleiders
(``t.me/<bot>?start=begeleider``) opens the bot at their sign-up, not at a youth's welcome."""


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    if said.kind is not InputKind.COMMAND:
        return None
    return run(turn, said.command, said.argument)


def run(turn: TurnState, command: str, argument: str = "") -> TurnResult:
    """Do what ``/command argument`` does."""
    name = ALIASES.get(command)
    if name == "start" and not START_PAYLOAD.fullmatch(argument):
        argument = ""
    if name == "start" and argument.lower() == PROFESSIONAL_START:
        name = "begeleider"
    if name == "start" and argument:
        sharing = turn.ctx.sharing
        if sharing is not None:
            return follow(turn, sharing_commands.open_invite(turn, sharing, argument))
    if name in sharing_commands.SHARING_COMMANDS:
        return _sharing(turn, name)
    handler = HANDLERS.get(name) if name is not None else None
    if handler is None:
        turn.say(turn.t(N_("Dat commando ken ik niet. Typ /help om te zien wat ik kan.")))
        return turn.reask()
    return handler(turn)


def follow(turn: TurnState, wanted: Wanted) -> TurnResult:
    """Do what a sharing command or button wants (see :data:`Wanted`)."""
    match wanted:
        case Visit():
            return turn.visit(wanted)
        case Detour(state, cursor, resume):
            return turn.open_detour(state, cursor, resume)
        case Command(name):
            return run(turn, name)
        case Begin():
            turn.begin()
        case Quiet():
            return turn.result()
    return turn.reask()


def _sharing(turn: TurnState, name: str) -> TurnResult:
    sharing = turn.ctx.sharing
    if sharing is None:
        turn.say(turn.t(N_("Delen kan hier niet.")))
        return turn.reask()
    return follow(turn, sharing_commands.SHARING_COMMANDS[name](turn, sharing))


def start(turn: TurnState) -> TurnResult:
    """/start: begin, or go on where the youth was (out of a pause too)."""
    conv, t = turn.conv, turn.t
    if conv.state == MEMBER_HOME and not conv.in_detour:
        pass  # whoever rests at their own page sees it again, without a word
    elif not conv.started:
        turn.begin()
    elif conv.paused:
        turn.say(t(N_("Fijn dat je er weer bent. We gaan verder waar je was.")))
    else:
        turn.say(t(N_("Welkom terug! We gaan verder waar je was.")))
    turn.go_on()
    turn.ask()
    return turn.result()


def sos(turn: TurnState) -> TurnResult:
    turn.messages.extend(sos_reply(turn.t))
    return turn.reask()


def undo(turn: TurnState) -> TurnResult:
    """/terug: back to the checkpoint before the last step, through the caller's undo."""
    restored = turn.undo(turn.ctx.plan) if turn.undo is not None else None
    if restored is None:
        turn.ctx.note(turn.t(N_("Er is nog niets om terug te gaan.")))
        turn.ask()
        return turn.result()
    conversation, plan = restored
    conversation.lang = turn.conv.lang
    # Numbered on from now, not from then: a button shown before /terug stays stale, also
    # when a different answer leads to another question at the same place.
    conversation.step = turn.conv.step + 1
    conversation.undelivered = False  # (the checkpoint may hold it) the question is sent now
    back = TurnState(conversation, plan, turn.ctx.now, turn.ctx.sharing)
    back.ctx.note(back.t(N_("Oké, we gaan een stap terug.")))
    back.ask()
    result = back.result()
    result.plan_changed = plan.history != turn.ctx.plan.history  # the step undone changed it
    return result


def my_data(turn: TurnState) -> TurnResult:
    """/mijngegevens: the caller attaches everything stored (:data:`DATA_EXPORT`), and the
    plan as PDF when there is one."""
    plan_pdf = () if is_empty(turn.ctx.plan) else (PLAN_PDF,)
    turn.messages.append(Message(turn.t(N_("Hier is alles wat ik over je heb bewaard.")),
                                 documents=(DATA_EXPORT, *plan_pdf)))
    return turn.reask()


def erase_all(turn: TurnState) -> TurnResult:
    turn.begin()
    return turn.open_detour(erase.CONFIRM, checkpoint=False)


def pause(turn: TurnState) -> TurnResult:
    turn.pause()
    return turn.result()


def show_plan(turn: TurnState) -> TurnResult:
    if not (QUESTION[turn.conv.state].shows_plan(turn.ctx) and not turn.conv.paused):
        sharing_commands.show_plan(turn)  # (else "Klopt dit?" shows the whole plan already)
    return turn.reask()


def show_help(turn: TurnState) -> TurnResult:
    sharing_commands.show_help(turn)
    return turn.reask()


def reminders(turn: TurnState) -> TurnResult:
    return _menu(turn, checkin.REMINDERS)


def change(turn: TurnState) -> TurnResult:
    """/wijzig: what to change (once there is something)."""
    turn.begin()
    if not QUESTION[edit.PICK].choices(turn.ctx):
        turn.say(turn.t(N_("Er is nog niets om te veranderen.")))
        return turn.reask()
    return _menu(turn, edit.PICK)


def language(turn: TurnState) -> TurnResult:
    turn.begin()
    return _menu(turn, edit.LANGUAGE)


def _menu(turn: TurnState, state: str) -> TurnResult:
    """A detour that replaces any open one, out of a pause."""
    turn.go_on()
    turn.leave_detours()
    return turn.open_detour(state)


HANDLERS: dict[str, Callable[[TurnState], TurnResult]] = {
    "start": start, "sos": sos, "terug": undo, "mijngegevens": my_data, "verwijder": erase_all,
    "pauze": pause, "plan": show_plan, "help": show_help, "herinneringen": reminders,
    "wijzig": change, "taal": language,
}
"""The commands about the youth's own conversation, by name (sharing ones are elsewhere)."""
