"""Who may reach what: references checked against stored rows, and what a link lets its
member see of a youth's plan.

Nothing the chat sends is trusted: every invite, link and ask reference is checked against
the stored row, against the link and people it was made for, *and* against who is asking,
so a forged or stale button or cursor reaches nothing. Ids are never handed out twice
(migration 0005), and the check holds even if one were. What a member sees of a plan is
:func:`visible` and nothing else: every read path (chat view, PDF, picture, summary, digest,
asks, the weekly overview) goes through it.
"""

from __future__ import annotations

from datetime import datetime

from bot.flows.sharing.views import shared_copy
from bot.plan.model import Plan
from bot.plan.sharing_model import InviteKind, ShareRole, make_ref, ref_row_id
from bot.storage.sharing_repositories import AskRow, InviteRow, LinkRow
from bot.storage.unit_of_work import UnitOfWork

HELPERS = (ShareRole.JIM, ShareRole.NETWORK)


def visible(plan: Plan, link: LinkRow) -> Plan:
    """The part of a youth's plan the member of ``link`` may see now: the access rule."""
    return shared_copy(plan, link.role, link.person_id, link.sees_safety_plan)


def would_help(plan: Plan, person_id: str | None) -> bool:
    """Whether someone would still see anything as a helper from the network: actions
    given to them (a JIM the youth no longer calls JIM stays on as one, or goes)."""
    return bool(shared_copy(plan, ShareRole.NETWORK, person_id).actions)


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


class Access:
    """The references one user (``user_id``) sends, checked: each method gives the row a
    reference names only if it still is the one it was made for, and this user's."""

    uow: UnitOfWork
    user_id: int
    now: datetime

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

    def _my_confirmation(self, ref: str) -> InviteRow | None:
        """This youth's invite for their begeleider as the youth's confirmation names it:
        still usable, opened by the begeleider it was opened by then, and that begeleider
        said yes (only opening it is not enough)."""
        invite_id = ref_row_id(ref, 3)
        invite = self.uow.invites.get(invite_id) if invite_id is not None else None
        return (invite if invite is not None and invite.kind is InviteKind.PROFESSIONAL
                and invite.inviter_id == self.user_id and invite.opened_by is not None
                and invite.accepted_at is not None
                and confirm_ref(invite) == ref and invite.usable(self.now) else None)

    def _link(self, ref: str | None) -> LinkRow | None:
        link_id = ref_row_id(ref, 2)
        return self.uow.links.get(link_id) if link_id is not None else None

    def _youths_link(self, ref: str | None) -> LinkRow | None:
        """A link of this youth, with the member it was made for."""
        link = self._link(ref)
        return (link if link is not None and link.youth_id == self.user_id
                and youth_ref(link) == ref else None)

    def _my_link(self, ref: str | None) -> LinkRow | None:
        """A link this user is the member of, with the youth it was made for."""
        link = self._link(ref)
        return (link if link is not None and link.member_id == self.user_id
                and member_ref(link) == ref else None)

    def _my_ask(self, ref: str | None) -> tuple[AskRow, LinkRow] | None:
        """An ask to this user, on the link and about the youth it was made for."""
        ask_id = ref_row_id(ref, 3)
        ask = self.uow.asks.get(ask_id) if ask_id is not None else None
        link = self.uow.links.get(ask.link_id) if ask is not None else None
        if (ask is None or link is None or link.member_id != self.user_id
                or ask_ref(ask.id, link) != ref):
            return None
        return ask, link
