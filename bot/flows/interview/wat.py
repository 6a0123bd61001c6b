"""WAT per life domain, here and now first: how is it, what goes well, what is hard, what you need.

The youth picks where to start; the other domains follow in the usual order. The cursor holds
``domain`` (being asked) and ``domains_left``.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.flows.messages import Choice
from bot.flows.question import Context, Outcome, Question, TextQuestion
from bot.flows.typed_answers import normalize
from bot.i18n import N_
from bot.plan.model import Action, Domain, DomainAnswer, Status

DOMAIN_LABELS = {
    Domain.SUPPORT: N_("Mensen om je heen"),
    Domain.WONEN: N_("Wonen"),
    Domain.SCHOOL_WERK: N_("School en werk"),
    Domain.INKOMEN: N_("Geld"),
    Domain.WELZIJN: N_("Gezondheid en gevoel"),
}
DOMAIN_ICONS = {Domain.SUPPORT: "🤝", Domain.WONEN: "🏠", Domain.SCHOOL_WERK: "🎒",
                Domain.INKOMEN: "💶", Domain.WELZIJN: "💚"}
STATUS_QUESTIONS = {
    Domain.SUPPORT: N_("Hoe gaat het nu met de mensen om je heen?"),
    Domain.WONEN: N_("Hoe gaat het nu met wonen?"),
    Domain.SCHOOL_WERK: N_("Hoe gaat het nu met school of werk?"),
    Domain.INKOMEN: N_("Hoe gaat het nu met geld?"),
    Domain.WELZIJN: N_("Hoe gaat het nu met je gezondheid en je gevoel?"),
}
STATUS_LABELS = {
    Status.GOED: N_("Goed"),
    Status.GAAT_WEL: N_("Gaat wel"),
    Status.NIET_GOED: N_("Niet goed"),
}
NOTHING = "nothing"
NOTHING_WORDS = frozenset({"niks", "niets", "nix", "nee", "geen", "nothing", "no",
                           "niks eigenlijk", "niets eigenlijk", "helemaal niks"})


def current_domain(ctx: Context) -> Domain:
    return Domain(ctx.cursor.get("domain", Domain.SUPPORT))


def current_answer(ctx: Context) -> DomainAnswer:
    return ctx.plan.domain(current_domain(ctx))


def heading(ctx: Context, domain: Domain) -> str:
    return f"{DOMAIN_ICONS[domain]} <b>{ctx.t(DOMAIN_LABELS[domain])}</b>\n"


def advance_domain(ctx: Context) -> None:
    left: list[str] = ctx.cursor.get("domains_left", [])
    ctx.cursor["domain"] = left.pop(0) if left else None
    ctx.cursor["domains_left"] = left


class DomainPick(Question):
    skip_label = N_("Maakt niet uit")

    def intro(self, ctx: Context) -> str | None:
        return ctx.t(N_("Nu kijken we naar je leven van nu. Dat gaat over vijf onderwerpen."))

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Waar wil je beginnen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(d.value, f"{DOMAIN_ICONS[d]} {ctx.t(label)}")
                for d, label in DOMAIN_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        first = Domain(choice)
        ctx.cursor["domain"] = first.value
        ctx.cursor["domains_left"] = [d.value for d in Domain if d != first]
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return self.on_choice(ctx, Domain.SUPPORT.value)


class DomainStatus(Question):
    def prompt(self, ctx: Context) -> str:
        domain = current_domain(ctx)
        return heading(ctx, domain) + ctx.t(STATUS_QUESTIONS[domain])

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(s.value, ctx.t(label)) for s, label in STATUS_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        answer = current_answer(ctx)
        before = None if answer.skipped else answer.status
        answer.status = Status(choice)
        answer.skipped = False
        ctx.changed(f"wat.{current_domain(ctx).value}.status")
        if ctx.cursor.get("editing"):  # via /wijzig: ask what the new answer opens up
            ctx.queue(*opened_up(answer, before))
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        current_answer(ctx).skipped = True
        return Outcome.ACCEPTED


def opened_up(answer: DomainAnswer, before: Status | None) -> list[str]:
    """The questions a changed status opens: after a skip, what is hard (or goes well) and
    what is needed; from "goed" to less, what is hard."""
    if before is None:
        asks = {"domain_good" if answer.status == Status.GOED else "domain_hard": None,
                "domain_need": answer.need}
    elif before == Status.GOED and answer.status != Status.GOED:
        asks = {"domain_hard": answer.hard}
    else:
        asks = {}
    return [key for key, value in asks.items() if value is None]


class DomainText(TextQuestion):
    """One free-text part of a domain answer (what goes well, what is hard, …)."""

    def __init__(self, key: str, text: str, field: str,
                 after: Callable[[Context], None] | None = None) -> None:
        super().__init__(key)
        self.text = text
        self.field = field
        self.after = after

    def prompt(self, ctx: Context) -> str:
        return heading(ctx, current_domain(ctx)) + ctx.t(self.text)

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        if normalize(text) in NOTHING_WORDS:  # "niks": nothing to keep, not an answer to store
            return self.on_skip(ctx)
        setattr(current_answer(ctx), self.field, text)
        ctx.changed(f"wat.{current_domain(ctx).value}.{self.field}")
        if self.after:
            self.after(ctx)
        return Outcome.ACCEPTED


def sync_action(ctx: Context) -> None:
    """Keep the HOE action of this domain in step with its need (after /wijzig, say).

    A new need once HOE was reached gets its action, and who and when are asked next.
    """
    domain = current_domain(ctx)
    need = current_answer(ctx).need
    action = next((a for a in ctx.plan.actions if a.domain == domain), None)
    if need is None:
        if action is not None:
            ctx.plan.actions.remove(action)
    elif action is not None:
        action.what = need
    elif ctx.reached("action_who", "overview"):
        action = Action(id=ctx.plan.next_id("a"), domain=domain, what=need)
        ctx.plan.actions.append(action)
        ctx.cursor["action"] = action.id
        ctx.queue("action_who", "action_when")


class DomainNeed(DomainText):
    skip_label = N_("Weet ik niet")

    def __init__(self, key: str) -> None:
        super().__init__(key, N_("Wat heb je nodig? Dat mag iets kleins zijn."), "need",
                         after=sync_action)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(NOTHING, ctx.t(N_("Niks nodig")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        current_answer(ctx).need = None
        sync_action(ctx)
        return Outcome.ACCEPTED


def is_fine(ctx: Context) -> bool:
    return current_answer(ctx).status == Status.GOED


def skipped(ctx: Context) -> bool:
    return current_answer(ctx).skipped


def more_domains(ctx: Context) -> bool:
    return bool(ctx.cursor.get("domains_left"))


def questions() -> list[Question]:
    return [
        DomainPick("domain_pick"),
        DomainStatus("domain_status"),
        DomainText("domain_good", N_("Wat gaat er nu goed?"), "going_well"),
        DomainText("domain_hard", N_("Wat is nu moeilijk?"), "hard"),
        DomainNeed("domain_need"),
        DomainText("domain_future",
                   N_("Wat wil je over een paar maanden anders? Een kleine stap is genoeg."),
                   "future"),
    ]
