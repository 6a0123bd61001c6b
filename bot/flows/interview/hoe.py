"""HOE: for each need, who helps (the JIM first) and by when. The cursor holds ``action``."""

from __future__ import annotations

from bot.flows.interview.relations import label
from bot.flows.interview.wie import (
    HELPER_PROFESSIONAL,
    HELPER_SELF,
    helper_in,
    not_a_person,
    organisation_choices,
)
from bot.flows.messages import Choice
from bot.flows.question import Context, Outcome, Question
from bot.i18n import N_
from bot.plan.model import Action, Domain, HelperKind, Plan, When
from bot.plan.text import shorten

SELF, PROFESSIONAL = HELPER_SELF, HELPER_PROFESSIONAL
WHEN_LABELS = {
    When.WEEK: N_("Deze week"),
    When.MAAND: N_("Deze maand"),
    When.LATER: N_("Later"),
    When.GEEN: N_("Geen datum"),
}
WHAT_SHOWN = 40  # characters of a need shown in a question or on a button


def create_actions(plan: Plan) -> None:
    """One action per need, in the order of the domains; existing actions are kept."""
    have = {a.domain for a in plan.actions}
    for domain in Domain:
        answer = plan.domains.get(domain)
        if answer and answer.need and domain not in have:
            plan.actions.append(Action(id=plan.next_id("a"), domain=domain, what=answer.need))


def open_actions(plan: Plan) -> list[Action]:
    return [a for a in plan.actions if a.helper is None or a.when is None]


def current_action(ctx: Context) -> Action | None:
    return ctx.plan.action(ctx.cursor.get("action"))


def start_actions(ctx: Context) -> None:
    create_actions(ctx.plan)
    todo = open_actions(ctx.plan)
    ctx.cursor["action"] = todo[0].id if todo else None


def has_open_actions(ctx: Context) -> bool:
    create_actions(ctx.plan)
    return bool(open_actions(ctx.plan))


class ActionWho(Question):
    skip_label = N_("Weet ik niet")

    def intro(self, ctx: Context) -> str | None:
        return ctx.t(N_("Nu maken we afspraken: wie helpt je waarmee, en wanneer?"))

    def prompt(self, ctx: Context) -> str:
        action = current_action(ctx)
        return ctx.t(N_("Wie kan je helpen met: {what}?"),
                     what=shorten(action.what, WHAT_SHOWN) if action else "")

    def choices(self, ctx: Context) -> list[Choice]:
        jim = ctx.plan.jim_person()
        people = [Choice(p.id, ctx.t.plain(N_("{name} (je JIM)"), name=label(p, ctx.t))
                         if p is jim else label(p, ctx.t)) for p in ctx.plan.people]
        people.sort(key=lambda c: c.id != (jim.id if jim else None))
        return [*people, Choice(SELF, ctx.t(N_("Ik doe het zelf"))),
                Choice(PROFESSIONAL, ctx.t(N_("Mijn begeleider"))), *organisation_choices(ctx)]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        action = current_action(ctx)
        if action is not None:
            if choice == SELF:
                action.give_to(HelperKind.SELF)
            elif choice == PROFESSIONAL:
                action.give_to(HelperKind.PROFESSIONAL)
            elif ctx.plan.organisation(choice):
                action.give_to(HelperKind.ORGANISATION, choice)
            else:
                action.give_to(HelperKind.PERSON, choice)
            ctx.changed("hoe.who")
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        action = current_action(ctx)
        if action is not None:
            action.give_to(HelperKind.UNKNOWN)
        return Outcome.ACCEPTED

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        helper = helper_in(ctx, text)
        if helper is None:
            return not_a_person(ctx)
        return self.on_choice(ctx, helper)


class ActionWhen(Question):
    skip_label = WHEN_LABELS[When.GEEN]  # "no date" and "don't know" are the same answer

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wanneer wil je dat dit geregeld is?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(w.value, ctx.t(text)) for w, text in WHEN_LABELS.items()
                if w != When.GEEN]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        action = current_action(ctx)
        if action is not None:
            action.when = When(choice)
            ctx.changed("hoe.when")
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return self.on_choice(ctx, When.GEEN.value)

