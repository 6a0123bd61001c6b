"""The plan model: WIE (people, fallback, JIM), WAT (five life domains), HOE (actions).

Every turn of the conversation leaves a plan that validates against these models. Each stored
plan carries its schema version: a plan written by a newer version of the program is refused
on loading with a clear message, rather than read with the wrong meaning and saved back; an
older plan is upgraded on loading (see :meth:`Plan._known_version`).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from bot.plan.text import ANSWER_LIMIT, NAME_LIMIT, bounded

SCHEMA_VERSION = 4
# 2: parked domains, the youth's own words, actions for urgent needs, helpers named in the
#    youth's words, doing it together, a first step and a due date.
# 3: check-ins on actions (status, when asked, what is in the way), the youth's reminder
#    settings and the plan's versions (one per regular look).
# 4: own words with a person, professionals and organisations (``Plan.organisations``), an
#    organisation as a helper.
# Each step only adds fields with defaults (and enum members): an older plan reads as it is
# and is stored as the current version.

Name = Annotated[str, BeforeValidator(bounded(NAME_LIMIT)), Field(min_length=1,
                                                                   max_length=NAME_LIMIT)]
Answer = Annotated[str, BeforeValidator(bounded(ANSWER_LIMIT)), Field(min_length=1,
                                                                       max_length=ANSWER_LIMIT)]


class Domain(StrEnum):
    """The Big 5 life domains, in the order they are offered."""

    SUPPORT = "support"
    WONEN = "wonen"
    SCHOOL_WERK = "school_werk"
    INKOMEN = "inkomen"
    WELZIJN = "welzijn"


class Mood(StrEnum):
    GOED = "goed"
    GAAT_WEL = "gaat_wel"
    NIET_GOED = "niet_goed"
    SLECHT = "slecht"


class Status(StrEnum):
    GOED = "goed"
    GAAT_WEL = "gaat_wel"
    NIET_GOED = "niet_goed"


class Role(StrEnum):
    """What someone does for the youth (after the ecogram)."""

    PRAKTISCH = "praktisch"
    SAMEN = "samen"
    ADVIES = "advies"
    ER_VOOR_JE = "er_voor_je"


class Closeness(StrEnum):
    DICHTBIJ = "dichtbij"
    BEETJE = "beetje"
    VERDER = "verder"


class HelperKind(StrEnum):
    """Who takes an action: the youth, someone from WIE, the professional, a professional or
    organisation from ``Plan.organisations``, someone named only in the youth's words
    ("de buurvrouw van mijn oma"), or not yet known."""

    SELF = "self"
    PERSON = "person"
    PROFESSIONAL = "professional"
    ORGANISATION = "organisation"  # ``person_id`` holds the organisation's id
    OTHER = "other"
    UNKNOWN = "unknown"


class When(StrEnum):
    WEEK = "week"
    MAAND = "maand"
    LATER = "later"
    GEEN = "geen"


class ActionStatus(StrEnum):
    """What the youth answered at a check-in."""

    DONE = "gelukt"
    BUSY = "bezig"
    STUCK = "lukt_niet"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Person(Strict):
    id: str
    name: Name
    relation: str | None = None
    roles: list[Role] = Field(default_factory=list)
    closeness: Closeness | None = None
    own_words: Answer | None = None  # what the youth said about them that no choice held


class Organisation(Strict):
    """A helper of another kind: a professional or an organisation (the begeleider, the
    wijkteam, the huisarts, school, the gemeente). Not part of the youth's own network, so
    never in the network picture, never a JIM; it can be given actions."""

    id: str
    name: Name  # the word said ("wijkteam", "begeleider"), or a name ("Mark")
    word: str | None = None  # the organisation word when ``name`` is a name


class JimChoice(StrEnum):
    PERSON = "person"
    UNDECIDED = "undecided"


class Jim(Strict):
    """The youth's chosen mentor: one of the people, or explicitly "not yet"."""

    choice: JimChoice
    person_id: str | None = None


