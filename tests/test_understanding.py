"""What a youth types in their own words is understood: no, don't know, names, relation words,
common words for choices. Through the whole turn, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.documents.network_picture import network_png
from bot.flows.typed_answers import asks_what_is_meant
from bot.i18n import Translator
from bot.plan.model import (
    SCHEMA_VERSION,
    Closeness,
    Domain,
    JimChoice,
    Mood,
    Plan,
    Role,
    Status,
)
from bot.plan.voice import FOR_YOUTH
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth


def at_mood(store: Store, language: str | None = None) -> Youth:
    youth = Youth(Turns(store), language=language)
    youth.says("/start")
    youth.clicks("start")
    youth.clicks("skip")  # name
    youth.clicks("skip")  # age
    return youth


def at_urgent(store: Store, language: str | None = None) -> Youth:
    youth = at_mood(store, language)
    youth.clicks("goed")
    assert youth.state == "urgent"
    return youth


def at_people(store: Store, language: str | None = None) -> Youth:
    youth = at_urgent(store, language)
    youth.clicks("no")
    assert youth.state == "people"
    return youth


def at_jim(store: Store) -> Youth:
    """At the JIM question, having said there is nobody."""
    youth = at_people(store)
    youth.says("niemand")
    return youth


def at_topics(store: Store) -> Youth:
    """At "Waar wil je beginnen?", without people or a JIM."""
    youth = at_jim(store)
    youth.clicks("skip")
    return youth


def with_sanne(store: Store) -> Youth:
    """At "Wie is er nog meer?" with one friend named."""
    youth = at_people(store)
    youth.says("Sanne")
    youth.says("vriendin")
    youth.clicks("skip")
    youth.clicks("skip")
    return youth


@pytest.mark.parametrize("answer", [
    "nee hoor, er is niks", "nee er hoeft niks geregeld te worden", "ik weet het echt niet",
    "er hoeft niks geregeld te worden", "niks aan de hand", "Nee.", "nope"])
def test_a_long_no_is_not_an_urgent_need(store: Store, answer: str) -> None:
    youth = at_urgent(store)
    youth.says(answer)
    assert youth.plan.urgent == []
    assert "112" not in youth.text and "bovenaan" not in youth.text
    assert "Wie is belangrijk voor jou?" in youth.asked


@pytest.mark.parametrize(("answer", "stored"), [
    ("ik heb morgen niks te eten in huis", "ik heb morgen niks te eten in huis"),
    ("ja, mijn huur moet morgen betaald worden", "mijn huur moet morgen betaald worden"),
    ("ik weet niet hoe ik mijn huur moet betalen", "ik weet niet hoe ik mijn huur moet betalen"),
])
def test_an_urgent_story_is_kept_as_typed(store: Store, answer: str, stored: str) -> None:
    youth = at_urgent(store)
    youth.says(answer)
    assert [u.text for u in youth.plan.urgent] == [stored]
    assert f"Dit zet ik bovenaan je plan: <i>{stored}</i>" in youth.text  # said back
    assert "Wie is belangrijk voor jou?" in youth.asked


@pytest.mark.parametrize(("answer", "reply", "urgent"), [
    ("ja", "Wie is belangrijk voor jou?", ["ik spreek fatima bijna elke dag"]),
    ("nee", "Oké, dan zet ik niets bovenaan je plan.", []),
])
def test_a_story_without_anything_to_arrange_is_checked_first(
        store: Store, answer: str, reply: str, urgent: list[str]) -> None:
    """Typed at "Moet er vandaag of morgen iets geregeld worden?" with no word of something
    to arrange (money, rent, food, a place to sleep, tomorrow …): one yes/no question before
    it goes to the top of the plan."""
    youth = at_urgent(store)
    youth.says("ik spreek fatima bijna elke dag")
    assert youth.asked == "Moet dit snel geregeld worden: <i>ik spreek fatima bijna elke dag</i>?"
    assert youth.plan.urgent == []
    youth.says(answer)
    assert [u.text for u in youth.plan.urgent] == urgent
    assert reply in youth.text
    assert youth.state == "people"


def test_yes_and_no_with_a_word_after_them(store: Store) -> None:
    youth = at_urgent(store)
    youth.says("ja hoor")
    assert youth.state == "urgent_what"
    youth.says("/terug")
    youth.says("nee hoor")
    assert youth.state == "people"


@pytest.mark.parametrize(("typed", "people", "asked"), [
    ("Kees de buurman", [("Kees", "buurman")], "Wat doet Kees voor je?"),
    ("mijn moeder misschien", [("moeder", "moeder")], "Wat doet je moeder voor je?"),
    ("oom Ahmed & buurvrouw Els", [("Ahmed", "oom"), ("Els", "buurvrouw")],
     "Wat doet Ahmed voor je?"),
    ("De Vries", [("De Vries", None)], "Wie is De Vries voor jou?"),
    ("mijn juf", [("juf", "juf")], "Wat doet je juf voor je?"),
    ("coach Dirk", [("Dirk", "coach")], "Wat doet Dirk voor je?"),
    ("mijn ouders", [("ouders", "ouders")], "Wat doen je ouders voor je?"),
    ("<b>vet</b>", [("<b>vet</b>", None)], "Wie is &lt;b&gt;vet&lt;/b&gt; voor jou?"),
    ("niemand behalve mijn zus Sanne", [("Sanne", "zus")], "Wat doet Sanne voor je?"),
    ("Lodewijk Jan van der Meulen", [("Lodewijk Jan van der Meulen", None)],
     "Wie is Lodewijk Jan van der Meulen voor jou?"),
    ("vriend van mijn broer", [("vriend van mijn broer", "vriend van mijn broer")],
     "Wat doet je vriend van mijn broer voor je?"),
    ("mijn oma natuurlijk", [("oma", "oma")], "Wat doet je oma voor je?"),  # not "Natuurlijk"
    ("Jayden tuurlijk", [("Jayden", None)], "Wie is Jayden voor jou?"),
])
def test_names_and_relation_words_are_read_as_meant(
        store: Store, typed: str, people: list[tuple[str, str | None]], asked: str) -> None:
    youth = at_people(store)
    youth.says(typed)
    assert [(p.name, p.relation) for p in youth.plan.people] == people
    assert youth.asked.startswith(asked)


def test_a_name_alone_in_a_sentence_is_checked_once_then_written_down(store: Store) -> None:
    """No relation word, a name no dictionary knows: one yes/no question, not "Noem nu
    alleen de naam" again and again."""
    youth = at_people(store)
    youth.says("lotte zie ik elk weekend")
    assert youth.asked == "Zal ik Lotte opschrijven?"
    assert [c.label for c in youth.question.choices] == ["Ja", "Nee"]
    assert youth.plan.people == []
    youth.says("ja")
    assert [(p.name, p.relation) for p in youth.plan.people] == [("Lotte", None)]
    assert youth.asked.startswith("Wie is Lotte voor jou?")


