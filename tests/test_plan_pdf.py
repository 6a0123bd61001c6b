"""The plan as PDF: read back as text, Dutch characters intact, odd input never breaks it;
what helpers answered in the status column, the network picture in WIE, and a shared copy
that speaks about the youth and says that some subjects are kept private."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from pypdf import PdfReader

from bot.documents.files import plan_document
from bot.documents.plan_pdf import plan_pdf
from bot.flows.sharing.views import shared_copy
from bot.i18n import Translator
from bot.plan.model import (
    Action,
    Domain,
    DomainAnswer,
    HelperAnswer,
    HelperKind,
    HelperResponse,
    Jim,
    JimChoice,
    Person,
    Plan,
    Role,
    Status,
    UrgentNeed,
    When,
)
from bot.plan.sharing_model import ShareRole
from bot.plan.voice import FOR_OTHERS

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def images_in(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def full_plan(odd: str = "") -> Plan:
    return Plan(
        name="Noë" + odd, age=17,
        urgent=[UrgentNeed(id="u1", text="Huur betalen vóór maandag " + odd, reported_at=NOW)],
        people=[Person(id="p1", name="Sanne", relation="zus",
                       roles=[Role.PRAKTISCH, Role.ER_VOOR_JE]),
                Person(id="p2", name="Ahmed" + odd, relation="oom")],
        fallback_ids=["p1"], jim=Jim(choice=JimChoice.PERSON, person_id="p2"),
        domains={Domain.WONEN: DomainAnswer(status=Status.NIET_GOED, hard="Ruzie – €50 " + odd,
                                            need="Een eigen kamer")},
        actions=[Action(id="a1", domain=Domain.WONEN, what="Een eigen kamer",
                        helper=HelperKind.PERSON, person_id="p2", when=When.MAAND)])


def test_the_pdf_holds_the_whole_plan_and_the_network_picture() -> None:
    pdf = plan_pdf(full_plan(), Translator("nl"), date(2026, 11, 22))
    text = text_of(pdf)
    for expected in ("Toekomstplan van Noë", "22 november 2026", "Eerst regelen",
                     "Huur betalen vóór maandag", "Sanne (zus)", "Ahmed (oom) · JIM",
                     "Helpt met praktische dingen, is er voor me als het moeilijk is",
                     "Ruzie – €50", "Een eigen kamer", "Deze maand", "Status",
                     "WIE · mensen om je heen"):
        assert expected in text, expected
    assert text.index("Eerst regelen") < text.index("WIE")
    assert images_in(pdf) == 1


def test_the_status_column_says_what_came_of_each_ask() -> None:
    plan = full_plan()
    plan.actions += [
        Action(id="a2", domain=Domain.WONEN, what="Verhuisdoos", helper=HelperKind.PERSON,
               person_id="p1", when=When.WEEK,
               response=HelperResponse(answer=HelperAnswer.NO, at=NOW)),
        Action(id="a3", domain=Domain.INKOMEN, what="Post openen",
               helper=HelperKind.PROFESSIONAL, when=When.WEEK,
               response=HelperResponse(answer=HelperAnswer.PICKED_UP, by="Mark", at=NOW))]
    plan.actions[0].response = HelperResponse(answer=HelperAnswer.YES, at=NOW)
    text = text_of(plan_pdf(plan, Translator("nl"), date(2026, 11, 22)))
    assert "Ahmed helpt" in text and "Sanne kan niet" in text
    assert "opgepakt door Mark" in text


def test_a_shared_copy_speaks_about_the_youth_and_keeps_private_subjects_out() -> None:
    plan = full_plan()
    plan.domains[Domain.INKOMEN] = DomainAnswer(status=Status.NIET_GOED, hard="Schulden",
                                                need="Hulp met mijn post")
    plan.actions.append(Action(id="a2", domain=Domain.INKOMEN, what="Hulp met mijn post",
                               helper=HelperKind.SELF))
    plan.private_domains = [Domain.INKOMEN]
    copy = shared_copy(plan, ShareRole.PROFESSIONAL, None)
    text = text_of(plan_pdf(copy, Translator("nl"), date(2026, 11, 22), FOR_OTHERS))
    assert "Noë houdt sommige onderwerpen voor zichzelf" in text
    assert "Schulden" not in text and "post" not in text and "Geld" not in text
    assert "WIE · de mensen om Noë heen" in text and "jouw" not in text.lower()
    assert "gemeld op 22 november 2026" in text
    plan.domains[Domain.SUPPORT] = DomainAnswer(status=Status.GOED)
    text = text_of(plan_pdf(shared_copy(plan, ShareRole.PROFESSIONAL, None), Translator("nl"),
                            date(2026, 11, 22), FOR_OTHERS))
    assert "Mensen om Noë heen: goed" in text and " je " not in text  # not the reader's
    own = text_of(plan_pdf(plan, Translator("nl"), date(2026, 11, 22)))
    assert "Schulden" in own and "ikzelf" in own and "houdt sommige" not in own


HEADINGS = ("Eerst regelen", "WIE · mensen om je heen", "WAT · hoe het nu gaat",
            "HOE · afspraken")


def test_a_heading_never_ends_a_page() -> None:
    for extra in range(0, 60, 3):  # push the headings down, line by line
        plan = full_plan()
        plan.people += [Person(id=f"x{i}", name=f"Vriend {i}") for i in range(extra)]
        pages = PdfReader(io.BytesIO(plan_pdf(plan, Translator("nl"), date(2026, 1, 1)))).pages
        for page in pages[:-1]:
            last = page.extract_text().strip().splitlines()[-1]
            assert last not in HEADINGS, (extra, last)


def test_the_file_is_named_after_the_youth_and_the_day() -> None:
    document = plan_document(full_plan(" 😀 Ø"), Translator("nl"),
                             datetime(2026, 11, 24, 12, tzinfo=UTC))
    assert document.filename == "toekomstplan-noe-2026-11-24.pdf"
    assert plan_document(Plan(), Translator("nl"), datetime(2026, 1, 2, 12, tzinfo=UTC)
                         ).filename == "toekomstplan-2026-01-02.pdf"


def test_just_after_midnight_in_amsterdam_it_is_the_next_day() -> None:
    winter = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # 00:30 on the 24th in Amsterdam
    plan = full_plan()
    plan.urgent[0].reported_at = winter
    document = plan_document(shared_copy(plan, ShareRole.PROFESSIONAL, None), Translator("nl"),
                             winter, FOR_OTHERS)
    assert document.filename == "toekomstplan-noe-2026-11-24.pdf"
    text = text_of(document.data)
    assert "24 november 2026" in text and "gemeld op 24 november 2026" in text
    assert "23 november" not in text
    summer = datetime(2026, 7, 1, 22, 30, tzinfo=UTC)  # 00:30 on 2 July, summer time
    assert plan_document(plan, Translator("nl"), summer).filename.endswith("2026-07-02.pdf")


def test_emoji_other_scripts_and_long_text_never_break_it() -> None:
    odd = "😀👩‍👩‍👧 مرحبا \u200b\u202e <b>&\"" + "lang " * 190
    pdf = plan_pdf(full_plan(odd), Translator("nl"), date(2026, 11, 22))
    assert "<b>&\"" in text_of(pdf)


def test_empty_plan_and_english() -> None:
    empty = plan_pdf(Plan(), Translator("nl"), date(2026, 1, 1))
    assert "Nog niemand ingevuld" in text_of(empty) and images_in(empty) == 0
    english = text_of(plan_pdf(full_plan(), Translator("en"), date(2026, 11, 22)))
    assert "November 22, 2026" in english and "WHO · people around you" in english
