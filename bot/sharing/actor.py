"""The user acting in one turn, as the sharing modules see them: their unit of work, plan,
language and the time, what they may reach (:class:`~bot.sharing.access.Access`), and how
to answer them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.flows.sharing import notices
from bot.flows.sharing.port import Click
from bot.flows.sharing.views import professional_words
from bot.i18n import Translator
from bot.messages import Account, Message
from bot.plan.model import Person, Plan
from bot.plan.relations import called
from bot.plan.sharing_model import ProfessionalProfile, ShareRole
from bot.sharing.access import Access
from bot.sharing.peers import Peers
from bot.sharing.tokens import new_token
from bot.storage.sharing_repositories import LinkRow
from bot.storage.unit_of_work import UnitOfWork


def member_name(role: ShareRole, person: Person | None, profile: ProfessionalProfile | None,
                t: Translator, start: bool = False, short: bool = False) -> str:
    """A member as the youth knows them, in plain text (in the youth's language ``t``): the
    person in WIE as the rest of the bot speaks of them ("Sanne", "je moeder"; ``start``:
    at the start of a sentence), or the professional ("Lisa (mentor, Het Huis)"; ``short``:
    only their name, for a crisis message or a button). Who is not known (yet, or any
    more) is "iemand", a professional "je begeleider"."""
    if role is ShareRole.PROFESSIONAL:
        if profile is None:
            return t.plain(notices.YOUR_BEGELEIDER)
        return profile.name if short else professional_words(profile, t)
    return called(person, t, start) if person else t.plain(notices.SOMEONE)


class Actor(Access):
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

    def _gone(self, then: list[Message] | None = None) -> Click:
        """A button that no longer works: answered already, or no longer this member's."""
        return Click(self._say(notices.ASK_GONE), then=then or [], counted=False)

    def _member_name(self, link: LinkRow, plan: Plan, t: Translator, start: bool = False,
                     short: bool = False) -> str:
        """The member of ``link`` as the youth knows them (see :func:`member_name`); ``plan``:
        the youth's plan, which holds the person."""
        profile = (self.uow.professionals.get(link.member_id)
                   if link.role is ShareRole.PROFESSIONAL else None)
        return member_name(link.role, plan.person(link.person_id), profile, t, start, short)
