"""The start: welcome and consent, the youth's name, and (optionally) their age."""

from __future__ import annotations

import re

from bot.flows.question import Context, Next, Outcome, Pause, Question, TextQuestion
from bot.flows.typed_answers import normalize, yes_or_no
from bot.i18n import N_
from bot.messages import Choice
from bot.plan.text import NAME_LIMIT, capitalized

START, MORE, NOT_NOW = "start", "more", "not_now"


class Welcome(Question):
    """Two lines on what this is, and a short consent. The only question without a skip."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        if ctx.cursor.explained:
            return ctx.t(N_("Zullen we beginnen?"))
        return ctx.t(N_(
            "Hoi! Ik help je een plan te maken voor jouw toekomst. "
            "Het is jouw plan: jij bepaalt wie het ziet.\n\n"
            "Zullen we beginnen?"
        ))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(START, ctx.t(N_("Oké, we beginnen"))),
                Choice(MORE, ctx.t(N_("Eerst meer uitleg"))),
                Choice(NOT_NOW, ctx.t(N_("Nu niet")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        if choice == START:
            return Outcome.ACCEPTED
        if choice == MORE:
            ctx.cursor.explained = True
            ctx.note(ctx.t(N_(
                "Ik stel je korte vragen. Eén vraag per keer.\n"
                "Eerst hoe het vandaag gaat. Dan wie er om je heen zijn. "
                "Dan hoe het gaat met wonen, school, geld en meer. "
                "Tot slot: wie je helpt, en wanneer.\n"
                "Je mag elke vraag overslaan. Met /plan zie je je plan. "
                "Met /pauze stop je even. Alles wordt bewaard."
            )))
            return Outcome.STAY
        ctx.note(ctx.t(N_("Helemaal goed. Typ ‘ja’ of /start als je wilt beginnen.")))
        return Pause()

    def on_text(self, ctx: Context, text: str) -> Outcome:
        answer = yes_or_no(text)
        if answer is not None:
            return self.on_choice(ctx, START if answer == "yes" else NOT_NOW)
        words = set(normalize(text).split())
        if words & EXPLAIN_WORDS:
            return self.on_choice(ctx, MORE)
        if words & START_WORDS and not words & NOT_WORDS:  # "hoi, ik wil wel beginnen"
            return self.on_choice(ctx, START)
        if words & GREETINGS:
            ctx.note(ctx.t(N_("Hoi! Fijn dat je er bent.")))
            ctx.cursor.explained = True  # the welcome is said; now only the question
            return Outcome.REASK
        return super().on_text(ctx, text)


EXPLAIN_WORDS = {"uitleg", "wat", "hoe", "waarom", "explain", "what", "how", "why"}
START_WORDS = {"beginnen", "begin", "starten", "start", "go"}
NOT_WORDS = {"niet", "geen", "nog", "not", "dont", "later"}
GREETINGS = {"hoi", "hallo", "hey", "hi", "hello", "yo", "hoii", "heey", "goedemorgen",
             "goedemiddag", "goedenavond", "salaam", "salam"}
_NAME_PREFIX = re.compile(
    r"^((hoi|hey|hi|hallo|hello)[\s,!]+)?(ik\s+heet|ik\s+ben|mijn\s+naam\s+is|"
    r"noem\s+me(?:\s+maar)?|zeg\s+maar|my\s+name\s+is|i\s+am|i'?m|it'?s|"
    r"(you\s+can\s+)?call\s+me)\s+",
    re.IGNORECASE)


# Words in a sentence, not in a name ("ik heb geen zin", "weet ik niet").
_SENTENCE_WORDS = frozenset({"ik", "je", "jij", "heb", "wil", "weet", "niet", "geen", "is",
                             "zin", "wat", "waarom", "maakt", "niks", "i", "dont", "not"})


_WHY = re.compile(r"\b(waarom|hoezo|waarvoor|why)\b")
# Ages in words: "zestien", "tweeëntwintig", "seventeen".
_AGE_WORDS = {word: age for age, words in enumerate((
    ("twaalf", "twelve"), ("dertien", "thirteen"), ("veertien", "fourteen"),
    ("vijftien", "fifteen"), ("zestien", "sixteen"), ("zeventien", "seventeen"),
    ("achttien", "eighteen"), ("negentien", "nineteen"), ("twintig", "twenty"),
    ("eenentwintig", "twentyone"), ("tweeentwintig", "twentytwo"),
    ("drieentwintig", "twentythree"), ("vierentwintig", "twentyfour"),
    ("vijfentwintig", "twentyfive"), ("zesentwintig", "twentysix"),
    ("zevenentwintig", "twentyseven")), start=12) for word in words}


def asks_why(text: str) -> bool:
    """"waarom wil je dat weten?", "hoezo": a question back, answered before asking again."""
    return bool(_WHY.search(normalize(text)))


class YourName(TextQuestion):
    limit = NAME_LIMIT

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Hoe mag ik je noemen?"))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        if asks_why(text):
            ctx.note(ctx.t(N_("Zo weet ik hoe ik je aanspreek. Een bijnaam mag ook.")))
            return Outcome.STAY
        name = _NAME_PREFIX.sub("", text).strip(" .!")
        words = normalize(name).split()
        if words and all(word.isdigit() for word in words):
            ctx.note(ctx.t(N_("Je leeftijd vraag ik zo. Eerst je naam.")))
            return Outcome.REASK
        if len(words) > 5 or (len(words) > 1 and _SENTENCE_WORDS & set(words)):
            ctx.note(ctx.t(N_("Welke naam mag ik gebruiken? Eén woord is genoeg.")))
            return Outcome.REASK
        greeting = (N_("Oké, vanaf nu noem ik je {name}.") if ctx.plan.name
                    else N_("Fijn dat je er bent, {name}."))
        if name.islower():
            name = capitalized(name)  # "sam" → "Sam"
        ctx.plan.name = name
        ctx.changed("name")
        ctx.note(ctx.t(greeting, name=name))
        return Outcome.ACCEPTED


MIN_AGE, MAX_AGE = 12, 40


class YourAge(TextQuestion):
    skip_label = N_("Zeg ik liever niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Hoe oud ben je? Dat hoef je niet te zeggen."))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        number = re.search(r"\d+", text)
        said = [_AGE_WORDS[w] for w in normalize(text).replace("-", "").split()
                if w in _AGE_WORDS]
        if number is None and not said:
            if asks_why(text):  # (with an age in it, "17, hoezo?" is an answer)
                ctx.note(ctx.t(N_("Dan past je plan bij je leeftijd. Bijvoorbeeld als je "
                                  "bijna 18 bent. Je mag het ook overslaan.")))
                return Outcome.STAY
            ctx.note(ctx.t(N_("Typ je leeftijd als getal, bijvoorbeeld 17.")))
            return Outcome.REASK
        age = int(number.group()) if number else said[0]
        if not MIN_AGE <= age <= MAX_AGE:
            ctx.note(ctx.t(N_("Klopt {age}? Typ je leeftijd als getal, bijvoorbeeld 17."),
                           age=age))
            return Outcome.REASK
        ctx.plan.age = age
        ctx.changed("age")
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.plan.age = None
        return Outcome.ACCEPTED
