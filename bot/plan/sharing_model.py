"""What sharing is made of, as plain data the flows, the application layer and storage share.

A *link* gives one other user a view of one youth's plan in one role; an *invite* is the
single-use token that makes a link once the right person says yes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, with_config

from bot.messages import Account, read_number
from bot.plan.model import Name, Plan


class ShareRole(StrEnum):
    """Who someone is to the youth, and so what they may see."""

    JIM = "jim"  # the whole plan except "alleen voor mij"; gets asked about their actions
    NETWORK = "netwerk"  # only the actions they are asked to help with
    PROFESSIONAL = "begeleider"  # the whole plan except "alleen voor mij"; handoff messages


class InviteKind(StrEnum):
    """Which way an invite goes: from the youth to a helper, or from a professional to a youth."""

    JIM = "jim"
    NETWORK = "netwerk"
    PROFESSIONAL = "begeleider"  # the youth invites their begeleider
    YOUTH = "jongere"  # a registered professional invites a youth, who must confirm

    @property
    def role(self) -> ShareRole:
        """The role the person who is not the youth gets."""
        return ShareRole.PROFESSIONAL if self is InviteKind.YOUTH else ShareRole(self.value)


class Opening(StrEnum):
    """How whoever gets an invitation opens it, which depends on the chat it came from."""

    LINK = "link"  # Telegram: a personal t.me link, then Start
    CODE = "code"  # the terminal: a code to type in one's own chat


class ProfessionalProfile(BaseModel):
    """What a professional tells about themselves with /begeleider, and what the chat says
    about the account they did it from (stored sealed)."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    organisation: Name
    role: Name
    weekly: bool = False  # an overview of their youths every Monday (/herinneringen)
    account: Account | None = None  # what the chat says about their account (shown to youth)


def make_ref(*ids: int) -> str:
    """A stored row as a chat holds it (in a button or a cursor): the row's id, then the
    ids of the link and people it was made for, so using it can check it still means them."""
    return "-".join(str(number) for number in ids)


def ref_row_id(ref: object, parts: int) -> int | None:
    """The row id of a reference of ``parts`` ids made by :func:`make_ref`, or None for
    anything else (a chat can send anything). Whoever uses it makes the reference again
    from the row it names and compares: only then does it still mean what it meant."""
    numbers = [read_number(n) for n in ref.split("-")] if isinstance(ref, str) else []
    return numbers[0] if len(numbers) == parts and None not in numbers else None


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True)
class OpenedInvite:
    """A valid invite as its opener sees it: enough to explain what is asked, no more.
    ``ref``: the invite and who made it (see :func:`make_ref`). Kept in the cursor of the
    detour that answers it (:class:`bot.flows.cursor.Cursor`)."""

    ref: str
    kind: InviteKind
    youth_name: str  # for YOUTH invites: the youth's own name ("" when not known)
    youth_age: int | None = None
    professional: ProfessionalProfile | None = None  # YOUTH invites: who asks


@dataclass(frozen=True)
class LinkSummary:
    """One row of /delen or /jongeren: who, in which role, and the reference to act on."""

    ref: str  # the link and the person on its other side (see make_ref)
    role: ShareRole
    name: str  # the member's name as the youth knows them, or the youth's name
    pending: bool = False  # an invite not yet answered (``ref`` is then the invite's)
    waiting: bool = False  # a pending invite its begeleider said yes to: the youth's turn
    sees_safety_plan: bool = False  # the youth said yes to showing their veiligheidsplan


@dataclass(frozen=True)
class SharedView:
    """A youth's plan as one member may see it (see
    :func:`bot.sharing.access.visible`), and who that member is when they are a
    begeleider: their name and organisation go on the PDF made for them."""

    plan: Plan
    reader: ProfessionalProfile | None = None
