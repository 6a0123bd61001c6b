"""WIE comes first: who matters to you, what they do for you, who you can fall back on, your JIM.

People are asked one at a time; several names in one message are queued in the cursor
(``person`` is the one being asked about, ``queue`` the ones still to come).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.flows.cursor import Check
from bot.flows.flow import Route
from bot.flows.interview.people_words import (
    NamedPerson,
    known_by_name,
    known_by_relation,
    names_in_sentence,
    people_in_story,
    read_people,
    relation_of,
    says_nobody,
)
from bot.flows.question import (
    DONE,
    SKIP,
    Context,
    FollowUp,
    MultiChoiceQuestion,
    Next,
    Outcome,
    Question,
    TextQuestion,
)
from bot.flows.typed_answers import SYNONYMS, normalize, yes_or_no
from bot.i18n import N_, Safe, names_text
from bot.messages import Choice
from bot.plan.labels import CLOSENESS_LABELS, ROLE_LABELS, ROLES_SAID
from bot.plan.model import Closeness, Jim, JimChoice, Organisation, Person, Role
from bot.plan.relations import (
    BEGELEIDER,
    PROFESSIONAL,
    called,
    label,
    organisation_called,
    plural,
    unnamed,
)
from bot.plan.text import NAME_LIMIT, beside, clean

MAX_PEOPLE = 30
GUESSED = "guessed"  # a check's choice: the names guessed in the text are right
_NOTHING = re.compile(r"\b(niks|niets|nix|nothing|geen idee)\b")


def current_person(ctx: Context) -> Person | None:
    return ctx.plan.person(ctx.cursor.person)


def person_name(ctx: Context, start: bool = False) -> str:
    """The person being asked about, as said in a sentence ("Sanne", "je moeder")."""
    person = current_person(ctx)
    return called(person, ctx.t, start) if person else ""


def next_person(ctx: Context) -> None:
    """Move the cursor to the next queued person (or to nobody)."""
    queue: list[str] = ctx.cursor.queue
    ctx.cursor.person = queue.pop(0) if queue else None
    ctx.cursor.queue = queue


def add_person(ctx: Context, name: str, relation: str | None) -> Person:
    person = Person(id=ctx.plan.next_id("p"), name=name, relation=relation)
    ctx.plan.people.append(person)
    ctx.changed("people")
    return person


def find_person(ctx: Context, name: str) -> Person | None:
    wanted = name.casefold()
    return next((p for p in ctx.plan.people if p.name.casefold() == wanted), None)


def known_person(ctx: Context, named: NamedPerson) -> Person | None:
    """Someone already in the plan: by name, or, said by a relation word alone, the one
    person with that relation ("mijn tante" is Fatima, tante)."""
    found = find_person(ctx, named.name)
    if found is None and named.relation and named.name == named.relation:
        same = known_by_relation(named.relation, ctx.plan.people)
        found = same[0] if len(same) == 1 else None
    return found


def named_in(text: str, lang: str) -> list[NamedPerson]:
    """The people a message names, in a list of names or in a sentence (by a relation word;
    for names alone in a sentence see :func:`guessed_in`)."""
    named = read_people(text)
    return people_in_story(text, lang) if named is None else named


def guessed_in(ctx: Context, text: str, named: list[NamedPerson]) -> list[str]:
    """New names a sentence seems to hold besides the ``named`` ("lotte zie ik elk
    weekend"): to check with the youth before they are written down."""
    if read_people(text) is not None:
        return []
    sure = {n.name.casefold() for n in named}
    return [name for name in names_in_sentence(text, ctx.t.lang)
            if name.casefold() not in sure and find_person(ctx, name) is None]


@dataclass
class Named:
    """Who one message names: people known already, new people, helpers of another kind."""

    known: list[Person] = field(default_factory=list)
    new: list[NamedPerson] = field(default_factory=list)
    organisations: list[NamedPerson] = field(default_factory=list)


def read_named(ctx: Context, text: str) -> Named:
    """Everyone a message names, known people found by name (typos too) or relation, also
    inside a sentence ("ik denk Fatima, die vertrouw ik het meest")."""
    short = clean(text, NAME_LIMIT)[0]
    found = Named()
    for named in named_in(short, ctx.t.lang):
        person = None if named.organisation else known_person(ctx, named)
        if named.organisation:
            found.organisations.append(named)
        elif person is None:
            found.new.append(named)
        elif person not in found.known:
            found.known.append(person)
    found.known += [p for p in known_by_name(text, ctx.plan.people) if p not in found.known]
    found.new = [n for n in found.new if not known_by_name(n.name, found.known)]
    return found


def add_organisation(ctx: Context, named: NamedPerson) -> Organisation:
    """A professional or organisation, once ("het wijkteam" twice is one)."""
    wanted = named.name.casefold()
    existing = next((o for o in ctx.plan.organisations if o.name.casefold() == wanted), None)
    if existing is not None:
        return existing
    organisation = Organisation(id=ctx.plan.next_id("o"), name=named.name,
                                word=None if named.name == named.relation else named.relation)
    ctx.plan.organisations.append(organisation)
    ctx.changed("organisations")
    return organisation


def note_organisations(ctx: Context, named: list[NamedPerson]) -> None:
    """Say where professionals and organisations went: beside the people, not among them."""
    if not named:
        return
    names = [organisation_called(add_organisation(ctx, n), ctx.t, start=not i)
             for i, n in enumerate(named)]
    ctx.note(ctx.t(N_("{names}: die zet ik bij je hulpverleners, niet bij je eigen mensen."),
                   names=names_text(names, ctx.t)))


def organisation_named(ctx: Context, text: str) -> Organisation | None:
    """A professional known by name in the plan, named in ``text`` ("anouk misschien" is
    Anouk, the groepsleider)."""
    said = f" {normalize(text)} "
    return next((o for o in ctx.plan.organisations
                 if o.word and f" {normalize(o.name)} " in said), None)


HELPER_SELF, HELPER_PROFESSIONAL = "self", "professional"  # the ids of HOE's helper choices
_SELF_WORDS = frozenset({"zelf", "ikzelf", "mezelf", "myself"})


def helper_in(ctx: Context, text: str) -> str | None:
    """Who a typed answer gives an action to, as a HOE helper choice id: a person named
    (known, or new with a name), the begeleider, an organisation (added), or the youth
    ("dat doe ik zelf"); a person named beside "zelf" is the helper ("ik zelf met Fatima")."""
    named = read_named(ctx, text)
    if named.known:
        return named.known[0].id
    organisation = organisation_named(ctx, text)
    if organisation is not None:
        return HELPER_PROFESSIONAL if organisation.word in BEGELEIDER else organisation.id
    if any(o.relation in BEGELEIDER for o in named.organisations):
        return HELPER_PROFESSIONAL
    if named.organisations:
        return add_organisation(ctx, named.organisations[0]).id
    if len(named.new) == 1 and looks_named(named.new[0], text):
        return add_person(ctx, named.new[0].name, named.new[0].relation).id
    if _SELF_WORDS & set(normalize(text).split()):
        return HELPER_SELF
    return None


def organisation_choices(ctx: Context) -> list[Choice]:
    """The professionals and organisations named, as helper choices (ids are theirs)."""
    return [Choice(o.id, organisation_called(o, ctx.t, start=True))
            for o in ctx.plan.organisations]


def looks_named(person: NamedPerson, typed: str) -> bool:
    """Someone new, typed where choices were offered: said with a relation word or a capital
    ("mijn oma", "Kees"), not just any word ("welzijn", "snel")."""
    return person.relation is not None or any(word[:1].isupper() for word in typed.split())


def one_person(ctx: Context, text: str, at_choices: bool = True) -> Person | None:
    """The one person ``text`` names, added to the plan if new; None unless exactly one
    (and, where choices were offered, unless it :func:`looks_named`)."""
    named = read_named(ctx, text)
    if len(named.known) + len(named.new) != 1:
        return None
    if named.known:
        return named.known[0]
    if not at_choices or looks_named(named.new[0], text):
        return add_person(ctx, named.new[0].name, named.new[0].relation)
    return None


def not_a_person(ctx: Context) -> Outcome:
    ctx.note(ctx.t(N_("Kies iemand hieronder. Of typ wie het is, bijvoorbeeld: buurman Kees.")))
    return Outcome.REASK


def people_choices(ctx: Context) -> list[Choice]:
    return [Choice(p.id, label(p, ctx.t)) for p in ctx.plan.people]


def has_person(ctx: Context) -> bool:
    return current_person(ctx) is not None


def needs_relation(ctx: Context) -> bool:
    person = current_person(ctx)
    return person is not None and person.relation is None


def person_loop(people: str, relation: str, roles: str, closeness: str) -> list[Route]:
    """Per named person: who they are (when no relation word said it), what they do, how
    close. Where these routes end, the flow goes on (or a detour returns)."""
    return [
        Route(people, relation, [has_person, needs_relation]),
        Route(people, roles, [has_person]),
        Route(relation, roles),
        Route(roles, closeness),
        Route(closeness, relation, [has_person, needs_relation]),
        Route(closeness, roles, [has_person]),
    ]


class People(TextQuestion):
    guards_repeats = False  # "… staat al in je lijst" is no miss; see on_answer
    check_prompt = N_("Zal ik {guess} opschrijven?")  # names guessed in a sentence

    def intro(self, ctx: Context) -> str | None:
        if ctx.plan.urgent:
            return ctx.t(N_("Nu praten we over de mensen om je heen. "
                            "Misschien kan iemand je helpen met wat snel moet."))
        return ctx.t(N_("Nu praten we over de mensen om je heen."))

    def prompt(self, ctx: Context) -> str:
        if ctx.plan.people:
            names = ", ".join(called(p, ctx.t) for p in ctx.plan.people)
            return ctx.t(N_("Je noemde: {names}.\nWie is er nog meer belangrijk voor je?"),
                         names=names)
        return ctx.t(N_("Wie is belangrijk voor jou? Noem een naam. Meer namen mag ook, "
                        "zoals: mijn zus Sanne en oom Ahmed."))

    def skip_text(self, ctx: Context) -> str | None:
        return N_("Dat is iedereen") if ctx.plan.people else N_("Sla over")

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.cursor.person = None
        return Outcome.ACCEPTED

    def on_nobody(self, ctx: Context) -> Outcome:
        if not ctx.plan.people:
            ctx.note(ctx.t(N_("Dat is oké. Niet iedereen heeft mensen om zich heen. "
                              "Met /wijzig kun je later altijd iemand toevoegen.")))
        return self.on_skip(ctx)

    def on_answer(self, ctx: Context, text: str) -> Next:
        named = named_in(text, ctx.t.lang)
        guessed = guessed_in(ctx, text, named)
        if guessed:  # "lotte zie ik elk weekend": a name no dictionary knows, or a capital
            sure = [called(Person(id="", name=n.name, relation=n.relation), ctx.t)
                    for n in named if not n.organisation]
            return self.check(ctx, GUESSED, names_text(sure + guessed, ctx.t), text)
        if named:  # said back when read from a sentence ("mijn zus fatima is alles voor me")
            return self.add_named(ctx, named, say_back=read_people(text) is None)
        if says_nobody(text):
            return self.on_nobody(ctx)
        return self.not_named(ctx, text)

    def check_confirmed(self, ctx: Context, check: Check) -> Next:
        """Yes to the names guessed in a sentence: all of them, with any said surely."""
        named = named_in(check.text, ctx.t.lang)
        return self.add_named(ctx, named + [NamedPerson(name, None)
                                            for name in guessed_in(ctx, check.text, named)])

    def check_denied(self, ctx: Context, text: str) -> Next:
        """No to the names guessed: those said surely (with a relation word) are kept."""
        named = named_in(text, ctx.t.lang)
        return self.add_named(ctx, named, say_back=True) if named else self.not_named(ctx, text)

    def not_named(self, ctx: Context, text: str) -> Outcome:
        if ctx.cursor.missed == self.key:  # never the same re-ask twice
            ctx.note(ctx.t(N_("Dank je. Dan gaan we verder. Met /wijzig kun je later "
                              "altijd iemand toevoegen.")))
            return self.on_skip(ctx)
        ctx.cursor.missed = self.key
        if yes_or_no(text) == "yes":
            ctx.note(ctx.t(N_("Wie dan? Typ de naam, bijvoorbeeld: mijn buurvrouw Els.")))
        else:
            ctx.note(ctx.t(N_("Dank je dat je dat vertelt. Noem nu alleen de naam, "
                              "bijvoorbeeld: mijn buurvrouw Els.")))
        return Outcome.REASK

    def add_named(self, ctx: Context, named: list[NamedPerson], say_back: bool = False
                  ) -> Outcome:
        note_organisations(ctx, [n for n in named if n.organisation])
        added, known = [], []
        for person in (n for n in named if not n.organisation):
            found = known_person(ctx, person)
            if found:
                known.append(called(found, ctx.t))
            elif len(ctx.plan.people) < MAX_PEOPLE:
                added.append(add_person(ctx, person.name, person.relation).id)
        if known:
            ctx.note(ctx.t(N_("{names} staat al in je lijst."), names=known[0]) if len(known) == 1
                     else ctx.t(N_("{names} staan al in je lijst."),
                                names=names_text(known, ctx.t)))
        if len(ctx.plan.people) >= MAX_PEOPLE:
            ctx.note(ctx.t(N_("Je lijst is nu vol: er passen {count} mensen in."),
                           count=MAX_PEOPLE))
        if not added:
            return self.on_skip(ctx) if len(ctx.plan.people) >= MAX_PEOPLE else Outcome.REASK
        if say_back:
            names = [called(person, ctx.t) for person in ctx.plan.people if person.id in added]
            ctx.note(ctx.t(N_("Ik schrijf op: {names}."), names=names_text(names, ctx.t)))
        ctx.cursor.queue = added
        next_person(ctx)
        return Outcome.ACCEPTED


class AddPeople(People):
    """/wijzig → someone new: the same reading of names, then the usual questions per person."""

    skip_label = N_("Laat maar")

    def intro(self, ctx: Context) -> str | None:
        return None

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wie wil je toevoegen? Bijvoorbeeld: buurman Kees."))

    def skip_text(self, ctx: Context) -> str | None:
        return self.skip_label

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.note(ctx.t(N_("Oké, er komt niemand bij.")))
        return super().on_skip(ctx)

    def on_nobody(self, ctx: Context) -> Outcome:
        return self.on_skip(ctx)


RELATION_WORDS_MOST = 3  # a longer answer without a relation word says something else


class PersonRelation(TextQuestion):
    limit = NAME_LIMIT

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wie is {name} voor jou? Bijvoorbeeld je tante, een vriendin of je coach."),
                     name=person_name(ctx))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        person = current_person(ctx)
        if person is not None:
            known_by_relation = unnamed(person)
            relation = relation_of(text)
            in_story = [n.relation for n in people_in_story(text) if not n.organisation]
            if relation is None and len(in_story) == 1:  # "hij is mijn buurman, echt top"
                relation = in_story[0]
                person.own_words = text
            if relation is None and len(text.split()) > RELATION_WORDS_MOST:
                keep_about_person(ctx, text)  # "ze regelt dingen voor me": no relation
                return Outcome.ACCEPTED
            person.relation = relation or text
            if known_by_relation:  # "je moeder" stays named by what she is
                person.name = person.relation
            ctx.changed("people")
        return Outcome.ACCEPTED


