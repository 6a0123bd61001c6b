"""The end of the interview: the plan shown back, "Klopt dit?", and the finished state."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from bot.flows.plan_view import render_plan
from bot.flows.question import Command, CommandMenu, Context, Detour, Next, Outcome, Question
from bot.flows.typed_answers import choice_in_sentence, normalize, yes_or_no
from bot.i18n import N_
from bot.messages import Choice
from bot.plan.model import Mood
from bot.plan.relations import called

YES, CHANGE = "yes", "change"


class Overview(Question):
    skip_label = N_("Later kijken")

    def prompt(self, ctx: Context) -> str:
        if ctx.cursor.overview_shown:  # asked again: not the whole plan once more
            return ctx.t(N_("Klopt je plan zo? Met /plan zie je het nog een keer."))
        return render_plan(ctx.plan, ctx.t) + "\n\n" + ctx.t(N_("Klopt dit?"))

    def shows_plan(self, ctx: Context) -> bool:
        return not ctx.cursor.overview_shown

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        ctx.cursor.overview_shown = True
        return super().not_understood(ctx, text)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja, klopt"))),
                Choice(CHANGE, ctx.t(N_("Ik wil iets veranderen")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        ctx.cursor.overview_shown = False  # after a change, show the plan again
        if choice == CHANGE:
            return Detour("edit_pick")
        ctx.plan.confirmed = True
        ctx.changed("confirmed")
        return Outcome.ACCEPTED

    def on_text(self, ctx: Context, text: str) -> Outcome:
        if yes_or_no(text) == "no":  # "nee", "klopt niet": something should change
            return self.on_choice(ctx, CHANGE)
        return super().on_text(ctx, text)


class Finished(CommandMenu):
    """Where the youth rests once the plan is done: what they can do now (/plan, /wijzig,
    /delen) as buttons."""

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Je plan is klaar! Wat wil je nu doen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(command, ctx.t(label)) for command, label in FINISHED_CHOICES]

    def not_understood(self, ctx: Context, text: str) -> Next:
        """A sentence that says what the youth wants ("ik wil het delen met mijn oma"), asks
        what can be done (help), or says it is not going well (heard, and who can help)."""
        plain = _spelled(normalize(text))
        wanted = next((command for command, words in WANTS if words.search(plain)), None)
        if wanted is not None:
            return Command(wanted)
        if text.rstrip().endswith("?") or _WHAT_NOW.search(plain):
            return Command("help")
        if choice_in_sentence(text, _MOODS) in (Mood.NIET_GOED, Mood.SLECHT):
            jim = ctx.plan.jim_person()
            ctx.note(ctx.t(N_("Wat rot dat het nu zo gaat. Praat erover met {name}, of met "
                              "iemand anders die je vertrouwt."), name=called(jim, ctx.t))
                     if jim else ctx.t(N_("Wat rot dat het nu zo gaat. Praat erover met "
                                          "iemand die je vertrouwt.")))
            ctx.note(ctx.t(N_("Met /sos zie je hulplijnen. Daar kun je ook chatten.")))
            return Outcome.STAY
        return super().not_understood(ctx, text)


FINISHED_CHOICES = (("plan", N_("Mijn plan bekijken")), ("wijzig", N_("Iets veranderen")),
                    ("delen", N_("Mijn plan delen")))
# What a sentence asks for, in this order: showing it to someone is sharing, not looking.
WANTS = (("delen", re.compile(r"\b(delen|deel|doorsturen|sturen|laten zien|"
                              r"laat (?!me\b|mij\b)\w+ zien|share|send|show (?!me\b)\w+)\b")),
         ("wijzig", re.compile(r"\b(verander\w*|aanpassen|pas \w+ aan|wijzig\w*|change|"
                               r"edit)\b")),
         ("plan", re.compile(r"\b(bekijk\w*|zien|lezen|see|view|look at)\b")))
# The menu's own words, read with one typo ("dellen", "wijzg", "bekijke"): from five letters.
_MENU_WORDS = ("delen", "doorsturen", "wijzig", "wijzigen", "veranderen", "aanpassen",
               "bekijken")
_TYPO_FROM = 5


def _spelled(plain: str) -> str:
    return " ".join(next((known for known in _MENU_WORDS if len(word) >= _TYPO_FROM
                          and Levenshtein.distance(word, known) <= 1), word)
                    for word in plain.split())


_WHAT_NOW = re.compile(r"\b(wat kan ik|hoe werkt|what can i|how does)\b")
_MOODS = [Choice(mood.value, mood.value) for mood in Mood]  # how it goes, said in a sentence
