"""WAT, here and now first: one quick look at all five life domains, then depth only where it
is not good (or only "gaat wel"), each domain ending with what the bot writes down.

The quick look takes buttons (where it is not good) or a typed line ("wonen slecht, school
gaat wel, rest goed"). A domain that is not good asks what is hard first, then whether
something goes well, then what would help — each skipped when the first answer already
said it — and ends with "Ik schrijf op: … Klopt dat?". The cursor holds ``domain`` (being
asked) and ``domains_left`` (still to come).
"""

from __future__ import annotations

import re

from bot.flows.question import (
    Context,
    FollowUp,
    MultiChoiceQuestion,
    Next,
    Outcome,
    Question,
    TextQuestion,
)
from bot.flows.typed_answers import SYNONYMS, choice_in_sentence, dont_know, normalize, yes_or_no
from bot.i18n import N_
from bot.messages import Choice
from bot.plan.labels import DOMAIN_ICONS, DOMAIN_LABELS, STATUS_LABELS, domain_lines, status_word
from bot.plan.model import Action, Domain, DomainAnswer, Status
from bot.plan.text import beside, capitalized, has_words, help_subject

STATUS_QUESTIONS = {
    Domain.SUPPORT: N_("Hoe gaat het nu met de mensen om je heen?"),
    Domain.WONEN: N_("Hoe gaat het nu met wonen?"),
    Domain.SCHOOL_WERK: N_("Hoe gaat het nu met school of werk?"),
    Domain.INKOMEN: N_("Hoe gaat het nu met geld?"),
    Domain.WELZIJN: N_("Hoe gaat het nu met je gezondheid en je gevoel?"),
}
DOMAIN_HARD = "domain_hard"  # what is hard in a part of life
DOMAIN_NEED = "domain_need"  # what the youth needs there
NOTHING = "nothing"
# "niks", "niks denk ik", "nee niet echt", "weet ik niet": nothing to keep, never an answer.
# A "geen" alone only: "geen contract" or "geen eigen plek" is what is hard.
_NOTHING = re.compile(r"^(nee|no|nope|niks|niets|nix|nothing|none)\b|^geen\W*$|"
                      r"^(niet|not) (echt|really|veel|zo)\b|^(echt )?geen idee\b")


def says_nothing(text: str) -> bool:
    return dont_know(text) or bool(_NOTHING.search(normalize(text)))


def current_domain(ctx: Context) -> Domain:
    return Domain(ctx.cursor.domain or Domain.SUPPORT)


def current_answer(ctx: Context) -> DomainAnswer:
    return ctx.plan.domain(current_domain(ctx))


def heading(ctx: Context, domain: Domain) -> str:
    return f"{DOMAIN_ICONS[domain]} <b>{ctx.t(DOMAIN_LABELS[domain])}</b>\n"


def advance_domain(ctx: Context) -> None:
    left: list[str] = ctx.cursor.domains_left
    ctx.cursor.domain = left.pop(0) if left else None
    ctx.cursor.domains_left = left


# --- the quick look -------------------------------------------------------------------------
PARKED = "parked"
_DOMAIN_WORDS: dict[Domain, tuple[str, ...]] = {
    Domain.SUPPORT: (*SYNONYMS["support"], "mensen om me heen", "mensen om je heen", "netwerk",
                     "vriendin", "vriend", "ouders", "support"),
    Domain.WONEN: (*SYNONYMS["wonen"], "wonen", "woonplek", "huur", "housing", "living"),
    Domain.SCHOOL_WERK: (*SYNONYMS["school_werk"], "school en werk", "school of werk"),
    Domain.INKOMEN: (*SYNONYMS["inkomen"], "inkomen", "schuld", "uitkering", "financien"),
    Domain.WELZIJN: (*SYNONYMS["welzijn"], "welzijn", "gezondheid en gevoel", "mentaal",
                     "hoofd", "lijf", "wellbeing", "me voel", "voel me", "how i feel",
                     "slaap", "slapen", "moe", "ziek", "stress", "sleep", "tired", "sick"),
}
_REST = re.compile(r"\b(de rest|rest|alles|al het andere|de andere|andere|overige|verder|"
                   r"the rest|everything else|others)\b")
