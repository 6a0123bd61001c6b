"""After /pauze or "Nu niet": "ja", "verder" or a click on the question shown goes on; at
the welcome a typed choice ("1", "uitleg") answers it; anything else says how to go on."""

from __future__ import annotations

from bot.flows.answer import answer
from bot.flows.conversation import START_STATE
from bot.flows.interview import start
from bot.flows.registry import QUESTION
from bot.flows.turn import TurnResult, TurnState
from bot.flows.typed_answers import match_choice, normalize, yes_or_no
from bot.i18n import N_
from bot.messages import InputKind, UserInput

RESUME_WORDS = frozenset({"ja", "ok", "oke", "okay", "begin", "beginnen", "verder", "door",
                          "doorgaan", "ga door", "ga verder", "start", "yes", "go", "continue",
                          "hoi", "hallo", "hey", "hi", "hello"})


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    conv, t = turn.conv, turn.t
    if not conv.paused:
        return None
    if said.kind is InputKind.CHOICE and said.step == conv.step:
        turn.go_on()
        return None  # the click answers the question shown (see stale_click)
    text = normalize(said.text)
    wants_on = text in RESUME_WORDS or yes_or_no(text) == "yes"
    if conv.state == START_STATE and not conv.in_detour:
        choice = match_choice(text, QUESTION[conv.state].all_choices(turn.ctx))
        if wants_on or choice in (start.START, start.MORE):
            turn.go_on()
            chosen = choice if choice in (start.START, start.MORE) else start.START
            return answer(turn, lambda q: q.answer_choice(turn.ctx, chosen))
    elif wants_on:
        turn.go_on()
        turn.say(t(N_("Fijn dat je er weer bent. We gaan verder waar je was.")))
        turn.ask()
        return turn.result()
    say_how_to_go_on(turn)
    return turn.result()


def say_how_to_go_on(turn: TurnState) -> None:
    """While paused: how to start, or to go on where the youth was."""
    t = turn.t
    if turn.conv.state == START_STATE and not turn.conv.in_detour:
        turn.say(t(N_("Helemaal goed. Typ ‘ja’ of /start als je wilt beginnen.")))
    else:
        turn.say(t(N_("We zijn even gestopt. Typ ‘verder’ of /start als je verder wilt.")))
