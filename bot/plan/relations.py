"""Relation words ("zus", "buurman", "juf") and how the bot refers to a person.

A relation word is kept as the youth typed it ("juf" stays "juf") and translated only when
shown. Someone named by a relation word alone ("mijn moeder") is stored under that word and
spoken of as "je moeder" / "your mum", never as if "Moeder" were a name.
"""

from __future__ import annotations

from bot.i18n import N_, Translator
from bot.plan.model import Organisation, Person
from bot.plan.text import capitalized

# Dutch relation words, each with its label for display (translated per language).
DUTCH: dict[str, str] = {
    "moeder": N_("moeder"), "mama": N_("mama"), "mam": N_("mam"), "ma": N_("ma"),
    "stiefmoeder": N_("stiefmoeder"), "pleegmoeder": N_("pleegmoeder"),
    "vader": N_("vader"), "papa": N_("papa"), "pap": N_("pap"), "pa": N_("pa"),
    "stiefvader": N_("stiefvader"), "pleegvader": N_("pleegvader"),
    "ouders": N_("ouders"), "pleegouders": N_("pleegouders"), "pleegouder": N_("pleegouder"),
    "oma": N_("oma"), "omi": N_("omi"), "grootmoeder": N_("grootmoeder"),
    "opa": N_("opa"), "opi": N_("opi"), "grootvader": N_("grootvader"),
    "broer": N_("broer"), "broertje": N_("broertje"), "halfbroer": N_("halfbroer"),
    "stiefbroer": N_("stiefbroer"), "pleegbroer": N_("pleegbroer"),
    "zus": N_("zus"), "zusje": N_("zusje"), "zuster": N_("zuster"), "halfzus": N_("halfzus"),
    "stiefzus": N_("stiefzus"), "pleegzus": N_("pleegzus"),
    "tante": N_("tante"), "oom": N_("oom"), "ome": N_("ome"),
    "neef": N_("neef"), "neefje": N_("neefje"), "nicht": N_("nicht"), "nichtje": N_("nichtje"),
    "vriend": N_("vriend"), "vriendje": N_("vriendje"), "vriendin": N_("vriendin"),
    "vriendinnetje": N_("vriendinnetje"), "maat": N_("maat"), "mattie": N_("mattie"),
    "bestie": N_("bestie"),
    "buurman": N_("buurman"), "buurvrouw": N_("buurvrouw"),
    "trainer": N_("trainer"), "coach": N_("coach"), "mentor": N_("mentor"),
    "leraar": N_("leraar"), "lerares": N_("lerares"), "docent": N_("docent"),
    "docente": N_("docente"), "juf": N_("juf"), "meester": N_("meester"),
    "begeleider": N_("begeleider"), "begeleidster": N_("begeleidster"),
    "woonbegeleider": N_("woonbegeleider"), "hulpverlener": N_("hulpverlener"),
    "groepsleider": N_("groepsleider"), "groepsleidster": N_("groepsleidster"),
    "jeugdzorgwerker": N_("jeugdzorgwerker"), "voogd": N_("voogd"),
    "partner": N_("partner"), "collega": N_("collega"), "baas": N_("baas"),
}
# English relation words: understood when typed, shown as typed.
ENGLISH = frozenset({
    "mother", "mom", "mum", "father", "dad", "parents", "grandma", "granny", "grandpa",
    "brother", "bro", "sister", "sis", "aunt", "auntie", "uncle", "cousin", "nephew", "niece",
    "friend", "buddy", "bff", "boyfriend", "girlfriend", "neighbour", "neighbor", "teacher",
    "caseworker", "colleague", "boss",
})
RELATION_WORDS = frozenset(DUTCH) | ENGLISH
PLURAL = frozenset({"ouders", "pleegouders", "parents"})
# Relations that are a job rather than the youth's own circle (a JIM usually isn't one).
PROFESSIONAL = frozenset({"begeleider", "begeleidster", "woonbegeleider", "hulpverlener",
                          "jeugdzorgwerker", "voogd", "caseworker", "groepsleider",
                          "groepsleidster"})


