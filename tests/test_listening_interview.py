"""A conversation that listens: a quick look at all five domains, depth only where it is not
good, "Ik schrijf op: … Klopt dat?" after each, and HOE that starts with what is urgent.
Through the whole turn, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.documents.plan_pdf import plan_pdf
from bot.flows.conversation import Conversation
from bot.flows.interview.hoe import due_date, read_when
from bot.flows.interview.wat import PARKED, read_overview, read_story
from bot.i18n import Translator
from bot.plan.model import SCHEMA_VERSION, Domain, HelperKind, Plan, Status, When
from bot.plan.text import help_subject
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_plan_pdf import text_of

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)  # a Wednesday
FIXTURE = Path(__file__).parent / "fixtures" / "plan_schema_1.json"

# 3 people, a JIM, two hard domains and something urgent, typed as sentences.
SCRIPTED_YOUTH = [
    "oké", "Noor", "17", "gaat wel", "ja, ik moet morgen mijn huur betalen en heb geen geld",
    "mijn zus Sanne, oom Ahmed en buurvrouw Els", "praktisch en er voor me", "dichtbij",
    "advies", "een beetje", "leuke dingen", "ver weg", "dat is iedereen", "Sanne en Ahmed",
    "Ahmed", "later",
    "wonen slecht, geld niet goed, rest goed",
    "Ruzie thuis, maar mijn kamer is wel fijn. Ik wil een eigen kamer.", "ja",
    "Schulden, maar ik heb wel werk. Ik heb hulp nodig met mijn post.", "klopt",
    "mijn begeleider", "Ahmed, deze maand", "het wijkteam, deze week", "ja",
]


def youth_at(store: Store, answers: list[str]) -> Youth:
    youth = Youth(Turns(store, clock=lambda: NOW))
    youth.says("/start")
    for answer in answers:
        youth.says(answer)
    return youth


def at_quick_look(store: Store) -> Youth:
    """At the quick look, with Sanne (and no JIM yet)."""
    youth = youth_at(store, ["oké", "Noor", "17", "goed", "nee", "Sanne", "vriendin",
                             "praktisch", "dichtbij", "dat is iedereen", "Sanne",
                             "weet ik nog niet"])
    assert "Waar gaat het nu niet goed?" in youth.asked
    return youth


def test_the_whole_interview_takes_at_most_25_answers_with_every_fact_kept(store: Store) -> None:
    youth = youth_at(store, SCRIPTED_YOUTH)
    assert len(SCRIPTED_YOUTH) <= 25  # it was 51 before the quick look and the checks
    assert youth.state == "done" and "Je plan is klaar" in youth.text
    plan = youth.plan
    assert [u.text for u in plan.urgent] == ["ik moet morgen mijn huur betalen en heb geen geld"]
    sanne, ahmed, els = plan.people
    assert [(p.name, p.relation) for p in plan.people] == [
        ("Sanne", "zus"), ("Ahmed", "oom"), ("Els", "buurvrouw")]
    assert all(p.roles and p.closeness for p in plan.people)
    assert plan.fallback_ids == [sanne.id, ahmed.id] and plan.jim_person() == ahmed
    wonen, money = plan.domains[Domain.WONEN], plan.domains[Domain.INKOMEN]
    assert (wonen.status, wonen.hard, wonen.going_well, wonen.need) == (
        Status.NIET_GOED, "Ruzie thuis", "Mijn kamer is wel fijn", "een eigen kamer")
    assert (money.status, money.hard, money.going_well, money.need) == (
        Status.NIET_GOED, "Schulden", "Ik heb wel werk", "hulp met mijn post")
    assert {d: a.status for d, a in plan.domains.items() if d not in (Domain.WONEN,
                                                                      Domain.INKOMEN)} == {
        Domain.SUPPORT: Status.GOED, Domain.SCHOOL_WERK: Status.GOED, Domain.WELZIJN: Status.GOED}
    rent, room, post = plan.actions
    assert (rent.urgent_id, rent.helper, rent.when, rent.due) == (
        plan.urgent[0].id, HelperKind.PROFESSIONAL, When.WEEK, date(2026, 3, 5))  # tomorrow
    assert (room.helper, room.person_id, room.when, room.due) == (
        HelperKind.PERSON, ahmed.id, When.MAAND, date(2026, 3, 31))
    assert (post.helper, plan.organisation(post.person_id).name, post.when, post.due) == (
        HelperKind.ORGANISATION, "wijkteam", When.WEEK, date(2026, 3, 6))  # Friday
    assert plan.confirmed and els.id not in plan.fallback_ids


def test_a_no_with_something_that_does_go_well_keeps_it(store: Store) -> None:
    youth = at_quick_look(store)
    youth.clicks("💶 Geld")
    youth.clicks("Klaar")
    youth.says("schulden")
    youth.says("nee, ik heb wel werk trouwens")
    assert youth.plan.domains[Domain.INKOMEN].going_well == "Ik heb wel werk trouwens"
    assert "Wat heb je nodig?" in youth.asked


def yes_alone_at_what_goes_well(store: Store, yes: str) -> Youth:
    """Money is hard ("schulden"), and at "Gaat er ook iets wél goed?" only ``yes``: asked
    what, then."""
    youth = at_quick_look(store)
    youth.says("geld is slecht, de rest goed")
    youth.says("schulden")
    youth.says(yes)
    assert youth.asked.endswith("Fijn. Wat gaat er goed? Een paar woorden is genoeg.")
    return youth


def test_a_yes_alone_at_what_goes_well_asks_what_and_a_wish_keeps_the_need(
        store: Store) -> None:
    youth = yes_alone_at_what_goes_well(store, "ja hoor")
    assert youth.plan.domains[Domain.INKOMEN].going_well is None
    youth.says("ja, mijn werk")
    youth.says("hulp met de post zou echt fijn zijn")
    money = youth.plan.domains[Domain.INKOMEN]
    assert (money.going_well, money.need) == ("Mijn werk", "hulp met de post")


def test_a_second_yes_alone_is_kept_as_said_not_asked_a_third_time(store: Store) -> None:
    youth = yes_alone_at_what_goes_well(store, "ja 😀")
    youth.says("ja 😀")
    assert youth.plan.domains[Domain.INKOMEN].going_well == "ja 😀"
    assert "Wat heb je nodig?" in youth.asked


def test_a_lengthened_yes_is_a_yes_and_the_next_words_are_what_goes_well(
        store: Store) -> None:
    youth = yes_alone_at_what_goes_well(store, "jaaa")
    youth.says("mn werk gaat prima")
    assert youth.plan.domains[Domain.INKOMEN].going_well == "mn werk gaat prima"


def test_after_not_good_what_is_hard_comes_first_and_lands_there(store: Store) -> None:
    youth = at_quick_look(store)
    youth.clicks("💶 Geld")
    assert youth.replies[-1].replaces_previous
    youth.clicks("Klaar")
    assert "Wat is er nu moeilijk?" in youth.asked
    youth.says("schulden")
    assert "Gaat er ook iets wél goed?" in youth.asked
    youth.says("niks eigenlijk")
    youth.says("niks denk ik")  # no need: never an agreement
    assert "Moeilijk: schulden" in youth.asked and "Gaat goed" not in youth.asked
    youth.clicks("Ja")
    plan = youth.plan
    money = plan.domains[Domain.INKOMEN]
    assert (money.hard, money.going_well, money.need) == ("schulden", None, None)
    assert plan.domains[Domain.WONEN].status == Status.GOED  # not marked: it goes well
    assert plan.actions == [] and youth.state == "overview"
    text = text_of(plan_pdf(plan, Translator("nl"), NOW.date()))
    assert "Moeilijk: schulden" in text and "Gaat goed: schulden" not in text


def at_the_housing_check(store: Store) -> Youth:
    """At "Ik schrijf op: … Klopt dat?" for housing: what is hard and what is needed said
    in one answer, nothing going well."""
    youth = at_quick_look(store)
    youth.says("wonen is kut")
    youth.says("Het dak lekt. Ik wil een andere kamer")
    assert "Gaat er ook iets wél goed?" in youth.asked  # the need was said: not asked again
    youth.clicks("Nee")
    assert "Nodig: een andere kamer" in youth.asked and "Klopt dat?" in youth.asked
    return youth


def test_change_a_part_at_the_check_then_it_is_checked_again(store: Store) -> None:
    youth = at_the_housing_check(store)
    youth.clicks("Verander het")
    youth.clicks("Wat je nodig hebt")
    youth.says("Een kamer zonder lek")
    assert "Nodig: Een kamer zonder lek" in youth.asked and "Klopt dat?" in youth.asked
    youth.says("ik woon er al twee jaar")  # no yes or no: kept in their own words
    assert "in je eigen woorden" in youth.text and "Klopt dat?" in youth.asked
    youth.says("ja klopt")
    wonen = youth.plan.domains[Domain.WONEN]
    assert (wonen.hard, wonen.need, wonen.own_words) == (
        "Het dak lekt", "Een kamer zonder lek", "ik woon er al twee jaar")
    assert "Wie kan je helpen met: Een kamer zonder lek?" in youth.asked


def test_two_sayings_kept_at_the_check_stay_apart(store: Store) -> None:
    youth = at_the_housing_check(store)
    youth.says("ik woon er al twee jaar")
    youth.says("de huisbaas doet niks")
    assert youth.plan.domains[Domain.WONEN].own_words == (
        "ik woon er al twee jaar · de huisbaas doet niks")


@pytest.mark.parametrize("said", ["ja klopt", "ja", "oké hoor"])
def test_a_yes_alone_is_not_what_is_hard(store: Store, said: str) -> None:
    """Said to the quick look's "Ik schrijf op", a yes reaches "Wat is er nu moeilijk?":
    no answer to keep. Asked once more, in words; a second yes moves on."""
    youth = at_quick_look(store)
    youth.says("wonen is slecht, rest goed")
    assert youth.asked.endswith("Wat is er nu moeilijk?")
    youth.says(said)
    assert youth.plan.domains[Domain.WONEN].hard is None
    assert "Vertel het in je eigen woorden" in youth.text
    assert youth.asked.endswith("Wat is er nu moeilijk?")
    youth.says("ruzie met mijn huisgenoot")
    assert youth.plan.domains[Domain.WONEN].hard == "ruzie met mijn huisgenoot"


@pytest.mark.parametrize(("typed", "hard", "going_well"), [
    ("ik woon nu bij mijn moeder maar daar is veel ruzie",
     "Geen eigen plek · ik woon nu bij mijn moeder maar daar is veel ruzie", None),
    ("het is daar echt zwaar", "Geen eigen plek · het is daar echt zwaar", None),
    ("mijn kamer is niet slecht", "Geen eigen plek", "mijn kamer is niet slecht"),
    ("mijn buren zijn fijn, maar het is klein", "Geen eigen plek",
     "mijn buren zijn fijn, maar het is klein"),
])
def test_more_of_what_is_hard_at_what_goes_well_goes_with_what_is_hard(
        store: Store, typed: str, hard: str, going_well: str | None) -> None:
    """An answer to "Gaat er ook iets wél goed?" with a word of what is hard and none of
    what is good was written down as going well."""
    youth = at_quick_look(store)
    youth.says("wonen is slecht, rest goed")
    youth.says("Geen eigen plek")
    assert youth.asked.endswith("Gaat er ook iets wél goed?")
    youth.says(typed)
    wonen = youth.plan.domains[Domain.WONEN]
    assert (wonen.hard, wonen.going_well) == (hard, going_well)
    assert ("Dat zet ik bij wat moeilijk is." in youth.text) is (going_well is None)


def test_a_yes_alone_is_not_the_urgent_matter(store: Store) -> None:
    youth = Youth(Turns(store), "urgent-yes")
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.says("Noor")
    youth.clicks("Zeg ik liever niet")
    youth.clicks("Gaat wel")
    youth.clicks("Ja")
    assert youth.asked == "Wat moet er geregeld worden? Zeg het in je eigen woorden."
    youth.says("ja")
    assert youth.plan.urgent == []
    assert youth.asked == "Wat moet er geregeld worden? Zeg het in je eigen woorden."


def test_nothing_more_at_the_check_is_a_yes_not_words_to_keep(store: Store) -> None:
    youth = at_the_housing_check(store)
    youth.says("niks eigenlijk")
    assert youth.plan.domains[Domain.WONEN].own_words is None
    assert "Klopt dat?" not in youth.asked and "in je eigen woorden" not in youth.text


def test_a_longer_no_at_the_check_changes_a_part_named_in_words(store: Store) -> None:
    youth = at_quick_look(store)
    youth.says("geld is slecht, rest goed")
    youth.says("Schulden. Ik heb hulp nodig met mijn post")
    youth.says("nee")
    youth.says("nee dat klopt niet helemaal")
    assert youth.asked == "Wat wil je veranderen?"
    youth.says("wat ik nodig heb")  # clear: no "Bedoel je …?"
    assert "Wat heb je nodig?" in youth.asked and "Bedoel je" not in youth.text
    youth.says("hulp met mijn post en brieven")
    youth.says("ja nu klopt het")
    money = youth.plan.domains[Domain.INKOMEN]
    assert (money.need, money.own_words) == ("hulp met mijn post en brieven", None)


def test_the_rest_later_parks_domains_and_the_plan_says_so(store: Store) -> None:
    youth = at_quick_look(store)
    youth.clicks("🏠 Wonen")
    youth.clicks("De rest later")
    assert "🤝 Mensen om je heen: later" in youth.text
    youth.clicks("Sla over")
    youth.clicks("Weet ik niet")
    youth.clicks("Weet ik niet")
    youth.clicks("Ja")
    plan = youth.plan
    assert [d for d, a in plan.domains.items() if a.parked] == [
        Domain.SUPPORT, Domain.SCHOOL_WERK, Domain.INKOMEN, Domain.WELZIJN]
    assert plan.domains[Domain.WONEN].status == Status.NIET_GOED
    assert "💶 <b>Geld</b>: later" in youth.asked  # the overview
    assert "Geld: later" in text_of(plan_pdf(plan, Translator("nl"), NOW.date()))
    youth.changes("Een onderwerp", "💶 Geld", "Hoe het gaat", "Niet goed")  # later is now
    assert "Wat is er nu moeilijk?" in youth.asked
    youth.says("Ik heb schulden")
    assert not youth.plan.domains[Domain.INKOMEN].parked


def test_a_domain_that_goes_wel_gets_one_optional_question(store: Store) -> None:
    youth = at_quick_look(store)
    youth.says("school gaat wel, de rest is goed")
    assert "Wat gaat er goed?" in youth.asked and "School en werk" in youth.asked
    youth.says("Ik haal goede cijfers")
    assert "Gaat goed: Ik haal goede cijfers" in youth.asked  # no need asked: it goes wel
    youth.clicks("Ja")
    assert youth.state == "overview"
    assert youth.plan.domains[Domain.SCHOOL_WERK].status == Status.GAAT_WEL


def at_hoe(store: Store, people: str = "Sanne") -> Youth:
    youth = youth_at(store, ["oké", "Noor", "17", "goed",
                             "ja, ik slaap bij een vriend en moet weg", people, "vriendin",
                             "praktisch", "dichtbij", "dat is iedereen", "Sanne", "Sanne",
                             "later", "wonen slecht en geld slecht", "Geen eigen plek",
                             "nee", "Een kamer", "ja", "Schulden", "nee", "Een schuldhulp",
                             "ja"])
    assert "Dit moet snel: ik slaap bij een vriend en moet weg" in youth.asked  # urgent first
    return youth


def test_a_helper_named_in_a_sentence_is_said_back(store: Store) -> None:
    youth = at_hoe(store)
    youth.says("mijn vriendin wil dat wel doen")
    assert "Ik schrijf op: Sanne helpt je hiermee." in youth.text
    assert youth.plan.actions[0].person_id == youth.plan.people[0].id


@pytest.mark.parametrize(("typed", "said"), [
    ("mijn begeleider denk ik", "Ik schrijf op: je begeleider helpt je hiermee."),
    ("3", "Ik schrijf op: je begeleider helpt je hiermee."),
    ("dat doe ik zelf wel", "Ik schrijf op: je doet het zelf."),
    ("ik zelf samen met sanne", "Ik schrijf op: je doet het samen met Sanne."),
    ("sanne", "Ik schrijf op: Sanne helpt je hiermee."),
])
def test_a_typed_helper_is_said_back_as_written_down(store: Store, typed: str,
                                                      said: str) -> None:
    """Typed, no button shows the choice: whoever it was read as is said back."""
    youth = at_hoe(store)
    assert [c.label for c in youth.question.choices][1:3] == ["Ik doe het zelf",
                                                              "Mijn begeleider"]
    youth.says(typed)
    assert said in youth.text


def test_a_typed_when_is_said_back_with_its_day(store: Store) -> None:
    youth = at_hoe(store)
    youth.clicks("Sanne (je JIM)")  # the urgent matter: now, no "when"
    youth.says("binnen een week ofzo")  # at "Wie kan je helpen met: Een kamer?"
    assert "Oké, dat schrijf ik op. En wie kan je helpen?" in youth.text  # not "ofzo helpt"
    youth.clicks("Sanne (je JIM)")  # (by when is said already)
    youth.clicks("Mijn begeleider")  # Een schuldhulp
    assert youth.asked == "Wanneer wil je dat dit geregeld is?"
    youth.says("binnen een maand ofzo")
    assert "Ik schrijf op: deze maand (uiterlijk " in youth.text


def test_what_is_hard_may_begin_with_geen(store: Store) -> None:
    youth = at_hoe(store)  # "Geen eigen plek" was typed at Wonen's "Wat is er nu moeilijk?"
    assert youth.plan.domains[Domain.WONEN].hard == "Geen eigen plek"


def test_hoe_starts_with_what_is_urgent_and_takes_helpers_in_own_words(store: Store) -> None:
    youth = at_hoe(store)
    youth.says("dat doe ik zelf met sanne")
    assert "eerste stap" in youth.asked  # the youth takes part
    youth.says("Ik bel vanavond de woningbouw")
    assert "Wie kan je helpen met: Een kamer?" in youth.asked
    youth.says("niks denk ik")  # never an agreement, nor a person
    youth.clicks("Geen datum")
    assert "Wie kan je helpen met: Een schuldhulp?" in youth.asked
    youth.says("het wijkteam")
    assert "Ik schrijf op: het wijkteam helpt je hiermee." in youth.text
    assert "Wanneer" in youth.asked
    youth.says("later")
    plan = youth.plan
    sanne = plan.people[0]
    urgent, room, money = plan.actions
    assert (urgent.helper, urgent.person_id, urgent.together, urgent.first_step) == (
        HelperKind.PERSON, sanne.id, True, "Ik bel vanavond de woningbouw")
    assert (urgent.when, urgent.due) == (When.WEEK, date(2026, 3, 5))
    assert (room.helper, room.person_id, room.when) == (HelperKind.UNKNOWN, None, When.GEEN)
    assert [p.name for p in plan.people] == ["Sanne"]  # "niks denk ik" is nobody
    assert (money.helper, plan.organisation(money.person_id).name, money.when, money.due) == (
        HelperKind.ORGANISATION, "wijkteam", When.LATER, date(2026, 4, 15))
    assert "ikzelf, samen met Sanne (JIM)" in youth.asked  # the overview


def test_one_person_with_more_than_two_actions_is_offered_to_share_the_load(
        store: Store) -> None:
    youth = youth_at(store, ["oké", "Noor", "17", "goed",
                             "ja, ik moet morgen mijn huur betalen", "Sanne en Els", "vriendin",
                             "praktisch", "dichtbij", "vriendin", "advies", "dichtbij",
                             "dat is iedereen", "Sanne", "Sanne", "later",
                             "wonen en geld", "Te klein", "nee", "Een kamer", "ja",
                             "Schulden", "nee", "Hulp met de post", "ja",
                             "Sanne", "Sanne, deze maand"])
    assert youth.plan.load_of(youth.plan.people[0].id) == 2  # two: nothing said
    youth.says("Sanne, deze week")
    assert "Sanne helpt nu met 3 dingen. Dat is veel voor één persoon." in youth.asked
    youth.clicks("Ja, iemand anders")
    assert "Wie kan je helpen met: De post?" in youth.asked
    youth.clicks("Els")
    plan = youth.plan
    assert [a.person_id for a in plan.actions] == [plan.people[0].id] * 2 + [plan.people[1].id]
    assert plan.actions[2].when == When.WEEK and youth.state == "overview"


def test_a_group_worker_is_a_professional_and_a_sentence_is_no_relation(
        store: Store) -> None:
    youth = youth_at(store, ["oké", "Dewi", "15", "kut", "nee"])
    youth.says("mijn groepsleider Anouk, vriendin Lotte en Kim")
    assert "Anouk (groepsleider): die zet ik bij je hulpverleners" in youth.text
    youth.says("praktisch")
    youth.says("dichtbij")
    assert youth.asked.startswith("Wie is Kim voor jou?")
    youth.says("ze regelt dingen voor me")  # no relation word: kept, not taken as one
    kim = youth.plan.people[1]
    assert (kim.relation, kim.own_words) == (None, "ze regelt dingen voor me")
    assert youth.asked.startswith("Wat doet Kim voor je?")
    for said in ("praktisch", "dichtbij", "dat is iedereen", "Lotte"):
        youth.says(said)
    youth.says("anouk denk ik")  # a professional, by name: never the JIM
    assert "Een JIM is iemand uit je eigen omgeving" in youth.text
    youth.says("Lotte dan")
    assert "Een JIM is een volwassene. Is Lotte nog geen 18?" in youth.text
    assert youth.plan.jim_person() == youth.plan.people[0]


def test_due_dates_follow_the_word_in_dutch_time() -> None:
    late_sunday = datetime(2026, 3, 29, 22, 30, tzinfo=UTC)  # Monday 30 March in Amsterdam
    assert due_date(When.WEEK, NOW) == date(2026, 3, 6)
    assert due_date(When.WEEK, datetime(2026, 3, 6, 9, tzinfo=UTC)) == date(2026, 3, 6)
    assert due_date(When.WEEK, late_sunday) == date(2026, 4, 3)
    assert due_date(When.MAAND, NOW) == date(2026, 3, 31)
    assert due_date(When.MAAND, datetime(2026, 5, 30, 12, tzinfo=UTC)) == date(2026, 6, 30)
    assert due_date(When.MAAND, datetime(2026, 2, 10, tzinfo=UTC)) == date(2026, 2, 27)
    assert due_date(When.LATER, NOW) == date(2026, 4, 15)
    assert due_date(When.GEEN, NOW) is None


@pytest.mark.parametrize(("typed", "expected"), [
    ("wonen slecht, school gaat wel, rest goed",
     {Domain.WONEN: "niet_goed", Domain.SCHOOL_WERK: "gaat_wel", Domain.SUPPORT: "goed",
      Domain.INKOMEN: "goed", Domain.WELZIJN: "goed"}),
    ("geld is kut en de rest later",
     {Domain.INKOMEN: "niet_goed", Domain.SUPPORT: PARKED, Domain.WONEN: PARKED,
      Domain.SCHOOL_WERK: PARKED, Domain.WELZIJN: PARKED}),
    ("wonen en geld", {Domain.WONEN: "niet_goed", Domain.INKOMEN: "niet_goed",
                       Domain.SUPPORT: "goed", Domain.SCHOOL_WERK: "goed",
                       Domain.WELZIJN: "goed"}),
    ("alles goed", dict.fromkeys(Domain, "goed")),
    ("school gaat niet goed en met mijn gezondheid gaat het wel, de rest later",
     {Domain.SCHOOL_WERK: "niet_goed", Domain.WELZIJN: "gaat_wel", Domain.SUPPORT: PARKED,
      Domain.WONEN: PARKED, Domain.INKOMEN: PARKED}),
    ("school gaat echt slecht, de rest is oké",  # oké: fine, not "gaat wel" (no questions)
     {Domain.SCHOOL_WERK: "niet_goed", Domain.SUPPORT: "goed", Domain.WONEN: "goed",
      Domain.INKOMEN: "goed", Domain.WELZIJN: "goed"}),
    ("alles is eigenlijk wel oké behalve school en hoe ik me voel",
     {Domain.SCHOOL_WERK: "niet_goed", Domain.WELZIJN: "niet_goed", Domain.SUPPORT: "goed",
      Domain.WONEN: "goed", Domain.INKOMEN: "goed"}),
    ("behalve geld gaat alles goed",
     {Domain.INKOMEN: "niet_goed", Domain.SUPPORT: "goed", Domain.WONEN: "goed",
      Domain.SCHOOL_WERK: "goed", Domain.WELZIJN: "goed"}),
    # named without a status before a comma: not good, not the status of what follows
    ("vooral wonen en geld, school gaat eigenlijk wel prima",
     {Domain.WONEN: "niet_goed", Domain.INKOMEN: "niet_goed", Domain.SCHOOL_WERK: "goed",
      Domain.SUPPORT: PARKED, Domain.WELZIJN: PARKED}),
    ("wonen en geld, allebei gaat wel",
     {Domain.WONEN: "gaat_wel", Domain.INKOMEN: "gaat_wel", Domain.SUPPORT: PARKED,
      Domain.SCHOOL_WERK: PARKED, Domain.WELZIJN: PARKED}),
    ("wonen. geld gaat wel",
     {Domain.WONEN: "niet_goed", Domain.INKOMEN: "gaat_wel", Domain.SUPPORT: PARKED,
      Domain.SCHOOL_WERK: PARKED, Domain.WELZIJN: PARKED}),
    ("school is echt kut en met mijn gevoel gaat het ook niet zo goed, de rest gaat wel oke",
     {Domain.SCHOOL_WERK: "niet_goed", Domain.WELZIJN: "niet_goed", Domain.SUPPORT: "goed",
      Domain.WONEN: "goed", Domain.INKOMEN: "goed"}),  # "gaat wel oké": fine, no questions
    ("school is echt kut en ik slaap slecht",  # sleep is health and how you feel
     {Domain.SCHOOL_WERK: "niet_goed", Domain.WELZIJN: "niet_goed", Domain.SUPPORT: PARKED,
      Domain.WONEN: PARKED, Domain.INKOMEN: PARKED}),
    ("ik ben heel moe, de rest is goed",
     {Domain.WELZIJN: "niet_goed", Domain.SUPPORT: "goed", Domain.WONEN: "goed",
      Domain.SCHOOL_WERK: "goed", Domain.INKOMEN: "goed"}),
    ("hoi", None),
])
def test_the_quick_look_typed(typed: str, expected: dict | None) -> None:
    assert read_overview(typed) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("Ruzie in huis", {"hard": "Ruzie in huis"}),
    ("Ruzie thuis, maar mijn kamer is wel fijn. Ik wil een eigen kamer.",
     {"hard": "Ruzie thuis", "going_well": "Mijn kamer is wel fijn",
      "need": "een eigen kamer"}),
    ("Schulden. Ik heb hulp nodig met mijn post", {"hard": "Schulden",
                                                   "need": "hulp met mijn post"}),
    ("Het is niet fijn, maar ook niet leuk", {"hard": "Het is niet fijn maar ook niet leuk"}),
    ("I have debts but my job is okay. I need help with my mail.",
     {"hard": "I have debts", "going_well": "My job is okay", "need": "help with my mail"}),
])
def test_one_answer_about_a_hard_domain_is_read_in_parts(typed: str, expected: dict) -> None:
    assert read_story(typed) == expected


@pytest.mark.parametrize(("typed", "when", "rest"), [
    ("Ahmed, deze maand", When.MAAND, "Ahmed"), ("het wijkteam morgen", When.WEEK, "het wijkteam"),
    ("Sanne", None, "Sanne"), ("later", When.LATER, ""),
])
def test_by_when_inside_a_helper_answer(typed: str, when: When | None, rest: str) -> None:
    assert read_when(typed) == (when, rest)


def test_a_plan_and_conversation_stored_by_schema_1_load_and_go_on(store: Store) -> None:
    stored = json.loads(FIXTURE.read_text())
    finished = Plan.model_validate(stored["finished"]["plan"])
    assert finished.schema_version == SCHEMA_VERSION == 4
    assert [a.what for a in finished.actions] == ["Een eigen kamer", "Hulp met mijn post"]
    assert finished.actions[0].due is None and finished.domains[Domain.WONEN].parked is False
    mid = stored["mid_wat"]
    conversation = Conversation.model_validate(mid["conversation"])
    plan = Plan.model_validate(mid["plan"])
    assert conversation.state == "domain_hard"  # a question that still exists
    youth = Youth(Turns(store, clock=lambda: NOW))
    youth.says("/start")  # a user row; then the stored conversation takes its place
    with UnitOfWork(store) as uow:
        user_id = uow.users.find(youth.channel, youth.user)
        uow.conversations.save(user_id, conversation, plan, NOW, False)
        uow.commit()
    youth.says("/start")
    assert "Wat is er nu moeilijk?" in youth.asked
    youth.says("Het dak lekt")
    assert youth.plan.domains[Domain.WONEN].hard == "Het dak lekt"
    while youth.state != "done":  # the rest of the old route goes on to the end
        youth.clicks(youth.question.choices[0].id if youth.state != "overview" else "yes")
    assert youth.plan.confirmed


def test_words_said_back_are_escaped(store: Store) -> None:
    youth = at_quick_look(store)
    youth.says("wonen slecht, rest goed")
    youth.says("<b>ruzie</b>")
    youth.clicks("Nee")
    youth.clicks("Niks nodig")
    assert "&lt;b&gt;ruzie&lt;/b&gt;" in youth.asked and "<b>ruzie" not in youth.asked
    youth.says("ja")
    assert youth.state == "overview"


@pytest.mark.parametrize(("need", "subject"), [
    ("Hulp met mijn post", "Mijn post"),
    ("iemand die me helpt een kamer te zoeken", "een kamer zoeken"),
    ("hulp om werk te vinden", "werk vinden"),
    ("Someone to help me find a room", "Find a room"),
    ("hulp van mijn moeder", "hulp van mijn moeder"),  # who, not what: kept as said
    ("hulp", "hulp"),
    ("Een eigen kamer", "Een eigen kamer"),
])
def test_an_agreement_is_about_what_the_help_is_for(need: str, subject: str) -> None:
    """"Wie kan je helpen met: …?" and "Noor vraagt je hulp bij: …" don't say help twice;
    the need keeps the youth's own words."""
    assert help_subject(need) == subject


def test_a_need_that_starts_with_met_is_asked_about_without_met_twice(store: Store) -> None:
    youth = at_quick_look(store)
    youth.says("geld is slecht, rest goed")
    youth.says("Schulden")
    youth.says("nee")
    youth.says("misschien met iemand praten")  # the hedge is no part of the need
    youth.says("ja")
    assert "Wie kan je hierbij helpen: met iemand praten?" in youth.asked
