"""The regular look (every four weeks by default, see ``/herinneringen``): a two-minute
round — the five domains at a glance, the agreements past their day that nobody heard about
(a check-in that came too late to send is asked here), anything new that is needed — that
keeps a version of the plan and says what changed since the last one.

A new need becomes an agreement like the ones made in HOE: it gets a life domain (read from
the words, else asked, so "alleen voor mij" keeps it from others), then HOE's own questions
ask who helps and by when, and its check-in follows from there.

Versions are dated copies of the domains and agreements (:class:`PlanVersion`); the first
is kept when the plan is first confirmed, so the first look has something to compare with.
The same words go to the JIM, without what is "alleen voor mij" (:func:`changes_since`,
sent by :func:`bot.scheduler.after_youth_turn`); the begeleider gets them as a digest in
words (:mod:`bot.flows.sharing.digest`).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from bot.flows.checkin import CheckIn, checkin_text
from bot.flows.flow import Flow, Route
from bot.flows.interview.hoe import ActionWho, current_action, needs_when
from bot.flows.interview.wat import QuickLook, domains_in
from bot.flows.question import Context, FollowUp, Next, Outcome, Question, TextQuestion
from bot.flows.typed_answers import normalize
from bot.i18n import N_, Translator
from bot.local_time import local_day, long_date
from bot.messages import Choice
from bot.plan.labels import DOMAIN_ICONS, DOMAIN_LABELS, status_word
from bot.plan.model import (
    Action,
    ActionStatus,
    Domain,
    DomainAnswer,
    HelperKind,
    Plan,
    PlanVersion,
)
from bot.plan.text import help_subject, shorten

LOOK, LOOK_LATE, LOOK_NEW, LOOK_TOPIC, LOOK_WHO = ("look_domains", "look_late", "look_new",
                                                   "look_topic", "look_who")
LOOK_STATES = frozenset({LOOK, LOOK_LATE, LOOK_NEW, LOOK_TOPIC, LOOK_WHO})
VERSIONS_KEPT = 12
WHAT_SHOWN = 60
STATUS_WORDS = {ActionStatus.DONE: N_("gelukt"), ActionStatus.BUSY: N_("nog bezig"),
                ActionStatus.STUCK: N_("lukt niet")}


def version_of(plan: Plan, at: datetime, new_need: str | None = None) -> PlanVersion:
    return PlanVersion(at=at, domains={d: a.model_copy() for d, a in plan.domains.items()},
                       actions=[a.model_copy() for a in plan.actions], new_need=new_need)


def keep_version(plan: Plan, at: datetime, new_need: str | None = None) -> None:
    plan.versions.append(version_of(plan, at, new_need))
    del plan.versions[:-VERSIONS_KEPT]


def changes_since(before: PlanVersion, now: PlanVersion, t: Translator,
                  hidden: Collection[Domain] = ()) -> str:
    """"Wat is er veranderd sinds de vorige keer", as short lines; ``hidden``: domains the
    reader may not see (and their agreements)."""
    lines = [t(N_("Wat is er veranderd sinds de vorige keer ({day})?"),
               day=long_date(local_day(before.at), t.lang))]
    for domain, label in DOMAIN_LABELS.items():
        old = before.domains.get(domain, DomainAnswer())
        new = now.domains.get(domain, DomainAnswer())
        if domain not in hidden and status_word(old, t) != status_word(new, t):
            lines.append(f"{DOMAIN_ICONS[domain]} " + t(N_("{domain}: {old} → {new}"),
                         domain=t(label), old=status_word(old, t), new=status_word(new, t)))
    earlier = {a.id: a for a in before.actions}
    for action in now.actions:
        if action.domain in hidden:
            continue
        what = shorten(action.what, WHAT_SHOWN)
        old_action = earlier.get(action.id)
        if old_action is None:
            lines.append("• " + t(N_("Nieuwe afspraak: {what}"), what=what))
        elif action.status is not None and action.status != old_action.status:
            lines.append("• " + t(N_("{what}: {status}"), what=what,
                                  status=t(STATUS_WORDS[action.status])))
        elif action.status is None and action.due is not None:
            lines.append("• " + t(N_("Nog open: {what}"), what=what))
    if len(lines) == 1:
        lines.append(t(N_("Er is niets veranderd.")))
    return "\n".join(lines)


class LookDomains(QuickLook):
    """The five domains at a glance, as in WAT."""

    def intro(self, ctx: Context) -> str | None:
        return None

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Tijd voor een korte terugblik. Waar gaat het nu niet goed? "
                        "Kies wat past, daarna Klaar."))

    def settle(self, ctx: Context, reading: dict[Domain, str]) -> None:
        super().settle(ctx, reading)
        ctx.cursor.domain = None
        ctx.cursor.domains_left = []
        late = [a.id for a in late_agreements(ctx.plan, ctx.now)]
        ctx.cursor.late = late
        if late:  # before what is new (the flow's route)
            ctx.queue(LOOK_LATE)


def late_agreements(plan: Plan, now: datetime) -> list[Action]:
    """Agreements past their day without an answer: their check-in came too late, or got
    none (the youth was busy, the bot was down), so the look asks about them."""
    today = local_day(now)
    return [a for a in plan.actions
            if a.status is None and a.due is not None and a.due < today]


class LookLate(CheckIn):
    """A late agreement, asked as its check-in would have been (its follow-ups too); then
    the next late one, then what is new."""

    def prompt(self, ctx: Context) -> str:
        self.take_next(ctx)
        action = current_action(ctx)
        return checkin_text(ctx.plan, action, ctx.t, late=True) if action else ""

    @staticmethod
    def take_next(ctx: Context) -> None:
        """The check-in's questions work on ``cursor.action``: the first late one."""
        late = [i for i in ctx.cursor.late if ctx.plan.action(i) is not None]
        ctx.cursor.late = late
        if late:
            ctx.cursor.action = late[0]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        self.take_next(ctx)
        late = ctx.cursor.late
        if late:
            late.pop(0)
            action = ctx.plan.action(ctx.cursor.action)
            if action is not None:
                action.asked_on = local_day(ctx.now)  # asked now: its check-in is not due
        ctx.cursor.ask = [LOOK_LATE if late else LOOK_NEW]  # after the follow-ups
        return super().on_choice(ctx, choice)


