"""Crisis signals: what must be caught, what must stay quiet, and that detection is safe."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety.detection import RiskKind, detect, normalise, parse_phrases, phrases_path

S = RiskKind.SUICIDE
H = RiskKind.SELF_HARM
V = RiskKind.HOME_VIOLENCE
X = RiskKind.SEXUAL_VIOLENCE
A = RiskKind.ACUTE_DANGER
N = RiskKind.NO_SLEEPING_PLACE
E = RiskKind.EXPLOITATION
W = RiskKind.WORRY_OTHER

DUTCH_POSITIVES: list[tuple[str, RiskKind]] = [
    # suicide: plain, youth spelling, typos, in longer sentences
    ("ik wil dood", S),
    ("Ik wil gewoon dood.", S),
    ("k wil dood", S),
    ("ik wil doooood", S),
    ("ik wil d00d", S),
    ("ik wil dood 🙃", S),
    ("ik denk soms aan zelfmoord", S),
    ("ZELFMOORD", S),
    ("zelfmoorddd", S),
    ("ik denk aan zelfmoort", S),
    ("ik heb zelfmoordgedachten", S),
    ("soms heb ik zm gedachten", S),
    ("ik denk de laatste tijd aan zelfdoding", S),
    ("ik denk aan suicide", S),
    ("ik ben suïcidaal", S),
    ("ik denk aan sucide", S),
    ("ik wil niet meer leven", S),
    ("ik wil echt niet meer leven", S),
    ("ik wl nie meer leve", S),
    ("ik wil er niet meer zijn", S),
    ("eigenlijk wil ik er gewoon niet meer zijn", S),
    ("ik wil echt niet meer bestaan", S),
    ("ik wil er gewoon niet meer zijn", S),
    ("soms zou ik er niet meer willen zijn", S),
    ("ik zou dood willen zijn", S),
    ("ik ga mezelf iets aandoen", S),
    ("ik wil mezelf wat aandoen", S),
    ("ik zie het niet meer zitten", S),
    ("iedereen is beter af zonder mij", S),
    ("ik wou dat ik dood was", S),
    ("ik wil er een eind aan maken", S),
    ("ik wil een einde aan mijn leven maken", S),
    ("ik heb al mijn pillen gespaard", S),
    ("ik wil niet meer wakker worden", S),
    ("mijn leven heeft geen zin meer", S),
    ("ik ben een last voor iedereen", S),
    # self-harm
    ("ik snijd mezelf", H),
    ("ik snij mezelf soms als het te veel wordt", H),
    ("ik wil mezelf snijden", H),
    ("ik ben weer aan het krassen", H),
    ("ik doe mezelf pijn", H),
    ("ik heb weer in mijn arm gesneden", H),
    ("ik heb mijn armen opengekrast", H),
    ("ik heb last van zelfbeschadiging", H),
    ("ik heb weer sh gedaan", H),
    ("ik kras weer", H),
    ("ik brand mezelf met een aansteker", H),
    # violence at home
    ("hij slaat me", V),
    ("mijn vader slaat me", V),
    ("ze slaat me", V),
    ("mijn stiefvader slaat me steeds", V),
    ("me vader slaat me", V),
    ("hij slaad me", V),
    ("ik word geslagen", V),
    ("ik word thuis geslagen door mijn moeder", V),
    ("thuis is niet veilig", V),
    ("thuis is het niet veilig voor mij", V),
    ("ik ben bang voor mijn vader", V),
    ("ik ben bang voor m'n stiefvader", V),
    ("mijn moeder schopt me", V),
    ("mijn vader heeft me gisteren weer geslagen", V),
    ("ik durf niet naar huis", V),
    ("ik krijg thuis klappen", V),
    ("mijn ouders mishandelen me", V),
    ("er is huiselijk geweld bij ons", V),
    # sexual violence
    ("ik ben misbruikt", X),
    ("ik ben aangerand", X),
    ("ik werd aangeraand op een feest", X),
    ("ik ben verkracht", X),
    ("ik ben verkragt", X),
    ("hij heeft me verkracht", X),
    ("hij dwingt me tot seks", X),
    ("mijn oom zit aan me", X),
    ("hij dreigt mijn naaktfoto's te verspreiden", X),
    ("ik ben seksueel misbruikt toen ik klein was", X),
    # acute danger
    ("ik ben in gevaar", A),
    ("hij heeft een mes", A),
    ("help hij heeft een mes!!!", A),
    ("ik ben hier niet veilig", A),
    ("hij wil me vermoorden", A),
    ("hij dreigt me dood te maken", A),
    ("ik heb te veel pillen genomen", A),
    ("ik word achtervolgd", A),
    ("moet ik 112 bellen", A),
    # no place to sleep
    ("ik heb geen slaapplek", N),
    ("ik heb vannacht geen slaapplek", N),
    ("ik heb nergens om te slapen", N),
    ("ik moet op straat slapen", N),
    ("ik ben dakloos", N),
    ("ik ben uit huis gezet", N),
    ("mijn moeder heeft me eruit gegooid", N),
    ("ik weet niet waar ik vannacht moet slapen", N),
    ("ik slaap nu bij vrienden op de bank", N),
    ("ik slaap in het park", N),
    ("ik heb geen dak boven mijn hoofd", N),
    ("ik kan nergens heen", N),
    ("ik heb geen plek om te slapen", N),
    # exploitation and coercion
    ("ik denk dat mijn vriend een loverboy is", E),
    ("mijn vriendje dwingt me naaktfotos te sturen", E),
    ("ik moet van hem seks hebben met zijn vrienden voor geld", E),
    ("ze laten me drugs verkopen anders doen ze me wat", E),
    # worry about someone else
    ("mijn vriendin wil dood", W),
    ("niet ik maar mijn vriend denkt aan zelfmoord", W),
    ("mijn zusje snijdt zichzelf", W),
    ("ik maak me zorgen om mijn vriendin, haar vader slaat haar", W),
]

DUTCH_NEGATIVES = [
    "ik ga dood van het lachen",
    "mijn telefoon is dood",
    "die film was echt killing",
    "ik sla mijn huiswerk over",
    "de batterij is leeg",
    "ik slaap bij mijn oma",
    "ik ben doodmoe",
    "ik schrok me dood",
    "ik ga dood van de honger",
    "ik verveel me dood",
    "ik lach me dood",
    "ik wil dood van het lachen",
    "ik wil me dood lachen om die video",
    "ik schaam me dood",
    "ik werk me dood voor school",
    "mijn plant is dood",
    "de wifi is weer dood",
    "dat slaat nergens op",
    "hij sloeg de bal hard weg",
    "we werden verslagen met voetbal",
    "ik heb een nieuwe slaapplek bij mijn tante",
    "ik woon bij mijn vader en dat gaat goed",
    "ik wil niet meer naar school",
    "ik kan niet wachten op de vakantie",
    "ik heb weer zin in het leven",
    "ik heb geen zin in school",
    "ik heb krassen op mijn telefoon",
    "ik kras een kraslot",
    "ik ben van school geschopt",
    "ik ben door een wesp gestoken",
    "ik snij de uien voor het eten",
    "ik wil later een eigen huis",
    "mijn vader helpt me met mijn huiswerk",
    "ik ben moe en ik wil slapen",
    "mijn opa is vorig jaar overleden",
    "ik ben dood op na het sporten",
    "ik wil doodgewoon een baan",
    "ik zit lekker op de bank",
    "ik hou van rappen",
    "mijn zus heeft een slaapfeestje",
    # close to the patterns added for youth language and the audit
    'ik trek het wel',
    'ik heb het niet meer zo druk',
    'ik kan niet meer wachten op mijn verjaardag',
    'ik hoef niet meer naar school op vrijdag',
    'ik ben klaar met mijn huiswerk',
    'ik ben klaar met alles voor vandaag hoor',
    'ik wil niet meer bij mijn ex',
    'ik wil stoppen met roken',
    'ik heb een touwtje voor mijn sleutels',
    'help me even met dit formulier',
    'mijn vader is streng maar lief',
    'ik wil slapen',
    'ik snij brood',
    'mijn broer pest me soms',
    'ik heb een blauwe plek van voetbal',
    'ik heb me gesneden aan papier',
    'ik sta op de lijst voor een huis',
    'ik zit op de bank met mijn vriendin',
    'ik woon in een kamer bij mijn tante',
    'ik moet mijn kamer opruimen',
    'mijn moeder heeft me gebeld',
    'ik heb een mes gekocht voor in de keuken',
    'ik wil voor altijd bij mijn vriendin blijven',
    'ik wil dat het weekend is',
    'die docent is kanker irritant',
    'ik ga dood aan deze toets',
    'mijn stiefvader komt vanavond eten',
    'ik zit vast in de file',
    'ik heb geen zin meer in voetbal',
    'ik ben het zat om elke dag vroeg op te staan',
    'ik ben gevlucht uit Syrië',
    'ik moet pillen slikken voor mijn adhd',
    'ze zoeken een begeleider voor me',
    'ik ben klaar met mijn opleiding',
    'ik wil voor mijn verjaardag een feest',
    'ik sta op de wachtlijst voor een huis',
    'ik slaap bij mijn vriend in het weekend',
    'mijn moeder helpt me met mijn post',
    'ik wil dat mijn moeder trots op me is',
    'mijn broer woont op kamers',
    'ik kan het niet meer vinden',
    'ik stap er morgen uit bij de bushalte',
    'papa kookt voor mama',
    'ik heb geen plek voor mijn fiets',
    'ik kan niet meer dan twee dagen werken',
]

# Missed by an earlier version (found by probing with 199 messages); the last six are
# ambiguous, and a false alarm on them is acceptable.
AUDIT_MISSES: list[tuple[str, RiskKind]] = [
    ('ik trek het niet meer', S),
    ('ik trek het echt nie meer', S),
    ('ik wil mezelf doden', S),
    ('ik heb een plan om mezelf te doden', S),
    ('ik wil mezelf om het leven brengen', S),
    ('ik heb er geen zin meer in om te leven', S),
    ('ik ben het zat om te leven', S),
    ('ik wil er een punt achter zetten', S),
    ('ik zou willen dat ik nooit geboren was', S),
    ('ik wil niet meer, ik kan het niet meer', S),
    ('ik wil niet meer hoor', S),
    ('ik wil niet meer echt', S),
    ('ik wil niet meer en ik kan niet meer', S),
    ('ik wil mijn polsen doorsnijden', S),
    ('ik wil mezelf kapot maken', S),
    ('k wil me eigen kapot maken', S),
    ('ik wil er gwn uit stappen', S),
    ('ik wil er tussenuit voor altijd', S),
    ('ik wil slapen voor altijd', S),
    ('ik wil dat alles stopt', S),
    ('ik wil stoppen met alles', S),
    ('ik heb net een strip paracetamol op', S),
    ('ik heb pillen geslikt', S),
    ('ik heb me weer gebrand', H),
    ('ik snij weer', H),
    ('heb weer gesneden', H),
    ('ik heb weer gesneden in me arm', H),
    ('ik heb me pols opengehaald', H),
    ('ik doe mezelf wat', H),
    ('papa slaat mama', V),
    ('mn vader is gewelddadig', V),
    ('ik krijg klappe van me pa', V),
    ('me pa heeft me gewurgt', V),
    ('mn broer bedreigt me', V),
    ('ik heb blauwe plekken van mn vader', V),
    ('ik ben bang voor mn moeders vriend', V),
    ('ik ben verkrag', X),
    ('hij heeft seks met me gehad terwijl ik niet wou', X),
    ('hij heeft me gedwongen', X),
    ('ze hebben mijn nudes rondgestuurd', X),
    ('ik word gechanteerd met naaktfotos', X),
    ('ik moet met mannen naar bed voor geld', X),
    ('mijn stiefvader komt in mijn bed', X),
    ('mijn stiefvader komt s nachts in mijn kamer', X),
    ('hij staat voor de deur en hij is gewapend', A),
    ('er is iemand met een mes', A),
    ('ik ben bang dat hij me iets aandoet', A),
    ('ik ben ontsnapt en hij zoekt me', A),
    ('ik sta op straat', N),
    ('ik zit op straat', N),
    ('mn moeder heeft me het huis uitgegooid', N),
    ('ik moet vannacht buiten slapen', N),
    ('ik slaap bij random mensen op de bank', N),
    ('ik ben weg van huis en heb geen plek', N),
    ('ik kan niet meer', S),
    ('ik hoef niet meer', S),
    ('ik ben klaar met alles', S),
    ('ik heb een touw gekocht', S),
    ('help me nu', A),
    ('wildood', S),
]

# Youth language: no punctuation, typos, street words ("mattie", "wollah", "ff", "kanker"
# as an intensifier), "me"/"mn" for "mijn".
YOUTH_LANGUAGE: list[tuple[str, RiskKind]] = [
    ('ff eerlijk ik wil dood', S),
    ('wollah ik wil nie meer leven', S),
    ('mattie ik ben er klaar mee ik wil dood', S),
    ('ik wil kanker graag dood', S),
    ('ik wil gwn dood gaan', S),
    ('ik wil er ff niet meer zijn', S),
    ('ik ga mezelf opknopen', S),
    ('ik wil me ophangen', S),
    ('ik ga van de flat springen', S),
    ('ik ga voor de trein springen', S),
    ('ik wil zelfmoord plegen', S),
    ('ik heb zelfmoordplannen', S),
    ('iedereen is beter af als ik er niet meer ben', S),
    ('ik heb me eigen gesneden', H),
    ('ik snij me arme open', H),
    ('k heb weer gekrast', H),
    ('ik heb me weer pijn gedaan', H),
    ('ik sla mezelf als ik boos ben', H),
    ('me moeder slaat me elke dag', V),
    ("m'n pa slaat me met zn riem", V),
    ('me stiefvader slaat me moeder', V),
    ('ik word thuis in elkaar geslagen', V),
    ('me vader heeft me in elkaar geslagen', V),
    ('thuis is kanker onveilig', V),
    ('ik durf nie naar huis', V),
    ('mn oom heeft aan me gezeten', X),
    ('hij heeft me aangerand op feest', X),
    ('hij wou dat ik nudes stuurde anders gaat hij alles posten', X),
    ('ze hebben me gedrogeerd op een feestje', X),
    ('die gast heeft een mes', A),
    ('hij staat met een mes voor mijn deur', A),
    ('ze willen me neersteken', A),
    ('ik word bedreigd', V),
    ('ze zitten achter me aan', A),
    ('ik slaap in een portiek', N),
    ('ik heb geen slaapplek mattie', N),
    ('ik slaap al een week in me auto', N),
    ('me moeder heeft me op straat gezet', N),
    ('ik ben dakloos sinds gisteren', N),
    ('ik moet vandaag mijn huis uit en weet niet waar ik heen moet', N),
    ('ik kan nergens heen vannacht', N),
    ('ik pit bij vrienden op de bank', N),
]

DUTCH = DUTCH_POSITIVES + AUDIT_MISSES + YOUTH_LANGUAGE

ENGLISH_POSITIVES: list[tuple[str, RiskKind]] = [
    ("i want to die", S),
    ("i wanna die", S),
    ("I'm going to kill myself", S),
    ("kms", S),
    ("i don't want to live anymore", S),
    ("i feel sucidal", S),
    ("i want to end my life", S),
    ("i've been cutting myself", H),
    ("i hurt myself again", H),
    ("my dad hits me", V),
    ("my stepdad beats me every week", V),
    ("i'm scared to go home", V),
    ("i was raped", X),
    ("he forced me to have sex", X),
    ("he has a knife", A),
    ("i'm in danger", A),
    ("i'm homeless", N),
    ("i have nowhere to sleep tonight", N),
    ("they kicked me out", N),
    ("my boyfriend makes me sleep with his friends", E),
    ("my friend wants to kill herself", W),
]

ENGLISH_PROBES: list[tuple[str, RiskKind]] = [
    ("he will kill me if i tell anyone", A),
    ("i can't do this anymore", S),
    ('i cant take it anymore', S),
    ('i want to kill myself', S),
    ('i wanna kms', S),
    ("i'm going to end it tonight", S),
    ("i don't want to be alive anymore", S),
    ('i wish i could disappear forever', S),
    ('i wish i was never born', S),
    ('everyone would be better off if i was gone', S),
    ('i have a plan to end my life', S),
    ('i took a whole bottle of pills', S),
    ('i swallowed a bunch of pills', S),
    ('i just overdosed', S),
    ("i'm thinking about jumping off a bridge", S),
    ('i bought a rope', S),
    ('i cut myself again last night', H),
    ("i've been cutting again", H),
    ('i burned myself with a lighter', H),
    ('i relapsed on sh', H),
    ('my dad beats my mom', V),
    ("my mom's boyfriend hits me", V),
    ('my stepdad choked me', V),
    ('i have bruises from my dad', V),
    ('my brother threatens me', V),
    ("i'm afraid of my dad", V),
    ('he raped me', X),
    ('my uncle touches me at night', X),
    ("he made me do things i didn't want to", X),
    ('someone is spreading my nudes', X),
    ("they're blackmailing me with my pics", X),
    ("there's a guy with a knife outside", A),
    ("he's outside my door and he has a gun", A),
    ("i'm scared he's going to hurt me", A),
    ('he said he would kill me', A),
    ('i got kicked out and have nowhere to go', N),
    ("i'm sleeping on the street tonight", N),
    ("i'm sleeping in my car", N),
    ('my parents threw me out', N),
    ("i'm sofa surfing at random people's places", N),
    ('i ran away and have no place to stay', N),
]

ENGLISH_NEGATIVES = [
    "im on the street, almost there",
    "the party was out on the streets",
    "i'm dying to see that movie",
    "my phone died",
    "you killed it!",
    "i'm dead tired",
    "hit me up later",
    "he beat me at fifa",
    "i cut my hair",
    "i'm sleeping at my grandma's",
    "this song slaps",
    "my mom will kill me if i'm late",
    "i got kicked out of class",
    "it hit me that i forgot my keys",
    'i could kill for a pizza right now',
    "i'm so dead after this exam lol",
    'my dad works at the bank',
    'i want to move out next year',
    'i need help with my homework',
    "i'm tired of school",
    "i slept at my friend's place after the party",
    'i cut the vegetables for dinner',
    'i hate waking up early',
    'the game killed me lol',
    "my mom will kill me if i am late",
]


@pytest.mark.parametrize(("text", "kind"), DUTCH)
def test_dutch_signal_is_caught(text: str, kind: RiskKind) -> None:
    assert kind in detect(text, "nl"), f"missed {kind} in {text!r} ({normalise(text)!r})"


@pytest.mark.parametrize(("text", "kind"), DUTCH)
def test_dutch_signal_is_caught_in_a_longer_message(text: str, kind: RiskKind) -> None:
    message = f"Hoi, ik weet niet zo goed hoe ik dit moet zeggen. {text}. Sorry voor dit bericht"
    assert kind in detect(message, "nl")


@pytest.mark.parametrize("text", DUTCH_NEGATIVES)
def test_dutch_figure_of_speech_stays_quiet(text: str) -> None:
    assert detect(text, "nl") == frozenset(), f"false alarm on {text!r} ({normalise(text)!r})"


@pytest.mark.parametrize(("text", "kind"), ENGLISH_POSITIVES + ENGLISH_PROBES)
def test_english_signal_is_caught(text: str, kind: RiskKind) -> None:
    assert kind in detect(text, "en"), f"missed {kind} in {text!r} ({normalise(text, 'en')!r})"


@pytest.mark.parametrize("text", ENGLISH_NEGATIVES)
def test_english_figure_of_speech_stays_quiet(text: str) -> None:
    assert detect(text, "en") == frozenset(), f"false alarm on {text!r}"


def test_dutch_counts_are_large_enough() -> None:
    assert len(DUTCH) >= 60
    assert len(DUTCH_NEGATIVES) >= 30
    assert {kind for _, kind in DUTCH_POSITIVES} == set(RiskKind)
    assert {kind for _, kind in ENGLISH_POSITIVES} == set(RiskKind)


@pytest.mark.parametrize("text", [
    "ik wil gewoon dood, kms",  # Dutch and English mixed
    "i wanna die, echt waar",
])
def test_languages_mix(text: str) -> None:
    assert RiskKind.SUICIDE in detect(text, "nl")
    assert RiskKind.SUICIDE in detect(text, "en")


def test_several_kinds_in_one_message() -> None:
    found = detect("mijn vader slaat me en ik heb vannacht geen slaapplek", "nl")
    assert found == {RiskKind.HOME_VIOLENCE, RiskKind.NO_SLEEPING_PLACE}


def test_a_figure_of_speech_does_not_hide_a_real_signal_elsewhere() -> None:
    assert detect("ik ga dood van het lachen maar eigenlijk wil ik dood", "nl") == {S}


@pytest.mark.parametrize("text", [
    "zelf\u200bmoord",  # zero-width space inside the word
    "zelf\u00admoord",  # soft hyphen
    "\u202ezelfmoord\u202c",  # right-to-left override around it
    "ＺＥＬＦＭＯＯＲＤ",  # full-width letters
    "𝐳𝐞𝐥𝐟𝐦𝐨𝐨𝐫𝐝",  # mathematical bold letters
    "zelfmoörd",
    "z3lfm00rd",
    "zеlfmоord",  # Cyrillic е and о
    "ik wil... dood",
    "ik-wil-dood",
])
def test_unicode_disguises_are_seen_through(text: str) -> None:
    assert RiskKind.SUICIDE in detect(text, "nl")


def test_normalise_folds_case_accents_runs_and_spellings() -> None:
    assert normalise("Ik  WIL   echt\tdoooood!!") == "ik wil echt dod"
    assert normalise("m'n zm") == "mijn zelfmord"
    assert normalise("") == ""
    assert normalise("🙂🙂") == ""


@pytest.mark.parametrize("text", ["", " ", "\n\t", "🙂", "\u200b\u200b", "?!", "x" * 5000])
def test_empty_and_odd_input_is_no_signal(text: str) -> None:
    assert detect(text, "nl") == frozenset()


def test_unknown_language_falls_back() -> None:
    assert detect("ik wil dood", "fr") == {S}


def test_phrase_files_parse_and_use_known_sections() -> None:
    for lang in ("nl", "en"):
        phrases = parse_phrases(phrases_path(lang).read_text(encoding="utf-8"), lang)
        # Worry about someone else has no patterns of its own: it is any signal in a
        # sentence about someone else ([other] patterns, person concepts).
        assert set(phrases.patterns) >= {kind.value for kind in RiskKind} - {"worry_other"}
        assert phrases.patterns["other"] and phrases.concepts and phrases.combinations


@pytest.mark.parametrize("bad", [
    "[suicide]\n... dood",
    "[suicide]\ndood ...",
    "[suicide]\nzelf*moord",
    "[suicide]\ndood?",
    "[nonsense]\ndood",
    "dood",
    "[words]\nzonder gelijkteken",
])
def test_phrase_file_errors_name_the_line(bad: str) -> None:
    with pytest.raises(ValueError, match=r"test:\d+"):
        parse_phrases(bad, "test")


# How quick detection is, also on hostile input, is measured in benchmarks/safety_eval.py.
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=5000))
def test_any_text_is_safe(text: str) -> None:
    result = detect(text, "nl")
    assert isinstance(result, frozenset)
    assert result <= set(RiskKind)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    ["ik", "wil", "dood", "niet", "meer", "leven", "mezelf", "slaat", "me", "...", "zelfmoord",
     "van", "het", "lachen", "geen", "slaapplek", "🙂", "\u200b", "112", "a" * 50]),
    max_size=1000))
def test_adversarial_word_soup_is_safe(words: list[str]) -> None:
    assert detect(" ".join(words), "nl") <= set(RiskKind)


def test_warm_up_builds_every_language_before_the_first_message() -> None:
    from bot.i18n import LANGUAGES
    from bot.safety import detection

    detection._matcher.cache_clear()
    detection.warm_up()
    assert detection._matcher.cache_info().currsize == len(LANGUAGES)
    assert detection.detect("ik wil dood", "nl")  # served by what was built
    assert detection._matcher.cache_info().misses == len(LANGUAGES)
