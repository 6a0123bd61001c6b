"""What follows a crisis reply: telling the linked professional, then the veiligheidsplan.

When a professional is linked, the youth is first asked whether to message them now; only a
"Ja" sends anything (see :mod:`bot.safety.contact`). Then, unless the crisis was only
practical, the offer of a veiligheidsplan: three short questions, all optional, stored with
welzijn (well-being) in the plan. Saying "Nee" or "Nu niet" returns the youth to where they
were, with nothing changed.
"""

from __future__ import annotations

from bot.flows.flow import Flow, Route
from bot.flows.messages import Choice
from bot.flows.question import Context, Outcome, Question, TextQuestion
from bot.i18n import N_, names_text
from bot.plan.model import Domain, SafetyPlan

YES = "yes"
CONTACT = "crisis_contact"
OFFER = "safety_offer"


def safety_plan(ctx: Context) -> SafetyPlan:
    answer = ctx.plan.domain(Domain.WELZIJN)
    if answer.safety_plan is None:
        answer.safety_plan = SafetyPlan()
    return answer.safety_plan


def contact_cursor(professionals: list[tuple[str, str]], offer_plan: bool) -> dict:
    """The cursor of the contact question: whom to ask about (link reference, name), and
    whether the veiligheidsplan is offered after."""
    return {"professionals": [list(pro) for pro in professionals], "offer_plan": offer_plan}


class ContactOffer(Question):
    """"Wil je dat ik Mark nu een bericht stuur?" — only a yes sends anything."""

    skip_label = N_("Nee")

    def prompt(self, ctx: Context) -> str:
        names = [name for _, name in ctx.cursor["professionals"]]
        return ctx.t(N_("Wil je dat ik {name} nu een bericht stuur?"),
                     name=names_text(names, ctx.t))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if ctx.sharing is not None:
            links = [ref for ref, _ in ctx.cursor["professionals"]]
            ctx.notes.extend(ctx.sharing.ask_for_contact(links))
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.note(ctx.t(N_("Oké. Ik stuur niemand iets.")))
        return Outcome.ACCEPTED


def plan_offered(ctx: Context) -> bool:
    return bool(ctx.cursor.get("offer_plan"))


class Offer(Question):
    skip_label = N_("Nu niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wil je samen een klein veiligheidsplan maken? "
                        "Dat helpt als het weer zwaar wordt. Het zijn drie korte vragen."))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja, graag")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor["picked"] = YES
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
                          "Met /plan kun je het terugzien.")))
        return Outcome.ACCEPTED


def wants_it(ctx: Context) -> bool:
    return ctx.cursor.get("picked") == YES


def build() -> Flow:
    questions = [
        ContactOffer(CONTACT),
        Offer(OFFER),
        SafetyAnswer("safety_signs", N_("Waaraan merk je dat het slechter met je gaat?"),
                     "warning_signs"),
        SafetyAnswer("safety_helps", N_("Wat helpt jou dan? Iets wat je zelf kunt doen."),
                     "what_helps"),
        LastSafetyAnswer("safety_people", N_("Wie kun je dan bellen of appen?"),
                         "who_to_call"),
    ]
    routes = [
        Route(CONTACT, OFFER, [plan_offered]),
        Route(OFFER, "safety_signs", [wants_it]),
        Route("safety_signs", "safety_helps"),
        Route("safety_helps", "safety_people"),
    ]
    return Flow("safety", questions, routes, detour=True)
