"""Invitations: made by a youth (for a JIM, a helper, their begeleider) or by a registered
begeleider (for a youth), opened by whoever has the link or code, answered yes or no.

A link is made only when the right person says yes; a begeleider who says yes to a youth's
invite waits until the youth has seen who that is and confirmed it.
"""

from __future__ import annotations

from bot.flows.sharing import notices
from bot.flows.sharing.port import Click
from bot.flows.sharing.views import (
    CONFIRMED,
    DENIED,
    confirm_professional,
    invite_for_youth,
    invite_messages,
    told_apart,
    youth_name,
)
from bot.messages import Message
from bot.plan.model import Plan
from bot.plan.relations import called
from bot.plan.sharing_model import InviteKind, OpenedInvite, Opening, ProfessionalProfile, ShareRole
from bot.sharing.access import confirm_ref, invite_ref
from bot.sharing.actor import Actor
from bot.sharing.handoffs import Handoffs
from bot.sharing.tokens import MAX_CODE, VALID_FOR, token_hash
from bot.storage.sharing_repositories import InviteRow

CODE_CHANNELS = frozenset({"terminal"})  # chats that show an invite as a code to type


class Invites(Actor):
    # --- the one who invites --------------------------------------------------------------
    def invite(self, kind: InviteKind, person_id: str | None, plan: Plan) -> list[Message]:
        if kind is InviteKind.YOUTH:
            profile = self._own_profile()
            if profile is None:
                return self._say(notices.REGISTER_FIRST)
            return invite_for_youth(profile, self._new_invite(kind, None), self._opening(),
                                    self.t)
        person = plan.person(person_id)
        if kind is not InviteKind.PROFESSIONAL and person is None:
            return self._say(notices.CHOOSE_FIRST)
        for earlier in self.uow.invites.pending_from(self.user_id, self.now):
            if (kind is not InviteKind.PROFESSIONAL and earlier.kind is kind
                    and earlier.person_id == person_id):
                self.uow.invites.revoke(earlier.id, self.now)  # a new invite replaces it
        token = self._new_invite(kind, person_id)
        return invite_messages(kind, plan, called(person, self.t) if person else None, token,
                               self._opening(), self.t)

    def resend(self, invite: str) -> list[Message]:
        """A new link for an unanswered invite; the old link stops working."""
        found = self._my_invite(invite)
        if found is None:
            return self._say(notices.NO_LONGER)
        self.uow.invites.revoke(found.id, self.now)
        return self.invite(found.kind, found.person_id, self.plan)

    def withdraw(self, invite: str) -> list[Message]:
        found = self._my_invite(invite)
        if found is None:
            return self._say(notices.NO_LONGER)
        self.uow.invites.revoke(found.id, self.now)
        return self._say(notices.WITHDRAWN)

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
            return self._say(notices.INVITE_GONE)
        if yes and invite.accepted_at is not None:  # a begeleider's yes, again: asked once
            return self._say(notices.ALREADY_YES,
                             youth=youth_name(self.peers.plan(invite.inviter_id), self.t))
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
            self.peers.send(youth_id, lambda t: [Message(t(notices.JOINED[invite.kind],
                                                           name=name))])
            handoffs.link_started(link, youth_plan)
            return [Message(self.t(notices.WELCOME[invite.kind],
                                   youth=youth_name(youth_plan, self.t))
                            + " " + self.t(notices.HELP_HINT))]
        handoffs.link_started(link, youth_plan)
        return self._say(notices.SEES_NOW, who=self._member_name(link, plan, self.t, True))

    def waiting_for(self) -> list[str]:
        waiting = [invite for invite in self.uow.invites.of_user(self.user_id)
                   if invite.opened_by == self.user_id and invite.accepted_at is not None
                   and invite.usable(self.now)]
        return told_apart([youth_name(self.peers.plan(invite.inviter_id), self.t)
                           for invite in waiting])

    def _ask_youth(self, invite: InviteRow, youth_plan: Plan) -> list[Message]:
        """A begeleider said yes to a youth's invite: nothing is shared until the youth has
        seen who that is, in their words and the chat's, and said yes too (see
        :meth:`confirmed`). The yes is kept (only an accepted invite can be confirmed); the
        invite stays open till then, and withdrawing it ends this."""
        profile = self._own_profile()
        if profile is None:
            return self._say(notices.INVITE_GONE)
        self.uow.invites.accept(invite.id, self.now)
        ref = confirm_ref(invite)
        self.peers.send(invite.inviter_id, lambda t: [confirm_professional(profile, ref, t)],
                        youth_id=self.user_id)  # it names this begeleider: gone with them
        return [Message(self.t(notices.ASKING_YOUTH, youth=youth_name(youth_plan, self.t))
                        + " " + self.t(notices.HELP_HINT))]

    def confirmed(self, ref: str, code: str) -> Click:
        """The youth's yes or no to the begeleider who accepted their invite. Only a yes
        makes the link; a no tells the begeleider neutrally that it did not go through."""
        invite = self._my_confirmation(ref)
        if (invite is None or invite.opened_by is None
                or self.uow.professionals.get(invite.opened_by) is None
                or code not in (CONFIRMED, DENIED)):
            return self._gone()
        member_id = invite.opened_by
        if code == DENIED:
            self.uow.invites.revoke(invite.id, self.now)
            self.peers.send(member_id, lambda t: [Message(t(notices.NOT_GOING_AHEAD))])
            return Click(self._say(notices.NOTHING_SHARED_REINVITE))
        self.uow.invites.use(invite.id, self.now)
        link_id = self.uow.links.create(self.user_id, member_id, ShareRole.PROFESSIONAL, None,
                                        self.now)
        link = self.uow.links.get(link_id)
        assert link is not None
        self.peers.send(member_id, lambda t: [Message(t(
            notices.YOUTH_SAYS_YES, youth=youth_name(self.plan, t)))], link)
        Handoffs(self.uow, self.now).link_started(link, self.plan)
        return Click(self._say(notices.SEES_NOW,
                               who=self._member_name(link, self.plan, self.t, True)))

    def _declined(self, kind: InviteKind, youth_id: int, member_id: int, youth_plan: Plan,
                  person_id: str | None) -> list[Message]:
        if kind is InviteKind.YOUTH:
            self.peers.send(member_id, lambda t: [Message(t(notices.YOUTH_DECLINED))])
            return self._say(notices.NOTHING_SHARED)
        person = youth_plan.person(person_id)
        if kind is InviteKind.JIM:
            Handoffs(self.uow, self.now).jim_gone(youth_id, person_id, notices.SAYS_NO)
        else:
            self.peers.send(youth_id, lambda t: [Message(
                t(notices.SAYS_NO, name=called(person, t, start=True)) if person
                else t(notices.BEGELEIDER_SAYS_NO))])
        return self._say(notices.WILL_TELL)

    # --- a professional's own profile (/begeleider) -------------------------------------------
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
