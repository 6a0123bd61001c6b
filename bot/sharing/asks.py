"""Asks, from the member's side: a helper's answer to "Wil je helpen met …?", a begeleider
picking up an urgent need or an action ("Ik pak dit op"), /vragen; and, after a crisis
reply, the youth's request for contact with their begeleider (only on the youth's yes).

One ask is open per member at a time; the rest wait their turn (see
:meth:`bot.sharing.handoffs.Handoffs.promote`).
"""

from __future__ import annotations

from bot.flows.sharing import notices
from bot.flows.sharing.port import Click
from bot.flows.sharing.views import (
    ASK_ANSWERS,
    PICK_UP,
    answer_notice,
    is_helped_by,
    pick_up_choice,
    youth_name,
)
from bot.messages import Message
from bot.plan.model import HelperAnswer, HelperResponse, UrgentNeed
from bot.plan.sharing_model import LinkSummary, ShareRole
from bot.safety.contact import (
    FOLLOW_UP_AFTER,
    contact_failed,
    contact_not_picked_up,
    contact_picked_up,
    contact_request,
    contact_sent,
)
from bot.safety.detection import RiskKind
from bot.sharing.access import HELPERS, ask_ref, visible, youth_ref
from bot.sharing.actor import Actor
from bot.sharing.handoffs import CONTACT, Handoffs
from bot.storage.sharing_repositories import AskRow, LinkRow