# The same relation in other words: "mijn tante" finds the aunt typed as "tante Fatima".
_SAME = {"mama": "moeder", "mam": "moeder", "ma": "moeder", "mother": "moeder", "mom": "moeder",
         "mum": "moeder", "papa": "vader", "pap": "vader", "pa": "vader", "father": "vader",
         "dad": "vader", "omi": "oma", "grootmoeder": "oma", "grandma": "oma", "granny": "oma",
         "opi": "opa", "grootvader": "opa", "grandpa": "opa", "broertje": "broer",
         "brother": "broer", "bro": "broer", "zusje": "zus", "zuster": "zus", "sister": "zus",
         "sis": "zus", "aunt": "tante", "auntie": "tante", "ome": "oom", "uncle": "oom",
         "neefje": "neef", "nichtje": "nicht", "parents": "ouders", "neighbour": "buurman",
         "neighbor": "buurman", "buurvrouw": "buurman", "lerares": "leraar", "docente": "docent",
         "teacher": "leraar", "vriendinnetje": "vriendin", "vriendje": "vriend"}

# Professionals and organisations: helpers of another kind, not the youth's own people.
ORGANISATIONS: dict[str, str] = {
    "begeleider": N_("je begeleider"), "begeleidster": N_("je begeleider"),
    "woonbegeleider": N_("je woonbegeleider"), "hulpverlener": N_("je hulpverlener"),
    "groepsleider": N_("je groepsleider"), "groepsleidster": N_("je groepsleider"),
    "jeugdzorgwerker": N_("je jeugdzorgwerker"), "caseworker": N_("je begeleider"),
    "jongerenwerker": N_("de jongerenwerker"), "consulent": N_("je consulent"),
    "jeugdconsulent": N_("je consulent"), "wijkteam": N_("het wijkteam"),
    "huisarts": N_("je huisarts"), "dokter": N_("de dokter"), "psycholoog": N_("je psycholoog"),
    "school": N_("school"), "schuldhulp": N_("de schuldhulp"),
    "schuldhulpverlening": N_("de schuldhulp"), "gemeente": N_("de gemeente"),
    "jeugdzorg": N_("de jeugdzorg"), "uwv": N_("het UWV"),
    # typed in English
    "counsellor": N_("je begeleider"), "counselor": N_("je begeleider"),
    "doctor": N_("de dokter"), "gp": N_("je huisarts"), "council": N_("de gemeente"),
    "municipality": N_("de gemeente"), "psychologist": N_("je psycholoog"),
}
# Organisation words that mean the youth's linked begeleider where a helper is asked.
BEGELEIDER = frozenset({"begeleider", "begeleidster", "woonbegeleider", "hulpverlener",
                        "jeugdzorgwerker", "caseworker", "counsellor", "counselor"})


def same_relation(word: str) -> str:
    """The word a relation is compared by ("mama" and "mum" are both "moeder")."""
    word = word.casefold()
    return _SAME.get(word, word)


def compound_relation(word: str) -> bool:
    """A relation word inside a longer word: "voetbaltrainer", "schoolmentor"."""
    word = word.casefold()
    return (len(word) > 6 and word not in RELATION_WORDS and word not in ORGANISATIONS
            and any(word.endswith(r) for r in RELATION_WORDS if len(r) >= 4))


def organisation_called(organisation: Organisation, t: Translator, start: bool = False) -> str:
    """How a helper of another kind is spoken of: "het wijkteam", "Mark (begeleider)"."""
    label = ORGANISATIONS.get(organisation.name.casefold())
    if label is not None:
        text = t.plain(label)
    elif organisation.word:
        text = f"{organisation.name} ({relation_text(organisation.word, t)})"
    else:
        text = organisation.name
    return capitalized(text) if start else text


def relation_text(relation: str, t: Translator) -> str:
    """The relation as shown: a known Dutch word translated, anything else as typed (plain)."""
    label = DUTCH.get(relation.casefold())
    return t.plain(label) if label else relation


def unnamed(person: Person) -> bool:
    """Known only by a relation word: "mijn moeder" without a name."""
    return person.relation is not None and person.name.casefold() == person.relation.casefold()


def plural(person: Person) -> bool:
    return unnamed(person) and person.name.casefold() in PLURAL


def label(person: Person, t: Translator) -> str:
    """How a person starts a line or a button: "Sanne", "Je moeder" / "Your mum"."""
    return called(person, t, start=True)


def called(person: Person, t: Translator, start: bool = False) -> str:
    """How a person is spoken of in a sentence: "Sanne", or "je moeder" / "your mum"."""
    if not unnamed(person):
        return person.name
    text = t.plain(N_("je {relation}"), relation=relation_text(person.name, t))
    return capitalized(text) if start else text


def named_in_words(people: list[Person], words: set[str]) -> list[Person]:
    """The people a sentence names by their name or relation word, as whole words
    (``words``: the sentence normalised and split): "oma mag het zien", "sanne is …"."""
    return [p for p in people if {p.name.casefold(), (p.relation or "").casefold()} & words]
