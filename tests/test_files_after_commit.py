"""Files of a shared plan — a professional's PDF, a JIM's network picture — are made after
the turn's transaction, not inside it (a PDF takes ~90 ms, and on SQLite every other chat
waits for a transaction), and the outbox keeps only which plan to make a file of: the PDF a
professional receives shows the plan as it is when it is sent, as they may see it then."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.documents import files
from bot.messages import UserInput
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import complete_interview
from tests.test_plan_pdf import text_of
from tests.test_sharing_asks import ahmed_becomes_jim
from tests.test_sharing_professional import registered_professional


@pytest.fixture
def made(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every PDF and picture made: which kind, and whether a database connection (so a
    transaction) was open meanwhile."""
    seen: list[tuple[str, bool]] = []

    def watched(kind: str, make: Callable[..., bytes]) -> Callable[..., bytes]:
        def making(*args: Any, **kwargs: Any) -> bytes:
            seen.append((kind, store.engine.pool.checkedout() > 0))
            return make(*args, **kwargs)
        return making

    monkeypatch.setattr(files, "plan_pdf", watched("pdf", files.plan_pdf))
    monkeypatch.setattr(files, "network_png", watched("png", files.network_png))
    return seen


def pdfs(made: list[tuple[str, bool]]) -> list[bool]:
    return [in_transaction for kind, in_transaction in made if kind == "pdf"]


def noor_with_mark(turns: Turns) -> tuple[Youth, Youth]:
    """Noor links Mark, her begeleider, then makes her whole plan (which confirms it)."""
    mark, token = registered_professional(turns)
    noor = Youth(turns, "noor")
    noor.says(f"/start {token}")
    noor.clicks("Ja, dat wil ik")
    complete_interview(noor)
    return noor, mark


def test_the_summary_pdf_is_made_when_sent_from_the_plan_as_mark_may_see_it_then(
        store: Store, made: list[tuple[str, bool]]) -> None:
    turns = Turns(store)
    noor, mark = noor_with_mark(turns)
    with UnitOfWork(store) as uow:  # queued: the summary, and which file to make with it
        queued = [m for d in uow.outbox.pending("test", "mark") for m in d.messages]
    summary = next(m for m in queued if "Toekomstplan van Noor" in m.text)
    assert summary.documents and not summary.attachments
    assert pdfs(made) == []
    noor.says("/delen")  # before Mark's messages go out, Noor keeps "wonen" to herself
    noor.clicks("Onderwerpen alleen voor mij")
    noor.clicks("🏠 Wonen")
    noor.clicks("Klaar")
    summary = next(m for m in mark.inbox() if "Toekomstplan van Noor" in m.text)
    pdf = summary.attachments[0]
    assert pdf.filename.startswith("toekomstplan-noor-") and pdf.data.startswith(b"%PDF")
    text = text_of(pdf.data)
    assert "Schulden" in text and "Ruzie in huis" not in text
    assert "Noor houdt sommige onderwerpen voor zichzelf" in text
    assert pdfs(made) == [False]


def test_a_professional_opening_a_plan_gets_the_pdf_made_after_the_turn(
        store: Store, made: list[tuple[str, bool]]) -> None:
    turns = Turns(store)
    noor_with_mark(turns)
    taken = turns.take("test", "mark", UserInput.typed("/jongeren"))
    view = next(m for m in taken.reply.messages if "Een eigen kamer" in m.text)
    assert view.documents and not view.attachments  # the turn is stored: no file yet
    assert pdfs(made) == []
    shown = next(m for m in taken.with_documents().messages if "Een eigen kamer" in m.text)
    assert "Schulden" in text_of(shown.attachments[0].data)
    assert pdfs(made) == [False]


def test_a_jims_network_picture_is_made_after_the_turn(
        store: Store, made: list[tuple[str, bool]]) -> None:
    turns = Turns(store)
    noor, ahmed = Youth(turns, "noor"), Youth(turns, "ahmed")
    complete_interview(noor)
    ahmed_becomes_jim(noor, ahmed)
    made.clear()  # Noor's own pictures (made after her turns) are not the point here
    ahmed.says("/plan")
    picture = next(a for m in ahmed.replies for a in m.attachments)
    assert picture.mime_type == "image/png" and picture.filename.startswith("netwerk-noor-")
    assert made == [("png", False)]