class PersonRoles(MultiChoiceQuestion):
    skip_label = N_("Weet ik niet")

    def said_back(self, ctx: Context) -> str | None:
        person = current_person(ctx)
        if person is None or plural(person) or not person.roles:
            return None
        roles = names_text([ctx.t.plain(ROLES_SAID[role]) for role in person.roles], ctx.t)
        return ctx.t(N_("Ik schrijf op: {name} {roles}."), name=person_name(ctx), roles=roles)

    def prompt(self, ctx: Context) -> str:
        person = current_person(ctx)
        if person is not None and plural(person):
            return ctx.t(N_("Wat doen {name} voor je? Kies wat past. Meer mag ook. "
                            "Kies daarna Klaar."), name=person_name(ctx))
        return ctx.t(N_("Wat doet {name} voor je? Kies wat past. Meer mag ook. "
                        "Kies daarna Klaar."), name=person_name(ctx))

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

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        if _NOTHING.search(normalize(text)):  # "ze doet niks eigenlijk"
            self.set_selected(ctx, [])
            ctx.note(ctx.t(N_("Oké, dat is ook goed om te weten.")))
            return Outcome.ACCEPTED
        return super().not_understood(ctx, text)

    def keep_own_words(self, ctx: Context, text: str) -> bool:
        return keep_about_person(ctx, text)