_LATER = re.compile(r"\b(later|straks|een andere keer|another time)\b")
_SO_SO = re.compile(r"\bgaat (?:het |t )?wel\b")
_OKAY = re.compile(r"\b(ok|oke|okay|okee|okido)\b")
_SAME = re.compile(r"\b(ook|too|also|allebei|beide|both)\b")
_EXCEPT = re.compile(r"\b(?:behalve|except(?: for)?|but not)\b", re.IGNORECASE)
_JOINS = re.compile(r"([,;.!?\n]+|\s(?:en|maar|and|but|want|omdat)\s)")
_AND = frozenset({"en", "and"})  # joins domains that share the status after them
_STATUS_CHOICES = [Choice(s.value, s.value.replace("_", " ")) for s in Status]


def domains_in(segment: str) -> list[Domain]:
    padded = f" {segment} "
    return [d for d, words in _DOMAIN_WORDS.items() if any(f" {w} " in padded for w in words)]


def _status_in(segment: str) -> str | None:
    if _LATER.search(segment):
        return PARKED
    if _OKAY.search(segment) and choice_in_sentence(
            _OKAY.sub(" ", segment), _STATUS_CHOICES) in (None, Status.GAAT_WEL.value):
        return Status.GOED.value  # "de rest is oké", "gaat wel oké": not "gaat wel", fine
    status = choice_in_sentence(segment, _STATUS_CHOICES)
    if status is None and _SO_SO.search(segment):  # "met mijn gezondheid gaat het wel"
        return Status.GAAT_WEL.value
    return status


def _segments(text: str) -> list[tuple[bool, str]]:
    """The parts of a line, each with whether an "en" joins it to the part before."""
    parts = _JOINS.split(text.replace("school en werk", "school"))
    return [(joiner.strip().lower() in _AND, normalize(part))
            for joiner, part in zip(["", *parts[1::2]], parts[::2], strict=True)]


def read_overview(text: str) -> dict[Domain, str] | None:
    """A typed quick look: per domain a status or PARKED ("wonen slecht, school gaat wel,
    rest goed", "geld is kut en de rest later"); None when it names no domain and no rest.

    A status belongs to the domains named just before it in the same part or one joined by
    "en" ("wonen en geld slecht"; "wonen en geld, allebei slecht"); domains named without
    any status are where it is not good (the question asks for those), also when a comma
    or "maar" comes before other domains with a status of their own ("vooral wonen en
    geld, school gaat prima"). "de rest …" speaks for every domain not named; without
    it they go well when only the domains that are not good were named, else come later.
    """
    head, tail = [*_EXCEPT.split(text, maxsplit=1), ""][:2]
    named = [segment for _, segment in _segments(tail)]
    if any(domains_in(segment) for segment in named):  # "alles oké behalve school"
        about_rest = head if normalize(head) else tail  # "behalve wonen gaat alles goed"
        rest = _status_in(normalize(about_rest)) or Status.GOED.value
        except_for = {d for segment in named for d in domains_in(segment)}
        read = read_overview(tail) if normalize(head) else {}
        return {d: read.get(d, Status.NIET_GOED.value) if d in except_for else rest
                for d in Domain}
    segments = _segments(text)
    said: dict[Domain, str] = {}
    pending: list[Domain] = []
    rest: str | None = None
    last: str | None = None
    for joined, segment in segments:
        if not segment:
            continue
        domains, status = domains_in(segment), _status_in(segment)
        if not domains and _REST.search(segment):
            rest = status or rest
            continue
        if domains and not joined:  # the domains before, named without a status: not good
            said.update(dict.fromkeys(pending, Status.NIET_GOED.value))
            pending = []
        if domains and status is None and last and _SAME.search(segment):
            status = last  # "school is kut en geld ook"
        pending += [d for d in domains if d not in pending and d not in said]
        if status and pending:
            said.update(dict.fromkeys(pending, status))
            pending = []
        last = status or last
    if not said and not pending and rest is None:
        return None
    if rest is None:  # only where it is not good: the rest goes well; else it comes later
        rest = PARKED if said else Status.GOED.value
    said.update(dict.fromkeys(pending, Status.NIET_GOED.value))
    return {domain: said.get(domain, rest) for domain in Domain}


