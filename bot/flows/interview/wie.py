"""WIE comes first: who matters to you, what they do for you, who you can fall back on, your JIM.

People are asked one at a time; several names in one message are queued in the cursor
(``person`` is the one being asked about, ``queue`` the ones still to come).
"""

from __future__ import annotations

from bot.flows.interview.people_words import (
    NamedPerson,
    read_people,
    relation_of,
    relations_in,
)
from bot.flows.messages import Choice
from bot.flows.question import DONE, Context, MultiChoiceQuestion, Outcome, Question, TextQuestion
from bot.flows.typed_answers import normalize
from bot.i18n import N_
from bot.plan.model import Closeness, Jim, JimChoice, Person, Role
from bot.plan.text import NAME_LIMIT, clean

ROLE_LABELS = {
    Role.PRAKTISCH: N_("Helpt met praktische dingen"),
    Role.SAMEN: N_("Doet leuke dingen met me"),
    Role.ADVIES: N_("Geeft me advies"),
    Role.ER_VOOR_JE: N_("Is er voor me als het moeilijk is"),
}
CLOSENESS_LABELS = {
    Closeness.DICHTBIJ: N_("Dichtbij"),
    Closeness.BEETJE: N_("Een beetje"),
    Closeness.VERDER: N_("Verder weg"),
}
MAX_PEOPLE = 30
NOBODY_WORDS = {"niemand", "nobody", "geen", "niemand.", "none", "no-one"}


def current_person(ctx: Context) -> Person | None:
    return ctx.plan.person(ctx.cursor.get("person"))


def person_name(ctx: Context) -> str:
    person = current_person(ctx)
    return person.name if person else ""


def next_person(ctx: Context) -> None:
    """Move the cursor to the next queued person (or to nobody)."""
    queue: list[str] = ctx.cursor.get("queue", [])
    ctx.cursor["person"] = queue.pop(0) if queue else None
    ctx.cursor["queue"] = queue


def add_person(ctx: Context, name: str, relation: str | None) -> Person:
    person = Person(id=ctx.plan.next_id("p"), name=name, relation=relation)
    ctx.plan.people.append(person)
    ctx.changed("people")
    return person


def find_person(ctx: Context, name: str) -> Person | None:
    wanted = name.casefold()
    return next((p for p in ctx.plan.people if p.name.casefold() == wanted), None)


def one_person(ctx: Context, text: str) -> Person | None:
    """The one person ``text`` names, added to the plan if new; None unless exactly one."""
    named = read_people(text)
    if not named or len(named) != 1:
        return None
    return find_person(ctx, named[0].name) or add_person(ctx, named[0].name, named[0].relation)


class People(TextQuestion):
    skip_label = N_("Sla over")

    def intro(self, ctx: Context) -> str | None:
        return ctx.t(N_("Nu praten we over de mensen om je heen."))

    def prompt(self, ctx: Context) -> str:
        if ctx.plan.people:
            names = ", ".join(p.name for p in ctx.plan.people)
            return ctx.t(N_("Je noemde: {names}.\nWie is er nog meer belangrijk voor je?"),
                         names=names)
        return ctx.t(N_("Wie is belangrijk voor jou? Noem een naam. Meer namen mag ook, "
                        "zoals: mijn zus Sanne en oom Ahmed."))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(DONE, ctx.t(N_("Dat is iedereen")))] if ctx.plan.people else []

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor["person"] = None
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return self.on_choice(ctx, DONE)

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        if normalize(text).split()[0] in NOBODY_WORDS:
            ctx.note(ctx.t(N_("Dat is oké. Met /wijzig kun je later iemand toevoegen.")))
            return self.on_choice(ctx, DONE)
        named = read_people(text)
        if named is None:
            named = [NamedPerson(relation[:1].upper() + relation[1:], relation)
                     for relation in relations_in(text)]
        if not named:
            ctx.note(ctx.t(N_("Dank je dat je dat vertelt. Noem nu alleen de naam, "
                              "bijvoorbeeld: mijn buurvrouw Els.")))
            return Outcome.REASK
        added, known = [], []
        for person in named:
            if find_person(ctx, person.name):
                known.append(person.name)
            elif len(ctx.plan.people) < MAX_PEOPLE:
                added.append(add_person(ctx, person.name, person.relation).id)
        if known:
            ctx.note(ctx.t(N_("{names} staat al in je lijst."), names=", ".join(known)))
        if not added:
            return Outcome.REASK
        ctx.cursor["queue"] = added
        next_person(ctx)
        return Outcome.ACCEPTED


