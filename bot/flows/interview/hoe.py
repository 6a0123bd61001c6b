"""HOE: for each need, who helps and by when — what is urgent first. The cursor holds ``action``.

An urgent need from the start of the conversation becomes the first action (it must happen
today or tomorrow, so only who is asked). A helper can be someone from WIE (the JIM first),
the youth ("ik zelf"), both ("samen met Sanne"), the begeleider, a professional or
organisation ("het wijkteam", kept in ``Plan.organisations``), or anyone else the youth names
in their own words ("de buurvrouw van oma"); a typed answer may say by when too ("Ahmed,
deze maand").
When the youth takes part, a first small step is asked. "By when" is kept as the youth's
word and as the day it stands for, in Dutch time.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from bot.flows.interview.wat import domains_in, says_nothing
from bot.flows.interview.wie import (
    HELPER_PROFESSIONAL,
    HELPER_SELF,
    helper_in,
    one_person,
    organisation_choices,
)
from bot.flows.question import Context, FollowUp, Next, Outcome, Question, TextQuestion
from bot.flows.typed_answers import match_choice, normalize, yes_or_no
from bot.i18n import N_
from bot.local_time import local_day
from bot.messages import Choice
from bot.plan.labels import WHEN_LABELS
from bot.plan.model import Action, Domain, HelperKind, Person, Plan, When
from bot.plan.relations import called, label, organisation_called
from bot.plan.text import NAME_LIMIT, has_words, help_subject, says_with, shorten
from bot.plan.voice import when_with_day

SELF, PROFESSIONAL = HELPER_SELF, HELPER_PROFESSIONAL
WHAT_SHOWN = 40  # characters of a need shown in a question or on a button
MOST_ACTIONS = 2  # more than this for one person, and the bot offers to share the load
LATER_WEEKS = 6
HELPER_WORDS = 6  # a helper named in the youth's words: a name, not a story
WRITTEN_DOWN = N_("Ik schrijf op: {helper} helpt je hiermee.")


def due_date(when: When, now: datetime) -> date | None:
    """The day a "by when" word stands for, from today in Dutch time: this week is the
    coming Friday, this month its last working day, later six weeks on, no date none."""
    today = local_day(now)
    if when == When.WEEK:
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if when == When.MAAND:
        year, month = today.year, today.month
        while True:
            last = date(year, month, calendar.monthrange(year, month)[1])
            while last.weekday() >= 5:
                last -= timedelta(days=1)
            if last >= today:
                return last
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if when == When.LATER:
        return today + timedelta(weeks=LATER_WEEKS)
    return None


def set_when(action: Action, when: When, now: datetime) -> None:
    action.when, action.due = when, due_date(when, now)


def create_actions(plan: Plan, now: datetime) -> None:
    """One action per urgent need (first: it must happen today or tomorrow) and per domain
    need, in the order of the domains; existing actions are kept."""
    urgent_done = {a.urgent_id for a in plan.actions}
    for need in plan.urgent:
        if need.id not in urgent_done:
            action = Action(id=plan.next_id("a"), urgent_id=need.id,
                            what=help_subject(need.text),
                            when=When.WEEK, due=local_day(now) + timedelta(days=1))
            plan.actions.insert(sum(1 for a in plan.actions if a.urgent_id), action)
    have = {a.domain for a in plan.actions}
    for domain in Domain:
        answer = plan.domains.get(domain)
        if answer and answer.need and domain not in have:
            plan.actions.append(Action(id=plan.next_id("a"), domain=domain,
                                       what=help_subject(answer.need)))


def add_urgent_action(ctx: Context) -> str | None:
    """The action of the urgent need just added (an urgent need told after HOE)."""
    create_actions(ctx.plan, ctx.now)
    newest = ctx.plan.urgent[-1].id if ctx.plan.urgent else None
    return next((a.id for a in ctx.plan.actions if newest and a.urgent_id == newest), None)


def open_actions(plan: Plan) -> list[Action]:
    return [a for a in plan.actions if a.helper is None or a.when is None]


def current_action(ctx: Context) -> Action | None:
    return ctx.plan.action(ctx.cursor.action)


def start_actions(ctx: Context) -> None:
    create_actions(ctx.plan, ctx.now)
    todo = open_actions(ctx.plan)
    ctx.cursor.action = todo[0].id if todo else None


def has_open_actions(ctx: Context) -> bool:
    create_actions(ctx.plan, ctx.now)
    return bool(open_actions(ctx.plan))


def needs_when(ctx: Context) -> bool:
    action = current_action(ctx)
    return action is not None and action.when is None


def needs_step(ctx: Context) -> bool:
    """The youth takes part (alone or together) and has not named a first step yet."""
    action = current_action(ctx)
    return action is not None and action.first_step is None and (
        action.helper == HelperKind.SELF or action.together)


# --- reading a typed helper ------------------------------------------------------------------
_WHEN_WORDS = (
    (When.WEEK, r"deze week|vandaag|morgen|overmorgen|zsm|z\.s\.m|zo snel mogelijk|meteen|"
                r"snel|asap|this week|today|tomorrow|binnen een week|within a week"),
    (When.MAAND, r"deze maand|volgende week|binnenkort|this month|next week|soon|"
                 r"binnen een maand|over een paar weken|within a month|"
                 r"over (?:2|3|twee|drie) weken"),
    (When.LATER, r"later|straks|ooit|volgend jaar|na de zomer|some day|volgende maand|"
                 r"next month|na de (?:zomer)?vakantie"),
    (When.GEEN, r"geen datum|maakt niet uit wanneer|no date"),
)
_WHEN = [(when, re.compile(rf"(?:^|\s|,)(?:{words})(?=$|[\s,.!?])", re.IGNORECASE))
         for when, words in _WHEN_WORDS]
_TOGETHER = re.compile(r"\b(samen|met|together|with)\b", re.IGNORECASE)
_SELF = re.compile(r"\b(ik zelf|ikzelf|zelf|mezelf|ik doe het|dat doe ik|doe ik|myself|"
                   r"i do it|i will)\b", re.IGNORECASE)
_PROFESSIONAL = re.compile(r"\b(begeleider|begeleidster|hulpverlener|mentor|jeugdconsulent|"
                           r"counsellor|social worker|caseworker)\b", re.IGNORECASE)
# "niemand", "weet ik nog niet wie", "geen idee": nobody helps yet (never a helper's name).
_NO_HELPER = re.compile(r"^(nog )?(niemand|nobody|no one|noone)\b|"
                        r"^(ik )?(weet|weten) (ik |het )?(echt |nog )?(niet|nie)\b|"
                        r"^(nog )?geen idee\b|^(i )?(dont|do not) know\b|^idk\b|^no idea\b")
_FILLER = re.compile(r"^(dat (kan|doet|doe)|dat|misschien|denk ik|ik denk|eh+|uhm*)\b[\s,]*|"
                     r"[\s,]*\b(denk ik|misschien)$", re.IGNORECASE)


# Words around a time that say nothing else ("binnen een week ofzo", "rond deze maand").
_ROUGHLY = re.compile(r"\b(ofzo|of zo|denk ik|ik denk|misschien|ongeveer|rond|ergens|wel|"
                      r"maybe|or so|i think|i guess|roughly|about)\b", re.IGNORECASE)


def read_when(text: str) -> tuple[When | None, str]:
    """By when a sentence says ("Ahmed, deze maand"), and the sentence without it (nothing
    when only "ofzo" or the like is left)."""
    for when, pattern in _WHEN:
        found = pattern.search(text)
        if found:
            rest = " ".join((text[:found.start()] + " " + text[found.end():]).split())
            rest = rest.strip(" ,.!?")
            return when, rest if _ROUGHLY.sub("", rest).strip(" ,.!?") else ""
    return None, text


def person_in(ctx: Context, text: str) -> Person | None:
    """Someone from the plan named in a sentence: by name or by relation word ("mijn oom")."""
    words = f" {normalize(text)} "
    for person in ctx.plan.people:
        if f" {normalize(person.name)} " in words or (
                person.relation and f" {normalize(person.relation)} " in words):
            return person
    return None


# Someone in the youth's own words is said with one of these ("de buurvrouw van mijn oma",
# "iemand van de kerk"); without, it is no helper ("heel dichtbij", "rust").
_SOMEONE = re.compile(r"\b(de|het|een|mijn|mn|m'n|onze|ons|iemand|mensen|my|the|a|an|our|"
                      r"someone|somebody|people)\b", re.IGNORECASE)
# A sentence about oneself ("slaap slecht en ben moe"), never someone who helps.
_ABOUT_ME = re.compile(r"\b(ik|ben|heb|voel|slaap|word|snap|i|am|feel)\b",
                       re.IGNORECASE)


def topic_word(text: str) -> bool:
    """One word that names a life domain ("welzijn", "school"): a topic, not a helper."""
    words = normalize(text)
    return " " not in words and bool(domains_in(words))


class ActionWho(Question):
    skip_label = N_("Weet ik niet")

    def intro(self, ctx: Context) -> str | None:
        action = current_action(ctx)
        if action is not None and action.urgent_id:
            return ctx.t(N_("Nu maken we afspraken. We beginnen met wat snel moet."))
        return ctx.t(N_("Nu maken we afspraken: wie helpt je waarmee, en wanneer?"))

    def prompt(self, ctx: Context) -> str:
        action = current_action(ctx)
        what = shorten(action.what, WHAT_SHOWN) if action else ""
        if action is not None and action.urgent_id:
            return ctx.t(N_("Dit moet snel: {what}\nWie kan je daarbij helpen?"), what=what)
        if says_with(what):
            return ctx.t(N_("Wie kan je hierbij helpen: {what}?"), what=what)
        return ctx.t(N_("Wie kan je helpen met: {what}?"), what=what)

    def choices(self, ctx: Context) -> list[Choice]:
        jim = ctx.plan.jim_person()
        people = [Choice(p.id, ctx.t.plain(N_("{name} (je JIM)"), name=label(p, ctx.t))
                         if p is jim else label(p, ctx.t)) for p in ctx.plan.people]
        people.sort(key=lambda c: c.id != (jim.id if jim else None))
        return [*people, Choice(SELF, ctx.t(N_("Ik doe het zelf"))),
                Choice(PROFESSIONAL, ctx.t(N_("Mijn begeleider"))), *organisation_choices(ctx)]

    def on_choice(self, ctx: Context, choice: str, together: bool = False) -> Outcome:
        if choice == SELF:
            return self.give(ctx, HelperKind.SELF)
        if choice == PROFESSIONAL:
            return self.give(ctx, HelperKind.PROFESSIONAL)
        if ctx.plan.organisation(choice) is not None:
            return self.give(ctx, HelperKind.ORGANISATION, choice)
        return self.give(ctx, HelperKind.PERSON, choice, together=together)

    def give(self, ctx: Context, helper: HelperKind, person_id: str | None = None,
             together: bool = False, helper_text: str | None = None) -> Next:
        action = current_action(ctx)
        if action is None:
            return Outcome.ACCEPTED
        action.give_to(helper, person_id, together, helper_text)
        ctx.changed("hoe.who")
        if person_id is not None and ctx.plan.load_of(person_id) > MOST_ACTIONS:
            return FollowUp("action_share")
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return self.give(ctx, HelperKind.UNKNOWN)

    def on_text(self, ctx: Context, text: str) -> Next:
        """Typed, so no button shows the choice: who was written down is said back."""
        action = current_action(ctx)
        outcome = self._read_text(ctx, text)
        said = written_down(ctx, action) if action and outcome is not Outcome.REASK else None
        if said:
            ctx.note(said)
        return outcome

    def _read_text(self, ctx: Context, text: str) -> Next:
        if isinstance(match_choice(text, self.all_choices(ctx)), str) or not has_words(text) \
                or normalize(text).isdigit():
            return super().on_text(ctx, text)
        if says_nothing(text) or _NO_HELPER.search(normalize(text)):
            return self.on_skip(ctx)  # "niks denk ik", "niemand": no helper yet, no agreement
        when, rest = read_when(text)
        action = current_action(ctx)
        if when is not None and action is not None:
            set_when(action, when, ctx.now)
            ctx.changed("hoe.when")
            if not rest:  # "deze week": by when, but not yet who
                ctx.note(ctx.t(N_("Oké, dat schrijf ik op. En wie kan je helpen?")))
                return Outcome.REASK
        return self.read_helper(ctx, rest or text)

    def read_helper(self, ctx: Context, text: str) -> Outcome:
        """Who a sentence names (:func:`~bot.flows.interview.wie.helper_in`: someone from the
        plan or new, alone or with the youth, an organisation, the begeleider, the youth);
        else the same read more loosely, else the youth's own words."""
        together = bool(_TOGETHER.search(text)) and bool(_SELF.search(text) or
                                                          re.search(r"\bsamen\b", text, re.I))
        helper = helper_in(ctx, text)
        if helper is not None:
            return self.on_choice(ctx, helper, together=together)
        person = person_in(ctx, text)
        if person is None and not _SELF.search(text) and not _PROFESSIONAL.search(text):
            person = one_person(ctx, text)
        if person is not None:
            return self.give(ctx, HelperKind.PERSON, person.id, together=together)
        if _SELF.search(text):
            return self.give(ctx, HelperKind.SELF)
        if _PROFESSIONAL.search(text):
            return self.give(ctx, HelperKind.PROFESSIONAL)
        helper = _FILLER.sub("", text).strip(" ,.")
        if len(helper) > NAME_LIMIT or len(helper.split()) > HELPER_WORDS or not any(
                char.isalpha() for char in helper) or topic_word(helper) \
                or _ABOUT_ME.search(helper) or not _SOMEONE.search(helper):
            ctx.note(ctx.t(N_("Wie kan je helpen? Kies iemand, of noem wie het is. "
                              "Bijvoorbeeld: het wijkteam.")))
            return Outcome.REASK
        return self.give(ctx, HelperKind.OTHER, helper_text=helper)


