"""Crisis detection beyond the phrase lists: word forms, typos, negation, combinations
within a sentence, worry about someone else, exploitation and weak (probable) signals."""

from __future__ import annotations

import pytest

from bot.safety import Detection, assess
from bot.safety.detection import RiskKind, detect, parse_phrases
from bot.safety.lexicon import lemma

S = RiskKind.SUICIDE
H = RiskKind.SELF_HARM
V = RiskKind.HOME_VIOLENCE
X = RiskKind.SEXUAL_VIOLENCE
E = RiskKind.EXPLOITATION
N = RiskKind.NO_SLEEPING_PLACE
W = RiskKind.WORRY_OTHER


def test_lemmas_come_from_the_package_per_language() -> None:
    assert lemma("sliep", "nl") == "slapen"
    assert lemma("gedwongen", "nl") == "dwingen"
    assert lemma("cuts", "en") == "cut"


@pytest.mark.parametrize(("text", "kind"), [
    ("ik overweeg te sterven", S),  # any form of "overwegen" + a death word
    ("ik heb mezelf weer beschadigd", H),
    ("ik heb al dagen niet geslapen want ik heb geen huis", N),
    ("ik word gedwongen om pakketjes te bezorgen", E),
    ("hij pushte me om nudes te sturen", E),
    ("i dont wanna live anymore", S),
])
def test_word_forms_are_matched_by_lemma(text: str, kind: RiskKind) -> None:
    lang = "en" if text.startswith("i ") else "nl"
    assert kind in detect(text, lang)


@pytest.mark.parametrize(("text", "kind"), [
    ("ik wil sterfen", S),  # one typo in a concept word the lemma rules do not know
    ("ik heb mezelf verwnd", H),
    ("ik wil mezelf snijdne", H),
])
def test_concept_words_are_matched_with_one_typo(text: str, kind: RiskKind) -> None:
    assert kind in detect(text, "nl")


def test_a_real_word_is_not_read_as_a_typo_of_another() -> None:
    """"slaap" is one letter from "slaan" (to hit), but a word of its own."""
    assert detect("morgen slaap ik bij mijn oma", "nl") == frozenset()


@pytest.mark.parametrize("text", [
    "ik wil niet dood",
    "ik denk nooit aan zelfmoord",
    "nee ik ben niet suïcidaal hoor",
    "mijn vader slaat me niet",
    "mijn moeder slaat me nooit",
    "ik ben niet dakloos",
    "ik ben niet in gevaar",
    "ik doe mezelf geen pijn",
    "ik heb nooit gesneden",
    "i never wanted to die",
])
def test_a_denial_is_no_signal(text: str) -> None:
    lang = "en" if text.startswith("i ") else "nl"
    assert detect(text, lang) == frozenset()


@pytest.mark.parametrize(("text", "kind"), [
    ("ik wil niet meer leven", S),  # "niet meer" is no denial
    ("ik weet het niet, ik wil dood", S),  # the denial is in another clause
    ("ik weet niet meer wat ik moet, ik wil dood", S),
    ("ik wil niet dood, maar ik zie geen uitweg meer", S),
    ("ik heb geen slaapplek", N),  # the negation is the signal
    ("ik durf niet naar huis", V),
])
def test_a_denial_does_not_hide_a_signal(text: str, kind: RiskKind) -> None:
    assert kind in detect(text, "nl")


def test_combinations_stay_within_a_sentence() -> None:
    assert detect("ik wil een nieuwe fiets. mijn opa is dood", "nl") == frozenset()
    assert S in detect("mijn opa is dood en ik wil ook dood", "nl")


def test_english_concept_words_do_not_apply_to_dutch() -> None:
    """"die" is a death word in English and "that" in Dutch."""
    assert detect("ik wil die baan", "nl") == frozenset()
    assert S in detect("i want to die", "en")


@pytest.mark.parametrize(("text", "lang", "behind"), [
    ("mijn vriendin wil dood", "nl", S),
    ("mijn beste vriend heeft gezegd dat hij zichzelf wil ophangen", "nl", S),
    ("niet ik maar mijn broer slaapt op straat", "nl", N),
    ("een meisje uit mn klas wordt thuis geslagen", "nl", V),
    ("my sister's boyfriend hits her, what do i do", "en", V),
])
def test_worry_about_someone_else_is_its_own_kind(text: str, lang: str,
                                                  behind: RiskKind) -> None:
    found = assess(text, lang)
    assert found.sure == {W}
    assert behind in found.about_other


