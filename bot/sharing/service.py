"""The sharing port on storage: invitations, links, asks and messages to the other side.

One :class:`Sharing` serves one turn of one user (``user_id``) inside that turn's unit of
work. Nothing the chat sends is trusted: every invite, link and ask reference is checked
against the stored row, against the link and people it was made for, *and* against who is
asking, so a forged or stale button or cursor reaches nothing. Ids are never handed out
twice (migration 0005), and the check holds even if one were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import cache

from bot.documents.files import shared_document
from bot.flows.checkin import transfer_subject
from bot.flows.plan_view import is_empty
from bot.flows.sharing.port import Click
from bot.flows.sharing.views import (
    ASK_ANSWERS,
    CONFIRM,
    CONFIRMED,
    DENIED,
    PICK_UP,
    answer_notice,
    ask_message,
    confirm_professional,
    describe_professional,
    digest_message,
    invite_for_youth,
    invite_messages,
    is_helped_by,
    new_jim_choices,
    new_when_message,
    pick_up_choice,
    pickup_message,
    read_ask_choice,
    render_shared,
    shared_copy,
    summary_message,
    told_apart,
    youth_name,
)
from bot.i18n import N_, Translator
from bot.messages import NETWORK_PICTURE, PLAN_PDF, Account, Message
from bot.plan.agenda import Due, Kind
from bot.plan.links import (
    InviteKind,
    LinkSummary,
    OpenedInvite,
    Opening,
    ProfessionalProfile,
    ShareRole,
    make_ref,
    ref_row_id,
)
from bot.plan.model import (
    HelperAnswer,
    HelperKind,
    HelperResponse,
    Jim,
    JimChoice,
    Plan,
    UrgentNeed,
)
from bot.safety.contact import (
    FOLLOW_UP_AFTER,
    contact_failed,
    contact_not_picked_up,
    contact_picked_up,
    contact_request,
    contact_sent,
)
from bot.safety.detection import RiskKind
from bot.sharing.erasure import forget_in_others
from bot.sharing.peers import Peers
from bot.sharing.tokens import MAX_CODE, VALID_FOR, new_token, token_hash
from bot.storage.sharing import AskRow, InviteRow, LinkRow
from bot.storage.unit_of_work import UnitOfWork

HELPERS = (ShareRole.JIM, ShareRole.NETWORK)
CONTACT = "contact"  # the subject of an ask for contact now, after a crisis (no plan item)
CODE_CHANNELS = frozenset({"terminal"})  # chats that show an invite as a code to type


# --- references: what a chat holds to name a row (see make_ref) ----------------------------
def youth_ref(link: LinkRow) -> str:
    """A link as its youth holds it: with the member it was made for."""
    return make_ref(link.id, link.member_id)


def member_ref(link: LinkRow) -> str:
    """A link as its member holds it: with the youth it was made for."""
    return make_ref(link.id, link.youth_id)


def invite_ref(invite: InviteRow) -> str:
    return make_ref(invite.id, invite.inviter_id)


def confirm_ref(invite: InviteRow) -> str:
    """A youth's invite for their begeleider, as the youth's confirmation holds it: with
    the youth and the begeleider who opened it."""
    return make_ref(invite.id, invite.inviter_id, invite.opened_by or 0)


def ask_ref(ask_id: int, link: LinkRow) -> str:
    """An ask as its buttons hold it: with its link and youth."""
    return make_ref(ask_id, link.id, link.youth_id)


class Sharing:
    def __init__(self, uow: UnitOfWork, user_id: int, plan: Plan, t: Translator,
                 now: datetime, make_token: Callable[[], str] = new_token,
                 account: Account | None = None) -> None:
        self.uow = uow
        self.user_id = user_id
        self.plan = plan  # this user's own plan, the very object the turn changes
        self.t = t
        self.now = now
        self.make_token = make_token
        self.account = account  # what the chat says about this user's account, this turn
        self.peers = Peers(uow, now)

    def _say(self, message: str, **values: object) -> list[Message]:
        return [Message(self.t(message, **values))]

    # --- names as each side knows them ----------------------------------------------------
    def _member_name(self, link: LinkRow, plan: Plan, t: Translator) -> str:
        """The member as the youth knows them: the person in WIE, or the professional."""
        if link.role is ShareRole.PROFESSIONAL:
            profile = self.uow.professionals.get(link.member_id)
            return describe_professional(profile, t) if profile else t.plain(N_("je begeleider"))
        person = plan.person(link.person_id)
        return person.name if person else t.plain(N_("iemand"))

    # --- the youth ------------------------------------------------------------------------
    def invite(self, kind: InviteKind, person_id: str | None, plan: Plan) -> list[Message]:
        if kind is InviteKind.YOUTH:
            profile = self._own_profile()
            if profile is None:
                return self._say(N_("Eerst /begeleider: dan weet de jongere wie je bent."))
            return invite_for_youth(profile, self._new_invite(kind, None), self._opening(),
                                    self.t)
        person = plan.person(person_id)
        if kind is not InviteKind.PROFESSIONAL and person is None:
            return self._say(N_("Kies eerst wie. Met /wijzig kies je je JIM."))
        for earlier in self.uow.invites.pending_from(self.user_id, self.now):
            if (kind is not InviteKind.PROFESSIONAL and earlier.kind is kind
                    and earlier.person_id == person_id):
                self.uow.invites.revoke(earlier.id, self.now)  # a new invite replaces it
        token = self._new_invite(kind, person_id)
        return invite_messages(kind, plan, person.name if person else None, token,
                               self._opening(), self.t)

    def _invite(self, ref: str) -> InviteRow | None:
        """The invite ``ref`` names, if it still is the one it was made for."""
        invite_id = ref_row_id(ref, 2)
        invite = self.uow.invites.get(invite_id) if invite_id is not None else None
        return invite if invite is not None and invite_ref(invite) == ref else None

    def _my_invite(self, ref: str) -> InviteRow | None:
        """An invite this user made that can still be used."""
        invite = self._invite(ref)
        return (invite if invite is not None and invite.inviter_id == self.user_id
                and invite.usable(self.now) else None)

    def resend(self, invite: str) -> list[Message]:
        """A new link for an unanswered invite; the old link stops working."""
        found = self._my_invite(invite)
        if found is None:
            return self._say(N_("Dat kan niet meer."))
        self.uow.invites.revoke(found.id, self.now)
        return self.invite(found.kind, found.person_id, self.plan)

    def _opening(self) -> Opening:
        """How an invite made in this user's chat is opened: the other person uses the
        same kind of chat."""
        channel = self.uow.users.describe(self.user_id)["channel"]
        return Opening.CODE if channel in CODE_CHANNELS else Opening.LINK

    def _new_invite(self, kind: InviteKind, person_id: str | None) -> str:
        token = self.make_token()
        self.uow.invites.create(token_hash(token), kind, self.user_id, person_id, self.now,
                                self.now + VALID_FOR)
        return token

    def shared_with(self) -> list[LinkSummary]:
        summaries = [LinkSummary(youth_ref(link), link.role,
                                 self._member_name(link, self.plan, self.t),
                                 sees_safety_plan=link.sees_safety_plan)
                     for link in self.uow.links.of_youth(self.user_id)]
        for invite in self.uow.invites.pending_from(self.user_id, self.now):
            if invite.kind is InviteKind.YOUTH:
                continue
            person = self.plan.person(invite.person_id)
            name = person.name if person else self.t.plain(N_("je begeleider"))
            summaries.append(LinkSummary(invite_ref(invite), invite.kind.role, name,
                                         pending=True))
        return summaries

    def _youths_link(self, ref: str | None) -> LinkRow | None:
        """A link of this youth, with the member it was made for."""
        link = self._link(ref)
        return (link if link is not None and link.youth_id == self.user_id
                and youth_ref(link) == ref else None)

    def _link(self, ref: str | None) -> LinkRow | None:
        link_id = ref_row_id(ref, 2)
        return self.uow.links.get(link_id) if link_id is not None else None

    def show_safety_plan(self, link: str, shown: bool) -> None:
        found = self._youths_link(link)
        if found is not None:
            self.uow.links.show_safety_plan(found.id, shown)

    def revoke(self, link: str) -> list[Message]:
        found = self._youths_link(link)
        if found is None:
            return self._say(N_("Dat kan niet meer."))
        name = self._member_name(found, self.plan, self.t)
        self._end(found)
        return self._say(N_("Klaar. {name} ziet je plan niet meer."), name=name)

    def _end(self, link: LinkRow) -> None:
        """The youth ends a link: access stops at once, the member hears it neutrally."""
        self.uow.links.delete(link.id)
        self.peers.send(link.member_id, lambda t: [Message(t(
            N_("{youth} deelt het plan niet meer met je. Dank je voor je hulp."),
            youth=youth_name(self.plan, t)))], youth_id=self.user_id)

    def end_for_person(self, person_id: str) -> bool:
        ended = False
        for invite in self.uow.invites.pending_from(self.user_id, self.now):
            if invite.person_id == person_id:
                self.uow.invites.revoke(invite.id, self.now)
                ended = True
        for link in self.uow.links.of_youth(self.user_id):
            if link.person_id == person_id:
                self._end(link)
                ended = True
        return ended

    def withdraw(self, invite: str) -> list[Message]:
        found = self._my_invite(invite)
        if found is None:
            return self._say(N_("Dat kan niet meer."))
        self.uow.invites.revoke(found.id, self.now)
        return self._say(N_("De uitnodiging is ingetrokken. Die werkt nu niet meer."))

    # --- whoever opens an invite ------------------------------------------------------------
    def open_invite(self, code: str) -> OpenedInvite | None:
        if len(code) > MAX_CODE:
            return None
        invite = self.uow.invites.by_hash(token_hash(code))
        if (invite is None or not invite.usable(self.now) or invite.inviter_id == self.user_id
                or invite.opened_by not in (None, self.user_id)):
            return None
        self.uow.invites.open_by(invite.id, self.user_id)  # from now on it is this user's
        if invite.kind is InviteKind.YOUTH:
            return OpenedInvite(invite_ref(invite), invite.kind, self.plan.name or "",
                                professional=self.uow.professionals.get(invite.inviter_id))
        youth = self.peers.plan(invite.inviter_id)
        return OpenedInvite(invite_ref(invite), invite.kind, youth.name or "", youth.age)

    def answer_invite(self, ref: str, yes: bool, plan: Plan) -> list[Message]:
        invite = self._invite(ref)
        if invite is None or invite.opened_by != self.user_id or not invite.usable(self.now):
            return self._say(N_("Deze uitnodiging werkt niet meer. Vraag om een nieuwe."))
        if not (yes and invite.kind is InviteKind.PROFESSIONAL):
            self.uow.invites.use(invite.id, self.now)
        from_youth = invite.kind is not InviteKind.YOUTH
        youth_id, member_id = ((invite.inviter_id, self.user_id) if from_youth
                               else (self.user_id, invite.inviter_id))
        youth_plan = self.peers.plan(youth_id) if from_youth else plan
        if not yes:
            return self._declined(invite.kind, youth_id, member_id, youth_plan, invite.person_id)
        if invite.kind is InviteKind.PROFESSIONAL:
            return self._ask_youth(invite, youth_plan)
        link_id = self.uow.links.create(youth_id, member_id, invite.kind.role, invite.person_id,
                                        self.now)
        link = self.uow.links.get(link_id)
        assert link is not None
        handoffs = Handoffs(self.uow, self.now)
        if from_youth:
            name = self._member_name(link, youth_plan, self.peers.translator(youth_id))
            self.peers.send(youth_id, lambda t: [Message(t(JOINED[invite.kind], name=name))])
            handoffs.link_started(link, youth_plan)
            return [Message(self.t(WELCOME[invite.kind], youth=youth_name(youth_plan, self.t))
                            + " " + self.t(HELP_HINT))]
        handoffs.link_started(link, youth_plan)
        return self._say(SEES_NOW, who=self._member_name(link, plan, self.t))

    def _ask_youth(self, invite: InviteRow, youth_plan: Plan) -> list[Message]:
        """A begeleider said yes to a youth's invite: nothing is shared until the youth has
        seen who that is, in their words and the chat's, and said yes too (see
        :meth:`_confirmed`). The invite stays open till then; withdrawing it ends this."""
        profile = self._own_profile()
        if profile is None:
            return self._say(N_("Deze uitnodiging werkt niet meer. Vraag om een nieuwe."))
        ref = confirm_ref(invite)
        self.peers.send(invite.inviter_id, lambda t: [confirm_professional(profile, ref, t)],
                        youth_id=self.user_id)  # it names this begeleider: gone with them
        return [Message(self.t(N_("Dank je! Ik vraag {youth} nog of jij het bent. "
                                  "Daarna zie je het plan."),
                               youth=youth_name(youth_plan, self.t))
                        + " " + self.t(HELP_HINT))]

    def _confirmed(self, ref: str, code: str) -> Click:
        """The youth's yes or no to the begeleider who accepted their invite. Only a yes
        makes the link; a no tells the begeleider neutrally that it did not go through."""
        invite_id = ref_row_id(ref, 3)
        invite = self.uow.invites.get(invite_id) if invite_id is not None else None
        if (invite is None or invite.kind is not InviteKind.PROFESSIONAL
                or invite.inviter_id != self.user_id or invite.opened_by is None
                or confirm_ref(invite) != ref or not invite.usable(self.now)
                or self.uow.professionals.get(invite.opened_by) is None
                or code not in (CONFIRMED, DENIED)):
            return self._gone()
        member_id = invite.opened_by
        if code == DENIED:
            self.uow.invites.revoke(invite.id, self.now)
            self.peers.send(member_id, lambda t: [Message(t(
                N_("Het delen van een plan gaat niet door. Dat is oké.")))])
            return Click(self._say(N_("Oké. Er wordt niets gedeeld. Met /delen kun je je "
                                      "begeleider opnieuw uitnodigen.")))
        self.uow.invites.use(invite.id, self.now)
        link_id = self.uow.links.create(self.user_id, member_id, ShareRole.PROFESSIONAL, None,
                                        self.now)
        link = self.uow.links.get(link_id)
        assert link is not None
        self.peers.send(member_id, lambda t: [Message(t(
            N_("{youth} zegt ja. Je ziet nu het plan."), youth=youth_name(self.plan, t)))], link)
        Handoffs(self.uow, self.now).link_started(link, self.plan)
        return Click(self._say(SEES_NOW, who=self._member_name(link, self.plan, self.t)))

    def _declined(self, kind: InviteKind, youth_id: int, member_id: int, youth_plan: Plan,
                  person_id: str | None) -> list[Message]:
        if kind is InviteKind.YOUTH:
            self.peers.send(member_id, lambda t: [Message(t(
                N_("Een jongere wil het plan nu niet delen. Dat is oké.")))])
            return self._say(N_("Oké. Er wordt niets gedeeld."))
        person = youth_plan.person(person_id)
        if kind is InviteKind.JIM:
            self._jim_gone(youth_id, person_id, N_("{name} zegt nu nee. Dat is oké."))
        else:
            self.peers.send(youth_id, lambda t: [Message(
                t(N_("{name} zegt nu nee. Dat is oké."), name=person.name) if person
                else t(N_("Je begeleider zegt nu nee.")))])
        return self._say(N_("Oké, dank je. Ik laat het weten."))

    def _jim_gone(self, youth_id: int, person_id: str | None, notice: str) -> None:
        """The JIM said no, stopped or left: the youth's plan no longer calls them JIM
        (they stay one of the people), and the youth can choose someone else right away."""
        conversation, plan = self.peers.load(youth_id)
        person = plan.person(person_id)
        name = person.name if person else ""
        if plan.jim is not None and plan.jim.person_id == person_id:
            plan.jim = Jim(choice=JimChoice.UNDECIDED)
            plan.record("jim", self.now)
            self.peers.save(youth_id, conversation, plan)
        self.peers.send(youth_id, lambda t: [Message(
            t(notice, name=name) + "\n" + t(N_("Wil je iemand anders vragen als JIM?")),
            choices=new_jim_choices(plan, person_id, t))])

    # --- members --------------------------------------------------------------------------
    def memberships(self) -> list[LinkSummary]:
        links = self.uow.links.of_member(self.user_id)
        names = told_apart([youth_name(self.peers.plan(link.youth_id), self.t)
                            for link in links])
        return [LinkSummary(member_ref(link), link.role, name)
                for link, name in zip(links, names, strict=True)]

    def _my_link(self, ref: str | None) -> LinkRow | None:
        """A link this user is the member of, with the youth it was made for."""
        link = self._link(ref)
        return (link if link is not None and link.member_id == self.user_id
                and member_ref(link) == ref else None)

    def _view(self, link: LinkRow) -> Message:
        """A shared plan as the member may see it: the text, and for a JIM the network
        picture, for a professional the PDF (which holds the picture); both made after the
        turn (see :func:`bot.documents.files.shared_document`)."""
        plan = self.peers.plan(link.youth_id)
        view = shared_copy(plan, link.role, link.person_id, link.sees_safety_plan)
        files: tuple[str, ...] = ()
        if link.role is ShareRole.PROFESSIONAL:
            files = (shared_document(PLAN_PDF, link.id),)
        elif link.role is ShareRole.JIM and view.people:
            files = (shared_document(NETWORK_PICTURE, link.id),)
        return Message(render_shared(plan, link.role, link.person_id, self.t,
                                     link.sees_safety_plan), documents=files)

    def shared_plans(self) -> list[Message]:
        """The plans this user helps with (a professional's: one at a time, /jongeren)."""
        return [self._view(link) for link in self.uow.links.of_member(self.user_id)
                if link.role in HELPERS]

    def youth_plan(self, link: str) -> list[Message]:
        found = self._my_link(link)
        return [self._view(found)] if found else self._say(N_("Dat kan niet meer."))

    def _my_ask(self, ref: str | None) -> tuple[AskRow, LinkRow] | None:
        """An ask to this user, on the link and about the youth it was made for."""
        ask_id = ref_row_id(ref, 3)
        ask = self.uow.asks.get(ask_id) if ask_id is not None else None
        link = self.uow.links.get(ask.link_id) if ask is not None else None
        if (ask is None or link is None or link.member_id != self.user_id
                or ask_ref(ask.id, link) != ref):
            return None
        return ask, link

    def _gone(self, then: list[Message] | None = None) -> Click:
        """A button that no longer works: answered already, or no longer this member's."""
        return Click(self._say(N_("Deze vraag is al beantwoord of kan niet meer.")),
                     then=then or [], counted=False)

    def click(self, choice: str) -> Click:
        confirmation = read_ask_choice(choice, CONFIRM)
        if confirmation is not None:
            return self._confirmed(*confirmation)
        parsed = read_ask_choice(choice)
        found = self._my_ask(parsed[0]) if parsed else None
        gone = self._gone()
        if parsed is None or found is None:
            return gone
        (ask, link), code = found, parsed[1]
        if link.role is ShareRole.PROFESSIONAL and code == PICK_UP:
            return self._pick_up(ask, link)  # also when done: who picked it up instead
        if ask.status == self.uow.asks.DONE:
            return gone
        if link.role in HELPERS and code in ASK_ANSWERS:
            if ASK_ANSWERS[code] is HelperAnswer.OTHERWISE:
                return Click(detour=("ask_other", {"for_ask": parsed[0]}))
            return self.answer_ask(parsed[0], ASK_ANSWERS[code], None)
        return gone

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
                or not shared_copy(plan, link.role, link.person_id).action(action.id)):
            return self._gone(then=self._next_ask())
        action.response = HelperResponse(answer=answer, note=note, at=self.now)
        plan.record("helper", self.now)
        self.peers.save(link.youth_id, conversation, plan)
        name = self._member_name(link, plan, self.t)
        self.peers.send(link.youth_id, lambda t: [answer_notice(name, action, t)])
        return Click(self._say(N_("Dank je! {youth} hoort je antwoord."),
                               youth=youth_name(plan, self.t)), then=self._next_ask())

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
            return Click(self._say(N_("{name} pakt dit al op."), name=taken.by or "?"),
                         counted=False)
        if subject is None or ask.status == self.uow.asks.DONE:
            return self._gone()
        profile = self.uow.professionals.get(self.user_id)
        subject.response = HelperResponse(answer=HelperAnswer.PICKED_UP, at=self.now,
                                          by=profile.name if profile else None)
        plan.record("helper", self.now)
        self.peers.save(link.youth_id, conversation, plan)
        self._close_asks(link.youth_id, ask.subject)
        name = self._member_name(link, plan, self.t)
        what = subject.text if isinstance(subject, UrgentNeed) else subject.what
        self.peers.send(link.youth_id, lambda t: [Message(t(
            N_("{name} pakt je vraag op: {what}. Je hoort snel meer."), name=name,
            what=what))])
        return Click(self._say(N_("Dank je. {youth} hoort dat je het oppakt."),
                               youth=youth_name(plan, self.t)), then=self._next_ask())

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
        return Click(self._say(N_("Dank je. {youth} hoort dat je contact opneemt."),
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
            return self._say(N_("Er staat nog 1 vraag voor je open. Typ /vragen."))
        return self._say(N_("Er staan nog {count} vragen voor je open. Typ /vragen."),
                         count=waiting) if waiting else []

    def open_asks(self) -> list[Message]:
        """/vragen: the oldest unanswered ask again, with its buttons, and how many follow."""
        handoffs = Handoffs(self.uow, self.now)
        handoffs.promote(self.user_id)
        waiting = self.uow.asks.waiting(self.user_id)
        first = next((ask for ask in waiting if ask.status == self.uow.asks.OPEN), None)
        link = self.uow.links.get(first.link_id) if first else None
        if first is None or link is None:
            return self._say(N_("Er staan geen vragen voor je open."))
        shown = handoffs.ask_messages(first.subject, first.id, link,
                                      self.peers.plan(link.youth_id), self.t)
        if len(waiting) == 2:
            shown += self._say(N_("Daarna staat er nog 1 open."))
        elif len(waiting) > 2:
            shown += self._say(N_("Daarna staan er nog {count} open."), count=len(waiting) - 1)
        return shown

    def send_note(self, ref: str | None, text: str) -> list[Message]:
        link = self._my_link(ref)
        if link is None:
            return self._say(N_("Je bericht is niet verstuurd. Je ziet dit plan niet meer."))
        plan = self.peers.plan(link.youth_id)
        name = self._member_name(link, plan, self.t)
        self.peers.send(link.youth_id, lambda t: [Message(t(
            N_("💬 Bericht van {name}: {text}"), name=name, text=text))])
        return self._say(N_("Verstuurd. Fijn dat je meeleeft."))

    def leave(self, ref: str | None) -> list[Message]:
        link = self._my_link(ref)
        if link is None:
            return self._say(N_("Dat kan niet meer."))
        plan = self.peers.plan(link.youth_id)
        name = self._member_name(link, plan, self.t)
        self.uow.links.delete(link.id)
        if link.role is ShareRole.JIM:
            self._jim_gone(link.youth_id, link.person_id, N_("{name} stopt als JIM. Dat is oké."))
        else:
            self.peers.send(link.youth_id, lambda t: [Message(t(LEFT[link.role], name=name))])
        return self._say(N_("Je bent gestopt. Je ziet het plan niet meer. Dank je voor je hulp."))

    def profile(self) -> ProfessionalProfile | None:
        return self.uow.professionals.get(self.user_id)

    def register(self, profile: ProfessionalProfile) -> None:
        self.uow.professionals.save(self.user_id, self._with_account(profile), self.now)

    def _with_account(self, profile: ProfessionalProfile) -> ProfessionalProfile:
        return (profile if self.account is None
                else profile.model_copy(update={"account": self.account}))

    def _own_profile(self) -> ProfessionalProfile | None:
        """This professional's profile with the account they use now (kept when it changed
        since they registered): a youth is shown the account that asks."""
        profile = self.uow.professionals.get(self.user_id)
        if profile is not None and self.account is not None and profile.account != self.account:
            profile = self._with_account(profile)
            self.uow.professionals.save(self.user_id, profile, self.now)
        return profile

    # --- the end of everything: /verwijder --------------------------------------------------
    def erase(self) -> None:
        """/verwijder or purge: the people on the other side of each link hear it, then the
        user goes, and everything stored about them with it (ON DELETE CASCADE).

        The notice names nobody: the erased plan is gone, its name with it.
        """
        forget_in_others(self.uow, self.user_id, self.peers)
        for link in self.uow.links.of_youth(self.user_id):
            self.peers.send(link.member_id, lambda t: [Message(t(
                N_("Een plan dat met je gedeeld was, is gewist. Je ziet het niet meer.")))])
        for link in self.uow.links.of_member(self.user_id):
            if link.role is ShareRole.JIM:
                self._jim_gone(link.youth_id, link.person_id,
                               N_("{name} doet niet meer mee als JIM."))
            else:
                self.peers.send(link.youth_id, lambda t, role=link.role: [Message(t(
                    GONE[role]))])
        self.uow.users.delete(self.user_id)

    # --- after a crisis reply: contact with the professional, only on the youth's yes --------
    def _professional_links(self) -> list[LinkRow]:
        return [link for link in self.uow.links.of_youth(self.user_id)
                if link.role is ShareRole.PROFESSIONAL]

    def _professional_name(self, link: LinkRow) -> str:
        profile = self.uow.professionals.get(link.member_id)
        return profile.name if profile else self.t.plain(N_("je begeleider"))

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


def keep_helpers_answers(restored: Plan, current: Plan) -> None:
    """/terug takes back the youth's own last step, not what others did since: a helper's
    answer or a begeleider's pick-up stays (their ask is done and can't be answered again),
    as long as the action still has the helper who gave it."""
    for action in restored.actions:
        now = current.action(action.id)
        if now is not None and (now.helper, now.person_id) == (action.helper, action.person_id):
            action.response = now.response
    for need in restored.urgent:
        now_need = current.urgent_need(need.id)
        if now_need is not None:
            need.response = now_need.response


JOINED = {
    InviteKind.JIM: N_("Goed nieuws: {name} wil je JIM zijn!"),
    InviteKind.NETWORK: N_("Goed nieuws: {name} wil je helpen."),
}
WELCOME = {  # then the member home says who they are to whom, with what they can do
    InviteKind.JIM: N_("Dank je! Ik laat {youth} weten dat je JIM wilt zijn."),
    InviteKind.NETWORK: N_("Dank je! Ik laat {youth} weten dat je wilt helpen."),
}
HELP_HINT = N_("Met /help zie je altijd wat je kunt doen.")
SEES_NOW = N_("Oké. {who} ziet nu je plan. Stoppen kan altijd met /delen.")  # the youth's yes
LEFT = {  # a JIM who stops: see Sharing._jim_gone
    ShareRole.NETWORK: N_("{name} stopt met helpen. Met /delen kun je iemand anders vragen."),
    ShareRole.PROFESSIONAL: N_("{name} ziet je plan niet meer."),
}
FORMER_JIM = {  # has actions given to them: a helper now
    True: N_("Je helpt nog wel mee met een paar dingen. Met /plan zie je welke."),
    False: N_("Je ziet het plan niet meer."),
}
FORMER_JIM_FOR_YOUTH = {
    True: N_("{name} is geen JIM meer. {name} ziet nu alleen de afspraken waarmee die helpt."),
    False: N_("{name} is geen JIM meer en ziet je plan niet meer."),
}
GONE = {
    ShareRole.NETWORK: N_("Iemand die hielp doet niet meer mee."),
    ShareRole.PROFESSIONAL: N_("Je begeleider ziet je plan niet meer."),
}


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
        view = shared_copy(plan, link.role, link.person_id)
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
        view = shared_copy(plan, link.role, None, link.sees_safety_plan)

        def build(t: Translator) -> list[Message]:
            if is_empty(view):
                return [Message(t(N_("{youth} deelt het plan nu met je. Er staat nog niets in. "
                                     "Je krijgt bericht als het klaar is."),
                                  youth=youth_name(plan, t)))]
            return [replace(summary_message(plan, None, t),  # the PDF: when it is sent
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
        for invite in self.uow.invites.pending_from(youth_id, self.now):
            if invite.kind is InviteKind.JIM and invite.person_id != current:
                self.uow.invites.revoke(invite.id, self.now)
        links = self.uow.links.of_youth(youth_id)
        former = [link for link in links
                  if link.role is ShareRole.JIM and link.person_id != current]
        for link in former:
            person = plan.person(link.person_id) or earlier().person(link.person_id)
            helps = bool(shared_copy(plan, ShareRole.NETWORK, link.person_id).actions)
            if helps:
                self.uow.links.set_role(link.id, ShareRole.NETWORK)
            else:
                self.uow.links.delete(link.id)
            self.peers.send(link.member_id, lambda t, helps=helps: [Message(
                t(N_("{youth} heeft het plan aangepast: je bent nu geen JIM meer. "
                     "Dank je voor je hulp!"), youth=youth_name(plan, t))
                + " " + t(FORMER_JIM[helps]))], youth_id=youth_id)
            self.peers.send(youth_id, lambda t, helps=helps, person=person: [Message(t(
                FORMER_JIM_FOR_YOUTH[helps],
                name=person.name if person else t.plain(N_("Je vorige JIM"))))])
        return self.uow.links.of_youth(youth_id) if former else links

    def _digest(self, link: LinkRow, plan: Plan) -> None:
        """What changed since the copy last sent over this link, old → new."""
        before = self.uow.links.last_sent(link.id)
        if before is None:
            self._summary(link, plan)
            return
        view = shared_copy(plan, link.role, None, link.sees_safety_plan)
        message = digest_message(before, view, self.peers.translator(link.member_id))
        if message is not None:
            self.uow.outbox.put(link.member_id, [message], self.now, link)
            self.uow.links.mark_sent(link.id, self.now, view)