def written_down(ctx: Context, action: Action) -> str | None:
    """Who helps with ``action``, in a sentence to the youth (None: nobody yet)."""
    if action.helper == HelperKind.SELF:
        return ctx.t(N_("Ik schrijf op: je doet het zelf."))
    if action.helper == HelperKind.PROFESSIONAL:
        return ctx.t(WRITTEN_DOWN, helper=ctx.t.plain(N_("je begeleider")))
    organisation = ctx.plan.organisation(action.person_id)
    if action.helper == HelperKind.ORGANISATION and organisation is not None:
        return ctx.t(WRITTEN_DOWN, helper=organisation_called(organisation, ctx.t))
    person = ctx.plan.person(action.person_id)
    if action.helper == HelperKind.PERSON and person is not None:
        if action.together:
            return ctx.t(N_("Ik schrijf op: je doet het samen met {name}."),
                         name=called(person, ctx.t))
        return ctx.t(WRITTEN_DOWN, helper=called(person, ctx.t, start=True))
    if action.helper == HelperKind.OTHER and action.helper_text:
        return ctx.t(WRITTEN_DOWN, helper=action.helper_text)
    return None


class ActionShare(Question):
    """One person carries more than two actions: said kindly, with an offer to share."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        action = current_action(ctx)
        person = ctx.plan.person(action.person_id) if action else None
        name = called(person, ctx.t, start=True) if person else ""
        return ctx.t(N_("{name} helpt nu met {count} dingen. Dat is veel voor één persoon. "
                        "Wil je iemand anders vragen?"), name=name,
                     count=ctx.plan.load_of(person.id) if person else 0)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice("other", ctx.t(N_("Ja, iemand anders"))),
                Choice("keep", ctx.t(N_("Nee, zo is het goed")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        action = current_action(ctx)
        if choice == "other" and action is not None:
            action.give_to(HelperKind.UNKNOWN)
            return FollowUp("action_who")
        return Outcome.ACCEPTED


class ActionWhen(Question):
    skip_label = WHEN_LABELS[When.GEEN]  # "no date" and "don't know" are the same answer

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wanneer wil je dat dit geregeld is?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(w.value, ctx.t(text)) for w, text in WHEN_LABELS.items()
                if w != When.GEEN]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        action = current_action(ctx)
        if action is not None:
            set_when(action, When(choice), ctx.now)
            ctx.changed("hoe.when")
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return self.on_choice(ctx, When.GEEN.value)

    def on_text(self, ctx: Context, text: str) -> Outcome:
        when, _ = read_when(text)  # "volgende week" is no "deze week"
        if when is None and yes_or_no(text) == "no":  # "nee": no date
            return self.on_skip(ctx)
        action = current_action(ctx)
        if when is not None and action is not None:  # typed: said back, with its day
            outcome = self.on_choice(ctx, when.value)
            ctx.note(ctx.t(N_("Ik schrijf op: {when}."), when=when_with_day(action, ctx.t)))
            return outcome
        return super().on_text(ctx, text)


class ActionStep(TextQuestion):
    """A first small step, where the youth takes part."""

    skip_label = N_("Weet ik nog niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat is de eerste stap? Dat mag iets heel kleins zijn."))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        action = current_action(ctx)
        if action is not None and not says_nothing(text):
            action.first_step = text
            ctx.changed("hoe.step")
        return Outcome.ACCEPTED

