"""An agreement in the youth's own words may start with "met" ("met iemand praten"): the
sentences about it say "hierbij" then, never "helpen met: met iemand praten"."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot import scheduler
from bot.flows.sharing.views import answer_notice, ask_message
from bot.i18n import Translator
from bot.plan.model import Action, HelperAnswer, HelperResponse, Plan
from bot.plan.text import says_with

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
NL = Translator("nl")


def talking(answer: HelperAnswer | None = None, what: str = "met iemand praten") -> Action:
    response = HelperResponse(answer=answer, note="liever bellen", at=NOW) if answer else None
    return Action(id="a1", what=what, response=response)


@pytest.mark.parametrize(("what", "expected"), [
    ("met iemand praten", True), ("Met mijn moeder praten", True), ("with my mum", True),
    ("metselen leren", False), ("Een eigen kamer", False), ("iemand om mee te praten", False),
])
def test_a_subject_that_starts_with_met(what: str, expected: bool) -> None:
    assert says_with(what) is expected


def test_the_ask_and_the_answers_say_hierbij() -> None:
    plan = Plan(name="Noor")
    assert ask_message(plan, talking(), "r1", NL).text.startswith(
        "Noor vraagt of je hierbij kunt helpen: met iemand praten.")
    assert answer_notice("Ahmed", talking(HelperAnswer.YES), NL).text == (
        "Ahmed helpt je hierbij: met iemand praten.")
    assert answer_notice("Ahmed", talking(HelperAnswer.NO), NL).text.startswith(
        "Ahmed kan hier niet bij helpen: met iemand praten.")
    assert answer_notice("Ahmed", talking(HelperAnswer.OTHERWISE), NL).text == (
        "Ahmed helpt hierbij: met iemand praten. Maar anders: liever bellen")
    assert answer_notice("Ahmed", talking(HelperAnswer.YES, "Een eigen kamer"), NL).text == (
        "Ahmed helpt je met: Een eigen kamer.")  # the usual sentence otherwise
    english = answer_notice("Ahmed", talking(HelperAnswer.YES), Translator("en")).text
    assert english == "Ahmed is helping you with this: met iemand praten."


def test_every_helper_notice_has_a_hierbij_sentence_with_the_same_blanks() -> None:
    for template in (scheduler.NUDGE, scheduler.THANKED, *scheduler.HELPER_HEARS.values()):
        said = scheduler.HIERBIJ.get(template, template)
        assert "met: {what}" not in said
        assert set(re.findall(r"{\w+}", said)) == set(re.findall(r"{\w+}", template))
