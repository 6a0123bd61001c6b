"""Erasing someone reaches into the conversations of the people they shared with: a name,
an age or a link kept in another person's cursor or undo steps goes too (see
:mod:`bot.flows.sharing.forget`).

Whoever shared with the erased person once is found through the invitations, which stay
until their maker is erased: every link starts as one, so a link that ended long ago still
leads to the person whose undo steps may name them.
"""

from __future__ import annotations

from bot.flows.sharing.forget import Erased, forget
from bot.sharing.peers import Peers
from bot.storage.unit_of_work import UnitOfWork


def erased_traces(uow: UnitOfWork, user_id: int, peers: Peers) -> tuple[Erased, set[int]]:
    """How others' cursors may name the user, and who those others are."""
    links = [*uow.links.of_youth(user_id), *uow.links.of_member(user_id)]
    invites = uow.invites.of_user(user_id)
    profile = uow.professionals.get(user_id)
    names = {peers.plan(user_id).name, profile.name if profile else None}
    erased = Erased(links=frozenset(link.id for link in links),
                    invites=frozenset(invite.id for invite in invites),
                    asks=frozenset(ask.id for link in links for ask in uow.asks.of_link(link.id)),
                    names=frozenset(name for name in names if name))
    others = ({link.youth_id for link in links} | {link.member_id for link in links}
              | {invite.inviter_id for invite in invites}
              | {invite.opened_by for invite in invites if invite.opened_by is not None})
    return erased, others - {user_id}


def forget_in_others(uow: UnitOfWork, user_id: int, peers: Peers) -> None:
    """Before the user goes: leave every detour of someone else that names them, and drop
    every undo step that does."""
    erased, others = erased_traces(uow, user_id, peers)
    for other in sorted(others):
        stored = uow.conversations.load(other)
        if stored is not None:
            conversation, plan = stored.parse()
            left = forget(conversation, erased)
            if left is not None:
                uow.conversations.rewrite(other, left, plan)
        uow.conversations.drop_undo_steps(
            other, lambda step: erased.in_conversation(step.parse()[0]))
