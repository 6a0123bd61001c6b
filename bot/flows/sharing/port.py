"""The sharing port: what the conversation asks of the world outside one user's own plan.

Flows stay pure: they never read another user's data or store anything themselves. Where a
question needs shared state (an invitation, a link, someone else's plan) it calls this
protocol, which the application layer (:mod:`bot.sharing.service`) implements inside the
turn's unit of work and which tests can fake. Rows are named by references (see
:func:`~bot.plan.sharing_model.make_ref`): the row's id and the ids of the link and people
it was made for. Every method checks a reference against stored state again and against who
uses it: it came from a chat, which can send anything, and may be older than its row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.flows.cursor import Cursor
from bot.messages import Message
from bot.plan.model import HelperAnswer, Plan
from bot.plan.sharing_model import InviteKind, LinkSummary, OpenedInvite, ProfessionalProfile
from bot.safety.detection import RiskKind


@dataclass
class Click:
    """What a self-contained button did: ``messages`` to say now, ``then`` after the current
    question (the next open ask); or ``otherwise``: a helper pressed "Ja, maar anders" on
    this ask, so the conversation asks what they can do instead (:attr:`detour`)."""

    messages: list[Message] = field(default_factory=list)
    then: list[Message] = field(default_factory=list)
    otherwise: str | None = None
    counted: bool = True  # False: the button no longer works (answered, or someone else's)

    @property
    def detour(self) -> tuple[str, Cursor] | None:
        """The detour that asks first (state, cursor): the service names no state."""
        return ("ask_other", Cursor(for_ask=self.otherwise)) if self.otherwise else None


class SharingPort(Protocol):
    # --- the youth -------------------------------------------------------------------------
    def invite(self, kind: InviteKind, person_id: str | None, plan: Plan) -> list[Message]:
        """A new single-use invite, as the messages that carry it."""

    def shared_with(self) -> list[LinkSummary]:
        """The youth's links and unanswered invites (for /delen)."""

    def revoke(self, link: str) -> list[Message]:
        """End a link of this youth; the other side gets a neutral notice."""

    def resend(self, invite: str) -> list[Message]:
        """A new link for an unanswered invite of this user; the old link stops working."""

    def show_safety_plan(self, link: str, shown: bool) -> None:
        """The youth's answer to "Mag Mark je veiligheidsplan zien?" (this youth's links)."""

    def withdraw(self, invite: str) -> list[Message]:
        """Cancel an unanswered invite of this user."""

    def end_for_person(self, person_id: str) -> bool:
        """The youth took this person out of the plan: their link and any unanswered invite
        for them end at once (an undo brings the person back, not the link). True when
        there was either."""

    # --- whoever opens an invite ------------------------------------------------------------
    def open_invite(self, code: str) -> OpenedInvite | None:
        """The invite behind ``code`` if it can still be used (and now belongs to this user)."""

    def answer_invite(self, invite: str, yes: bool, plan: Plan) -> list[Message]:
        """Say yes or no to an opened invite; both sides hear the outcome."""

    def waiting_for(self) -> list[str]:
        """The youths whose invite this begeleider said yes to and who have not said yes
        (or no) themselves yet, by name."""

    # --- members (JIM, network, professional) -----------------------------------------------
    def memberships(self) -> list[LinkSummary]:
        """The youth this user is linked to (``name``: the youth's name)."""

    def shared_plans(self) -> list[Message]:
        """Every plan shared with this user, filtered to what their role may see."""

    def youth_plan(self, link: str) -> list[Message]:
        """One linked youth's plan (with the PDF for a professional)."""

    def click(self, choice: str) -> Click:
        """A self-contained button (``s:…``) pressed."""

    def open_asks(self) -> list[Message]:
        """/vragen: the member's oldest unanswered ask again (with its buttons)."""

    def answer_ask(self, ask: str | None, answer: HelperAnswer, note: str | None) -> Click:
        """The answer to a request for help; it lands in the youth's plan."""

    def send_note(self, link: str | None, text: str) -> list[Message]:
        """A short note of support from a member to the youth."""

    def leave(self, link: str | None) -> list[Message]:
        """A member stops; access ends at once and the youth is told."""

    def profile(self) -> ProfessionalProfile | None:
        """This user's professional profile, if they registered with /begeleider."""

    def register(self, profile: ProfessionalProfile) -> None:
        """Keep (or replace) this user's professional profile."""

    # --- after a crisis reply ---------------------------------------------------------------
    def linked_professionals(self) -> list[LinkSummary]:
        """This youth's linked professionals (``name``: their own name, for the question)."""

    def ask_for_contact(self, links: list[str], kinds: list[RiskKind]) -> list[Message]:
        """The youth said yes: these professionals (if still linked) get an urgent request
        for contact, without anything the youth wrote; returns what to tell the youth.
        ``kinds`` pick the help lines of the follow-up if nobody picks it up."""
