"""Detours from wherever the youth is: /wijzig (change any part of the plan) and /taal.

/wijzig offers only the parts already answered, in a few groups that fit on a phone. A detour
question either leaves the interview questions to ask again in ``cursor.ask`` (the engine
asks those and then returns to the interrupted question) or leads to the next detour question
by the routes below.
"""

from __future__ import annotations

from bot.flows.flow import Flow, Route
from bot.flows.interview import here_and_now, wat
from bot.flows.interview.wie import (
    AddPeople,
    PersonCloseness,
    PersonRelation,
    PersonRoles,
    find_person,
    named_in,
    organisation_choices,
    people_choices,
    person_loop,
    person_name,
)
from bot.flows.question import Context, Next, Outcome, Question, TextQuestion
from bot.flows.question import Language as SwitchTo
from bot.flows.typed_answers import normalize
from bot.i18n import LANGUAGES, N_
from bot.messages import Choice
from bot.plan.labels import DOMAIN_ICONS, DOMAIN_LABELS, STATUS_PART
from bot.plan.model import Domain
from bot.plan.relations import called, label, named_in_words, organisation_called
from bot.plan.text import NAME_LIMIT, shorten

ABOUT, URGENT, PEOPLE, DOMAIN, ACTION = "about", "urgent", "people", "domain", "action"
NAMED_DOMAIN = "named_domain"  # a sentence at /wijzig named the domain itself
PICK = "edit_pick"  # /wijzig: what to change
LANGUAGE = "language"  # /taal
PART_LABELS = {
    ABOUT: N_("Over jou"),
    URGENT: N_("Iets wat snel moet"),
    PEOPLE: N_("Mensen om je heen"),
    DOMAIN: N_("Een onderwerp"),
    ACTION: N_("Een afspraak"),
}
ABOUT_LABELS = {"name": N_("Je naam"), "age": N_("Je leeftijd"),
                "mood": N_("Hoe het vandaag gaat")}
PERSON, ADD, FALLBACK, JIM, NEW, REMOVE = "person", "add", "fallback", "jim", "new", "remove"
# A part can be changed once the conversation has moved past its question (so /wijzig never
# asks ahead, nor offers what was never asked).
PAST = {
    ABOUT: ("age",), "name": ("age",), "age": ("mood",), "mood": (here_and_now.URGENT,),
    URGENT: ("people",), PEOPLE: ("person_relation", "person_roles", "fallback", "jim"),
    FALLBACK: ("jim",), JIM: ("jim_other", "domain_pick"),
    DOMAIN: ("domain_status", wat.DOMAIN_HARD, "domain_good", "action_who", "overview"),
}
PERSON_PARTS = {
    "person_relation": N_("Wie het is voor jou"),
    "person_roles": N_("Wat die voor je doet"),
    "person_closeness": N_("Hoe dichtbij"),
    "edit_person_name": N_("De naam"),
    REMOVE: N_("Weghalen uit je plan"),
}
FIELD_LABELS = {
    "domain_status": STATUS_PART,
    "domain_good": N_("Wat goed gaat"),
    wat.DOMAIN_HARD: N_("Wat moeilijk is"),
    wat.DOMAIN_NEED: N_("Wat je nodig hebt"),
    "domain_future": N_("Over een paar maanden"),
}
SHOWN = 40  # characters of a need or urgent matter on a button


def answered(ctx: Context, part: str) -> bool:
    return ctx.reached(*PAST[part])


def picked(part: str):
    """A condition for the edit machine: the youth picked ``part`` at the last question."""

    def condition(ctx: Context) -> bool:
        return ctx.cursor.picked == part

    condition.__name__ = f"picked_{part}"
    return condition


class Cancellable(Question):
    skip_label = N_("Laat maar")

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.cursor.ask = []
        ctx.cursor.picked = None
        ctx.note(ctx.t(N_("Oké, er verandert niets.")))
        return Outcome.ACCEPTED