def test_no_to_the_names_guessed_keeps_who_was_said_surely(store: Store) -> None:
    youth = at_people(store)
    youth.says("mijn moeder en lotte zie ik vaak")
    assert youth.asked == "Zal ik je moeder en Lotte opschrijven?"
    youth.clicks("Nee")
    assert [(p.name, p.relation) for p in youth.plan.people] == [("moeder", "moeder")]
    assert "Ik schrijf op: je moeder." in youth.text
    assert youth.asked.startswith("Wat doet je moeder voor je?")


def test_no_to_a_name_guessed_alone_asks_for_the_name(store: Store) -> None:
    youth = at_people(store)
    youth.says("ze is heel belangijk voor me")  # a typo, no name
    assert youth.asked == "Zal ik Belangijk opschrijven?"
    youth.says("nee")
    assert youth.plan.people == []
    assert "Noem nu alleen de naam" in youth.text
    youth.says("ze is er altijd voor me")
    assert youth.state == "jim"  # never the same re-ask twice


def test_names_in_a_sentence_with_their_relation_are_said_back(store: Store) -> None:
    youth = at_people(store)
    youth.says("nou mijn zus fatima is echt belangrijk voor me en ook mijn vriendin lotte")
    assert [(p.name, p.relation) for p in youth.plan.people] == [("Fatima", "zus"),
                                                                  ("Lotte", "vriendin")]
    assert "Ik schrijf op: Fatima en Lotte." in youth.text


def test_a_name_alone_in_an_english_sentence(store: Store) -> None:
    youth = at_people(store, language="en")
    youth.says("i see lotte every weekend")
    assert youth.asked == "Shall I write down Lotte?"
    youth.says("yes")
    assert [p.name for p in youth.plan.people] == ["Lotte"]


