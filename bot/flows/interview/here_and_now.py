"""Here and now first: how today is going, and whether something must be arranged today."""

from __future__ import annotations

from bot.flows.messages import Choice
from bot.flows.question import Context, Outcome, Question, TextQuestion
from bot.i18n import N_
from bot.plan.model import Mood, UrgentNeed

MOOD_LABELS = {
    Mood.GOED: N_("Goed"),
    Mood.GAAT_WEL: N_("Gaat wel"),
    Mood.NIET_GOED: N_("Niet zo goed"),
    Mood.SLECHT: N_("Slecht"),
}


class Today(Question):
    def intro(self, ctx: Context) -> str | None:
        return ctx.t(N_("We beginnen bij vandaag."))

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Hoe gaat het vandaag met je?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(mood.value, ctx.t(label)) for mood, label in MOOD_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        mood = Mood(choice)
        ctx.plan.mood = mood
        ctx.changed("mood")
        if mood in (Mood.NIET_GOED, Mood.SLECHT):
            ctx.note(ctx.t(N_("Dank je dat je het zegt. We doen het rustig aan.")))
        return Outcome.ACCEPTED

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        ctx.note(ctx.t(N_("Dank je dat je het vertelt. Welk woord past het best?")))
        return Outcome.REASK


YES, NO = "yes", "no"
STORY_WORDS = 4  # a typed answer this long is the urgent matter itself, not a yes/no


def add_urgent(ctx: Context, text: str) -> None:
    ctx.plan.urgent.append(UrgentNeed(id=ctx.plan.next_id("u"), text=text, reported_at=ctx.now))
    ctx.changed("urgent")
    ctx.note(ctx.t(N_(
        "Dank je. Dit staat nu bovenaan je plan.\n"
        "Heb je een begeleider? Bel of app die vandaag nog.\n"
        "Met /sos zie je hulplijnen. Is er gevaar? Bel 112."
    )))


class UrgentToday(Question):
    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Moet er vandaag of morgen iets geregeld worden?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(NO, ctx.t(N_("Nee"))), Choice(YES, ctx.t(N_("Ja")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if choice == YES:
            ctx.follow_up = "urgent_what"
        return Outcome.ACCEPTED

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        if len(text.split()) >= STORY_WORDS:
            add_urgent(ctx, text)
            return Outcome.ACCEPTED
        return super().not_understood(ctx, text)


class UrgentWhat(TextQuestion):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat moet er geregeld worden? Zeg het in je eigen woorden."))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        add_urgent(ctx, text)
        return Outcome.ACCEPTED