class Asks(Actor):
    def ask_click(self, ref: str, code: str) -> Click:
        """A button under an ask (``ref``, not yet checked) pressed: ``code`` is the answer."""
        found = self._my_ask(ref)
        if found is None:
            return self._gone()
        ask, link = found
        if link.role is ShareRole.PROFESSIONAL and code == PICK_UP:
            return self._pick_up(ask, link)  # also when done: who picked it up instead
        if ask.status == self.uow.asks.DONE:
            return self._gone()
        if link.role in HELPERS and code in ASK_ANSWERS:
            if ASK_ANSWERS[code] is HelperAnswer.OTHERWISE:
                return Click(otherwise=ref)
            return self.answer_ask(ref, ASK_ANSWERS[code], None)
        return self._gone()

    def answer_ask(self, ask: str | None, answer: HelperAnswer, note: str | None) -> Click:
        found = self._my_ask(ask)
        if (found is None or found[1].role not in HELPERS
                or found[0].status == self.uow.asks.DONE):
            return self._gone()
        row, link = found
        conversation, plan = self.peers.load(link.youth_id)
        action = plan.action(row.subject)
        self.uow.asks.set_status(row.id, self.uow.asks.DONE)
        if (action is None or not is_helped_by(action, link.person_id)
                or not visible(plan, link).action(action.id)):
            return self._gone(then=self._next_ask())
        action.response = HelperResponse(answer=answer, note=note, at=self.now)
        plan.record("helper", self.now)
        self.peers.save(link.youth_id, conversation, plan)
        self.peers.send(link.youth_id, lambda t: [answer_notice(
            self._member_name(link, plan, t, start=True), action, t)])
        return Click(self._say(notices.ANSWER_HEARD, youth=youth_name(plan, self.t)),
                     then=self._next_ask())

    def _pick_up(self, ask: AskRow, link: LinkRow) -> Click:
        """The first professional to press "Ik pak dit op" has it: it is noted in the plan,
        the youth hears who picks up which question, the others' asks close."""
        if ask.subject == CONTACT:
            return self._pick_up_contact(ask, link)
        conversation, plan = self.peers.load(link.youth_id)
        subject = plan.action(ask.subject) or plan.urgent_need(ask.subject)
        self.uow.asks.set_status(ask.id, self.uow.asks.DONE)
        taken = subject.response if subject is not None else None
        if taken is not None and taken.answer is HelperAnswer.PICKED_UP:
            return Click(self._say(notices.ALREADY_PICKED_UP, name=taken.by or "?"),
                         counted=False)
        if subject is None or ask.status == self.uow.asks.DONE:
            return self._gone()
        profile = self.uow.professionals.get(self.user_id)
        subject.response = HelperResponse(answer=HelperAnswer.PICKED_UP, at=self.now,
                                          by=profile.name if profile else None)
        plan.record("helper", self.now)
        self.peers.save(link.youth_id, conversation, plan)
        self._close_asks(link.youth_id, ask.subject)
        what = subject.text if isinstance(subject, UrgentNeed) else subject.what
        self.peers.send(link.youth_id, lambda t: [Message(t(
            notices.PICKED_UP, name=self._member_name(link, plan, t, start=True), what=what))])
        return Click(self._say(notices.PICK_UP_HEARD, youth=youth_name(plan, self.t)),
                     then=self._next_ask())

    def _close_asks(self, youth_id: int, subject: str) -> None:
        """Someone picked it up: the other professionals' asks about it close."""
        for other in self.uow.links.of_youth(youth_id):
            for waiting in self.uow.asks.of_link(other.id):
                if waiting.subject == subject:
                    self.uow.asks.set_status(waiting.id, self.uow.asks.DONE)

    def _pick_up_contact(self, ask: AskRow, link: LinkRow) -> Click:
        """A request for contact picked up: the youth hears it, the half-hour follow-up is
        no longer needed."""
        if ask.status == self.uow.asks.DONE:
            return self._gone()
        self._close_asks(link.youth_id, CONTACT)
        self.uow.outbox.cancel_delayed(link.youth_id)
        name = self._professional_name(link)
        self.peers.send(link.youth_id, lambda t: [contact_picked_up(name, t)])
        return Click(self._say(notices.CONTACT_HEARD,
                               youth=youth_name(self.peers.plan(link.youth_id), self.t)),
                     then=self._next_ask())

    def _next_ask(self) -> list[Message]:
        """The member's next waiting ask, now that the previous one is answered; or, when
        the others were shown already, how many still wait."""
        handoffs = Handoffs(self.uow, self.now)
        found = handoffs.promote(self.user_id)
        if found is not None:
            ask, link = found
            return handoffs.ask_messages(ask.subject, ask.id, link,
                                         self.peers.plan(link.youth_id), self.t)
        waiting = len(self.uow.asks.waiting(self.user_id))
        if waiting == 1:
            return self._say(notices.ONE_ASK_WAITS)
        return self._say(notices.ASKS_WAIT, count=waiting) if waiting else []

    def open_asks(self) -> list[Message]:
        """/vragen: the oldest unanswered ask again, with its buttons, and how many follow."""
        handoffs = Handoffs(self.uow, self.now)
        handoffs.promote(self.user_id)
        waiting = self.uow.asks.waiting(self.user_id)
        first = next((ask for ask in waiting if ask.status == self.uow.asks.OPEN), None)
        link = self.uow.links.get(first.link_id) if first else None
        if first is None or link is None:
            return self._say(notices.NO_ASKS)
        shown = handoffs.ask_messages(first.subject, first.id, link,
                                      self.peers.plan(link.youth_id), self.t)
        if len(waiting) == 2:
            shown += self._say(notices.ONE_MORE)
        elif len(waiting) > 2:
            shown += self._say(notices.MORE, count=len(waiting) - 1)
        return shown

    # --- after a crisis reply: contact with the professional, only on the youth's yes --------
    def _professional_links(self) -> list[LinkRow]:
        return [link for link in self.uow.links.of_youth(self.user_id)
                if link.role is ShareRole.PROFESSIONAL]

    def _professional_name(self, link: LinkRow) -> str:
        return self._member_name(link, self.plan, self.t, short=True)

    def linked_professionals(self) -> list[LinkSummary]:
        return [LinkSummary(youth_ref(link), link.role, self._professional_name(link))
                for link in self._professional_links()]

    def ask_for_contact(self, links: list[str], kinds: list[RiskKind]) -> list[Message]:
        """Each professional gets an urgent ask with "Ik pak dit op" (asked again while it is
        open, the same ask); the youth gets a follow-up in half an hour unless it is picked
        up (asked again: one follow-up, from now). The follow-up names this youth, so it
        goes when they are erased."""
        sent: list[str] = []
        for link in self._professional_links():
            if youth_ref(link) not in links:
                continue
            earlier = next((ask for ask in self.uow.asks.of_link(link.id)
                            if ask.subject == CONTACT), None)
            if earlier is not None and earlier.status != self.uow.asks.DONE:
                ask_id = earlier.id  # still open: the new message picks up the same ask
            else:
                if earlier is not None:
                    self.uow.asks.delete(earlier.id)
                ask_id = self.uow.asks.create(link.id, CONTACT, self.uow.asks.OPEN, self.now)
            ref = ask_ref(ask_id, link)
            self.peers.send(link.member_id, lambda t, ref=ref: [contact_request(
                youth_name(self.plan, t), self.now, t, pick_up_choice(ref, t))], link)
            sent.append(self._professional_name(link))
        if not sent:
            return [contact_failed(self.t)]
        self.uow.outbox.cancel_delayed(self.user_id)
        self.uow.outbox.put(self.user_id, [contact_not_picked_up(sent, kinds, self.plan.age,
                                                                 self.t)],
                            self.now, youth_id=self.user_id,
                            not_before=self.now + FOLLOW_UP_AFTER)
        return [contact_sent(sent, self.t)]