class QuickLook(MultiChoiceQuestion):
    """All five domains on one screen: where is it not good? Buttons mark those; a typed line
    may give each its own status. What is not marked goes well; "De rest later" parks it."""

    skip_label = N_("De rest later")

    def intro(self, ctx: Context) -> str | None:
        return ctx.t(N_("Nu kijken we naar je leven van nu. Dat gaat over vijf onderwerpen."))

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Waar gaat het nu niet goed? Kies wat past, daarna Klaar. "
                        "Of typ het, zoals: wonen slecht, school gaat wel, rest goed."))

    def options(self, ctx: Context) -> list[Choice]:
        return [Choice(d.value, f"{DOMAIN_ICONS[d]} {ctx.t(label)}")
                for d, label in DOMAIN_LABELS.items()]

    def selected(self, ctx: Context) -> list[str]:
        return list(ctx.cursor.not_good or [])

    def set_selected(self, ctx: Context, ids: list[str]) -> None:
        ctx.cursor.not_good = [i for i in ids if i in set(Domain)]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        outcome = super().on_choice(ctx, choice)
        if outcome is Outcome.ACCEPTED:  # "Klaar": what is not marked goes well
            self.finish(ctx, Status.GOED.value)
        return outcome

    def on_skip(self, ctx: Context) -> Outcome:
        self.finish(ctx, PARKED)
        return Outcome.ACCEPTED

    def on_text(self, ctx: Context, text: str) -> Outcome:
        if dont_know(text) or _LATER.fullmatch(normalize(text)):
            return self.on_skip(ctx)
        reading = read_overview(text)
        if reading is not None:
            self.settle(ctx, reading)
            return Outcome.ACCEPTED
        if choice_in_sentence(text, _STATUS_CHOICES) == Status.GOED.value:  # "gaat goed hoor"
            self.finish(ctx, Status.GOED.value)
            return Outcome.ACCEPTED
        outcome = super().on_text(ctx, text)
        if outcome is Outcome.ACCEPTED and ctx.cursor.not_good is not None:
            self.finish(ctx, Status.GOED.value)  # typed the domains that are not good
        return outcome

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        ctx.note(ctx.t(N_("Noem de onderwerpen waar het niet goed gaat. "
                          "Bijvoorbeeld: wonen en geld.")))
        return Outcome.REASK

    def finish(self, ctx: Context, rest: str) -> None:
        marked = ctx.cursor.not_good or []
        self.settle(ctx, {d: Status.NIET_GOED.value if d.value in marked else rest
                          for d in Domain})

    def settle(self, ctx: Context, reading: dict[Domain, str]) -> None:
        """Store the quick look, say back what was written down, and queue the depth."""
        ctx.cursor.not_good = None
        for domain, said in reading.items():
            answer = ctx.plan.domain(domain)
            answer.parked = said == PARKED
            answer.status = None if answer.parked else Status(said)
            answer.skipped = False
        ctx.changed("wat.overview")
        ctx.note(overview_note(ctx))
        deeper = [d.value for d in sorted(Domain, key=lambda d: ctx.plan.domain(d).status
                                          != Status.NIET_GOED)  # what is not good first
                  if needs_depth(ctx.plan.domains.get(d))]
        ctx.cursor.domain = deeper[0] if deeper else None
        ctx.cursor.domains_left = deeper[1:]


def needs_depth(answer: DomainAnswer | None) -> bool:
    return answer is not None and answer.status in (Status.NIET_GOED, Status.GAAT_WEL)