class LookNew(TextQuestion):
    """Anything new that is needed; then the version is kept and the changes said."""

    skip_label = N_("Nee, niets nieuws")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Heb je nu iets nieuws nodig? Zeg het kort."))

    def on_answer(self, ctx: Context, text: str) -> Next:
        ctx.cursor.need = text
        named = domains_in(normalize(text))
        if len(named) == 1:
            return finish(ctx, named[0])
        return FollowUp(LOOK_TOPIC)

    def on_skip(self, ctx: Context) -> Outcome:
        return finish(ctx, None)


class LookTopic(Question):
    """Which life domain the new need is about: it is shared (or kept "alleen voor mij")
    as that domain is."""

    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Bij welk onderwerp hoort dit?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(d.value, f"{DOMAIN_ICONS[d]} {ctx.t(label)}")
                for d, label in DOMAIN_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        return finish(ctx, Domain(choice))

    def on_skip(self, ctx: Context) -> Outcome:
        return finish(ctx, None)


def finish(ctx: Context, domain: Domain | None) -> Outcome:
    """The end of the look: a new need (``cursor.need``) becomes an agreement, the
    version is kept and the changes said; then HOE asks who helps with it and by when."""
    before = ctx.plan.versions[-1] if ctx.plan.versions else version_of(ctx.plan, ctx.now)
    need, ctx.cursor.need = ctx.cursor.need, None
    if need is not None:
        action = Action(id=ctx.plan.next_id("a"), domain=domain,
                        what=help_subject(need))
        ctx.plan.actions.append(action)
        ctx.cursor.action = action.id
        ctx.cursor.ask = [LOOK_WHO]
    keep_version(ctx.plan, ctx.now, need)
    ctx.changed("look")
    ctx.note(changes_since(before, ctx.plan.versions[-1], ctx.t))
    return Outcome.ACCEPTED


class LookWho(ActionWho):
    """HOE's "who helps?" for the need just added; then HOE's "by when?", unless the answer
    said it too ("ik zelf, deze maand")."""

    def intro(self, ctx: Context) -> str | None:
        return None

    def give(self, ctx: Context, helper: HelperKind, person_id: str | None = None,
             together: bool = False, helper_text: str | None = None) -> Outcome:
        outcome = super().give(ctx, helper, person_id, together, helper_text)
        if needs_when(ctx):
            ctx.cursor.ask = ["action_when"]  # after a follow-up (sharing the load)
        return outcome


def build() -> Flow:
    # (LookDomains is accepted only once settled: then the late agreements, then what is new)
    return Flow("look", [LookDomains(LOOK), LookLate(LOOK_LATE), LookNew(LOOK_NEW),
                         LookTopic(LOOK_TOPIC), LookWho(LOOK_WHO)], [Route(LOOK, LOOK_NEW)],
                detour=True)