def test_someone_known_by_a_relation_word_is_your_mum_in_english(store: Store) -> None:
    youth = at_people(store, language="en")
    youth.says("my mum")
    assert youth.asked.startswith("What does your mum do for you?")
    youth.says("/terug")
    youth.says("mijn moeder")
    assert youth.asked.startswith("What does your mother do for you?")


@pytest.mark.parametrize("answer", ["nee", "nee dat is iedereen", "niemand meer", "dat was het",
                                    "klaar", "Dat is iedereen"])
def test_that_is_everyone_in_own_words(store: Store, answer: str) -> None:
    youth = with_sanne(store)
    assert "Wie is er nog meer" in youth.asked
    youth.says(answer)
    assert "Noem nu alleen de naam" not in youth.text
    assert youth.state == "fallback"


@pytest.mark.parametrize("answer", ["ik heb eigenlijk niemand", "er is niemand", "niemand"])
def test_nobody_at_all_gets_a_warm_reply(store: Store, answer: str) -> None:
    youth = at_people(store)
    youth.says(answer)
    assert "Niet iedereen heeft mensen om zich heen" in youth.text
    assert "Noem nu alleen de naam" not in youth.text
    assert youth.state == "jim" and youth.plan.people == []


def test_only_one_way_to_say_that_is_everyone(store: Store) -> None:
    youth = at_people(store)
    assert [c.label for c in youth.question.choices] == ["Sla over"]
    youth.says("Sanne")
    youth.says("vriendin")
    youth.clicks("skip")
    youth.clicks("skip")
    assert [c.label for c in youth.question.choices] == ["Dat is iedereen"]


@pytest.mark.parametrize(("typed", "roles"), [
    ("praktisch", [Role.PRAKTISCH]), ("praktisch, advies", [Role.PRAKTISCH, Role.ADVIES]),
    ("leuke dingen en steun", [Role.SAMEN, Role.ER_VOOR_JE]), ("1 4", [Role.PRAKTISCH,
                                                                        Role.ER_VOOR_JE])])
def test_roles_in_own_words(store: Store, typed: str, roles: list[Role]) -> None:
    youth = at_people(store)
    youth.says("mijn zus Sanne")
    youth.says(typed)
    assert youth.plan.people[0].roles == roles
    assert youth.state == "person_closeness"


@pytest.mark.parametrize(("typed", "closeness"), [
    ("ver weg", Closeness.VERDER), ("heel dichtbij", Closeness.DICHTBIJ),
    ("beetje", Closeness.BEETJE)])
def test_closeness_in_own_words(store: Store, typed: str, closeness: Closeness) -> None:
    youth = at_people(store)
    youth.says("mijn zus Sanne")
    youth.clicks("done")
    youth.says(typed)
    assert youth.plan.people[0].closeness == closeness


def test_domain_status_in_own_words(store: Store) -> None:
    youth = at_topics(store)
    youth.says("geld is slecht, de rest gaat wel")
    assert youth.plan.domains[Domain.INKOMEN].status == Status.NIET_GOED
    assert youth.plan.domains[Domain.WONEN].status == Status.GAAT_WEL
    youth.says("/terug")
    youth.says("met geld gaat het niet zo goed")
    assert youth.plan.domains[Domain.INKOMEN].status == Status.NIET_GOED
    assert youth.state == "domain_hard"


def test_a_new_name_at_the_fallback_question_is_added(store: Store) -> None:
    youth = with_sanne(store)
    youth.clicks("skip")  # that's everyone
    assert "terugvallen" in youth.asked
    youth.says("mijn oma")
    assert "Je oma staat nu ook in je lijst." in youth.text
    plan = youth.plan
    oma = plan.people[-1]
    assert (oma.name, oma.relation) == ("oma", "oma")
    assert plan.fallback_ids == [oma.id]
    assert youth.state == "jim"
    assert "Je oma" in [c.label for c in youth.question.choices]


@pytest.mark.parametrize(("typed", "note"), [
    ("", "Ik zag geen tekst"), ("   ", "Ik zag geen tekst"),
    ("🏳️‍🌈", "Ik snap je emoji niet helemaal"), ("*_[]", "Dat kan ik niet lezen"),
    ("pff lange dag gehad", "Welk woord past het best?")])