def overview_note(ctx: Context) -> str:
    """ "Ik schrijf op:" and how each domain goes, in one short list."""
    lines = [ctx.t(N_("Ik schrijf op:"))]
    for domain, label in DOMAIN_LABELS.items():
        answer = ctx.plan.domains.get(domain)
        if answer is not None and (answer.status or answer.parked):
            lines.append(f"{DOMAIN_ICONS[domain]} {ctx.t(label)}: "
                         f"{status_word(answer, ctx.t)}")
    if any(a.parked for a in ctx.plan.domains.values()):
        lines.append(ctx.t(N_("Wat later komt, kun je invullen met /wijzig.")))
    return "\n".join(lines)


# --- one domain in depth --------------------------------------------------------------------
class DomainStatus(Question):
    """How one domain goes (after /wijzig, or in a conversation begun before the quick look)."""

    def prompt(self, ctx: Context) -> str:
        domain = current_domain(ctx)
        return heading(ctx, domain) + ctx.t(STATUS_QUESTIONS[domain])

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(s.value, ctx.t(label)) for s, label in STATUS_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        answer = current_answer(ctx)
        before = None if answer.skipped or answer.parked else answer.status
        answer.status = Status(choice)
        answer.skipped = answer.parked = False
        ctx.changed(f"wat.{current_domain(ctx).value}.status")
        if ctx.cursor.editing:  # via /wijzig: ask what the new answer opens up
            ctx.queue(*opened_up(answer, before))
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        current_answer(ctx).skipped = True
        advance_domain(ctx)
        return Outcome.ACCEPTED


def opened_up(answer: DomainAnswer, before: Status | None) -> list[str]:
    """The questions a changed status opens: after a skip, what is hard (or goes well) and
    what is needed; from "goed" to less, what is hard."""
    if before is None:
        asks = {"domain_good" if answer.status == Status.GOED else DOMAIN_HARD: None,
                DOMAIN_NEED: answer.need}
    elif before == Status.GOED and answer.status != Status.GOED:
        asks = {DOMAIN_HARD: answer.hard}
    else:
        asks = {}
    return [key for key, value in asks.items() if value is None]


class DomainText(TextQuestion):
    """One free-text part of a domain answer (what goes well, what is hard, …)."""

    asks_what = True

    def __init__(self, key: str, text: str, field: str) -> None:
        super().__init__(key)
        self.text = text
        self.field = field

    def prompt(self, ctx: Context) -> str:
        return heading(ctx, current_domain(ctx)) + ctx.t(self.text)

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        if says_nothing(text):  # "niks denk ik": nothing to keep, not an answer to store
            return self.on_skip(ctx)
        self.keep(ctx, self.field, text)
        return Outcome.ACCEPTED

    def keep(self, ctx: Context, field: str, text: str | None) -> None:
        if text is not None:
            text = _HEDGE.sub("", text) or text  # "een wekker denk ik": "een wekker"
        if text is not None and field == "need":  # "ik heb een laptop nodig": "een laptop"
            text = _WISH.sub("", _MAYBE.sub("", text)) or text
            if _NEED.search(text):  # (not "ik heb geen slaapplek": that is the need)
                text = _need_words(text)
        setattr(current_answer(ctx), field, text)
        ctx.changed(f"wat.{current_domain(ctx).value}.{field}")
        if field == "need":
            sync_action(ctx)


_HEDGE = re.compile(r"[\s,]*\b(denk ik|misschien|ofzo|of zo|i think|maybe)[\s.!?]*$",
                    re.IGNORECASE)
_MAYBE = re.compile(r"^(misschien|waarschijnlijk|maybe|probably)[\s,]+", re.IGNORECASE)
# "bijles zou fijn zijn": the need is "bijles".
_WISH = re.compile(r"[\s,]*\b(zou (wel |echt )?(fijn|mooi|goed|chill|top|handig) zijn|"
                   r"zou (me )?helpen|lijkt me (fijn|goed)|would be (nice|good|great)|"
                   r"would help)[\s.!?]*$", re.IGNORECASE)
# What a sentence about a hard domain may say besides what is hard.
_NEED = re.compile(r"\b(nodig|ik wil|wil ik|ik zou graag|zou ik graag|ik hoop|zou helpen|"
                   r"hulp (bij|met)|ik zoek|i need|i want|would help)\b", re.IGNORECASE)
