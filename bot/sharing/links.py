"""Links once they exist: who shares with whom (/delen, /jongeren), what a member sees,
notes of support, and links ending — by the youth, by the member, or because someone is
erased. The other side always hears it, neutrally.
"""

from __future__ import annotations

from bot.documents.files import shared_document
from bot.flows.sharing import notices
from bot.flows.sharing.views import render_shared, told_apart, youth_name
from bot.messages import NETWORK_PICTURE, PLAN_PDF, Message
from bot.plan.sharing_model import InviteKind, LinkSummary, ShareRole
from bot.sharing.access import HELPERS, invite_ref, member_ref, visible, youth_ref
from bot.sharing.actor import Actor, member_name
from bot.sharing.erasure import forget_in_others
from bot.sharing.handoffs import Handoffs
from bot.storage.sharing_repositories import LinkRow


class Links(Actor):
    # --- the youth ------------------------------------------------------------------------
    def shared_with(self) -> list[LinkSummary]:
        summaries = [LinkSummary(youth_ref(link), link.role,
                                 self._member_name(link, self.plan, self.t),
                                 sees_safety_plan=link.sees_safety_plan)
                     for link in self.uow.links.of_youth(self.user_id)]
        for invite in self.uow.invites.pending_from(self.user_id, self.now):
            if invite.kind is InviteKind.YOUTH:
                continue
            name = member_name(invite.kind.role, self.plan.person(invite.person_id), None,
                               self.t)
            summaries.append(LinkSummary(invite_ref(invite), invite.kind.role, name,
                                         pending=True,
                                         waiting=invite.accepted_at is not None))
        return summaries

    def show_safety_plan(self, link: str, shown: bool) -> None:
        found = self._youths_link(link)
        if found is not None:
            self.uow.links.show_safety_plan(found.id, shown)

    def revoke(self, link: str) -> list[Message]:
        found = self._youths_link(link)
        if found is None:
            return self._say(notices.NO_LONGER)
        name = self._member_name(found, self.plan, self.t, start=True)
        self._end(found)
        return self._say(notices.REVOKED, name=name)

    def _end(self, link: LinkRow) -> None:
        """The youth ends a link: access stops at once, the member hears it neutrally."""
        self.uow.links.delete(link.id)
        self.peers.send(link.member_id, lambda t: [Message(t(
            notices.NO_LONGER_SHARED, youth=youth_name(self.plan, t)))], youth_id=self.user_id)

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

    # --- members --------------------------------------------------------------------------
    def memberships(self) -> list[LinkSummary]:
        links = self.uow.links.of_member(self.user_id)
        names = told_apart([youth_name(self.peers.plan(link.youth_id), self.t)
                            for link in links])
        return [LinkSummary(member_ref(link), link.role, name)
                for link, name in zip(links, names, strict=True)]

    def _view(self, link: LinkRow) -> Message:
        """A shared plan as the member may see it: the text, and for a JIM the network
        picture, for a professional the PDF (which holds the picture); both made after the
        turn (see :func:`bot.documents.files.shared_document`)."""
        view = visible(self.peers.plan(link.youth_id), link)
        files: tuple[str, ...] = ()
        if link.role is ShareRole.PROFESSIONAL:
            files = (shared_document(PLAN_PDF, link.id),)
        elif link.role is ShareRole.JIM and view.people:
            files = (shared_document(NETWORK_PICTURE, link.id),)
        return Message(render_shared(view, link.role, self.t), documents=files)

    def shared_plans(self) -> list[Message]:
        """The plans this user helps with (a professional's: one at a time, /jongeren)."""
        return [self._view(link) for link in self.uow.links.of_member(self.user_id)
                if link.role in HELPERS]

    def youth_plan(self, link: str) -> list[Message]:
        found = self._my_link(link)
        return [self._view(found)] if found else self._say(notices.NO_LONGER)

    def send_note(self, ref: str | None, text: str) -> list[Message]:
        link = self._my_link(ref)
        if link is None:
            return self._say(notices.NOTE_NOT_SENT)
        plan = self.peers.plan(link.youth_id)
        self.peers.send(link.youth_id, lambda t: [Message(t(
            notices.NOTE, name=self._member_name(link, plan, t), text=text))])
        return self._say(notices.NOTE_SENT)

    def leave(self, ref: str | None) -> list[Message]:
        link = self._my_link(ref)
        if link is None:
            return self._say(notices.NO_LONGER)
        plan = self.peers.plan(link.youth_id)
        self.uow.links.delete(link.id)
        if link.role is ShareRole.JIM:
            Handoffs(self.uow, self.now).jim_gone(link.youth_id, link.person_id,
                                                  notices.JIM_STOPS)
        else:
            self.peers.send(link.youth_id, lambda t: [Message(t(
                notices.LEFT[link.role], name=self._member_name(link, plan, t, start=True)))])
        return self._say(notices.STOPPED)

    # --- the end of everything: /verwijder --------------------------------------------------
    def erase(self) -> None:
        """/verwijder or purge: the people on the other side of each link hear it, then the
        user goes, and everything stored about them with it (ON DELETE CASCADE).

        The notice names nobody: the erased plan is gone, its name with it.
        """
        forget_in_others(self.uow, self.user_id, self.peers)
        for link in self.uow.links.of_youth(self.user_id):
            self.peers.send(link.member_id, lambda t: [Message(t(notices.SHARED_PLAN_ERASED))])
        handoffs = Handoffs(self.uow, self.now)
        for link in self.uow.links.of_member(self.user_id):
            if link.role is ShareRole.JIM:
                handoffs.jim_gone(link.youth_id, link.person_id, notices.JIM_ERASED)
            else:
                self.peers.send(link.youth_id, lambda t, role=link.role: [Message(t(
                    notices.GONE[role]))])
        self.uow.users.delete(self.user_id)
