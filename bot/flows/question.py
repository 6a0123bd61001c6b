"""The building block of every flow: one question, how it is asked and how answers land.

A question never decides which question comes next; its flow's state machine does. It turns
one answer into a plan change (or a friendly re-ask), may add short notes to the reply, and
returns what it wants next (:data:`Next`: move on, stay, a follow-up, a detour, …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

from bot.flows.cursor import Check, Cursor
from bot.flows.typed_answers import (
    SURE,
    OutOfRange,
    asks_what_is_meant,
    choice_in_sentence,
    choices_in_sentence,
    fuzzy_choice,
    match_choice,
    match_many,
    normalize,
    only_yes,
    yes_or_no,
)
from bot.i18n import N_, Translator
from bot.messages import Choice, Message
from bot.plan.model import Plan
from bot.plan.text import ANSWER_LIMIT, clean, has_words, is_emoji, shorten

if TYPE_CHECKING:
    from bot.flows.sharing.port import SharingPort

SKIP = "skip"
DONE = "done"
CHECK_YES, CHECK_NO = "check_yes", "check_no"  # the answers to "Bedoel je: …?"
KEPT_SHOWN = 80  # characters of kept words said back


@dataclass
class Context:
    """What a question sees during one turn. Everything it changes is in here."""

    plan: Plan
    cursor: Cursor
    t: Translator
    now: datetime
    notes: list[Message] = field(default_factory=list)
    sharing: SharingPort | None = None  # shared state outside this plan (invites, links)
    seen: list[str] = field(default_factory=list)  # the questions this conversation reached

    def note(self, text: str) -> None:
        self.notes.append(Message(text=text))

    def reached(self, *states: str) -> bool:
        """Whether the conversation got to any of these questions (so a part can be changed)."""
        return any(state in self.seen for state in states)

    def queue(self, *states: str) -> None:
        """Ask these questions next, before the flow moves on (the engine pops them in order)."""
        self.cursor.ask.extend(states)

    def changed(self, part: str) -> None:
        self.plan.record(part, self.now)


class Outcome(Enum):
    """The plain outcomes of an answer (the usual ones; see :data:`Next` for the rest)."""

    ACCEPTED = "accepted"  # the answer landed; the flow moves on (advance)
    STAY = "stay"  # handled (for example a toggle or an explanation); ask the same again
    REASK = "reask"  # not understood; notes say why, then the question again


@dataclass(frozen=True)
class FollowUp:
    """The answer landed; ask ``state`` next, before the flow moves on."""

    state: str


@dataclass(frozen=True)
class Detour:
    """Visit ``state`` (with ``cursor``) and come back to the question asked now;
    ``resume``: that question was answered, so coming back moves on from it."""

    state: str
    cursor: Cursor | None = None
    resume: bool = False


@dataclass(frozen=True)
class Command:
    """Do what the command ``name`` does ("plan", "wijzig", …): a menu button."""

    name: str


@dataclass(frozen=True)
class Pause:
    """Stop for now; /start goes on (from a check-in: with the plan, not the check-in)."""


@dataclass(frozen=True)
class Erase:
    """The youth confirmed /verwijder: everything of theirs goes."""


@dataclass(frozen=True)
class Language:
    """The answer landed, and from now on the conversation is in ``code``."""

    code: str


@dataclass(frozen=True)
class Crisis:
    """An answer confirmed a risk signal: the crisis reply, with these risk kinds."""

    kinds: frozenset[str]


Next = Outcome | FollowUp | Detour | Command | Pause | Erase | Language | Crisis
"""What a question wants after an answer. Its flow's routes decide where an accepted answer
leads; these say everything else, explicitly (as aiogram-dialog's ``switch_to``, ``start``
and ``done``). The engine reads it in one place: :func:`bot.flows.answer.answer`."""


def accepted(outcome: Next) -> bool:
    """The answer landed (the flow moves on, or goes to a follow-up question)."""
    return outcome is Outcome.ACCEPTED or isinstance(outcome, FollowUp | Language | Erase)


# What to say to input without a letter or digit: nothing, only emoji, only other signs.
UNREADABLE_AT_CHOICE = (N_("Ik zag geen tekst. Kies een antwoord hieronder."),
                        N_("Ik snap je emoji niet helemaal. Kies een antwoord hieronder."),
                        N_("Dat kan ik niet lezen. Kies een antwoord hieronder."))
UNREADABLE_AT_TEXT = (N_("Ik zag geen tekst. Typ je antwoord in een paar woorden."),
                      N_("Ik snap je emoji niet helemaal. Zeg je het in een paar woorden?"),
                      N_("Dat kan ik niet lezen. Zeg je het in een paar woorden?"))


def unreadable(ctx: Context, text: str, notes: tuple[str, str, str]) -> Next:
    """Re-ask after input with no words, saying what was seen (never thanks for nothing)."""
    empty, emoji, signs = notes
    if not text.strip():
        ctx.note(ctx.t(empty))
    elif is_emoji(text):
        ctx.note(ctx.t(emoji))
    else:
        ctx.note(ctx.t(signs))
    return Outcome.REASK


def note_kept(ctx: Context, text: str) -> None:
    """Say back how words that no choice held were taken into the plan."""
    ctx.note(ctx.t(N_("Ik schrijf het zo op: {words}"), words=shorten(text, KEPT_SHOWN)))


def note_cut(ctx: Context, limit: int, at: int | None = None) -> None:
    """Say that a long message was kept only in part (before the notes from index ``at``)."""
    notice = Message(text=ctx.t(N_("Je bericht was lang. Ik heb de eerste {limit} tekens "
                                   "bewaard."), limit=limit))
    ctx.notes.insert(len(ctx.notes) if at is None else at, notice)


class Question:
    """Base question: a prompt, optional choices and a skip choice."""

    multi = False
    skip_label: str | None = N_("Sla over")
    # A place to rest, not a question: no "we go on" after a detour, and not shown again
    # under a reply that ends with buttons of its own.
    resting = False
    check_prompt = N_("Bedoel je: {guess}?")  # the yes/no about a guess (see :meth:`check`)

    def __init__(self, key: str) -> None:
        self.key = key

    # --- what is shown ------------------------------------------------------------------
    def prompt(self, ctx: Context) -> str:
        raise NotImplementedError

    def choices(self, ctx: Context) -> list[Choice]:
        return []

    def intro(self, ctx: Context) -> str | None:
        """A line shown once, before the first time this question is asked."""
        return None

    def shows_plan(self, ctx: Context) -> bool:
        """Whether asking this question shows the whole plan (so /plan needn't add it)."""
        return False

    def skip_text(self, ctx: Context) -> str | None:
        """The label of the skip choice (None: this question can't be skipped)."""
        return self.skip_label

    def all_choices(self, ctx: Context) -> list[Choice]:
        choices = self.choices(ctx)
        skip = self.skip_text(ctx)
        if skip is not None:
            choices.append(Choice(SKIP, ctx.t(skip)))
        return choices

    # --- what answers do ----------------------------------------------------------------
    def on_choice(self, ctx: Context, choice: str) -> Next:
        raise NotImplementedError

    def on_skip(self, ctx: Context) -> Next:
        return Outcome.ACCEPTED

    def on_text(self, ctx: Context, text: str) -> Next:
        """Typed text at a choice question: match it to a choice (a number, a word, a word in
        a sentence, a typo), check a likely guess, or take it as :meth:`missed`."""
        choices = self.all_choices(ctx)
        match = match_choice(text, choices)
        if isinstance(match, OutOfRange):
            ctx.note(ctx.t(N_("Kies een nummer van 1 tot {last}."), last=len(choices)))
            return Outcome.REASK
        if match is None:
            match = choice_in_sentence(text, choices)
        if match is None and (guess := fuzzy_choice(text, choices)):
            choice, score = guess
            if score >= SURE:
                match = choice
            elif not self.multi:  # (a multi question keeps its marks; no check there)
                label = next(c.label for c in choices if c.id == choice)
                return self.check(ctx, choice, label, text)
        if match is None:
            if not has_words(text):
                return unreadable(ctx, text, UNREADABLE_AT_CHOICE)
            return self.missed(ctx, text)
        return self.answer_choice(ctx, match)

    def missed(self, ctx: Context, text: str) -> Next:
        """Words that name no choice: what the question reads in them itself
        (:meth:`not_understood`), else kept as the youth's own words where the plan has room
        (:meth:`keep_own_words`), else one re-ask; never twice: then :meth:`move_on`."""
        notes = len(ctx.notes)
        outcome = self.not_understood(ctx, text)
        if outcome is not Outcome.REASK:
            return outcome
        cleaned = clean(text, ANSWER_LIMIT)[0]
        if self.keep_own_words(ctx, cleaned):
            del ctx.notes[notes:]
            note_kept(ctx, cleaned)
            return Outcome.ACCEPTED
        if ctx.cursor.missed == self.key:
            del ctx.notes[notes:]
            return self.move_on(ctx)
        ctx.cursor.missed = self.key
        return Outcome.REASK

    def not_understood(self, ctx: Context, text: str) -> Next:
        """Real words that name no choice (empty input and emoji never get here)."""
        ctx.note(ctx.t(N_("Dat snap ik niet helemaal. Kies een antwoord hieronder.")))
        return Outcome.REASK

    def keep_own_words(self, ctx: Context, text: str) -> bool:
        """Keep ``text`` in the plan as the youth's own words, where this question's part of
        the plan has room for them; True when kept (the caller says how it was taken)."""
        return False

    def move_on(self, ctx: Context) -> Next:
        """The second answer in a row that was not understood: skip kindly where the
        question can be skipped, else say how to answer in other words."""
        if self.skip_text(ctx) is not None:
            ctx.note(ctx.t(N_("Geen probleem. Deze vraag laten we even liggen. "
                              "Met /wijzig kun je het later nog aanvullen.")))
            return self.on_skip(ctx)
        ctx.note(ctx.t(N_("Ik lees het nog niet goed. Tik op een knop of typ het nummer.")))
        return Outcome.REASK

    def answer_choice(self, ctx: Context, choice: str) -> Next:
        if choice == SKIP:
            return self.on_skip(ctx)
        return self.on_choice(ctx, choice)

    # --- "Bedoel je: …?" ----------------------------------------------------------------
    def check(self, ctx: Context, choice: str, label: str, text: str) -> Next:
        """Two readings are both likely: ask once, yes or no, about the best guess."""
        ctx.cursor.check = Check(at=self.key, choice=choice, label=label, text=text)
        return Outcome.STAY

    def open_check(self, ctx: Context) -> Check | None:
        check = ctx.cursor.check
        return check if check is not None and check.at == self.key else None

    def shown_prompt(self, ctx: Context) -> str:
        """What is asked now: the question, or the check about a guess."""
        check = self.open_check(ctx)
        if check is None:
            return self.prompt(ctx)
        return ctx.t(self.check_prompt, guess=check.label)

    def shown_choices(self, ctx: Context) -> list[Choice]:
        if self.open_check(ctx) is None:
            return self.all_choices(ctx)
        return [Choice(CHECK_YES, ctx.t(N_("Ja"))), Choice(CHECK_NO, ctx.t(N_("Nee")))]

    def take_choice(self, ctx: Context, choice: str) -> Next:
        """A pressed button (or a typed choice), with any open check answered first."""
        check = self.open_check(ctx)
        if check is not None:
            ctx.cursor.check = None
            if choice == CHECK_YES:
                return self._taken(ctx, self.check_confirmed(ctx, check))
            return self._taken(ctx, self.check_denied(ctx, check.text))
        return self._taken(ctx, self.answer_choice(ctx, choice))

    def take_text(self, ctx: Context, text: str) -> Next:
        """Typed text; at an open check a yes or a short no answers it, anything else is a
        new answer to the question itself ("nee, Sanne bedoel ik")."""
        check = self.open_check(ctx)
        if check is not None:
            said = yes_or_no(text)
            if said == "yes" or (said == "no" and len(text.split()) <= 2):
                return self.take_choice(ctx, CHECK_YES if said == "yes" else CHECK_NO)
            ctx.cursor.check = None
        return self._taken(ctx, self.on_text(ctx, text))

    def check_confirmed(self, ctx: Context, check: Check) -> Next:
        """"Ja" to a guess: the choice guessed (a question that guessed from the words
        themselves reads ``check.text`` again)."""
        return self.answer_choice(ctx, check.choice)

    def check_denied(self, ctx: Context, text: str) -> Next:
        """"Nee" to a guess: keep the words where there is room, else ask again (once)."""
        cleaned = clean(text, ANSWER_LIMIT)[0]
        if self.keep_own_words(ctx, cleaned):
            note_kept(ctx, cleaned)
            return Outcome.ACCEPTED
        if ctx.cursor.missed == self.key:
            return self.move_on(ctx)
        ctx.cursor.missed = self.key
        ctx.note(ctx.t(N_("Oké. Kies wat past, of zeg het op een andere manier.")))
        return Outcome.REASK

    @staticmethod
    def _taken(ctx: Context, outcome: Next) -> Next:
        if outcome is not Outcome.REASK:
            ctx.cursor.missed = None
        return outcome


class CommandMenu(Question):
    """Buttons that run commands, for whoever doesn't know them (typing one works too)."""

    skip_label = None

    def on_choice(self, ctx: Context, choice: str) -> Next:
        return Command(choice)

    def not_understood(self, ctx: Context, text: str) -> Next:
        """At rest, thanks and a yes are friendly words, not answers to get wrong."""
        if _THANKS.search(normalize(text)):
            ctx.note(ctx.t(N_("Graag gedaan!")))
            return Outcome.STAY
        if yes_or_no(text) == "yes":
            ctx.note(ctx.t(N_("Top. Kies hieronder wat je wilt doen.")))
            return Outcome.STAY
        return super().not_understood(ctx, text)


_THANKS = re.compile(r"\b(dank( je| u)?( wel)?|dankje(wel)?|bedankt|thanks?|thx|merci|tnx)\b")


class TextQuestion(Question):
    """A question answered in the youth's own words (choices are shortcuts only)."""

    limit = ANSWER_LIMIT
    # A second answer in a row that is asked again moves on (False: the question has its
    # own way, see wie.People).
    guards_repeats = True
    # The question asks *what* ("Wat is er nu moeilijk?"): a yes alone ("ja klopt", said to
    # what came before) is no answer to keep.
    asks_what = False

    def on_text(self, ctx: Context, text: str) -> Next:
        match = match_choice(text, self.all_choices(ctx))
        if isinstance(match, str):
            return self.answer_choice(ctx, match)
        cleaned, cut = clean(text, self.limit)
        if not has_words(cleaned):
            return unreadable(ctx, cleaned, UNREADABLE_AT_TEXT)
        if asks_what_is_meant(cleaned):  # ("wat bedoel je?" is never kept as the answer)
            ctx.note(ctx.t(N_("Vertel het in je eigen woorden. Een paar woorden is genoeg.")))
            return Outcome.STAY
        notes_before = len(ctx.notes)
        if self.asks_what and only_yes(cleaned):
            ctx.note(ctx.t(N_("Vertel het in je eigen woorden. Een paar woorden is genoeg.")))
            outcome: Next = Outcome.REASK
        else:
            outcome = self.on_answer(ctx, cleaned)
        if cut and accepted(outcome):
            note_cut(ctx, self.limit, at=notes_before)
        if outcome is Outcome.REASK and self.guards_repeats:
            if ctx.cursor.missed == self.key and self.skip_text(ctx) is not None:
                del ctx.notes[notes_before:]
                return self.move_on(ctx)
            ctx.cursor.missed = self.key
        return outcome

    def on_answer(self, ctx: Context, text: str) -> Next:
        raise NotImplementedError

    def on_choice(self, ctx: Context, choice: str) -> Next:
        return Outcome.REASK


class MultiChoiceQuestion(Question):
    """Pick any number of choices: a click toggles a mark, "Klaar" moves on.

    Typed answers may name several at once ("1 en 3"); that is taken as the whole answer.
    """

    multi = True
    done_label = N_("Klaar")

    def options(self, ctx: Context) -> list[Choice]:
        raise NotImplementedError

    def selected(self, ctx: Context) -> list[str]:
        raise NotImplementedError

    def set_selected(self, ctx: Context, ids: list[str]) -> None:
        raise NotImplementedError

    def choices(self, ctx: Context) -> list[Choice]:
        marked = set(self.selected(ctx))
        shown = [Choice(c.id, ("✅ " if c.id in marked else "") + c.label, c.id in marked)
                 for c in self.options(ctx)]
        return [*shown, Choice(DONE, ctx.t(self.done_label))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        if choice == DONE:
            return Outcome.ACCEPTED
        current = self.selected(ctx)
        self.set_selected(ctx, [c for c in current if c != choice] if choice in current
                          else [*current, choice])
        return Outcome.STAY

    def on_text(self, ctx: Context, text: str) -> Next:
        choices = self.all_choices(ctx)
        plain = [Choice(c.id, c.label.removeprefix("✅ ")) for c in choices]
        many = match_many(text, plain)
        if many and len(many) > 1 and not {SKIP, DONE} & set(many):
            return self._typed(ctx, many)
        if many and len(many) == 1 and many[0] not in (SKIP, DONE):
            return self._typed(ctx, many)
        if many is None and (in_sentence := choices_in_sentence(text, plain)):
            return self._typed(ctx, in_sentence)
        guess = fuzzy_choice(text, plain) if many is None else None
        if guess is not None and guess[1] >= SURE and guess[0] not in (SKIP, DONE):
            return self._typed(ctx, [guess[0]])  # "praktish", "sane"
        return super().on_text(ctx, text)

    def _typed(self, ctx: Context, chosen: list[str]) -> Next:
        """A typed answer taken as the whole answer, said back (:meth:`said_back`): the
        youth saw no button get its mark."""
        self.set_selected(ctx, chosen)
        said = self.said_back(ctx)
        if said:
            ctx.note(said)
        return Outcome.ACCEPTED

    def said_back(self, ctx: Context) -> str | None:
        """What a typed answer wrote down (as the plan now holds it), in a sentence (None:
        the question says it)."""
        return None