class PersonRelation(TextQuestion):
    limit = NAME_LIMIT

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wie is {name} voor jou? Bijvoorbeeld je tante, een vriendin of je coach."),
                     name=person_name(ctx))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        person = current_person(ctx)
        if person is not None:
            person.relation = relation_of(text) or clean(text, NAME_LIMIT)[0]
            ctx.changed("people")
        return Outcome.ACCEPTED


class PersonRoles(MultiChoiceQuestion):
    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat doet {name} voor je? Kies wat past. Meer mag ook. Druk dan op Klaar."),
                     name=person_name(ctx))

    def options(self, ctx: Context) -> list[Choice]:
        return [Choice(role.value, ctx.t(label)) for role, label in ROLE_LABELS.items()]

    def selected(self, ctx: Context) -> list[str]:
        person = current_person(ctx)
        return [role.value for role in person.roles] if person else []

    def set_selected(self, ctx: Context, ids: list[str]) -> None:
        person = current_person(ctx)
        if person is not None:
            person.roles = [Role(i) for i in ids]
            ctx.changed("people")


class PersonCloseness(Question):
    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Hoe dichtbij voelt {name} voor jou?"), name=person_name(ctx))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(c.value, ctx.t(label)) for c, label in CLOSENESS_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        person = current_person(ctx)
        if person is not None:
            person.closeness = Closeness(choice)
            ctx.changed("people")
        next_person(ctx)
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        next_person(ctx)
        return Outcome.ACCEPTED


NOBODY = "nobody"


class Fallback(MultiChoiceQuestion):
    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Op wie kun je terugvallen als het moeilijk is? Kies wie past."))

    def options(self, ctx: Context) -> list[Choice]:
        people = [Choice(p.id, p.name) for p in ctx.plan.people]
        return [*people, Choice(NOBODY, ctx.t(N_("Niemand")))]

    def selected(self, ctx: Context) -> list[str]:
        return list(ctx.plan.fallback_ids) or (
            [NOBODY] if ctx.cursor.get("fallback_nobody") else [])

    def set_selected(self, ctx: Context, ids: list[str]) -> None:
        if NOBODY in ids and ids[-1] == NOBODY:
            ids = [NOBODY]
        people = [i for i in ids if ctx.plan.person(i)]
        ctx.plan.fallback_ids = people
        ctx.cursor["fallback_nobody"] = not people and NOBODY in ids
        ctx.changed("fallback")

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        outcome = super().on_choice(ctx, choice)
        if choice == DONE and ctx.cursor.pop("fallback_nobody", False):
            ctx.note(ctx.t(N_("Dank je voor je eerlijkheid. Misschien vinden we samen iemand.")))
        return outcome


OTHER = "other"


class YourJim(Question):
    skip_label = N_("Weet ik nog niet")

    def intro(self, ctx: Context) -> str | None:
        return ctx.t(N_("Een JIM is een volwassene die jij vertrouwt. "
                        "Die helpt je met je plan en denkt met je mee."))

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wie zou jouw JIM kunnen zijn?"))

    def choices(self, ctx: Context) -> list[Choice]:
        people = [Choice(p.id, p.name) for p in ctx.plan.people]
        return [*people, Choice(OTHER, ctx.t(N_("Iemand anders")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if choice == OTHER:
            ctx.follow_up = "jim_other"
        else:
            choose_jim(ctx, choice)
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return no_jim_yet(ctx)

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        person = one_person(ctx, clean(text, NAME_LIMIT)[0])
        if person is None:
            return super().not_understood(ctx, text)
        choose_jim(ctx, person.id)
        return Outcome.ACCEPTED


def choose_jim(ctx: Context, person_id: str) -> None:
    ctx.plan.jim = Jim(choice=JimChoice.PERSON, person_id=person_id)
    ctx.changed("jim")
    ctx.note(ctx.t(N_("Mooi. {name} is jouw JIM in je plan."),
                   name=ctx.plan.person(person_id).name))


def no_jim_yet(ctx: Context) -> Outcome:
    ctx.plan.jim = Jim(choice=JimChoice.UNDECIDED)
    ctx.changed("jim")
    ctx.note(ctx.t(N_("Geen probleem. Een plan zonder JIM is ook goed.")))
    return Outcome.ACCEPTED


class JimOther(TextQuestion):
    limit = NAME_LIMIT
    skip_label = N_("Weet ik nog niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wie is dat? Typ de naam, bijvoorbeeld: buurvrouw Els."))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        person = one_person(ctx, text)
        if person is None:
            ctx.note(ctx.t(N_("Noem één persoon, bijvoorbeeld: mijn oom Ahmed.")))
            return Outcome.REASK
        choose_jim(ctx, person.id)
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return no_jim_yet(ctx)