class EditPick(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        available = {part for part in (ABOUT, URGENT, PEOPLE, DOMAIN) if answered(ctx, part)}
        if ctx.plan.actions:
            available.add(ACTION)
        return [Choice(part, ctx.t(text)) for part, text in PART_LABELS.items()
                if part in available]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor.picked = choice
        if choice == URGENT and not ctx.plan.urgent:
            ctx.queue(here_and_now.URGENT_WHAT)
        return Outcome.ACCEPTED

    def not_understood(self, ctx: Context, text: str) -> Next:
        """A sentence about one part ("het gaat nu slecht met wonen", "mijn leeftijd"):
        that part; a life domain named goes straight to what to fill in again there."""
        offered = {choice.id for choice in self.choices(ctx)}
        plain = normalize(text)
        words = set(plain.split())
        if PEOPLE in offered and named_in_words(ctx.plan.people, words):
            return self.on_choice(ctx, PEOPLE)  # (before "vriendin", a word of a domain)
        domains = wat.domains_in(plain)
        if DOMAIN in offered and len(domains) == 1:
            ctx.cursor.domain = domains[0].value
            ctx.note(wat.heading(ctx, domains[0]).strip())  # (said back: no button said it)
            return self.on_choice(ctx, NAMED_DOMAIN)
        part = (ACTION if words & {"afspraak", "afspraken", "agreement"}
                else ABOUT if words & {"naam", "leeftijd", "oud", "name", "age"} else None)
        if part in offered:
            return self.on_choice(ctx, part)
        return super().not_understood(ctx, text)


class AskAgain(Cancellable):
    """A menu of questions to answer again (about you; one part of a life domain)."""

    def __init__(self, key: str, text: str, labels: dict[str, str],
                 only_answered: bool = False) -> None:
        super().__init__(key)
        self.text = text
        self.labels = labels
        self.only_answered = only_answered

    def prompt(self, ctx: Context) -> str:
        return ctx.t(self.text)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(key, ctx.t(text)) for key, text in self.labels.items()
                if not self.only_answered or answered(ctx, key)]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor.editing = True  # a new domain status asks what it opens up
        ctx.queue(choice)
        return Outcome.ACCEPTED


class EditUrgent(Cancellable):
    """Something new that must be arranged soon, or one that is arranged now."""

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je doen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        done = [Choice(u.id, ctx.t.plain(N_("Geregeld: {what}"), what=shorten(u.text, SHOWN)))
                for u in ctx.plan.urgent]
        return [Choice(NEW, ctx.t(N_("Iets nieuws wat snel moet"))), *done]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if choice == NEW:
            ctx.queue(here_and_now.URGENT_WHAT)
            return Outcome.ACCEPTED
        ctx.plan.remove_urgent(choice)
        ctx.changed("urgent")
        ctx.note(ctx.t(N_("Fijn dat het geregeld is. Ik heb het van je plan gehaald.")))
        return Outcome.ACCEPTED


