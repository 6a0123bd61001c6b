"""Around a crisis reply: ask first, check safety, tell the professional, the veiligheidsplan.

Along 113's and Trimbos' advice, one detour from wherever the youth was:

1. A signal that is only probable is asked about first ("Heb je vannacht een plek om te
   slapen?"); only a worrying answer brings the crisis reply. Never words put in the
   youth's mouth that may be untrue.
2. After a signal of suicide or danger: "Ben je nu veilig?" A "Nee" gets 112 and the most
   fitting line, nothing else, until the youth says they are safe.
3. When a professional is linked: whether to message them now; only a "Ja" sends anything
   (see :mod:`bot.safety.contact`).
4. Unless the crisis was only practical, the offer of a veiligheidsplan: three short
   questions, all optional, stored with welzijn (well-being) in the plan, seen by nobody
   else unless the youth says so in /delen. After it: "Hoe is het nu?", never straight back
   into the interview; stopping for now is a good answer.

Saying "Nee" or "Nu niet" returns the youth to where they were, with nothing changed.
"""

from __future__ import annotations

from bot.flows.cursor import Cursor
from bot.flows.flow import Flow, Route
from bot.flows.question import (
    Context,
    Crisis,
    FollowUp,
    Next,
    Outcome,
    Pause,
    Question,
    TextQuestion,
)
from bot.i18n import N_, names_text
from bot.messages import Choice, Message
from bot.plan.model import Domain, SafetyPlan
from bot.safety.detection import RiskKind
from bot.safety.replies import unsafe_text

FLOW_NAME = "safety"  # the detour's flow (``FLOW_OF[state].name``)
YES = "yes"
NO = "no"
UNSURE = "skip"  # "Weet ik niet" is the skip choice: typed "weet niet" finds it
ASK_FIRST = "crisis_ask"
SAFETY_CHECK = "crisis_safe"
UNSAFE = "crisis_unsafe"
CONTACT = "crisis_contact"
OFFER = "safety_offer"
CHECK_IN = "crisis_check_in"
SIGNS = "safety_signs"  # the veiligheidsplan's three lines
HELPS = "safety_helps"
PEOPLE = "safety_people"
STOP = "stop"
ON = "on"

# The question asked before any help when a kind was only probably signalled, and the answers
# that mean it is so (the others: it is not, and the youth goes back where they were).
ASK_FIRST_QUESTIONS: dict[RiskKind, tuple[str, frozenset[str]]] = {
    RiskKind.NO_SLEEPING_PLACE: (N_("Heb je vannacht een plek om te slapen?"),
                                 frozenset({NO, UNSURE})),
    RiskKind.SUICIDE: (N_("Denk je erover om een eind aan je leven te maken?"),
                       frozenset({YES, UNSURE})),
    RiskKind.SELF_HARM: (N_("Doe je jezelf pijn, of wil je dat?"), frozenset({YES, UNSURE})),
    RiskKind.ACUTE_DANGER: (N_("Ben je nu in gevaar?"), frozenset({YES, UNSURE})),
    RiskKind.HOME_VIOLENCE: (N_("Ben je thuis veilig?"), frozenset({NO, UNSURE})),
    RiskKind.SEXUAL_VIOLENCE: (N_("Heeft iemand iets seksueels met je gedaan dat je niet "
                                  "wilde?"), frozenset({YES, UNSURE})),
    RiskKind.EXPLOITATION: (N_("Dwingt iemand je om dingen te doen die je niet wilt?"),
                            frozenset({YES, UNSURE})),
    RiskKind.WORRY_OTHER: (N_("Maak je je zorgen om iemand anders?"), frozenset({YES, UNSURE})),
}
# After these kinds the youth is asked whether they are safe right now.
CHECKED_KINDS = frozenset({RiskKind.SUICIDE, RiskKind.ACUTE_DANGER, RiskKind.HOME_VIOLENCE})


def kinds_of(ctx: Context) -> frozenset[RiskKind]:
    return frozenset(RiskKind(kind) for kind in ctx.cursor.kinds)


def ask_first_cursor(kind: RiskKind) -> Cursor:
    return Cursor(kinds=[kind.value])


def after_crisis_cursor(kinds: frozenset[RiskKind], professionals: list[tuple[str, str]],
                        offer_plan: bool) -> Cursor:
    """The cursor of the steps after a crisis reply: the kinds (for the safety check and the
    follow-up), whom to ask about contact (link reference, name), whether the
    veiligheidsplan is offered."""
    return Cursor(kinds=sorted(kind.value for kind in kinds), professionals=professionals,
                  offer_plan=offer_plan)


def first_step(cursor: Cursor) -> str | None:
    """Where the steps after a crisis reply begin (None: there is nothing to ask)."""
    if {RiskKind(kind) for kind in cursor.kinds} & CHECKED_KINDS:
        return SAFETY_CHECK
    if cursor.professionals:
        return CONTACT
    return OFFER if cursor.offer_plan else None