def keep_about_person(ctx: Context, text: str) -> bool:
    """What the youth says about the person being asked about, kept with them as said."""
    person = current_person(ctx)
    if person is None or text.rstrip().endswith("?"):  # a question back is no answer to keep
        return False
    person.own_words = beside(person.own_words, text)
    ctx.changed("people")
    return True


class PersonCloseness(Question):
    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        person = current_person(ctx)
        if person is not None and plural(person):
            return ctx.t(N_("Hoe dichtbij voelen {name} voor jou?"), name=person_name(ctx))
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

    def keep_own_words(self, ctx: Context, text: str) -> bool:
        if not keep_about_person(ctx, text):
            return False
        next_person(ctx)
        return True


NOBODY = "nobody"


class Fallback(MultiChoiceQuestion):
    skip_label = N_("Weet ik niet")

    def said_back(self, ctx: Context) -> str | None:
        """The people as said in a sentence ("je ma", not the button's "Je ma")."""
        people = [called(p, ctx.t) for p in map(ctx.plan.person, ctx.plan.fallback_ids) if p]
        return ctx.t(N_("Ik schrijf op: je kunt terugvallen op {names}."),
                     names=names_text(people, ctx.t)) if people else None

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Op wie kun je terugvallen als het moeilijk is? Kies wie past."))

    def options(self, ctx: Context) -> list[Choice]:
        return [*people_choices(ctx), Choice(NOBODY, ctx.t(N_("Niemand")))]

    def selected(self, ctx: Context) -> list[str]:
        return list(ctx.plan.fallback_ids) or (
            [NOBODY] if ctx.cursor.fallback_nobody else [])

    def set_selected(self, ctx: Context, ids: list[str]) -> None:
        if NOBODY in ids and ids[-1] == NOBODY:
            ids = [NOBODY]
        people = [i for i in ids if ctx.plan.person(i)]
        ctx.plan.fallback_ids = people
        ctx.cursor.fallback_nobody = not people and NOBODY in ids
        ctx.changed("fallback")

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        outcome = super().on_choice(ctx, choice)
        fallback, ctx.cursor.fallback_nobody = ctx.cursor.fallback_nobody, False
        if choice == DONE and fallback:
            ctx.note(ctx.t(N_("Dank je voor je eerlijkheid. Misschien vinden we samen iemand.")))
        return outcome

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        """Typed names, also in a sentence: someone new is added to the people (as at the
        JIM question)."""
        named = read_named(ctx, text)
        if not (named.known or named.new):
            if says_nobody(text):
                self.set_selected(ctx, [NOBODY])
                return Outcome.ACCEPTED
            return not_a_person(ctx)
        chosen = [*ctx.plan.fallback_ids, *(p.id for p in named.known)]
        for person in named.new:
            if not looks_named(person, text):
                return not_a_person(ctx)
            if len(ctx.plan.people) < MAX_PEOPLE:
                found = add_person(ctx, person.name, person.relation)
                ctx.note(ctx.t(N_("{name} staat nu ook in je lijst."),
                               name=called(found, ctx.t, start=True)))
                chosen.append(found.id)
        return self._typed(ctx, list(dict.fromkeys(chosen)))  # said back


