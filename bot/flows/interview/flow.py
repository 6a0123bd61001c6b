"""The interview's route: start → here and now → WIE → WAT → HOE → overview.

Read top to bottom, the routes are the interview. Where a state has several routes, the
first whose conditions hold is taken.
"""

from __future__ import annotations

from bot.flows.flow import Flow, Route
from bot.flows.interview import hoe, wat, wie
from bot.flows.interview.here_and_now import Today, UrgentToday, UrgentWhat
from bot.flows.interview.overview import Finished, Overview
from bot.flows.interview.start import Welcome, YourAge, YourName
from bot.flows.question import Context


def has_people(ctx: Context) -> bool:
    return bool(ctx.plan.people)


def build() -> Flow:
    questions = [
        Welcome("welcome"), YourName("name"), YourAge("age"),
        Today("mood"), UrgentToday("urgent"), UrgentWhat("urgent_what"),
        wie.People("people"), wie.PersonRelation("person_relation"),
        wie.PersonRoles("person_roles"), wie.PersonCloseness("person_closeness"),
        wie.Fallback("fallback"), wie.YourJim("jim"), wie.JimOther("jim_other"),
        *wat.questions(),
        hoe.ActionWho("action_who"), hoe.ActionWhen("action_when"),
        Overview("overview"), Finished("done"),
    ]
    after_domain = [
        Route("domain_future", "domain_status", [wat.more_domains], before=wat.advance_domain),
        Route("domain_future", "action_who", [hoe.has_open_actions], before=hoe.start_actions),
        Route("domain_future", "overview"),
    ]
    routes = [
        Route("welcome", "name"),
        Route("name", "age"),
        Route("age", "mood"),
        Route("mood", "urgent"),
        Route("urgent", "people"),
        Route("urgent_what", "people"),
        *wie.person_loop("people", "person_relation", "person_roles", "person_closeness"),
        Route("people", "fallback", [has_people]),
        Route("people", "jim"),
        Route("person_closeness", "people"),
        Route("fallback", "jim"),
        Route("jim", "domain_pick"),
        Route("jim_other", "domain_pick"),
        Route("domain_pick", "domain_status"),
        *[Route("domain_status", r.dest, [wat.skipped, *r.when], r.before) for r in after_domain],
        Route("domain_status", "domain_good"),
        Route("domain_good", "domain_need", [wat.is_fine]),
        Route("domain_good", "domain_hard"),
        Route("domain_hard", "domain_need"),
        Route("domain_need", "domain_future"),
        *after_domain,
        Route("action_who", "action_when"),
        Route("action_when", "action_who", [hoe.has_open_actions], before=hoe.start_actions),
        Route("action_when", "overview"),
        Route("overview", "done"),
    ]
    return Flow("interview", questions, routes)