_GOOD = re.compile(r"\b(wel|fijn|leuk|blij|lukt|gelukkig|goed|prima|oke|ok|okay|fine|good|"
                   r"great|nice|happy|works)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(niet|geen|nooit|not|no)\b", re.IGNORECASE)
_PARTS = re.compile(r"(?<=[.!?\n])\s*|\s*[,;]?\s+(?=(?:maar|but)\b)", re.IGNORECASE)
_NEED_FRAME = re.compile(r"^(ik heb|heb ik|ik wil( graag)?|wil ik( graag)?|ik zou graag|"
                         r"ik zoek|i need|i want)\s+|\s+nodig$", re.IGNORECASE)


def _need_words(text: str) -> str:
    """The need without the words around it: "ik heb hulp nodig met mijn post" is "hulp
    met mijn post"."""
    need = _NEED_FRAME.sub("", text)
    if need != text:
        need = re.sub(r"\s*\bnodig\b", "", need)
    return need.strip() or text


def read_story(text: str) -> dict[str, str]:
    """What is hard, what goes well and what would help, from one answer: "Ruzie thuis,
    maar mijn kamer is wel fijn. Ik wil een eigen plek." Parts that say nothing else are
    what is hard; the youth checks all of it at "Ik schrijf op"."""
    found: dict[str, list[str]] = {"hard": [], "going_well": [], "need": []}
    for part in (p.strip(" ,;") for p in _PARTS.split(text)):
        if not part:
            continue
        words = re.sub(r"^(maar|but)\s+", "", part, flags=re.IGNORECASE).rstrip(".!?")
        if _NEED.search(words):
            found["need"].append(_need_words(words))
        elif part.lower().startswith(("maar", "but")) and _GOOD.search(words) \
                and not _NEGATION.search(words):
            found["going_well"].append(words[:1].upper() + words[1:])
        else:
            found["hard"].append(part.rstrip("."))
    return {field: " ".join(parts) for field, parts in found.items() if parts}


class DomainHard(DomainText):
    """What is hard, first; a sentence that also says what goes well or what would help
    fills those too (and their questions are not asked)."""

    def __init__(self, key: str) -> None:
        super().__init__(key, N_("Wat is er nu moeilijk?"), "hard")

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        if says_nothing(text):
            return self.on_skip(ctx)
        story = read_story(text)
        if "hard" not in story and "going_well" not in story:
            story["hard"] = text  # only a wish: it stays what is hard, in their words
            story.pop("need", None)
        for field, said in story.items():
            self.keep(ctx, field, said)
        return Outcome.ACCEPTED


class DomainGood(DomainText):
    """After what is hard: does something go well too? In a domain that goes "wel", the one
    (optional) question."""

    skip_label = N_("Weet ik niet")
    asks_what = False  # a yes alone is an answer here: see on_answer

    def __init__(self, key: str) -> None:
        super().__init__(key, N_("Gaat er ook iets wél goed?"), "going_well")

    def prompt(self, ctx: Context) -> str:
        if ctx.cursor.missed == self.key:  # after a yes alone: what, then?
            return heading(ctx, current_domain(ctx)) + ctx.t(
                N_("Fijn. Wat gaat er goed? Een paar woorden is genoeg."))
        if current_answer(ctx).status == Status.NIET_GOED:
            return super().prompt(ctx)
        return heading(ctx, current_domain(ctx)) + ctx.t(N_("Wat gaat er goed?"))

    def choices(self, ctx: Context) -> list[Choice]:
        if current_answer(ctx).status == Status.NIET_GOED:
            return [Choice(NOTHING, ctx.t(N_("Nee")))]
        return []

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        return Outcome.ACCEPTED

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        """ "Ja, mijn werk": the words after the yes are kept; a yes alone gets "Wat gaat er
        goed?", and what is said then is kept as it is (even another yes)."""
        if yes_or_no(text) == "yes":
            rest = _YES_FIRST.sub("", text, count=1)
            if has_words(rest) and not _AGREES.match(normalize(rest)):
                text = capitalized(rest)
            elif ctx.cursor.missed != self.key:
                return Outcome.REASK  # asked again as "Fijn. Wat gaat er goed?" (prompt)
        if (_HARD_WORDS.search(text) and not _GOOD.search(text)  # "… daar is veel ruzie"
                and not _NOT_HARD.search(text)):
            self.keep(ctx, "hard", beside(current_answer(ctx).hard, text))
            ctx.note(ctx.t(N_("Dat zet ik bij wat moeilijk is.")))
            return Outcome.ACCEPTED
        return super().on_answer(ctx, text)

    def on_text(self, ctx: Context, text: str) -> Outcome:
        """ "Nee, ik heb wel werk": the no is about the hard part; what goes well is kept."""
        rest = _NO_BUT.sub("", text.strip(), count=1)
        if rest != text.strip() and has_words(rest):
            text = capitalized(rest)
        return super().on_text(ctx, text)


