"""/verwijder: one clear confirmation before everything is removed for good."""

from __future__ import annotations

from bot.flows.flow import Flow
from bot.flows.question import Context, Erase, Next, Outcome, Question
from bot.i18n import N_
from bot.messages import Choice

ERASE = "erase"
CONFIRM = "erase_confirm"  # the question: wipe everything?


class ConfirmErase(Question):
    skip_label = N_("Nee, toch niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Weet je het zeker? Dan wis ik je plan en ons hele gesprek. "
                        "Dat kan niet terug."))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(ERASE, ctx.t(N_("Ja, wis alles")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        return Erase()

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.note(ctx.t(N_("Goed. Er is niets gewist.")))
        return Outcome.ACCEPTED


def build() -> Flow:
    return Flow("erase", [ConfirmErase(CONFIRM)], [], detour=True)
