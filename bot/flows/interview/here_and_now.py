"""Here and now first: how today is going, and whether something must be arranged today."""

from __future__ import annotations

import re

from bot.flows.cursor import Check
from bot.flows.interview.hoe import add_urgent_action
from bot.flows.question import (
    Context,
    FollowUp,
    Next,
    Outcome,
    Question,
    TextQuestion,
    note_cut,
)
from bot.flows.typed_answers import asks_what_is_meant, dont_know, normalize, yes_or_no
from bot.i18n import N_
from bot.messages import Choice
from bot.plan.model import Mood, UrgentNeed
from bot.plan.text import ANSWER_LIMIT, clean, shorten

URGENT = "urgent"  # whether something must be arranged today
URGENT_WHAT = "urgent_what"  # what it is
MOOD_LABELS = {
    Mood.GOED: N_("Goed"),
    Mood.GAAT_WEL: N_("Gaat wel"),
    Mood.NIET_GOED: N_("Niet zo goed"),
    Mood.SLECHT: N_("Slecht"),
}
# A face says it too: the first one found counts.
MOOD_EMOJI = {
    **dict.fromkeys("😀😃😄😁😊🙂😎🥰😍👍💪", Mood.GOED),
    **dict.fromkeys("😐😶🤷🙃😬", Mood.GAAT_WEL),
    **dict.fromkeys("😕🙁😟😞😔😩😫👎", Mood.NIET_GOED),
    **dict.fromkeys("😢😭😡🤬💔😖😣", Mood.SLECHT),
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

    def on_text(self, ctx: Context, text: str) -> Outcome:
        face = next((MOOD_EMOJI[char] for char in text if char in MOOD_EMOJI), None)
        if face is not None and not normalize(text):
            return self.on_choice(ctx, face.value)
        return super().on_text(ctx, text)

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        if asks_what_is_meant(text):
            ctx.note(ctx.t(N_("Ik bedoel: hoe voel je je vandaag? Kies het woord dat het best "
                              "past.")))
            return Outcome.STAY
        ctx.note(ctx.t(N_("Dank je dat je het vertelt. Welk woord past het best?")))
        return Outcome.REASK


YES, NO = "yes", "no"
TYPED = "typed"  # a check's choice: the story typed is the urgent matter
STORY_WORDS = 4  # a typed answer this long is the urgent matter itself, not a yes/no
STORY_SHOWN = 60  # characters of a typed story quoted in the question that checks it
# "er is niks", "hoeft niks geregeld te worden", "niks aan de hand": nothing urgent. Only
# whole phrases count: "ik heb niks te eten" is urgent.
_NOTHING = re.compile(
    r"^(niks|niets|nix|nothing|geen)$|^(niks|niets|nix|nothing)\b(?! (te|to)\b)|"
    r"\bhoeft (er )?(niks|niets|nix|niet)\b|\b(is|moet) (er )?(niks|niets|nix)\b(?! te\b)|"
    r"\b(niks|niets) (aan de hand|bijzonders|speciaals|nodig)\b|^niet (nodig|echt)\b|"
    r"\bno need\b|^not really\b|^alles (is )?(goed|prima|oke|ok)\b")
_FIRST_WORD = re.compile(r"^\W*\w+[\W_]*")
# Words of something to arrange soon ("mijn huur moet morgen betaald"). A story without
# any ("ik spreek fatima bijna elke dag") is checked before it goes to the top of the plan.
_TO_ARRANGE = re.compile(
    r"\b(moet|moeten|moest|nodig|geld|huur|betal\w*|rekening\w*|schuld\w*|boete\w*|eten|"
    r"honger|slaap\w*|slapen|dak|straat|afspraak|afspraken|brief|brieven|post|morgen|"
    r"vandaag|vanavond|vannacht|snel|dringend|gemeente|uwv|verzeker\w*|medicijn\w*|dokter|"
    r"huisarts|ziek|pijn|politie|rechter\w*|examen|toets|uitkering|toeslag\w*|eruit|"
    r"uitgezet|need|needs|must|have to|has to|money|rent|pay|paid|bill|bills|debt\w*|"
    r"food|sleep|tomorrow|today|tonight|appointment|letter|doctor|sick|police|help|hulp)\b")


def says_nothing_urgent(text: str) -> bool:
    """A no in other words: "nee hoor, er is niks", "ik weet het echt niet", "niks nodig"."""
    return yes_or_no(text) == NO or dont_know(text) or bool(_NOTHING.search(normalize(text)))


def add_typed_urgent(ctx: Context, text: str) -> None:
    """A story typed at the yes/no question: kept as the urgent need (bounded, with a notice)."""
    cleaned, cut = clean(text, ANSWER_LIMIT)
    if cut:
        note_cut(ctx, ANSWER_LIMIT)
    add_urgent(ctx, cleaned)


def add_urgent(ctx: Context, text: str) -> None:
    """The urgent need, at the top of the plan, said back with what to do today."""
    ctx.plan.urgent.append(UrgentNeed(id=ctx.plan.next_id("u"), text=text, reported_at=ctx.now))
    ctx.changed("urgent")
    ctx.note(ctx.t(N_(
        "Dank je dat je het zegt. Dit zet ik bovenaan je plan: <i>{what}</i>\n"
        "Heb je een begeleider? Laat het die vandaag nog weten.\n"
        "Met /sos zie je hulplijnen. Is er gevaar? Bel 112."
    ), what=text))


class UrgentToday(Question):
    skip_label = N_("Weet ik niet")
    check_prompt = N_("Moet dit snel geregeld worden: <i>{guess}</i>?")  # a story typed

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Moet er vandaag of morgen iets geregeld worden?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(NO, ctx.t(N_("Nee"))), Choice(YES, ctx.t(N_("Ja")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        return FollowUp(URGENT_WHAT) if choice == YES else Outcome.ACCEPTED

    def check_confirmed(self, ctx: Context, check: Check) -> Next:
        """Yes: the story typed is the urgent matter."""
        add_typed_urgent(ctx, check.text)
        return Outcome.ACCEPTED

    def check_denied(self, ctx: Context, text: str) -> Next:
        ctx.note(ctx.t(N_("Oké, dan zet ik niets bovenaan je plan.")))
        return Outcome.ACCEPTED

    def on_text(self, ctx: Context, text: str) -> Outcome:
        words = normalize(text).split()
        if yes_or_no(text) == YES and len(words) > STORY_WORDS:  # "ja, mijn huur moet morgen …"
            add_typed_urgent(ctx, _FIRST_WORD.sub("", text.strip(), count=1))
            return Outcome.ACCEPTED
        if dont_know(text):
            return self.on_skip(ctx)
        if says_nothing_urgent(text):
            return self.on_choice(ctx, NO)
        return super().on_text(ctx, text)

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        if asks_what_is_meant(text):  # never kept as the urgent matter itself
            ctx.note(ctx.t(N_("Ik bedoel iets wat niet kan wachten. Bijvoorbeeld: je hebt "
                              "vannacht geen slaapplek of geen eten. Of je moet morgen iets "
                              "betalen.")))
            return Outcome.STAY
        if len(text.split()) >= STORY_WORDS:
            if _TO_ARRANGE.search(normalize(text)):
                add_typed_urgent(ctx, text)
                return Outcome.ACCEPTED
            return self.check(ctx, TYPED, shorten(text, STORY_SHOWN), text)  # (a question)
        ctx.note(ctx.t(N_("Moet er snel iets geregeld worden? Kies Ja of Nee.")))
        return Outcome.REASK


class UrgentWhat(TextQuestion):
    asks_what = True

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat moet er geregeld worden? Zeg het in je eigen woorden."))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        if says_nothing_urgent(text) and len(text.split()) < STORY_WORDS:
            ctx.note(ctx.t(N_("Oké, dan zet ik niets bovenaan je plan.")))
            return Outcome.ACCEPTED
        add_urgent(ctx, text)
        if ctx.reached("action_who", "overview"):  # after HOE (/wijzig): who helps, now
            ctx.cursor.action = add_urgent_action(ctx)
            ctx.queue("action_who")
        return Outcome.ACCEPTED
