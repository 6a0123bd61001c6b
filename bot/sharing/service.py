"""The sharing port on storage: one :class:`Sharing` serves one turn of one user inside
that turn's unit of work, so everything the turn shares (links, asks, messages to others in
the outbox) commits or rolls back with it.

It is put together from the parts, one responsibility each: :mod:`~bot.sharing.invites`
(inviting, opening, answering), :mod:`~bot.sharing.links` (who shares with whom, what a
member sees, links ending), :mod:`~bot.sharing.asks` (answers, pick-ups, contact after a
crisis); what a reference may reach and what a member may see is
:mod:`~bot.sharing.access`, what linked people receive as a plan grows
:mod:`~bot.sharing.handoffs`.
"""

from __future__ import annotations

from bot.flows.sharing.port import Click
from bot.flows.sharing.views import CONFIRM, read_ask_choice
from bot.sharing.asks import Asks
from bot.sharing.invites import Invites
from bot.sharing.links import Links


class Sharing(Invites, Links, Asks):
    def click(self, choice: str) -> Click:
        """A self-contained button (``s:…``): the youth confirming their begeleider, or a
        member's answer to an ask. Anything else reaches nothing."""
        confirmation = read_ask_choice(choice, CONFIRM)
        if confirmation is not None:
            return self.confirmed(*confirmation)
        parsed = read_ask_choice(choice)
        return self.ask_click(*parsed) if parsed is not None else self._gone()
