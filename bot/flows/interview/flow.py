"""The interview's route: start → here and now → WIE → WAT → HOE → overview.

Read top to bottom, the routes are the interview. Where a state has several routes, the
first whose conditions hold is taken.
"""

from __future__ import annotations

from bot.flows.flow import Flow, Route
from bot.flows.interview import here_and_now, hoe, wat, wie
from bot.flows.interview.here_and_now import Today, UrgentToday, UrgentWhat
from bot.flows.interview.overview import Finished, Overview
from bot.flows.interview.start import Welcome, YourAge, YourName
from bot.flows.question import Context


def has_people(ctx: Context) -> bool:
    return bool(ctx.plan.people)


def next_domain(source: str) -> list[Route]:
    """Into the domain the cursor names (its status, what is hard, or — when it goes "wel" —
    what goes well); with no domain left, on to HOE, what is urgent first."""
    return [
        Route(source, "domain_status", [wat.in_domain, wat.without_status]),
        Route(source, wat.DOMAIN_HARD, [wat.in_domain, wat.not_good]),
        Route(source, "domain_good", [wat.in_domain]),
        *next_action(source),
    ]


def next_action(source: str) -> list[Route]:
    return [Route(source, "action_who", [hoe.has_open_actions], before=hoe.start_actions),
            Route(source, "overview")]


def after_helper(source: str) -> list[Route]:
    return [Route(source, "action_when", [hoe.needs_when]),
            Route(source, "action_step", [hoe.needs_step]),
            *next_action(source)]


def build() -> Flow:
    questions = [
        Welcome("welcome"), YourName("name"), YourAge("age"),
        Today("mood"), UrgentToday(here_and_now.URGENT), UrgentWhat(here_and_now.URGENT_WHAT),
        wie.People("people"), wie.PersonRelation("person_relation"),
        wie.PersonRoles("person_roles"), wie.PersonCloseness("person_closeness"),
        wie.Fallback("fallback"), wie.YourJim("jim"), wie.JimOther("jim_other"),
        *wat.questions(),
        hoe.ActionWho("action_who"), hoe.ActionShare("action_share"),
        hoe.ActionWhen("action_when"), hoe.ActionStep("action_step"),
        Overview("overview"), Finished("done"),
    ]
    routes = [
        Route("welcome", "name"),
        Route("name", "age"),
        Route("age", "mood"),
        Route("mood", here_and_now.URGENT),
        Route(here_and_now.URGENT, "people"),
        Route(here_and_now.URGENT_WHAT, "people"),
        *wie.person_loop("people", "person_relation", "person_roles", "person_closeness"),
        Route("people", "fallback", [has_people]),
        Route("people", "jim"),
        Route("person_closeness", "people"),
        Route("fallback", "jim"),
        Route("jim", "domain_pick"),
        Route("jim_other", "domain_pick"),
        *next_domain("domain_pick"),
        *next_domain("domain_status"),  # (skipped: the cursor is at the next domain)
        Route(wat.DOMAIN_HARD, "domain_good", [wat.good_unsaid]),
        Route(wat.DOMAIN_HARD, wat.DOMAIN_NEED, [wat.need_unsaid]),
        Route(wat.DOMAIN_HARD, "domain_check"),
        Route("domain_good", wat.DOMAIN_NEED, [wat.need_unsaid]),
        Route("domain_good", "domain_check"),
        Route(wat.DOMAIN_NEED, "domain_check"),
        Route("domain_future", "domain_check"),  # (a conversation begun before the check)
        *next_domain("domain_check"),
        *after_helper("action_who"),
        *after_helper("action_share"),
        Route("action_when", "action_step", [hoe.needs_step]),
        *next_action("action_when"),
        *next_action("action_step"),
        Route("overview", "done"),
    ]
    return Flow("interview", questions, routes)
