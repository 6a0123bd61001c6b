"""A table of typed answers as youth write them — slang, typos, whole sentences, Dutch and
English mixed, names inside sentences — at every kind of question, each with the reading
expected. Each answer goes through the real engine (one turn, no storage: understanding is
pure), starting from the question with a plan that has what it needs.

Readings are short strings, per question kind (see :func:`reading`):
``again`` = the same question asked again; ``check:X`` = a yes/no check "Bedoel je: X?";
``own:…`` = kept as the youth's own words.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.flows import engine
from bot.flows.conversation import Conversation
from bot.flows.cursor import Cursor
from bot.messages import Message, UserInput
from bot.plan.model import Action, Domain, Person, Plan

NOW = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)


def family() -> Plan:
    """Three people named in WIE: an aunt, a sister and a neighbour."""
    return Plan(people=[Person(id="p1", name="Fatima", relation="tante"),
                        Person(id="p2", name="Sanne", relation="zus"),
                        Person(id="p3", name="Kees", relation="buurman")])


def with_action() -> Plan:
    plan = family()
    plan.actions.append(Action(id="a1", domain=Domain.WONEN, what="een eigen kamer"))
    return plan


# Where each kind of question starts: (state, cursor, plan).
SETUPS = {
    "urgent": ("urgent", {}, Plan),
    "mood": ("mood", {}, Plan),
    "people": ("people", {}, Plan),
    "more_people": ("people", {}, family),
    "roles": ("person_roles", {"person": "p1", "queue": []}, family),
    "closeness": ("person_closeness", {"person": "p1", "queue": []}, family),
    "fallback": ("fallback", {}, family),
    "jim": ("jim", {}, family),
    "status": ("domain_status", {"domain": "wonen", "domains_left": []}, Plan),
    "who": ("action_who", {"action": "a1"}, with_action),
    "when": ("action_when", {"action": "a1"}, with_action),
}


def answer(kind: str, typed: str) -> tuple[Conversation, Plan, list[Message]]:
    state, cursor, make_plan = SETUPS[kind]
    conversation = Conversation(state=state, cursor=Cursor(**cursor), started=True, step=5,
                                seen=[state])
    result = engine.handle(conversation, make_plan(), UserInput.typed(typed), NOW)
    return result.conversation, result.plan, result.messages


def names(plan: Plan, ids: list[str]) -> str:
    return "+".join(sorted(p.name for p in plan.people if p.id in ids))


def reading(kind: str, typed: str) -> str:
    """What the bot took ``typed`` to mean, as a short string."""
    start = SETUPS[kind][0]
    conv, plan, messages = answer(kind, typed)
    text = "\n".join(m.text for m in messages)
    assert "Dat snap ik niet" not in text or conv.state != start, text
    if "Bedoel je" in text or "opschrijven?" in text:  # a guess, or names guessed
        asked = next(m for m in messages if m.step is not None)
        return "check:" + asked.text.removeprefix("Bedoel je: ").removeprefix(
            "Zal ik ").removesuffix("?").removesuffix(" opschrijven")
    if conv.state == start and kind not in ("people", "more_people", "roles", "fallback"):
        return "again"
    person = plan.person("p1")
    if kind == "urgent":
        if plan.urgent:
            return "urgent:" + plan.urgent[0].text
        return {"urgent_what": "yes", "people": "no"}.get(conv.state, conv.state)
    if kind == "mood":
        return plan.mood.value if plan.mood else "skip"
    if kind in ("people", "more_people"):
        found = [f"{p.name}/{p.relation}" for p in plan.people
                 if kind == "people" or p.id not in ("p1", "p2", "p3")]
        found += [f"org:{o.name}" for o in plan.organisations]
        if conv.state != "people":
            return "+".join(found) or "done"
        return "+".join(found) or "again"
    if kind == "roles":
        if conv.state == start:
            return "again"
        if person.own_words:
            return "own:" + person.own_words
        return "+".join(r.value for r in person.roles) or "none"
    if kind == "closeness":
        if person.own_words:
            return "own:" + person.own_words
        return person.closeness.value if person.closeness else "skip"
    if kind == "fallback":
        if conv.state == start:
            return "again"
        if conv.cursor.fallback_nobody or ("Niemand" in text and not plan.fallback_ids):
            return "nobody" if not plan.fallback_ids else names(plan, plan.fallback_ids)
        return names(plan, plan.fallback_ids) or "skip"
    if kind == "jim":
        if conv.state == "jim_other":
            return "other"
        jim = plan.jim_person()
        return jim.name if jim else "undecided"
    if kind == "status":
        answer_ = plan.domains.get(Domain.WONEN)
        if answer_ is None or answer_.skipped or answer_.status is None:
            return "skip"
        return answer_.status.value
    action = plan.action("a1")
    if kind == "who":
        if action.helper.value == "person":
            return plan.person(action.person_id).name
        if action.helper.value == "organisation":
            return "org:" + next(o.name for o in plan.organisations if o.id == action.person_id)
        return action.helper.value
    return action.when.value


YES_NO = [
    ("nee", "no"), ("nee hoor", "no"), ("Nee.", "no"), ("nope", "no"), ("nah", "no"),
    ("neej", "no"), ("nee joh", "no"), ("nee hoor alles is oke", "no"), ("nop", "no"),
    ("ff niet", "no"), ("niks", "no"), ("nee niks", "no"), ("no", "no"), ("nein", "no"),
    ("niet echt", "no"), ("not really", "no"), ("idk", "no"), ("geen idee", "no"),
    ("weet ik veel", "no"), ("weet ik niet", "no"), ("ja", "yes"), ("jaa", "yes"),
    ("yes", "yes"), ("ja eigenlijk wel", "yes"), ("jazeker", "yes"), ("jep", "yes"),
    ("ja wel", "yes"), ("yup", "yes"), ("jawel", "yes"), ("ja, best wel", "yes"),
    ("mijn huur moet morgen betaald", "urgent:mijn huur moet morgen betaald"),
    ("ik heb morgen geen eten meer", "urgent:ik heb morgen geen eten meer"),
]

MOODS = [
    ("goed", "goed"), ("prima", "goed"), ("top", "goed"), ("chill", "goed"),
    ("super goed", "goed"), ("lekker", "goed"), ("gaat goed hoor", "goed"), ("good", "goed"),
    ("het gaat best goed vandaag", "goed"), ("nice", "goed"), ("gooed", "goed"),
    ("mwah", "gaat_wel"), ("meh", "gaat_wel"), ("gaat wel", "gaat_wel"), ("ok", "gaat_wel"),
    ("vandaag gaat het wel", "gaat_wel"), ("t gaat wel vandaag", "gaat_wel"),
    ("het gaat niet zo goed", "niet_goed"), ("gaat het goed? ja hoor", "goed"),
    ("zozo", "gaat_wel"), ("gaat wel hoor", "gaat_wel"), ("gaatwel", "gaat_wel"),
    ("kan beter", "gaat_wel"), ("z'n gangetje", "gaat_wel"), ("redelijk", "gaat_wel"),
    ("niet zo goed", "niet_goed"), ("niet goed", "niet_goed"), ("not great", "niet_goed"),
    ("beetje brak", "niet_goed"), ("moe", "niet_goed"), ("kut", "slecht"),
    ("slecht", "slecht"), ("heel slecht", "slecht"), ("echt kut vandaag", "slecht"),
    ("slcht", "slecht"), ("ruk", "slecht"), ("boeit niet", "skip"), ("idk", "skip"),
]

PEOPLE = [
    ("mijn tante Fatima", "Fatima/tante"), ("Fatima mijn tante", "Fatima/tante"),
    ("mn moeder", "moeder/moeder"), ("m'n oma", "oma/oma"),
    ("mijn zus sanne en oom ahmed", "Sanne/zus+Ahmed/oom"),
    ("Kees de buurman", "Kees/buurman"), ("mijn bff Lisa", "Lisa/bff"),
    ("mijn mattie Youssef", "Youssef/mattie"), ("my mum", "mum/mum"),
    ("mn begeleider", "org:begeleider"), ("mijn begeleider Mark", "org:Mark"),
    ("het wijkteam", "org:wijkteam"), ("de huisarts", "org:huisarts"),
    ("mijn moeder en mn begeleider", "moeder/moeder+org:begeleider"),
    ("eigenlijk alleen mijn oma", "oma/oma"),
    ("mijn oma, die is altijd lief voor me", "oma/oma"),
    ("ik denk mijn broer Daan", "Daan/broer"), ("niemand", "done"),
    ("ik heb eigenlijk niemand", "done"), ("sla over", "done"), ("idk", "done"),
    ("klaar", "done"), ("that's all", "done"), ("dat is alles", "done"),
    ("mijn zus fatima is echt belangrijk voor me", "Fatima/zus"),
    ("lotte zie ik elk weekend", "check:Lotte"),
    ("fatima denk ik, die vertrouw ik het meest", "check:Fatima"),
    ("ik spreek Fatima bijna elke dag", "check:Fatima"),
    ("ik ga vaak met lotte en sem om", "check:Lotte en Sem"),
    ("mijn moeder en lotte zie ik vaak", "check:je moeder en Lotte"),
    ("niemand behalve lotte", "check:Lotte"),
    ("ik woon in amsterdam bij mijn oma", "oma/oma"),
    ("ze is altijd lief voor me", "again"),
]

MORE_PEOPLE = [
    ("klaar", "done"), ("dat is alles", "done"), ("nee dat was het", "done"),
    ("that's all", "done"), ("thats it", "done"), ("nee", "done"), ("niemand meer", "done"),
    ("dat was t", "done"), ("verder niemand", "done"), ("nee hoor", "done"),
    ("mijn tante", "again"), ("Fatima", "again"), ("mijn oom Ahmed", "Ahmed/oom"),
    ("o ja en mijn opa", "opa/opa"), ("de gemeente", "org:gemeente"),
    ("de schuldhulp", "org:schuldhulp"), ("school", "org:school"),
    ("en mijn voetbaltrainer Rik", "Rik/voetbaltrainer"), ("klaar hoor", "done"),
    ("dat is iedereen denk ik", "done"), ("dat waren ze", "done"), ("dat zijn ze wel", "done"),
    ("thats them", "done"), ("mijn groepsleider Anouk", "org:Anouk"),
    ("o ja en lotte van voetbal", "check:Lotte"),
]

ROLES = [
    ("praktisch", "praktisch"), ("praktish", "praktisch"), ("advies", "advies"),
    ("advise", "advies"), ("ze geeft me advies", "advies"), ("1", "praktisch"),
    ("1 en 3", "praktisch+advies"), ("ze helpt me met papieren", "praktisch"),
    ("we chillen samen", "samen"), ("chill", "samen"), ("leuke dingen", "samen"),
    ("ze is er altijd voor me", "er_voor_je"), ("ze luistert naar me", "er_voor_je"),
    ("steunt me", "er_voor_je"), ("geeft tips en helpt", "advies+praktisch"),
    ("niks", "none"), ("niets eigenlijk", "none"), ("ze doet niks eigenlijk", "none"),
    ("weinig eigenlijk, we hebben vaak ruzie",
     "own:weinig eigenlijk, we hebben vaak ruzie"),
    ("ze kookt soms voor me", "own:ze kookt soms voor me"),
    ("ze brengt me naar training", "own:ze brengt me naar training"),
    ("idk", "none"), ("weet ik niet", "none"), ("klaar", "none"),
    ("geen idee", "none"), ("boeit niet", "none"), ("ff niet", "none"),
    ("she helps me", "praktisch"), ("she is always there for me", "er_voor_je"),
    ("advice", "advies"), ("tips", "advies"), ("ze troost me", "er_voor_je"),
]

CLOSENESS = [
    ("dichtbij", "dichtbij"), ("heel dichtbij", "dichtbij"), ("dichtbei", "dichtbij"),
    ("heel close", "dichtbij"), ("close", "dichtbij"), ("ze staat heel dichtbij", "dichtbij"),
    ("beetje", "beetje"), ("een beetje", "beetje"), ("soms", "beetje"), ("mwah", "beetje"),
    ("gaat wel", "beetje"), ("kinda", "beetje"), ("sort of", "beetje"),
    ("redelijk", "beetje"), ("ver weg", "verder"), ("niet zo dichtbij", "verder"),
    ("ver", "verder"), ("not close", "verder"), ("we zien elkaar bijna nooit", "verder"),
    ("idk", "skip"), ("weet ik veel", "skip"), ("klaar", "skip"), ("boeit niet", "skip"),
    ("we hebben vaak ruzie", "own:we hebben vaak ruzie"),
    ("ze woont in Marokko", "own:ze woont in Marokko"),
    ("not that close", "verder"), ("we zijn niet echt close", "verder"),
    ("she's very close", "dichtbij"), ("we hebben niet zo veel contact", "verder"),
    ("echt mijn beste maat", "dichtbij"), ("we hebben veel contact", "dichtbij"),
]

FALLBACK = [
    ("Fatima", "Fatima"), ("fatima", "Fatima"), ("fatma", "Fatima"),
    ("mijn tante", "Fatima"), ("m'n tante denk ik", "Fatima"),
    ("ik denk Fatima, die vertrouw ik het meest", "Fatima"),
    ("fatima en sanne", "Fatima+Sanne"), ("sanne, kees", "Kees+Sanne"),
    ("mijn zus en mijn tante", "Fatima+Sanne"), ("1 en 2", "Fatima+Sanne"),
    ("de buurman", "Kees"), ("alleen kees eigenlijk", "Kees"),
    ("niemand", "nobody"), ("niemand eigenlijk", "nobody"), ("nobody", "nobody"),
    ("idk", "skip"), ("weet ik niet", "skip"), ("geen idee", "skip"),
    ("mijn oma", "oma"), ("sane", "Sanne"),
]

JIM = [
    ("Fatima", "Fatima"), ("fatima", "Fatima"), ("fatiema", "Fatima"),
    ("ik denk Fatima, die vertrouw ik het meest", "Fatima"),
    ("mijn tante", "Fatima"), ("mn tante", "Fatima"), ("tante fatima", "Fatima"),
    ("mijn tante misschien", "Fatima"), ("kees de buurman", "Kees"),
    ("de buurman", "Kees"), ("sanne", "Sanne"), ("1", "Fatima"),
    ("later", "undecided"), ("weet ik nog niet", "undecided"), ("idk", "undecided"),
    ("geen idee", "undecided"), ("ff niet", "undecided"), ("niemand", "undecided"),
    ("boeit niet", "undecided"), ("iemand anders", "other"),
    ("mijn oom Ahmed", "Ahmed"), ("my aunt", "Fatima"),
    ("fatima of sanne", "check:Fatima"), ("fatiha", "check:Fatima"),
    ("kees lijkt me wel wat", "Kees"), ("wat is een jim?", "again"),
    ("wie bedoel je", "again"),
]

STATUS = [
    ("goed", "goed"), ("prima", "goed"), ("chill", "goed"), ("gaat goed", "goed"),
    ("top", "goed"), ("mwah", "gaat_wel"), ("gaat wel", "gaat_wel"), ("meh", "gaat_wel"),
    ("zozo", "gaat_wel"), ("niet goed", "niet_goed"), ("slecht", "niet_goed"),
    ("kut", "niet_goed"), ("echt niet goed", "niet_goed"), ("nie goed", "niet_goed"),
    ("in een groep. boeit niet", "skip"), ("boeit niet", "skip"), ("ff niet", "skip"),
    ("idk", "skip"), ("weet ik veel", "skip"), ("niet zo", "niet_goed"),
]

WHO = [
    ("Fatima", "Fatima"), ("fatima", "Fatima"), ("mijn tante", "Fatima"),
    ("ik denk fatima", "Fatima"), ("ik zelf", "self"), ("zelf", "self"),
    ("ik doe het zelf", "self"), ("dat doe ik zelf", "self"),
    ("dat doe ik zelf met fatima", "Fatima"), ("mn begeleider", "professional"),
    ("mijn begeleider", "professional"), ("begeleider", "professional"),
    ("het wijkteam", "org:wijkteam"), ("wijkteam", "org:wijkteam"),
    ("de huisarts", "org:huisarts"), ("schuldhulp", "org:schuldhulp"),
    ("de gemeente", "org:gemeente"), ("idk", "unknown"), ("geen idee", "unknown"),
    ("kees", "Kees"), ("myself", "self"), ("sanne misschien", "Sanne"),
    ("samen met sanne", "Sanne"), ("iemand van de kerk", "other"),
    ("niemand", "unknown"), ("weet ik nog niet wie", "unknown"), ("geen idee wie", "unknown"),
    ("iemand van het wijkteam", "org:wijkteam"), ("Mark van het wijkteam", "org:Mark"),
    ("someone from the council", "org:council"), ("my counsellor", "professional"),
    ("slaap slecht en ben moe", "again"),  # about oneself: no helper in own words
    ("heel dichtbij", "again"), ("rust", "again"),  # nobody in them
]

WHEN = [
    ("deze week", "week"), ("zsm", "week"), ("z.s.m.", "week"), ("asap", "week"),
    ("morgen", "week"), ("zo snel mogelijk", "week"), ("vandaag nog", "week"),
    ("deze maand", "maand"), ("binnenkort", "maand"), ("over een paar weken", "maand"),
    ("volgende week", "maand"), ("later", "later"), ("geen haast", "later"),
    ("na de zomer", "later"), ("volgend jaar", "later"), ("idk", "geen"),
    ("geen datum", "geen"), ("maakt niet uit", "geen"), ("dezeweek", "week"),
    ("deze maan", "maand"), ("binnen een maand", "maand"), ("binnen een week", "week"),
    ("na de vakantie", "later"), ("over 2 weken", "maand"), ("by next month", "later"),
    ("nee", "geen"), ("nee joh", "geen"), ("binnen een maand ofzo", "maand"),
]

TABLE = [(kind, typed, expected)
         for kind, rows in (("urgent", YES_NO), ("mood", MOODS), ("people", PEOPLE),
                            ("more_people", MORE_PEOPLE), ("roles", ROLES),
                            ("closeness", CLOSENESS), ("fallback", FALLBACK), ("jim", JIM),
                            ("status", STATUS), ("who", WHO), ("when", WHEN))
         for typed, expected in rows]


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 200


@pytest.mark.parametrize(("kind", "typed", "expected"), TABLE,
                         ids=[f"{k}:{t}" for k, t, _ in TABLE])
def test_a_typed_answer_is_read_as_meant(kind: str, typed: str, expected: str) -> None:
    assert reading(kind, typed) == expected


@pytest.mark.parametrize(("typed", "helper", "together", "said"), [
    ("ik zelf samen met mijn tante", "Fatima", True, None),
    ("het wijkteam", "org:wijkteam", False, "Ik schrijf op: het wijkteam helpt je hiermee."),
    ("iemand van de kerk", "other", False,
     "Ik schrijf op: iemand van de kerk helpt je hiermee."),
])
def test_a_typed_helper_is_a_person_an_organisation_or_own_words(
        typed: str, helper: str, together: bool, said: str | None) -> None:
    """HOE's helper: someone from the plan (with the youth), an organisation kept apart, or,
    when neither is named, the youth's own words; a helper not chosen from WIE is said back."""
    _, plan, messages = answer("who", typed)
    action = plan.action("a1")
    assert reading("who", typed) == helper and action.together is together
    assert action.helper_text == (typed if helper == "other" else None)
    assert said is None or said in messages[0].text


@pytest.mark.parametrize("typed", ["mijn moeder", "mn moeder", "moeder"])
def test_someone_named_by_their_relation_is_chosen_without_a_check(typed: str) -> None:
    plan = Plan(people=[Person(id="p1", name="Lisa", relation="vriendin"),
                        Person(id="p2", name="moeder", relation="moeder")])
    conversation = Conversation(state="jim", started=True, step=5, seen=["jim"])
    result = engine.handle(conversation, plan, UserInput.typed(typed), NOW)
    assert "Bedoel je" not in "\n".join(m.text for m in result.messages)
    assert result.plan.jim_person().id == "p2"
