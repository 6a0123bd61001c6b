"""The plan as PDF: read back as text, Dutch characters intact, odd input never breaks it."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from pypdf import PdfReader

from bot.documents.plan_pdf import plan_pdf
from bot.i18n import Translator
from bot.plan.model import (
    Action,
    Domain,
    DomainAnswer,
    HelperKind,
    Jim,
    JimChoice,
    Person,
    Plan,
    Role,
    Status,
    UrgentNeed,
    When,
)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def full_plan(odd: str = "") -> Plan:
    now = datetime(2026, 11, 22, tzinfo=UTC)
    return Plan(
        name="Noë" + odd, age=17,
        urgent=[UrgentNeed(id="u1", text="Huur betalen vóór maandag " + odd, reported_at=now)],
        people=[Person(id="p1", name="Sanne", relation="zus", roles=[Role.PRAKTISCH]),
                Person(id="p2", name="Ahmed" + odd, relation="oom")],
        fallback_ids=["p1"], jim=Jim(choice=JimChoice.PERSON, person_id="p2"),
        domains={Domain.WONEN: DomainAnswer(status=Status.NIET_GOED, hard="Ruzie – €50 " + odd,
                                            need="Een eigen kamer")},
        actions=[Action(id="a1", domain=Domain.WONEN, what="Een eigen kamer",
                        helper=HelperKind.PERSON, person_id="p2", when=When.MAAND)])


def test_the_pdf_holds_the_whole_plan() -> None:
    text = text_of(plan_pdf(full_plan(), Translator("nl"), date(2026, 11, 22)))
    for expected in ("Toekomstplan van Noë", "22 november 2026", "Eerst regelen",
                     "Huur betalen vóór maandag", "Sanne (zus)", "Ahmed (oom) · JIM",
                     "Ruzie – €50", "Een eigen kamer", "Deze maand"):
        assert expected in text, expected
    assert text.index("Eerst regelen") < text.index("WIE")


def test_emoji_other_scripts_and_long_text_never_break_it() -> None:
    odd = "😀👩‍👩‍👧 مرحبا \u200b\u202e <b>&\"" + "lang " * 190
    pdf = plan_pdf(full_plan(odd), Translator("nl"), date(2026, 11, 22))
    assert "<b>&\"" in text_of(pdf)


def test_empty_plan_and_english() -> None:
    assert "Nog niemand ingevuld" in text_of(plan_pdf(Plan(), Translator("nl"),
                                                      date(2026, 1, 1)))
    english = text_of(plan_pdf(full_plan(), Translator("en"), date(2026, 11, 22)))
    assert "November 22, 2026" in english and "WHO: the people around you" in english
