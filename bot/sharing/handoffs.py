"""What linked people receive as the youth's plan grows: asks, summaries, digests; and what
happens to the plan when a JIM steps back.

Handoffs act for the youth's plan, not for whoever's turn it is: the youth's own turn
(:meth:`Handoffs.after_youth_turn`), a member saying yes to an invite, a JIM who stops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import cache

from bot.documents.files import shared_document
from bot.flows.checkin import transfer_subject
from bot.flows.plan_view import is_empty
from bot.flows.sharing import notices
from bot.flows.sharing.digest import digest_message
from bot.flows.sharing.summary import summary_message
from bot.flows.sharing.views import (
    ask_message,
    is_helped_by,
    new_jim_choices,
    new_when_message,
    pick_up_choice,
    pickup_message,
    youth_name,
)
from bot.i18n import Translator
from bot.local_time import local_day
from bot.messages import PLAN_PDF, Message
from bot.plan.agenda import Due, Kind
from bot.plan.model import HelperAnswer, HelperKind, Jim, JimChoice, Plan
from bot.plan.relations import called
from bot.plan.sharing_model import ShareRole
from bot.safety.contact import contact_request
from bot.sharing.access import HELPERS, ask_ref, visible, would_help
from bot.sharing.peers import Peers
from bot.storage.sharing_repositories import AskRow, LinkRow
from bot.storage.unit_of_work import UnitOfWork

CONTACT = "contact"  # the subject of an ask for contact now, after a crisis (no plan item)


STEPPED_BACK = "jim_stepped_back:"  # a change part, with the person's id: a JIM who stopped


def keep_what_others_did(restored: Plan, current: Plan) -> None:
    """/terug takes back the youth's own last step, not what others did since.

    A helper's answer or a begeleider's pick-up stays (their ask is done and can't be
    answered again), as long as the action still has the helper who gave it. A JIM who
    stopped since (said no, left, was erased: :meth:`Handoffs.jim_gone`) stays stopped:
    their link is gone, so the restored plan does not call them JIM again, and it keeps the
    record of it, so a further /terug does not either."""
    for action in restored.actions:
        now = current.action(action.id)
        if now is not None and (now.helper, now.person_id) == (action.helper, action.person_id):
            action.response = now.response
    for need in restored.urgent:
        now_need = current.urgent_need(need.id)
        if now_need is not None:
            need.response = now_need.response
    earlier = {(change.at, change.part) for change in restored.history}
    stepped_back = [change for change in current.history if change.part.startswith(
        STEPPED_BACK) and (change.at, change.part) not in earlier]
    restored.history = sorted([*restored.history, *stepped_back], key=lambda c: c.at)
    gone = {change.part.removeprefix(STEPPED_BACK) for change in stepped_back}
    if restored.jim is not None and restored.jim.person_id in gone:
        restored.jim = Jim(choice=JimChoice.UNDECIDED)


class Handoffs:
    """What linked people receive as the youth's plan grows: asks, summaries, digests."""

    def __init__(self, uow: UnitOfWork, now: datetime) -> None:
        self.uow = uow
        self.now = now
        self.peers = Peers(uow, now)

    def ask_messages(self, subject: str, ask_id: int, link: LinkRow, plan: Plan,
                     t: Translator) -> list[Message]:
        action, ref = plan.action(subject), ask_ref(ask_id, link)
        if subject == CONTACT:
            ask = self.uow.asks.get(ask_id)
            return [contact_request(youth_name(plan, t), ask.created_at or self.now, t,
                                    pick_up_choice(ref, t))] if ask else []
        if link.role in HELPERS:
            return [ask_message(plan, action, ref, t)] if action else []
        found = action or plan.urgent_need(subject)
        return [pickup_message(plan, found, ref, t)] if found else []

    def _subjects(self, link: LinkRow, plan: Plan) -> list[str]:
        """What this member should be asked about: the actions given to them (JIM,
        network), or (professionals) urgent needs and actions for "mijn begeleider".
        An action is asked about once the youth said by when, so the ask can say it too."""
        view = visible(plan, link)
        actions = [a for a in view.actions if a.when is not None]
        if link.role in HELPERS:
            return [a.id for a in actions if is_helped_by(a, link.person_id)]
        return [u.id for u in view.urgent] + [a.id for a in actions
                                              if a.helper == HelperKind.PROFESSIONAL]

    def _ask_new(self, link: LinkRow, plan: Plan) -> None:
        """Ask about what is newly this member's. Asks about what no longer is (an action
        given to someone else, removed, or made private) are dropped, so their old buttons
        reach nothing; should it come back, it is asked again."""
        wanted = self._subjects(link, plan)
        asked = {ask.subject: ask for ask in self.uow.asks.of_link(link.id)}
        for subject, ask in asked.items():
            if subject not in wanted and subject != CONTACT:  # contact is no plan item
                self.uow.asks.delete(ask.id)
        picked = {item.id for item in [*plan.urgent, *plan.actions] if item.response
                  and item.response.answer is HelperAnswer.PICKED_UP}
        for subject in wanted:
            if subject in asked:
                continue
            waiting = link.role in HELPERS and self.uow.asks.has_open(link.member_id)
            status = (self.uow.asks.DONE if subject in picked  # another begeleider has it
                      else self.uow.asks.QUEUED if waiting else self.uow.asks.OPEN)
            ask_id = self.uow.asks.create(link.id, subject, status, self.now)
            if status == self.uow.asks.OPEN:
                self.peers.send(link.member_id, lambda t, s=subject, a=ask_id:
                                self.ask_messages(s, a, link, plan, t), link)
        found = self.promote(link.member_id)
        if found is not None:
            ask, waited = found
            self.peers.send(link.member_id, lambda t: self.ask_messages(
                ask.subject, ask.id, waited, self.peers.plan(waited.youth_id), t), waited)

    def promote(self, member_id: int) -> tuple[AskRow, LinkRow] | None:
        """The member's oldest waiting ask, now open, when nothing is open for them."""
        if self.uow.asks.has_open(member_id):
            return None
        ask = self.uow.asks.next_queued(member_id)
        link = self.uow.links.get(ask.link_id) if ask else None
        if ask is None or link is None:
            return None
        self.uow.asks.set_status(ask.id, self.uow.asks.OPEN)
        return ask, link

    def _summary(self, link: LinkRow, plan: Plan) -> None:
        """The plan in a few lines and as PDF; for a plan with nothing in it yet, only
        that it will come."""
        view = visible(plan, link)

        def build(t: Translator) -> list[Message]:
            if is_empty(view):
                return [Message(t(notices.SHARED_EMPTY, youth=youth_name(plan, t)))]
            return [replace(summary_message(view, t, local_day(self.now)),  # the PDF: when sent
                            documents=(shared_document(PLAN_PDF, link.id),))]

        self.peers.send(link.member_id, build, link)
        self.uow.links.mark_sent(link.id, self.now, view)

    def link_started(self, link: LinkRow, plan: Plan) -> None:
        """A new link: a professional gets the summary and PDF (the whole plan: a new
        begeleider starts from it), everyone their asks. Beside an earlier begeleider, the
        youth is asked soon whether that one keeps access (:mod:`bot.flows.checkin`)."""
        if link.role is ShareRole.PROFESSIONAL:
            self._summary(link, plan)
            for earlier in self.uow.links.of_youth(link.youth_id):
                if earlier.role is ShareRole.PROFESSIONAL and earlier.id != link.id:
                    self.uow.schedule.add(link.youth_id, Due(
                        self.now, Kind.TRANSFER, transfer_subject(earlier.id, link.id)),
                        self.now)
        self._ask_new(link, plan)

    def after_youth_turn(self, youth_id: int, before: Callable[[], Plan], plan: Plan,
                         settled: bool) -> None:
        """After a turn that changed the youth's plan (``before``: the plan as it was).

        ``settled``: the youth is not in the middle of a detour (/wijzig), so a digest can
        sum up everything changed since the last message.
        """
        earlier_plan = cache(before)  # parsed only when someone is linked (most turns: nobody)
        links = self._former_jims_step_back(youth_id, earlier_plan, plan)
        if not links:
            return
        earlier = earlier_plan()
        for link in links:
            self._ask_new(link, plan)
            if link.role in HELPERS:
                self._tell_new_when(link, earlier, plan)
            if link.role is not ShareRole.PROFESSIONAL:
                continue
            if plan.confirmed and not earlier.confirmed:
                self._summary(link, plan)
            elif plan.confirmed and settled:
                self._digest(link, plan)

    def _tell_new_when(self, link: LinkRow, earlier: Plan, plan: Plan) -> None:
        """A helper who was asked about an action (and did not say no) hears when the youth
        changes by when it should happen. An ask still waiting its turn will say it itself."""
        for ask in self.uow.asks.of_link(link.id):
            old, new = earlier.action(ask.subject), plan.action(ask.subject)
            if (ask.status == self.uow.asks.QUEUED or old is None or new is None
                    or old.when in (None, new.when)  # None: the ask was just made, with it
                    or (new.response and new.response.answer is HelperAnswer.NO)):
                continue
            self.peers.send(link.member_id, lambda t, action=new: [
                new_when_message(plan, action, t)], link)

    def _former_jims_step_back(self, youth_id: int, earlier: Callable[[], Plan], plan: Plan
                               ) -> list[LinkRow]:
        """A JIM sees the plan only while they are the plan's JIM. When the youth chose
        someone else (or nobody), the former JIM keeps only the actions given to them, as a
        helper, or stops seeing the plan; an unanswered JIM invite for them stops working.
        Both sides hear it. Returns the youth's links as they are now."""
        jim = plan.jim_person()
        current = jim.id if jim else None
        links, jim_invites = self.uow.links.of_youth_with_jim_invites(youth_id, self.now)
        for invite_id, person_id in jim_invites.items():
            if person_id != current:
                self.uow.invites.revoke(invite_id, self.now)
        former = [link for link in links
                  if link.role is ShareRole.JIM and link.person_id != current]
        for link in former:
            person = plan.person(link.person_id) or earlier().person(link.person_id)
            helps = would_help(plan, link.person_id)
            if helps:
                self.uow.links.set_role(link.id, ShareRole.NETWORK)
            else:
                self.uow.links.delete(link.id)
            self.peers.send(link.member_id, lambda t, helps=helps: [Message(
                t(notices.FORMER_JIM_STEPS_BACK, youth=youth_name(plan, t))
                + " " + t(notices.FORMER_JIM[helps]))], youth_id=youth_id)
            self.peers.send(youth_id, lambda t, helps=helps, person=person: [Message(t(
                notices.FORMER_JIM_FOR_YOUTH[helps],
                name=called(person, t, start=True) if person
                else t.plain(notices.FORMER_JIM_UNNAMED)))])
        return self.uow.links.of_youth(youth_id) if former else links

    def jim_gone(self, youth_id: int, person_id: str | None, notice: str) -> None:
        """The JIM said no, stopped or left: the youth's plan no longer calls them JIM
        (they stay one of the people), and the youth can choose someone else right away."""
        conversation, plan = self.peers.load(youth_id)
        person = plan.person(person_id)
        if person_id is not None and plan.jim is not None and plan.jim.person_id == person_id:
            plan.jim = Jim(choice=JimChoice.UNDECIDED)
            plan.record(STEPPED_BACK + person_id, self.now)  # /terug keeps it so
            self.peers.save(youth_id, conversation, plan)
        self.peers.send(youth_id, lambda t: [Message(
            t(notice, name=called(person, t, start=True) if person else "")
            + "\n" + t(notices.ANOTHER_JIM),
            choices=new_jim_choices(plan, person_id, t))])

    def _digest(self, link: LinkRow, plan: Plan) -> None:
        """What changed since the copy last sent over this link, old → new."""
        before = self.uow.links.last_sent(link.id)
        if before is None:
            self._summary(link, plan)
            return
        view = visible(plan, link)

        def build(t: Translator) -> list[Message]:
            message = digest_message(before, view, t, local_day(self.now))
            return [message] if message is not None else []

        if self.peers.send(link.member_id, build, link):
            self.uow.links.mark_sent(link.id, self.now, view)
