"""Detours from wherever the youth is: /wijzig (answer a part again) and /taal.

A detour question picks what to revisit and leaves the questions to ask in ``cursor["ask"]``;
the engine asks those and then returns to the interrupted question.
"""

from __future__ import annotations

from bot.flows.flow import Flow, Route
from bot.flows.interview.wat import DOMAIN_ICONS, DOMAIN_LABELS
from bot.flows.messages import Choice
from bot.flows.question import Context, Outcome, Question
from bot.i18n import LANGUAGES, N_
from bot.plan.model import Domain

NAME, PERSON, ADD_PERSON, JIM, DOMAIN, ACTION = (
    "name", "person", "add_person", "jim", "domain", "action")
PART_LABELS = {
    NAME: N_("Je naam"),
    PERSON: N_("Iemand uit je lijst"),
    ADD_PERSON: N_("Iemand toevoegen"),
    JIM: N_("Je JIM"),
    DOMAIN: N_("Een onderwerp"),
    ACTION: N_("Een afspraak"),
}
DIRECT_ASKS = {
    NAME: ["name"],
    ADD_PERSON: ["people", "person_roles", "person_closeness"],
    JIM: ["jim"],
}
FIELD_LABELS = {
    "domain_status": N_("Hoe het gaat"),
    "domain_good": N_("Wat goed gaat"),
    "domain_hard": N_("Wat moeilijk is"),
    "domain_need": N_("Wat je nodig hebt"),
    "domain_future": N_("Over een paar maanden"),
}


def picked(part: str):
    """A condition for the edit machine: the youth picked ``part`` at the last question."""

    def condition(ctx: Context) -> bool:
        return ctx.cursor.get("picked") == part

    condition.__name__ = f"picked_{part}"
    return condition


class Cancellable(Question):
    skip_label = N_("Laat maar")

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.cursor["ask"] = []
        ctx.note(ctx.t(N_("Oké, er verandert niets.")))
        return Outcome.ACCEPTED


class EditPick(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        available = {NAME, ADD_PERSON, JIM, DOMAIN}
        if ctx.plan.people:
            available.add(PERSON)
        if ctx.plan.actions:
            available.add(ACTION)
        return [Choice(part, ctx.t(label)) for part, label in PART_LABELS.items()
                if part in available]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor["picked"] = choice
        ctx.cursor["ask"] = list(DIRECT_ASKS.get(choice, []))
        return Outcome.ACCEPTED


class EditPerson(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Over wie wil je iets veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(p.id, p.name) for p in ctx.plan.people]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor["person"] = choice
        ctx.cursor["ask"] = ["person_relation", "person_roles", "person_closeness"]
        return Outcome.ACCEPTED


class EditDomain(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Over welk onderwerp?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(d.value, f"{DOMAIN_ICONS[d]} {ctx.t(label)}")
                for d, label in DOMAIN_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor["domain"] = Domain(choice).value
        return Outcome.ACCEPTED


class EditField(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je opnieuw invullen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(key, ctx.t(label)) for key, label in FIELD_LABELS.items()]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor["ask"] = [choice]
        return Outcome.ACCEPTED


class EditAction(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Welke afspraak wil je veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(a.id, a.what if len(a.what) <= 40 else a.what[:39] + "…")
                for a in ctx.plan.actions]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.cursor["action"] = choice
        ctx.cursor["ask"] = ["action_who", "action_when"]
        return Outcome.ACCEPTED


LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class Language(Cancellable):
    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("In welke taal wil je praten?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(lang, LANGUAGE_NAMES[lang]) for lang in LANGUAGES]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.language = choice
        return Outcome.ACCEPTED




def build() -> Flow:
    questions = [EditPick("edit_pick"), EditPerson("edit_person"), EditDomain("edit_domain"),
                 EditField("edit_field"), EditAction("edit_action"), Language("language")]
    routes = [
        Route("edit_pick", "edit_person", [picked(PERSON)]),
        Route("edit_pick", "edit_domain", [picked(DOMAIN)]),
        Route("edit_pick", "edit_action", [picked(ACTION)]),
        Route("edit_domain", "edit_field"),
    ]
    return Flow("edit", questions, routes, detour=True)
