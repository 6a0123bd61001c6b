"""Files drawn in a process of their own (:mod:`bot.adapters.drawing`): the bot's process
keeps its interpreter lock for the chats, a dead worker loses no file, and an erasure
leaves no drawn copy in either process."""

from __future__ import annotations

import os
import signal
from datetime import date

from bot.adapters.drawing import Drawing
from bot.documents import network_picture, plan_pdf
from bot.i18n import Translator
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import complete_interview
from tests.test_plan_pdf import full_plan, text_of


def kept_files() -> int:
    """How many drawn files the process that runs this keeps in memory."""
    return len(plan_pdf._recent) + len(network_picture._recent)


def pdf_of(name: str) -> bytes:
    plan = full_plan()
    plan.name = name
    return plan_pdf.plan_pdf(plan, Translator("nl"), date(2026, 12, 3))


async def test_a_file_is_drawn_in_another_process() -> None:
    drawing = Drawing()
    try:
        assert await drawing.run(os.getpid) != os.getpid()
        kept_here = kept_files()
        pdf = await drawing.run(pdf_of, "Noor")
        assert "Noor" in text_of(pdf)
        assert await drawing.run(kept_files) == 2  # kept there, with its picture
        assert kept_files() == kept_here  # and nothing drawn here
    finally:
        drawing.close()


async def test_a_dead_drawing_process_loses_no_file() -> None:
    drawing = Drawing()
    try:
        first = await drawing.run(os.getpid)
        os.kill(first, signal.SIGKILL)
        assert "Sara" in text_of(await drawing.run(pdf_of, "Sara"))  # drawn here, this once
        second = await drawing.run(os.getpid)
        assert second not in (first, os.getpid())  # then a new worker draws again
    finally:
        drawing.close()


async def test_an_erasure_leaves_no_drawn_file_in_either_process() -> None:
    drawing = Drawing()
    try:
        await drawing.run(pdf_of, "Noor")
        pdf_of("Noor")  # (a file drawn here too, as when the worker had died)
        assert await drawing.run(kept_files) == 2 and kept_files() >= 2
        await drawing.forget()
        assert await drawing.run(kept_files) == 0 and kept_files() == 0
    finally:
        drawing.close()


def test_erasing_forgets_the_files_drawn_in_this_process(store: Store) -> None:
    """The terminal chat draws in its own process: /verwijder empties what it keeps."""
    youth = Youth(Turns(store))
    complete_interview(youth)
    youth.says("/mijngegevens")  # the export holds the PDF
    assert any(a.filename.endswith(".pdf") for m in youth.replies for a in m.attachments)
    assert kept_files() > 0
    youth.says("/verwijder")
    youth.clicks("Ja, wis alles")
    assert "Alles is gewist" in youth.text
    assert kept_files() == 0