# Words of what is hard: an answer to "Gaat er ook iets wél goed?" with one of these and
# no good word says more of what is hard ("ik woon bij mijn moeder maar er is veel ruzie").
_HARD = (r"(ruzie|slecht|kut|moeilijk|lastig|zwaar|stress|pijn|bang|verdrietig|eenzaam|"
         r"schulden|gepest|fights?|bad|hard|difficult|lonely|scared|debts?|bullied)")
_HARD_WORDS = re.compile(rf"\b{_HARD}\b", re.IGNORECASE)
_NOT_HARD = re.compile(rf"\b(niet|geen|nooit|not|no|never)\s+((zo|te|echt|meer|so|too|"
                       rf"really)\s+)?{_HARD}\b", re.IGNORECASE)  # "niet slecht": good
_NO_BUT = re.compile(r"^(nee|no|nope|nah)\b[\s,.!]*(maar\s+)?(?=.*\b(wel|well)\b)",
                     re.IGNORECASE)
# "ja hoor, mijn werk": what goes well is what follows the yes; a yes alone says not what.
_YES_FIRST = re.compile(r"^\S+([\s,]+(hoor|wel|zeker|eigenlijk))*[\s,.!]*",  # after a yes
                        re.IGNORECASE)
_AGREES = re.compile(r"^(dat )?(klopt|precies|thats right|right|correct|true)\b")


def sync_action(ctx: Context) -> None:
    """Keep the HOE action of this domain in step with its need (after /wijzig, say).

    A new need once HOE was reached gets its action, and who and when are asked next.
    """
    domain = current_domain(ctx)
    need = current_answer(ctx).need
    action = next((a for a in ctx.plan.actions if a.domain == domain), None)
    if need is None:
        if action is not None:
            ctx.plan.actions.remove(action)
    elif action is not None:
        action.what = help_subject(need)
    elif ctx.reached("action_who", "overview"):
        action = Action(id=ctx.plan.next_id("a"), domain=domain, what=help_subject(need))
        ctx.plan.actions.append(action)
        ctx.cursor.action = action.id
        ctx.queue("action_who", "action_when")


