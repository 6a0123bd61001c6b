"""The cursor: what the questions of one level of a conversation keep between turns.

It is stored (sealed) with the conversation after every turn, also in each detour's
:class:`~bot.flows.conversation.Frame` and in the undo steps. Every key is a typed field
here, grouped by the flow that writes it, and an unknown key fails at once
(``extra="forbid"``): a renamed field cannot silently lose what stored conversations hold.
A change of field names or meanings bumps :data:`~bot.flows.upgrade.VERSION` and adds a step
to :func:`~bot.flows.upgrade.upgrade`, which brings older stored rows up to date on load.

Stored, a cursor keeps only the fields that differ from their defaults (most are unused at
any one question), so the documents and undo steps stay small.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_serializer

from bot.plan.sharing_model import OpenedInvite

Pair = tuple[str, str]
"""A reference (see :func:`~bot.plan.sharing_model.make_ref`) and the name shown for it."""


class Check(BaseModel):
    """The guess a "Bedoel je: …?" asks about, at question ``at``."""

    model_config = ConfigDict(extra="forbid")

    at: str
    choice: str  # the choice guessed
    label: str  # its label, as asked
    text: str  # what was typed (kept as own words if the guess is wrong)


class ProfileDraft(BaseModel):
    """A begeleider's answers to /begeleider's three questions, until all are given."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    organisation: str | None = None
    role: str | None = None


class Cursor(BaseModel):
    """Where the questions of one conversation level are (the defaults: nothing yet)."""

    model_config = ConfigDict(extra="forbid")

    # --- every question (the engine and bot.flows.question) ------------------------------
    ask: list[str] = Field(default_factory=list)  # states to ask next, before the flow moves on
    missed: str | None = None  # the question whose last answer was not understood
    check: Check | None = None  # an open "Bedoel je: …?"

    # --- the interview: start, WIE, WAT, HOE, overview (and /wijzig, the look) -----------
    explained: bool = False  # the welcome's explanation was given
    person: str | None = None  # the person asked about now (WIE, /wijzig, the JIM offer)
    queue: list[str] = Field(default_factory=list)  # WIE: people still to ask about
    fallback_nobody: bool = False  # WIE's fallback offers "Niemand" (nobody was named)
    domain: str | None = None  # WAT: the domain (a Domain value) being asked about
    domains_left: list[str] = Field(default_factory=list)  # WAT: domains still to ask about
    not_good: list[str] | None = None  # WAT: domains marked "niet goed" (None: none marked yet)
    editing: bool = False  # WAT reached via /wijzig: a new status asks what it opens up
    action: str | None = None  # the agreement asked about (HOE, WAT, the look, check-ins)
    overview_shown: bool = False  # the whole plan was shown at the overview

    # --- /wijzig and the steps after a crisis reply --------------------------------------
    picked: str | None = None  # the part picked in /wijzig; the safety plan's yes

    # --- the look back (bot.flows.look) --------------------------------------------------
    late: list[str] = Field(default_factory=list)  # agreements past their date
    need: str | None = None  # a new need said at the look, to become an agreement

    # --- a check-in about a new begeleider (bot.flows.checkin) ---------------------------
    old: int | None = None  # the earlier begeleider's link id
    new: int | None = None  # the new begeleider's link id

    # --- the steps around a crisis reply (bot.flows.safety_plan) -------------------------
    kinds: list[str] = Field(default_factory=list)  # the risk kinds (RiskKind values)
    professionals: list[Pair] = Field(default_factory=list)  # whom to ask about contact
    offer_plan: bool = False  # the veiligheidsplan is offered

    # --- sharing (bot.flows.sharing) -----------------------------------------------------
    invite: OpenedInvite | None = None  # the invite being answered
    name: str = ""  # whom the question is about (the JIM offered, the youth picked)
    options: list[Pair] = Field(default_factory=list)  # /delen's choices (action:reference)
    safety_links: list[Pair] = Field(default_factory=list)  # who may see the veiligheidsplan
    safety_at: int = 0  # the one of ``safety_links`` asked about now
    for_ask: str | None = None  # the ask answered with "Ja, maar anders"
    purpose: str | None = None  # what a picked youth is for: "show", "note" or "stop"
    links: list[Pair] = Field(default_factory=list)  # the youth to pick from
    link: str | None = None  # the youth picked
    profile: ProfileDraft | None = None  # /begeleider's answers so far

    @model_serializer(mode="plain")
    def _without_defaults(self) -> dict[str, Any]:
        """Only what is set: the nested values are serialised as they are (by type)."""
        return {key: value for key, value in self.__dict__.items()
                if value != _DEFAULTS[key]}


_DEFAULTS: dict[str, object] = {name: field.get_default(call_default_factory=True)
                                for name, field in Cursor.model_fields.items()}