class EditPeople(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Over wie wil je iets veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        extra = [Choice(ADD, ctx.t(N_("Iemand toevoegen")))]
        if ctx.plan.people and answered(ctx, FALLBACK):
            extra.append(Choice(FALLBACK, ctx.t(N_("Op wie je terugvalt"))))
        if answered(ctx, JIM):
            extra.append(Choice(JIM, ctx.t(N_("Je JIM"))))
        return [*people_choices(ctx), *organisation_choices(ctx), *extra]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        organisation = ctx.plan.organisation(choice)
        if organisation is not None:  # nothing to change about them but whether they are in
            ctx.note(ctx.t(N_("{name} staat niet meer in je plan. Met /terug zet je dat terug."),
                           name=organisation_called(organisation, ctx.t, start=True)))
            ctx.plan.remove_organisation(organisation.id)
            ctx.changed("organisations")
        elif choice in (FALLBACK, JIM):
            ctx.queue(choice)
        elif choice == ADD:
            ctx.cursor.picked = ADD
        else:
            ctx.cursor.picked = PERSON
            ctx.cursor.person = choice
        return Outcome.ACCEPTED


class EditPersonPart(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je veranderen over {name}?"), name=person_name(ctx))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(key, ctx.t(text)) for key, text in PERSON_PARTS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        person = ctx.plan.person(ctx.cursor.person)
        if choice != REMOVE:
            ctx.queue(choice)
        elif person is not None:
            name = called(person, ctx.t, start=True)
            ctx.note(ctx.t(N_("{name} staat niet meer in je plan. Met /terug zet je dat terug."),
                           name=name))
            if ctx.sharing is not None and ctx.sharing.end_for_person(person.id):
                ctx.note(ctx.t(N_("{name} ziet je plan niet meer. Na /terug nodig je {them} "
                                  "opnieuw uit."), name=name, them=called(person, ctx.t)))
            ctx.plan.remove_person(person.id)
            ctx.changed("people")
        return Outcome.ACCEPTED


class RenamePerson(TextQuestion, Cancellable):
    limit = NAME_LIMIT

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Hoe heet {name}? Typ de naam."), name=person_name(ctx))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        person = ctx.plan.person(ctx.cursor.person)
        named = named_in(text, ctx.t.lang)
        if person is None or len(named) != 1:
            ctx.note(ctx.t(N_("Typ één naam, bijvoorbeeld: Sanne.")))
            return Outcome.REASK
        other = find_person(ctx, named[0].name)
        if other is not None and other is not person:
            ctx.note(ctx.t(N_("{names} staat al in je lijst."), names=label(other, ctx.t)))
            return Outcome.REASK
        person.relation = named[0].relation or person.relation
        person.name = named[0].name
        ctx.changed("people")
        ctx.note(ctx.t(N_("Oké. In je plan staat nu: {name}."), name=label(person, ctx.t)))
        return Outcome.ACCEPTED


class EditDomain(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Over welk onderwerp?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(d.value, f"{DOMAIN_ICONS[d]} {ctx.t(text)}")
                for d, text in DOMAIN_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor.domain = Domain(choice).value
        return Outcome.ACCEPTED


class EditAction(Cancellable):
    """Pick an action to answer who and when again, or to take out."""

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Welke afspraak wil je veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        actions = [Choice(a.id, shorten(a.what, SHOWN)) for a in ctx.plan.actions]
        return [*actions, Choice(REMOVE, ctx.t(N_("Een afspraak weghalen")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if choice == REMOVE:
            ctx.cursor.picked = REMOVE
        else:
            ctx.cursor.action = choice
            ctx.queue("action_who", "action_when")
        return Outcome.ACCEPTED


class RemoveAction(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Welke afspraak wil je weghalen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(a.id, shorten(a.what, SHOWN)) for a in ctx.plan.actions]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.plan.remove_action(choice)
        ctx.changed("hoe")
        ctx.note(ctx.t(N_("De afspraak is uit je plan. Met /terug zet je die terug.")))
        return Outcome.ACCEPTED


LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class Language(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("In welke taal wil je praten?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(lang, LANGUAGE_NAMES[lang]) for lang in LANGUAGES]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        return SwitchTo(choice)


def build() -> Flow:
    questions = [
        EditPick(PICK),
        AskAgain("edit_about", N_("Wat over jou wil je veranderen?"), ABOUT_LABELS,
                 only_answered=True),
        EditUrgent("edit_urgent"),
        EditPeople("edit_people"), EditPersonPart("edit_person_part"),
        RenamePerson("edit_person_name"),
        AddPeople("add_people"), PersonRelation("add_relation"), PersonRoles("add_roles"),
        PersonCloseness("add_closeness"),
        EditDomain("edit_domain"),
        AskAgain("edit_field", N_("Wat wil je opnieuw invullen?"), FIELD_LABELS),
        EditAction("edit_action"), RemoveAction("remove_action"),
        Language(LANGUAGE),
    ]
    routes = [
        Route(PICK, "edit_about", [picked(ABOUT)]),
        Route(PICK, "edit_urgent", [picked(URGENT)]),
        Route(PICK, "edit_people", [picked(PEOPLE)]),
        Route(PICK, "edit_domain", [picked(DOMAIN)]),
        Route(PICK, "edit_field", [picked(NAMED_DOMAIN)]),
        Route(PICK, "edit_action", [picked(ACTION)]),
        Route("edit_people", "add_people", [picked(ADD)]),
        Route("edit_people", "edit_person_part", [picked(PERSON)]),
        *person_loop("add_people", "add_relation", "add_roles", "add_closeness"),
        Route("edit_domain", "edit_field"),
        Route("edit_action", "remove_action", [picked(REMOVE)]),
    ]
    return Flow("edit", questions, routes, detour=True)