class AskFirst(Question):
    """A probable signal: one plain question before any help. A worrying answer returns
    :class:`~bot.flows.question.Crisis` (the engine then gives the crisis reply); otherwise
    back to the plan."""

    skip_label = N_("Weet ik niet")

    def _kind(self, ctx: Context) -> RiskKind:
        return RiskKind(ctx.cursor.kinds[0])

    def prompt(self, ctx: Context) -> str:
        return ctx.t(ASK_FIRST_QUESTIONS[self._kind(ctx)][0])

    def skip_text(self, ctx: Context) -> str:
        return (N_("Weet ik nog niet") if self._kind(ctx) is RiskKind.NO_SLEEPING_PLACE
                else N_("Weet ik niet"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja"))), Choice(NO, ctx.t(N_("Nee")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        kind = self._kind(ctx)
        if choice in ASK_FIRST_QUESTIONS[kind][1]:
            return Crisis(frozenset({kind.value}))
        ctx.note(ctx.t(N_("Fijn. Verandert dat? Typ dan /sos. Daar staan de hulplijnen.")))
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return self.on_choice(ctx, UNSURE)


class SafetyCheck(Question):
    """"Ben je nu veilig?" after a signal of suicide or danger."""

    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Ben je nu veilig?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja"))), Choice(NO, ctx.t(N_("Nee")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        if choice == NO:
            return FollowUp(UNSAFE)
        ctx.note(ctx.t(N_("Fijn. Voel je je toch niet veilig? Bel dan 112.")))
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.notes.append(Message(unsafe_text(kinds_of(ctx), ctx.t, age=ctx.plan.age,
                                             doubt=True)))
        return Outcome.ACCEPTED


class Unsafe(Question):
    """Not safe now: 112 and the most fitting line, nothing else, until the youth is safe."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        return unsafe_text(kinds_of(ctx), ctx.t, age=ctx.plan.age)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ik ben nu veilig")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.note(ctx.t(N_("Goed dat je veilig bent.")))
        return Outcome.ACCEPTED

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        return Outcome.REASK  # the numbers again, and nothing else


def safety_plan(ctx: Context) -> SafetyPlan:
    answer = ctx.plan.domain(Domain.WELZIJN)
    if answer.safety_plan is None:
        answer.safety_plan = SafetyPlan()
    return answer.safety_plan


class ContactOffer(Question):
    """"Wil je dat ik Mark nu een bericht stuur?" — only a yes sends anything."""

    skip_label = N_("Nee")

    def prompt(self, ctx: Context) -> str:
        names = [name for _, name in ctx.cursor.professionals]
        return ctx.t(N_("Wil je dat ik {name} nu een bericht stuur?"),
                     name=names_text(names, ctx.t))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if ctx.sharing is not None:
            links = [ref for ref, _ in ctx.cursor.professionals]
            ctx.notes.extend(ctx.sharing.ask_for_contact(links, sorted(kinds_of(ctx))))
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.note(ctx.t(N_("Oké. Ik stuur niemand iets.")))
        return Outcome.ACCEPTED


def plan_offered(ctx: Context) -> bool:
    return ctx.cursor.offer_plan


class Offer(Question):
    skip_label = N_("Nu niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wil je samen een klein veiligheidsplan maken? "
                        "Dat helpt als het weer zwaar wordt. Het zijn drie korte vragen."))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja, graag")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor.picked = YES
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.note(ctx.t(N_("Dat is goed. Met /sos zie je altijd de hulplijnen.")))
        return Outcome.ACCEPTED


class SafetyAnswer(TextQuestion):
    def __init__(self, key: str, text: str, field: str) -> None:
        super().__init__(key)
        self.text = text
        self.field = field

    def prompt(self, ctx: Context) -> str:
        return ctx.t(self.text)

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        setattr(safety_plan(ctx), self.field, text)
        ctx.changed("wat.welzijn.safety_plan")
        return Outcome.ACCEPTED


class LastSafetyAnswer(SafetyAnswer):
    def on_answer(self, ctx: Context, text: str) -> Outcome:
        super().on_answer(ctx, text)
        return self.on_skip(ctx)

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.note(ctx.t(N_("Dank je. Je veiligheidsplan staat bij gezondheid en gevoel. "
                          "Alleen jij ziet het. Met /delen kun je het laten zien.")))
        return Outcome.ACCEPTED


class CheckIn(Question):
    """After the veiligheidsplan: how the youth is now, before any more plan questions."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Hoe is het nu? Verder met je plan, of even stoppen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(ON, ctx.t(N_("Verder met mijn plan"))),
                Choice(STOP, ctx.t(N_("Even stoppen")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        if choice == STOP:
            ctx.note(ctx.t(N_("Goed dat je even stopt. Alles is bewaard. Typ /start als je "
                              "verder wilt. Met /sos zie je de hulplijnen.")))
            return Pause()
        return Outcome.ACCEPTED


def wants_it(ctx: Context) -> bool:
    return ctx.cursor.picked == YES


def has_professionals(ctx: Context) -> bool:
    return bool(ctx.cursor.professionals)


def build() -> Flow:
    questions = [
        AskFirst(ASK_FIRST),
        SafetyCheck(SAFETY_CHECK),
        Unsafe(UNSAFE),
        ContactOffer(CONTACT),
        Offer(OFFER),
        SafetyAnswer(SIGNS, N_("Waaraan merk je dat het slechter met je gaat?"),
                     "warning_signs"),
        SafetyAnswer(HELPS, N_("Wat helpt jou dan? Iets wat je zelf kunt doen."),
                     "what_helps"),
        LastSafetyAnswer(PEOPLE, N_("Wie kun je dan bellen of appen?"),
                         "who_to_call"),
        CheckIn(CHECK_IN),
    ]
    routes = [
        Route(SAFETY_CHECK, CONTACT, [has_professionals]),
        Route(SAFETY_CHECK, OFFER, [plan_offered]),
        Route(UNSAFE, CONTACT, [has_professionals]),
        Route(UNSAFE, OFFER, [plan_offered]),
        Route(CONTACT, OFFER, [plan_offered]),
        Route(OFFER, SIGNS, [wants_it]),
        Route(SIGNS, HELPS),
        Route(HELPS, PEOPLE),
        Route(PEOPLE, CHECK_IN),
    ]
    return Flow(FLOW_NAME, questions, routes, detour=True)
