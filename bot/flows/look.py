"""The regular look (every four weeks by default, see ``/herinneringen``): a two-minute
round — the five domains at a glance, anything new that is needed — that keeps a version of
the plan and says what changed since the last one.

Versions are dated copies of the domains and agreements (:class:`PlanVersion`); the first
is kept when the plan is first confirmed, so the first look has something to compare with.
The same words go to the JIM and the begeleider, without what is "alleen voor mij"
(:func:`changes_since`, sent by :func:`bot.scheduler.after_youth_turn`).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from bot.flows.flow import Flow, Route
from bot.flows.interview.wat import DOMAIN_ICONS, DOMAIN_LABELS, QuickLook, status_word
from bot.flows.question import Context, Outcome, TextQuestion
from bot.i18n import N_, Translator
from bot.local_time import local_day, long_date
from bot.plan.model import ActionStatus, Domain, DomainAnswer, Plan, PlanVersion
from bot.plan.text import shorten

LOOK, LOOK_NEW = "look_domains", "look_new"
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
    if now.new_need and not hidden:
        lines.append("• " + t(N_("Nieuw nodig: {need}"), need=now.new_need))
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
        ctx.cursor.pop("domain", None)
        ctx.cursor.pop("domains_left", None)


class LookNew(TextQuestion):
    """Anything new that is needed; then the version is kept and the changes said."""

    skip_label = N_("Nee, niets nieuws")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Heb je nu iets nieuws nodig? Zeg het kort."))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        return self.finish(ctx, text)

    def on_skip(self, ctx: Context) -> Outcome:
        return self.finish(ctx, None)

    @staticmethod
    def finish(ctx: Context, new_need: str | None) -> Outcome:
        before = ctx.plan.versions[-1] if ctx.plan.versions else version_of(ctx.plan, ctx.now)
        keep_version(ctx.plan, ctx.now, new_need)
        ctx.changed("look")
        ctx.note(changes_since(before, ctx.plan.versions[-1], ctx.t))
        return Outcome.ACCEPTED


def build() -> Flow:
    # (LookDomains is accepted only once settled: then always what is new)
    return Flow("look", [LookDomains(LOOK), LookNew(LOOK_NEW)], [Route(LOOK, LOOK_NEW)],
                detour=True)