def test_mood_re_asks_what_fits_the_input(store: Store, typed: str, note: str) -> None:
    youth = at_mood(store)
    youth.says(typed)
    assert note in youth.replies[0].text
    assert youth.state == "mood" and youth.asked == "Hoe gaat het vandaag met je?"
    if not typed.strip():
        assert "Dank je" not in youth.text


def test_a_face_answers_the_mood_question(store: Store) -> None:
    youth = at_mood(store)
    youth.says("😢")
    assert youth.plan.mood == Mood.SLECHT
    assert "rustig aan" in youth.text


def test_a_jim_from_school_is_not_named_van_school(store: Store) -> None:
    youth = at_jim(store)
    youth.says("mijn mentor van school")
    jim = youth.plan.jim_person()
    assert jim is not None and (jim.name, jim.relation) == ("mentor", "mentor")
    assert "Je mentor is jouw JIM" in youth.text
    assert "Van School" not in youth.text


@pytest.mark.parametrize(("typed", "name", "note"), [
    ("Mohammed Abdelkarim El Amrani", "Mohammed Abdelkarim El Amrani", "Fijn dat je er bent"),
    ("ik heet Ben", "Ben", "Fijn dat je er bent"),
    ("17", None, "Je leeftijd vraag ik zo"),
    ("ik heb geen zin in dit", None, "Welke naam mag ik gebruiken?")])
def test_your_name_as_typed(store: Store, typed: str, name: str | None, note: str) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("start")
    youth.says(typed)
    assert youth.plan.name == name
    assert note in youth.text


