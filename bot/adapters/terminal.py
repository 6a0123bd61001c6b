"""The terminal chat: the whole conversation in a shell, on a local database, no Telegram.

Choices are numbered; typing the number, the label or a word like "ja" answers them.

Several people can share one local database (``--als <naam>``): messages for a person (an
ask, a notice) wait in the outbox and are shown after their next turn. Check-ins that came
due while nobody chatted are shown when the chat starts. An invitation is
shown as a code the other person types. When the last question shown was a sharing button
(no step), a typed number or label presses that button.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot.flows.conversation import START_STATE, Conversation
from bot.flows.typed_answers import match_choice
from bot.i18n import N_, Translator
from bot.messages import Account, Message, UserInput
from bot.private_files import write_private
from bot.scheduler import Scheduler
from bot.storage.unit_of_work import UnitOfWork
from bot.turns import Turns

CHANNEL = "terminal"
_TAG = re.compile(r"</?(b|i)>")


def to_terminal(text: str, bold: bool) -> str:
    """The HTML subset as terminal text: bold where the terminal can, entities decoded."""
    if bold:
        text = text.replace("<b>", "\033[1m").replace("</b>", "\033[0m")
    return html.unescape(_TAG.sub("", text))


def save_attachments(message: Message, files_dir: Path, t: Translator) -> list[str]:
    """Files can't be shown in a terminal: they are saved (for the owner's eyes only), and
    the line says where."""
    lines = []
    for attachment in message.attachments:
        path = files_dir / attachment.filename
        write_private(path, attachment.data)
        lines.append(t.plain(N_("📎 Bestand bewaard: {path}"), path=path))
    return lines


def render(message: Message, bold: bool, t: Translator) -> str:
    lines = [to_terminal(message.text, bold)]
    if message.invite:
        lines.append(t.plain(N_("Code: /start {code}"), code=message.invite))
        lines.append(t.plain(N_("(De ander start: toekomstplan chat --als <naam>, "
                                "en typt de code.)")))
    for number, choice in enumerate(message.choices, start=1):
        lines.append(f"  {number}) {choice.label}")
    return "\n".join(lines)


def read_line(line: str, last_question: Message | None) -> UserInput:
    """A typed line; it presses a sharing button when that was the last question shown."""
    if last_question is not None and last_question.step is None:
        match = match_choice(line, list(last_question.choices))
        if isinstance(match, str):
            return UserInput.clicked(match, None)
    return UserInput.typed(line)


def conversation_of(turns: Turns, user: str) -> Conversation | None:
    with UnitOfWork(turns.store) as uow:
        found = uow.conversations.load_for(CHANNEL, user)
    return found[1].parse()[0] if found else None


def run(turns: Turns, user: str, stdin: TextIO, stdout: TextIO, files_dir: Path,
        language: str | None = None) -> None:
    """Chat until the input ends; every line is one turn, stored before it is answered.

    Files the bot sends (the data export, the plan as PDF) are saved in ``files_dir``, one
    folder per person; /verwijder removes that folder with everything else.
    """
    bold = stdout.isatty()
    t = Translator(language or "nl")
    last_question: Message | None = None
    erased = False
    account = Account(first_name=user, channel=CHANNEL)  # the name given with --als

    def show(messages: list[Message]) -> None:
        nonlocal last_question
        for message in messages:
            saved = save_attachments(message, files_dir / user, t)
            stdout.write("\n".join([render(message, bold, t), *saved]) + "\n\n")
            if message.choices:
                last_question = message
        stdout.flush()

    def turn(user_input: UserInput) -> None:
        nonlocal t, erased
        taken = turns.take(CHANNEL, user, replace(user_input, account=account), language)
        t = Translator(taken.lang)  # the conversation's language now (it changes with /taal)
        erased = taken.erased
        if erased:
            shutil.rmtree(files_dir / user, ignore_errors=True)
        show(taken.with_documents().messages)
        show_waiting()

    def show_waiting() -> None:
        waiting = turns.pending(CHANNEL, user)
        show([m for delivery in waiting for m in delivery.messages])
        turns.delivered([delivery.id for delivery in waiting])

    turn(UserInput.typed("/start"))
    if Scheduler(turns.store, turns.clock).run_due():  # check-ins that came due meanwhile
        show_waiting()
    first = conversation_of(turns, user)
    if first is not None and first.state == START_STATE and not first.in_detour:
        # the same first screen for whoever came to accept an invite (codes are typed
        # here) or to invite a youth as their begeleider
        hint = t(N_("Heb je een code gekregen van iemand? Typ die dan.\n"
                    "Ben je begeleider? Typ dan /begeleider."))
        stdout.write(to_terminal(hint, bold) + "\n\n")
    while True:
        stdout.write("> ")
        stdout.flush()
        line = stdin.readline()
        if not line:
            break
        turn(read_line(line.rstrip("\n"), last_question))
    goodbye = t(N_("Dag! Er is niets meer van je bewaard.") if erased
                else N_("Tot later! Alles is bewaard."))
    stdout.write("\n" + to_terminal(goodbye, bold) + "\n")