class SafetyPlan(Strict):
    """A short veiligheidsplan, made after a crisis reply: signs, what helps, whom to call."""

    warning_signs: Answer | None = None
    what_helps: Answer | None = None
    who_to_call: Answer | None = None


class DomainAnswer(Strict):
    status: Status | None = None
    skipped: bool = False
    parked: bool = False  # "de rest later": not talked about yet, and the plan says so
    own_words: Answer | None = None  # what the youth said about it that fits no field
    going_well: Answer | None = None
    hard: Answer | None = None
    need: Answer | None = None
    future: Answer | None = None
    safety_plan: SafetyPlan | None = None  # only in welzijn


class HelperAnswer(StrEnum):
    """What a linked helper (JIM, someone from the network) answered when asked to help, or
    that a professional picked it up."""

    YES = "ja"
    OTHERWISE = "anders"
    NO = "nee"
    PICKED_UP = "opgepakt"


class HelperResponse(Strict):
    answer: HelperAnswer
    note: Answer | None = None  # "ja, maar anders: …"
    at: datetime
    by: Name | None = None  # who picked it up: a professional is not one of the people


class UrgentNeed(Strict):
    id: str
    text: Answer
    reported_at: datetime
    response: HelperResponse | None = None  # picked up by a professional


class Action(Strict):
    """HOE: one need (of a life domain, or an urgent need), who helps with it and by when
    (and what that helper said).

    ``when`` is the youth's word ("deze week"), ``due`` the day it stands for; ``together``:
    the youth does it with the person helping; ``helper_text``: a helper named in the
    youth's own words (:attr:`HelperKind.OTHER`).
    """

    id: str
    domain: Domain | None = None  # None: the action of an urgent need
    urgent_id: str | None = None
    what: Answer
    helper: HelperKind | None = None
    person_id: str | None = None
    together: bool = False
    helper_text: Answer | None = None
    when: When | None = None
    due: date | None = None
    first_step: Answer | None = None
    own_words: Answer | None = None
    response: HelperResponse | None = None
    # check-ins (schema 3): what the youth said, the day they were asked (None: not yet
    # for this date), a later day to ask ("Later"), whether the one reminder went out, what
    # is in the way ("Lukt niet") and whether the helper was thanked
    status: ActionStatus | None = None
    asked_on: date | None = None
    ask_on: date | None = None
    reminded: bool = False
    obstacle: Answer | None = None
    thanked: bool = False

    def give_to(self, helper: HelperKind, person_id: str | None = None, together: bool = False,
                helper_text: str | None = None) -> None:
        """Who helps now. Someone else's answer doesn't hold for the new helper."""
        if (helper, person_id) != (self.helper, self.person_id):
            self.response = None
        self.helper, self.person_id = helper, person_id
        self.together, self.helper_text = together, helper_text


class Change(Strict):
    """One entry of the change history: which part changed, never the content."""

    at: datetime
    part: str


class Reminders(Strict):
    """What the bot may send the youth unasked (``/herinneringen``): check-ins on the
    agreements, and a regular look every ``look_weeks`` weeks (None: never)."""

    checkins: bool = True
    look_weeks: int | None = Field(default=4, ge=1, le=52)


class PlanVersion(Strict):
    """The plan as it was at a regular look (and when it was first confirmed): how each
    domain went and the agreements, dated, so "what changed since last time" can be said."""

    at: datetime
    domains: dict[Domain, DomainAnswer] = Field(default_factory=dict)
    actions: list[Action] = Field(default_factory=list)
    new_need: Answer | None = None  # what the youth said was newly needed at that look


