"""A photo, sticker or voice message, or an edited message: not read; the question again."""

from __future__ import annotations

from bot.flows.turn import TurnResult, TurnState
from bot.i18n import N_
from bot.messages import EDITED, InputKind, UserInput


def repair(turn: TurnState, said: UserInput) -> TurnResult | None:
    if said.kind is not InputKind.MEDIA:
        return None
    turn.say(turn.t(N_("Je hebt een bericht aangepast. Dat lees ik niet opnieuw. "
                       "Met /wijzig verander je een antwoord."))
             if said.text == EDITED
             else turn.t(N_("Ik kan alleen tekst lezen. Typ je antwoord, of kies een knop.")))
    return turn.reask()
