"""A whole interview as a youth does it on a phone: mostly buttons, some typing.

Used by the Telegram tests and by ``benchmarks/bench_telegram.py``.
"""

from __future__ import annotations

from tests.telegram_fake.people import FakeUser

INTERVIEW: list[tuple[str, str]] = [
    ("click", "Oké, we beginnen"), ("text", "Noor"), ("text", "17"), ("click", "Gaat wel"),
    ("click", "Nee"), ("text", "mijn zus Sanne en oom Ahmed"),
    ("click", "Helpt met praktische dingen"), ("click", "Klaar"), ("click", "Dichtbij"),
    ("click", "Geeft me advies"), ("click", "Klaar"), ("click", "Een beetje"),
    ("click", "Dat is iedereen"), ("click", "Sanne"), ("click", "Klaar"), ("click", "Ahmed"),
    ("click", "Later"), ("click", "🏠 Wonen"), ("click", "Klaar"), ("text", "Ruzie in huis"),
    ("text", "Een dak boven mijn hoofd"), ("text", "Een eigen kamer"), ("click", "Ja"),
    ("click", "Ahmed (je JIM)"), ("click", "Deze maand"), ("click", "Ja, klopt"),
]


async def interview(user: FakeUser, steps: list[tuple[str, str]] = INTERVIEW) -> None:
    """Take ``steps``, each answered once the next question (or, at the end, the choices
    of what to do with the finished plan) is there."""
    for number in range(len(steps)):
        await step(user, steps, number)


async def step(user: FakeUser, steps: list[tuple[str, str]], number: int) -> None:
    kind, value = steps[number]
    if kind == "click":
        await user.click(value)
    else:
        await user.send_text(value)