@pytest.mark.parametrize(("text", "kind"), [
    ("mijn vriend slaat me", V),  # a friend, but the youth is the one hit
    ("mn vriend dreigt dat hij mijn fotos online zet", E),  # the youth's own photos
    ("mijn vriendin is dood en ik wil ook dood", S),
    ("ik denk dat mijn vriend een loverboy is", E),
])
def test_a_friend_in_the_message_does_not_make_it_about_someone_else(
        text: str, kind: RiskKind) -> None:
    found = assess(text, "nl")
    assert kind in found.sure and W not in found.kinds


def test_worry_counts_per_sentence() -> None:
    found = assess("mijn vriendin wil dood. ik heb vannacht geen slaapplek", "nl")
    assert found.sure == {W, N}


@pytest.mark.parametrize("text", [
    "mijn vriendje laat me met andere jongens naar bed gaan",
    "ik moet van mn vriend naaktfotos sturen anders maakt ie het uit",
    "ze hebben mijn paspoort afgepakt en ik moet voor ze werken",
])
def test_exploitation_is_its_own_kind(text: str) -> None:
    assert E in detect(text, "nl")


def test_an_ambiguous_housing_worry_is_only_probable() -> None:
    found = assess("geen contract, en ik weet niet waar ik heen moet als het misgaat", "nl")
    assert found == Detection(probable=frozenset({N}))
    assert detect("geen contract, en ik weet niet waar ik heen moet als het misgaat",
                  "nl") == {N}  # the engine still answers it until it learns to ask first


@pytest.mark.parametrize("text", [
    "ik weet niet waar ik vannacht heen moet",
    "ik heb vannacht geen slaapplek",
])
def test_tonight_makes_it_sure(text: str) -> None:
    assert assess(text, "nl").sure == {N}


@pytest.mark.parametrize(("text", "lang"), [
    ("ik moet deze week iets regelen met de woningcorporatie, anders sta ik op straat", "nl"),
    ("volgende maand sta ik op straat als ik niet betaal", "nl"),
    ("ik ben bang dat ik op straat kom te staan", "nl"),
    ("soon i will be living on the streets", "en"),
    ("if i do not pay i end up living on the street", "en"),
    ("next month i will be on the streets if i do not pay", "en"),
])
def test_a_night_outside_to_come_is_only_probable(text: str, lang: str) -> None:
    """A threat or a condition ([~no_sleeping_place]): tonight has a bed, so the bot asks
    "Heb je vannacht een plek om te slapen?" before the night shelter's number."""
    assert assess(text, lang) == Detection(probable=frozenset({N}))


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("ik sta op straat", "nl", N),
    ("ik slaap al een week op straat", "nl", N),
    ("ik sta vannacht op straat", "nl", N),
    ("als ik niet slaag wil ik dood", "nl", S),  # a condition: no doubt for suicide
    ("i sleep on the street", "en", N),
    ("i am living on the streets", "en", N),
    ("i have been on the streets for a week", "en", N),
])
def test_a_night_outside_now_stays_sure(text: str, lang: str, kind: RiskKind) -> None:
    assert assess(text, lang).sure == {kind}


def test_a_sure_kind_is_not_also_probable() -> None:
    found = assess("ik wil verdwijnen. ik wil dood", "nl")
    assert found.sure == {S} and found.probable == frozenset()


def test_empty_input_is_no_signal() -> None:
    assert assess("", "nl") == Detection()
    assert assess("🙂 . !!", "nl").kinds == frozenset()


@pytest.mark.parametrize(("bad", "message"), [
    ("[combine]\nsuicide self + dood", "expected 'kind = concept"),
    ("[combine]\nnonsense = self + dood", "unknown kind"),
    ("[combine]\nsuicide = self + ", "an empty part"),
    ("[?nonsense]\ndood", "unknown section"),
    ("[concepts]\ndood", "expected 'canonical"),
])
def test_concept_sections_report_errors_with_the_line(bad: str, message: str) -> None:
    with pytest.raises(ValueError, match=rf"test:\d+: {message}"):
        parse_phrases(bad, "test")