class Plan(Strict):
    schema_version: int = SCHEMA_VERSION
    name: Name | None = None
    age: int | None = Field(default=None, ge=10, le=40)
    mood: Mood | None = None
    urgent: list[UrgentNeed] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    fallback_ids: list[str] = Field(default_factory=list)
    jim: Jim | None = None
    domains: dict[Domain, DomainAnswer] = Field(default_factory=dict)
    actions: list[Action] = Field(default_factory=list)
    confirmed: bool = False
    private_domains: list[Domain] = Field(default_factory=list)  # "alleen voor mij"
    history: list[Change] = Field(default_factory=list)
    reminders: Reminders = Field(default_factory=Reminders)
    versions: list[PlanVersion] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _known_version(cls, data: Any) -> Any:
        """A plan written by a newer version is refused, never half read or written back; an
        older one is upgraded (each step only adds fields with defaults)."""
        version = data.get("schema_version", SCHEMA_VERSION) if isinstance(data, dict) else None
        if isinstance(version, int) and version > SCHEMA_VERSION:
            raise ValueError(f"plan schema {version} is newer than this program's "
                             f"({SCHEMA_VERSION}): update the program")
        if isinstance(version, int) and version < SCHEMA_VERSION:
            data = {**data, "schema_version": SCHEMA_VERSION}  # (each step: new fields default)
        return data

    def person(self, person_id: str | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def organisation(self, organisation_id: str | None) -> Organisation | None:
        return next((o for o in self.organisations if o.id == organisation_id), None)

    def jim_person(self) -> Person | None:
        return self.person(self.jim.person_id) if self.jim else None

    def domain(self, domain: Domain) -> DomainAnswer:
        """The answer for ``domain``, created empty on first use."""
        if domain not in self.domains:
            self.domains[domain] = DomainAnswer()
        return self.domains[domain]

    def action(self, action_id: str | None) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def urgent_need(self, need_id: str | None) -> UrgentNeed | None:
        return next((u for u in self.urgent if u.id == need_id), None)

    def remove_person(self, person_id: str) -> None:
        """Take someone out of the plan, and out of the fallback, the JIM and the actions."""
        self.people = [p for p in self.people if p.id != person_id]
        self.fallback_ids = [i for i in self.fallback_ids if i != person_id]
        if self.jim is not None and self.jim.person_id == person_id:
            self.jim = Jim(choice=JimChoice.UNDECIDED)
        for action in self.actions:
            if action.person_id == person_id:
                action.give_to(HelperKind.UNKNOWN)

    def remove_organisation(self, organisation_id: str) -> None:
        """Take a professional or organisation out; their actions have no helper yet."""
        self.organisations = [o for o in self.organisations if o.id != organisation_id]
        for action in self.actions:
            if action.helper == HelperKind.ORGANISATION and action.person_id == organisation_id:
                action.give_to(HelperKind.UNKNOWN)

    def remove_action(self, action_id: str) -> None:
        """Drop an action and the need it came from (one action per need, see HOE)."""
        action = self.action(action_id)
        if action is None:
            return
        self.actions = [a for a in self.actions if a.id != action_id]
        if action.domain in self.domains:
            self.domains[action.domain].need = None
        if action.urgent_id is not None:
            self.urgent = [u for u in self.urgent if u.id != action.urgent_id]

    def remove_urgent(self, need_id: str) -> None:
        """An urgent need is arranged: it leaves the plan, and so does its action."""
        self.urgent = [u for u in self.urgent if u.id != need_id]
        self.actions = [a for a in self.actions if a.urgent_id != need_id]

    def load_of(self, person_id: str) -> int:
        """How many actions this person helps with."""
        return sum(1 for a in self.actions
                   if a.helper == HelperKind.PERSON and a.person_id == person_id)

    def next_id(self, prefix: str) -> str:
        """A short id unique within this plan (ids stay stable when items are removed)."""
        taken = {p.id for p in self.people} | {a.id for a in self.actions}
        taken |= {o.id for o in self.organisations}
        taken |= {u.id for u in self.urgent}
        number = 1
        while f"{prefix}{number}" in taken:
            number += 1
        return f"{prefix}{number}"

    def record(self, part: str, at: datetime) -> None:
        self.history.append(Change(at=at, part=part))