class DomainNeed(DomainText):
    skip_label = N_("Weet ik niet")

    def __init__(self, key: str) -> None:
        super().__init__(key, N_("Wat heb je nodig? Dat mag iets kleins zijn."), "need")

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(NOTHING, ctx.t(N_("Niks nodig")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        return self.on_skip(ctx)

    def on_skip(self, ctx: Context) -> Outcome:
        if current_answer(ctx).need is not None:
            self.keep(ctx, "need", None)
        return Outcome.ACCEPTED


YES, CHANGE = "yes", "change"


class DomainCheck(Question):
    """The end of a domain: what goes into the plan, said back. Typed words that are no yes
    or no are kept with it, in the youth's own words."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        domain, answer = current_domain(ctx), current_answer(ctx)
        lines = [ctx.t(N_("Ik schrijf op:")),
                 f"{DOMAIN_ICONS[domain]} {ctx.t(DOMAIN_LABELS[domain])}: "
                 f"{status_word(answer, ctx.t)}",
                 *("• " + line for line in domain_lines(answer, ctx.t))]
        return "\n".join([*lines, ctx.t(N_("Klopt dat?"))])

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja"))), Choice(CHANGE, ctx.t(N_("Verander het")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        if choice == CHANGE:
            return FollowUp("domain_fix")
        advance_domain(ctx)
        return Outcome.ACCEPTED

    def on_text(self, ctx: Context, text: str) -> Outcome:
        said = yes_or_no(text)  # "ja", "klopt", "nee klopt niet", "nee dat klopt niet helemaal"
        if said is not None and (len(text.split()) <= 3 or _VERDICT.search(normalize(text))):
            return self.on_choice(ctx, YES if said == "yes" else CHANGE)
        if said is None and _NOTHING.search(normalize(text)):  # "niks eigenlijk": no more
            return self.on_choice(ctx, YES)
        return super().on_text(ctx, text)

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        self.keep_words(ctx, text)
        return Outcome.STAY  # understood as words to keep: the check comes again, with them

    @staticmethod
    def keep_words(ctx: Context, text: str) -> None:
        answer = current_answer(ctx)
        answer.own_words = beside(answer.own_words, text)
        ctx.changed(f"wat.{current_domain(ctx).value}.own_words")
        ctx.note(ctx.t(N_("Dat zet ik erbij, in je eigen woorden.")))


# Words that say whether what is written down is right (a longer yes or no is about that).
_VERDICT = re.compile(r"\b(klopt|helemaal|anders|verander\w*|fout|goed zo|zo is het|right|"
                      r"wrong|change|correct)\b")


FIX_LABELS = {
    DOMAIN_HARD: N_("Wat moeilijk is"),
    "domain_good": N_("Wat goed gaat"),
    DOMAIN_NEED: N_("Wat je nodig hebt"),
}


_FIX_WORDS = {DOMAIN_NEED: re.compile(r"\b(nodig|need|wil|want)\b"),
              DOMAIN_HARD: re.compile(r"\b(moeilijk|lastig|hard|zwaar)\b"),
              "domain_good": re.compile(r"\b(goed|well|fijn)\b")}


class DomainFix(Question):
    skip_label = N_("Laat maar")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(key, ctx.t(text)) for key, text in FIX_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.queue(choice, "domain_check")
        return Outcome.ACCEPTED

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.queue("domain_check")
        return Outcome.ACCEPTED

    def on_text(self, ctx: Context, text: str) -> Outcome:
        """Words that name a part ("wat ik nodig heb") pick it, before any guess at a label
        (no "Bedoel je …?" for what is clear)."""
        part = self.part_named(text)
        return self.on_choice(ctx, part) if part else super().on_text(ctx, text)

    @staticmethod
    def part_named(text: str) -> str | None:
        words = normalize(text)
        return next((key for key, pattern in _FIX_WORDS.items() if pattern.search(words)),
                    None)

    def not_understood(self, ctx: Context, text: str) -> Outcome:
        """Anything else is kept in the youth's own words, and the check comes again (never
        the same re-ask twice)."""
        DomainCheck.keep_words(ctx, text)
        return self.on_skip(ctx)


def in_domain(ctx: Context) -> bool:
    return ctx.cursor.domain is not None


def without_status(ctx: Context) -> bool:
    return current_answer(ctx).status is None


def not_good(ctx: Context) -> bool:
    return current_answer(ctx).status == Status.NIET_GOED


def good_unsaid(ctx: Context) -> bool:
    return current_answer(ctx).going_well is None


def need_unsaid(ctx: Context) -> bool:
    return not_good(ctx) and current_answer(ctx).need is None


def questions() -> list[Question]:
    return [
        QuickLook("domain_pick"),
        DomainStatus("domain_status"),
        DomainHard(DOMAIN_HARD),
        DomainGood("domain_good"),
        DomainNeed(DOMAIN_NEED),
        DomainText("domain_future",
                   N_("Wat wil je over een paar maanden anders? Een kleine stap is genoeg."),
                   "future"),
        DomainCheck("domain_check"),
        DomainFix("domain_fix"),
    ]