def test_a_greeting_at_the_welcome_gets_a_greeting(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.says("hoi")
    assert youth.replies[0].text == "Hoi! Fijn dat je er bent."
    assert youth.asked == "Zullen we beginnen?"
    youth.says("ok")
    youth.says("sam")
    assert youth.plan.name == "Sam" and "Fijn dat je er bent, Sam." in youth.text


@pytest.mark.parametrize(("typed", "roles"), [
    ("hij is er altijd", [Role.ER_VOOR_JE]), ("ze helpt me en geeft tips", [Role.PRAKTISCH,
                                                                              Role.ADVIES]),
    ("ze doet niks eigenlijk", [])])
def test_roles_in_a_sentence(store: Store, typed: str, roles: list[Role]) -> None:
    youth = at_people(store)
    youth.says("mijn moeder")
    youth.says(typed)
    assert youth.plan.people[0].roles == roles
    assert youth.state == "person_closeness"


def test_words_inside_a_sentence_answer_a_choice(store: Store) -> None:
    youth = at_mood(store)
    youth.says("gaat echt kut vandaag")
    assert youth.plan.mood == Mood.SLECHT
    youth.clicks("no")
    youth.says("mijn oom Ahmed")
    youth.clicks("done")
    youth.says("hij woont ver weg")
    assert youth.plan.people[0].closeness == Closeness.VERDER


def test_what_is_a_jim_explains_again(store: Store) -> None:
    youth = at_jim(store)
    youth.says("wat is een jim?")
    assert "Een JIM is een volwassene" in youth.replies[0].text
    assert youth.state == "jim"


def test_typed_roles_and_fallback_are_said_back(store: Store) -> None:
    """No button got a mark, so the bot says what it wrote down."""
    youth = at_people(store)
    youth.says("mijn zus Sanne en oom Ahmed")
    youth.says("ze helpt me met praktische dingen en geeft me advies")
    assert ("Ik schrijf op: Sanne helpt je met praktische dingen en geeft je advies."
            in youth.text)  # the bot's words to the youth, not the button's ("geeft me")
    assert youth.plan.people[0].roles == [Role.PRAKTISCH, Role.ADVIES]
    youth.says("dichtbij")
    youth.clicks("Geeft me advies")  # a button shows its own mark: nothing said back
    youth.clicks("Klaar")
    assert "Ik schrijf op" not in youth.text
    youth.says("een beetje")
    youth.says("dat is iedereen")
    youth.says("sanne en ahmed")
    assert "Ik schrijf op: je kunt terugvallen op Sanne en Ahmed." in youth.text


@pytest.mark.parametrize(("people", "typed", "fallback", "said"), [
    ("mn ma en mn broertje sem", "mn ma", "p1", "je kunt terugvallen op je ma."),  # not "Je ma"
    ("mijn zus Sanne en oom Ahmed", "sanne denk ik, die is er altijd", "p1",
     "je kunt terugvallen op Sanne."),
])
def test_the_fallback_typed_in_a_sentence_is_said_back_as_in_a_sentence(
        store: Store, people: str, typed: str, fallback: str, said: str) -> None:
    youth = at_people(store)
    youth.says(people)
    for answer in ("praktisch", "dichtbij", "advies", "een beetje", "dat is iedereen"):
        youth.says(answer)
    youth.says(typed)
    assert youth.plan.fallback_ids == [fallback]
    assert f"Ik schrijf op: {said}" in youth.text


@pytest.mark.parametrize("said", ["dat is het", "klaar", "dat was het wel", "iedereen"])
def test_the_end_of_a_list_at_the_jim_question_is_checked_once(store: Store, said: str) -> None:
    """Words that end the list of people are no "nobody" to "Wie zou jouw JIM kunnen
    zijn?": one yes/no, then the youth decides."""
    youth = at_jim(store)
    youth.says(said)
    assert youth.asked == "Bedoel je: nog geen JIM kiezen?" and youth.plan.jim is None
    youth.says("nee")
    assert youth.asked == "Wie zou jouw JIM kunnen zijn?"
    youth.says(said)
    youth.says("ja")
    assert "Een plan zonder JIM is ook goed." in youth.text
    assert youth.plan.jim is not None and youth.plan.jim.choice == JimChoice.UNDECIDED


@pytest.mark.parametrize("said", ["niemand", "nee", "nee niemand"])
def test_nobody_at_the_jim_question_is_no_jim_yet(store: Store, said: str) -> None:
    youth = at_jim(store)
    youth.says(said)
    assert "Een plan zonder JIM is ook goed." in youth.text


def test_a_word_that_is_no_name_does_not_become_a_helper(store: Store) -> None:
    youth = at_topics(store)
    youth.says("wonen")
    youth.says("ik moet weg")
    youth.says("niks")  # what goes well: nothing to keep
    youth.says("een huis")
    youth.says("ja")
    assert youth.plan.domains[Domain.WONEN].going_well is None
    assert "Wie kan je helpen met: een huis?" in youth.asked
    youth.says("welzijn")
    assert "noem wie het is" in youth.text and youth.plan.people == []
    youth.says("Kees")
    assert [p.name for p in youth.plan.people] == ["Kees"]
    assert youth.state == "action_when"


def test_klopt_dit_asked_again_does_not_repeat_the_whole_plan(store: Store) -> None:
    youth = at_topics(store)
    youth.clicks("skip")  # the quick look: all of it later
    assert "Klopt dit?" in youth.asked and "WIE" in youth.asked
    youth.says("hmm tja")
    assert youth.asked.startswith("Klopt je plan zo?") and "WIE" not in youth.asked
    youth.clicks("change")
    youth.clicks("skip")
    assert "WIE" in youth.asked  # back from a change: the plan in full again


def test_english_words_for_a_mood(store: Store) -> None:
    youth = at_mood(store, language="en")
    youth.says("not great tbh")
    assert youth.plan.mood == Mood.NIET_GOED
    assert "take it slow" in youth.text


def test_names_already_listed_are_said_as_one_sentence(store: Store) -> None:
    youth = at_people(store)
    youth.says("mijn zus Sanne en oom Ahmed")
    for _ in range(2):  # what they do, how close: as quick as it gets
        youth.clicks("Klaar")
        youth.clicks("Dichtbij")
    assert "Wie is er nog meer" in youth.asked
    youth.says("Sanne en Ahmed")
    assert "Sanne en Ahmed staan al in je lijst." in youth.text
    youth.says("Sanne")
    assert "Sanne staat al in je lijst." in youth.text


REASKS = ("snap ik niet", "Kies iemand hieronder", "Noem nu alleen de naam", "Kies een nummer",
          "Welk woord past", "Ik lees het nog niet goed", "laten we even liggen")


def test_a_whole_wie_in_sentences_only(store: Store) -> None:
    """No button, number or label: only sentences as youth type them. Every answer moves on
    (zero re-asks) and the plan holds what was said."""
    youth = Youth(Turns(store))
    youth.says("/start")
    asked = [youth.asked]
    for sentence in [
        "ja hoor laten we maar beginnen",
        "ik heet Noor",
        "ik ben 17",
        "gaat wel eigenlijk",
        "nee hoor er is niks",
        "mijn tante Fatima, mijn zus Sanne en mn begeleider",
        "ze helpt me met papieren en geeft tips",  # Fatima
        "ze staat echt heel dichtbij",
        "weinig eigenlijk, we hebben vaak ruzie",  # Sanne
        "best ver weg eigenlijk",
        "o ja en de buurman, Kees heet hij",
        "we chillen soms samen",  # Kees
        "mwah een beetje",
        "nee dat was het",
        "mijn tante en soms mijn zus",  # fallback
        "ik denk Fatima, die vertrouw ik het meest",  # JIM
    ]:
        youth.says(sentence)
        assert not any(note in youth.text for note in REASKS), (sentence, youth.text)
        assert youth.asked != asked[-1], f"asked again after {sentence!r}"
        asked.append(youth.asked)
    plan = youth.plan
    fatima, sanne, kees = plan.people
    assert (plan.name, plan.age) == ("Noor", 17)
    assert [(p.name, p.relation) for p in plan.people] == [
        ("Fatima", "tante"), ("Sanne", "zus"), ("Kees", "buurman")]
    assert (fatima.roles, fatima.closeness) == ([Role.PRAKTISCH, Role.ADVIES], Closeness.DICHTBIJ)
    assert (sanne.roles, sanne.own_words) == ([], "weinig eigenlijk, we hebben vaak ruzie")
    assert sanne.closeness == Closeness.VERDER
    assert (kees.roles, kees.closeness) == ([Role.SAMEN], Closeness.BEETJE)
    assert [o.name for o in plan.organisations] == ["begeleider"]
    assert plan.fallback_ids == [fatima.id, sanne.id]
    assert plan.jim_person() == fatima


def test_a_check_when_two_readings_are_likely(store: Store) -> None:
    """"fatiha" is close to Fatima but not sure: one yes/no check, then the answer lands."""
    youth = at_people(store)
    youth.says("mijn tante Fatima")
    youth.clicks("done")
    youth.clicks("dichtbij")
    youth.says("dat is iedereen")
    youth.clicks("done")  # fallback
    youth.says("fatiha")
    assert youth.asked == "Bedoel je: Fatima?"
    assert [c.label for c in youth.question.choices] == ["Ja", "Nee"]
    youth.says("ja klopt")
    assert youth.plan.jim_person().name == "Fatima"


def test_no_to_a_check_asks_once_more_then_moves_on(store: Store) -> None:
    youth = at_people(store)
    youth.says("mijn tante Fatima")
    youth.clicks("done")
    youth.clicks("dichtbij")
    youth.says("dat is iedereen")
    youth.clicks("done")
    youth.says("fatiha")
    youth.clicks("Nee")
    assert "Kies wat past" in youth.text and youth.state == "jim"
    youth.says("hmm ik twijfel nog over iemand")
    assert youth.plan.jim is not None and youth.plan.jim_person() is None
    assert "laten we even liggen" in youth.text


def test_never_the_same_re_ask_twice(store: Store) -> None:
    """A second answer that is not understood is not met with the same question again."""
    youth = at_topics(store)  # the quick look at all five domains
    youth.says("pfff lastig verhaal")
    assert "Noem de onderwerpen" in youth.text and youth.state == "domain_pick"
    youth.says("tja joh")
    assert "Noem de onderwerpen" not in youth.text and "laten we even liggen" in youth.text
    assert all(youth.plan.domains[d].parked for d in Domain)


def test_own_words_and_organisations_in_the_plan_not_in_the_network(store: Store) -> None:
    youth = at_people(store)
    youth.says("mijn zus Sanne en het wijkteam")
    assert "Het wijkteam: die zet ik bij je hulpverleners" in youth.text
    youth.says("weinig eigenlijk, we hebben vaak ruzie")
    assert "Ik schrijf het zo op: weinig eigenlijk, we hebben vaak ruzie" in youth.text
    youth.says("/plan")
    assert "In eigen woorden: weinig eigenlijk, we hebben vaak ruzie" in youth.text
    assert "Hulpverleners en organisaties: het wijkteam" in youth.text
    plan = youth.plan
    alone = plan.model_copy(update={"organisations": []})
    t = Translator("nl")
    assert network_png(plan, t, FOR_YOUTH) == network_png(alone, t, FOR_YOUTH)


def test_stored_plans_of_schema_1_load_and_are_upgraded() -> None:
    plan = Plan.model_validate({"schema_version": 1, "people": [{"id": "p1", "name": "Sanne"}]})
    assert plan.schema_version == SCHEMA_VERSION
    assert (plan.people[0].own_words, plan.organisations) == (None, [])


def test_an_organisation_can_be_taken_out_with_wijzig(store: Store) -> None:
    youth = at_people(store)
    youth.says("mijn zus Sanne en het wijkteam")
    youth.changes("Mensen om je heen")
    assert "Het wijkteam" in [c.label for c in youth.question.choices]
    youth.clicks("Het wijkteam")
    assert "Het wijkteam staat niet meer in je plan." in youth.text
    assert youth.plan.organisations == [] and [p.name for p in youth.plan.people] == ["Sanne"]


def test_no_with_a_name_after_a_check_is_a_new_answer(store: Store) -> None:
    youth = at_people(store)
    youth.says("mijn tante Fatima en mijn zus Sanne")
    for _ in range(2):
        youth.clicks("done")
        youth.clicks("dichtbij")
    youth.says("dat is iedereen")
    youth.clicks("done")
    youth.says("fatiha")
    assert youth.asked == "Bedoel je: Fatima?"
    youth.says("nee, Sanne bedoel ik")
    assert youth.plan.jim_person().name == "Sanne"


def test_a_greeting_with_a_wish_to_begin_begins(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.says("hoi, ik wil wel beginnen")
    assert youth.state == "name" and "Hoe mag ik je noemen?" in youth.asked


def test_a_later_in_a_sentence_answers_the_jim_offer(store: Store) -> None:
    youth = with_sanne(store)
    youth.says("dat is iedereen")
    youth.says("Sanne")
    youth.says("Sanne")
    assert "nu vragen om je JIM" in youth.asked
    youth.says("dat doe ik later wel")
    assert "Dat kan later met /delen." in youth.text and youth.state == "domain_pick"


def test_why_at_name_and_age_is_answered_and_an_age_may_be_a_word(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("start")
    youth.says("waarom wil je dat weten?")
    assert youth.replies[0].text == "Zo weet ik hoe ik je aanspreek. Een bijnaam mag ook."
    assert youth.plan.name is None and youth.asked == "Hoe mag ik je noemen?"
    youth.says("sam")
    youth.says("hoezo?")
    assert "Dan past je plan bij je leeftijd." in youth.text and youth.plan.age is None
    youth.says("ik ben tweeëntwintig")
    assert youth.plan.age == 22 and youth.asked == "Hoe gaat het vandaag met je?"
    youth.says("/terug")
    youth.says("17, hoezo?")  # an age and a why: the age is the answer
    assert youth.plan.age == 17 and youth.asked == "Hoe gaat het vandaag met je?"



def test_a_question_back_is_explained_never_kept_as_an_answer(store: Store) -> None:
    youth = at_mood(store)
    youth.says("wat bedoel je?")
    assert youth.replies[0].text.startswith("Ik bedoel: hoe voel je je vandaag?")
    youth.clicks("Gaat wel")
    youth.says("wat bedoel je daarmee")  # four words: before, kept as the urgent matter
    assert youth.replies[0].text.startswith("Ik bedoel iets wat niet kan wachten.")
    assert youth.plan.urgent == [] and youth.asked.startswith("Moet er vandaag of morgen")
    youth.clicks("Ja")
    youth.says("huh?")
    assert "in je eigen woorden" in youth.text and youth.plan.urgent == []
    youth.says("ik heb geen geld voor eten")
    assert [need.text for need in youth.plan.urgent] == ["ik heb geen geld voor eten"]


@pytest.mark.parametrize(("typed", "asks_back"), [
    ("wat bedoel je daarmee", True), ("huh?", True), ("ik snap het niet", True),
    ("wat moet ik typen?", True), ("wat is dit precies?", True), ("I don't get it", True),
    ("ik snap het niet meer op school", False),  # what is hard
    ("wat moet ik doen met mijn schulden", False),  # what is needed
    ("i dont understand my letters", False), ("wat is het moeilijkst", False),
])
def test_a_question_back_is_told_from_an_answer(typed: str, asks_back: bool) -> None:
    assert asks_what_is_meant(typed) is asks_back
