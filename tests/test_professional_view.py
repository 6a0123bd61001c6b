"""What a begeleider reads, on a test clock: the summary (urgent first, what is asked of
them with real days, who the JIM is), digests in words as check-ins and the regular look
change the plan, and the PDF with the youth's age, the begeleider's name and organisation,
each agreement's status, day and history — never anything the youth keeps to herself."""

from __future__ import annotations

from bot.scheduler import Scheduler
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_checkins import LOOK_DAY, ROOM_DAY, START, Clock, checkins, utc
from tests.test_interview import complete_interview
from tests.test_plan_pdf import text_of
from tests.test_sharing_professional import registered_professional


def words(youth: Youth) -> str:
    return "\n".join(m.text for m in youth.inbox())


def pdf_text(mark: Youth) -> str:
    mark.says("/jongeren")
    pdf = next(a for m in mark.replies for a in m.attachments if a.filename.endswith(".pdf"))
    return " ".join(text_of(pdf.data).split())  # table cells wrap: one line of words


def test_a_begeleider_reads_what_matters_first_and_how_each_agreement_went(
        store: Store) -> None:
    clock = Clock(START)  # Monday 23 March 2026
    turns = Turns(store, clock)
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    complete_interview(noor)
    summary = words(mark)
    urgent = summary.index("<b>Eerst regelen:</b>\n• Ik moet morgen mijn huur betalen")
    asked = summary.index("<b>Gevraagd aan jou:</b>\n"
                          "• Mijn post, vóór vrijdag 27 maart (open)")
    assert urgent < asked < summary.index("JIM: Ahmed (oom)")
    scheduler = Scheduler(store, clock)
    clock.to(utc(2026, 3, 24, 9))  # the rent's day
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Gelukt")
    assert "Noor heeft 'Ik moet morgen mijn huur betalen en heb geen geld' gedaan." in words(
        mark)
    clock.to(utc(2026, 3, 27, 9))  # the post's day
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Nog bezig")
    noor.clicks("Later")
    assert ("Noor is nog bezig met 'Mijn post'. Nieuwe datum: vóór vrijdag 8 mei."
            in words(mark))
    clock.to(ROOM_DAY)
    scheduler.run_due()
    noor.inbox()
    noor.clicks("Lukt niet")
    noor.says("Er zijn geen kamers te vinden")
    noor.clicks("Vraag mijn begeleider")
    digest = words(mark)
    assert ("• Noor vraagt jou om hulp bij 'Een eigen kamer', vóór dinsdag 31 maart. "
            "Wat in de weg zit: Er zijn geen kamers te vinden") in digest
    clock.to(LOOK_DAY)  # the regular look asks about the room, past its day
    scheduler.run_due()
    noor.inbox()
    noor.says("alles goed")
    assert checkins(noor) == [] and "Een eigen kamer" in noor.asked
    noor.clicks("Lukt niet")
    noor.clicks("Weet ik niet")
    noor.clicks("Nee, zo laten")
    noor.clicks("Nee, niets nieuws")
    after_look = words(mark)
    assert "Noor loopt vast met 'Een eigen kamer'." in after_look
    assert "Wat is er veranderd" not in after_look  # the look's news once, in words
    text = pdf_text(mark)
    for expected in ("Leeftijd: 17 jaar", "Voor: Mark, woonbegeleider bij RIBW",
                     "gedaan", "bezig", "lukt niet: Er zijn geen kamers te vinden",
                     "vóór vrijdag 8 mei", "Hoe de afspraken gingen",
                     "23 maart 2026: afgesproken, Ahmed (JIM), vóór dinsdag 31 maart 2026",
                     "20 april 2026: lukt niet, de begeleider, vóór dinsdag 31 maart 2026",
                     "20 april 2026: bezig, de begeleider, vóór vrijdag 8 mei 2026"):
        assert expected in text, expected
    noor.says("/delen")
    noor.clicks("Onderwerpen alleen voor mij")
    noor.clicks("💶 Geld")
    noor.clicks("Klaar")
    assert "post" not in words(mark)
    text = pdf_text(mark)
    assert "post" not in text and "Geld" not in text and "Een eigen kamer" in text