OTHER = "other"


class YourJim(Question):
    skip_label = N_("Weet ik nog niet")

    def intro(self, ctx: Context) -> str | None:
        what = ctx.t(N_("Een JIM is een volwassene uit je eigen omgeving die jij vertrouwt. "
                        "Dus geen hulpverlener. Je JIM denkt met je mee over je plan."))
        if ctx.plan.people:
            return what
        # Nobody named: ideas, all of them adults (a friend's parent, never the friend).
        return Safe(what + "\n" + ctx.t(N_(
            "Misschien ken je een volwassene die je vertrouwt. Denk aan een buurvrouw, "
            "je trainer, een docent of de moeder of vader van een vriend.")))

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wie zou jouw JIM kunnen zijn?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [*people_choices(ctx), Choice(OTHER, ctx.t(N_("Iemand anders")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        if choice == OTHER:
            return FollowUp("jim_other")
        choose_jim(ctx, choice)
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return no_jim_yet(ctx)

    def on_text(self, ctx: Context, text: str) -> Next:
        if normalize(text) in SYNONYMS["done"]:  # the end of a list, no answer to "who"
            return self.check(ctx, SKIP, ctx.t(N_("nog geen JIM kiezen")), text)
        return super().on_text(ctx, text)

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        named = read_named(ctx, text)
        if asks_what_a_jim_is(text) and not named.known:
            ctx.note(self.intro(ctx) or "")  # "wat is een jim?": explain again
            return Outcome.REASK
        if len(named.known) > 1:  # "Fatima of Sanne": the first, if that is what was meant
            first = named.known[0]
            return self.check(ctx, first.id, label(first, ctx.t), text)
        if not (named.known or named.new) and says_nobody(text):
            return no_jim_yet(ctx)
        professional = organisation_named(ctx, text) if not named.known else None
        if (not (named.known or named.new) and named.organisations) or professional:
            note_organisations(ctx, named.organisations)
            ctx.note(ctx.t(N_("Een JIM is iemand uit je eigen omgeving. "
                              "Wie van je eigen mensen vertrouw je?")))
            return Outcome.REASK
        person = one_person(ctx, text)
        if person is None:
            return not_a_person(ctx)
        choose_jim(ctx, person.id)
        return Outcome.ACCEPTED


def asks_what_a_jim_is(text: str) -> bool:
    """"wat is een jim?", "wie bedoel je?": a question back, not an answer ("ahmed lijkt me
    wel wat" names Ahmed)."""
    words = normalize(text).split()
    return "jim" in words or (bool(words) and (
        words[0] in {"wat", "wie", "what", "who"} or text.rstrip().endswith("?")))


# Relations that are often of the youth's own age: a JIM is an adult (said, not refused).
PEERS = frozenset({"vriend", "vriendin", "vriendje", "vriendinnetje", "maat", "mattie",
                   "bestie", "klasgenoot", "broertje", "zusje", "friend", "buddy", "bff",
                   "boyfriend", "girlfriend"})


def choose_jim(ctx: Context, person_id: str) -> None:
    person = ctx.plan.person(person_id)
    if person is None:
        return
    ctx.plan.jim = Jim(choice=JimChoice.PERSON, person_id=person_id)
    ctx.changed("jim")
    template = (N_("Mooi. {name} zijn jouw JIM in je plan.") if plural(person)
                else N_("Mooi. {name} is jouw JIM in je plan."))
    ctx.note(ctx.t(template, name=called(person, ctx.t, start=True)))
    if (person.relation or "").casefold() in PROFESSIONAL:
        ctx.note(ctx.t(N_("Let op: een JIM is meestal iemand uit je eigen omgeving. "
                          "Niet je begeleider. Met /wijzig kun je dit later veranderen.")))
    elif (person.relation or "").casefold() in PEERS:
        ctx.note(ctx.t(N_("Een JIM is een volwassene. Is {name} nog geen 18? Dan kun je met "
                          "/wijzig ook een volwassene kiezen."),
                       name=called(person, ctx.t)))


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
        person = one_person(ctx, text, at_choices=False)
        if person is None:
            ctx.note(ctx.t(N_("Noem één persoon, bijvoorbeeld: mijn oom Ahmed.")))
            return Outcome.REASK
        choose_jim(ctx, person.id)
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        return no_jim_yet(ctx)
