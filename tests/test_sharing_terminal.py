"""Everyone in one place: ``toekomstplan chat --als <naam>`` as youth and as JIM on one
local database, the invite passed on as a code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.test_terminal_chat import TYPED_INTERVIEW


def chat_as(data_dir: Path, name: str, lines: list[str]) -> str:
    env = {**os.environ, "TOEKOMSTPLAN_DATA_DIR": str(data_dir)}
    env.pop("TOEKOMSTPLAN_DATABASE_URL", None)
    env.pop("TOEKOMSTPLAN_ENCRYPTION_KEY", None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat", "--als", name],
                          input="\n".join(lines) + "\n", capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_youth_invites_a_jim_who_accepts_and_answers_in_another_terminal(
        tmp_path: Path) -> None:
    youth = chat_as(tmp_path, "noor", [*TYPED_INTERVIEW, "/delen", "Ahmed uitnodigen als JIM"])
    assert "Wil je Ahmed nu vragen om je JIM te zijn?" in youth
    code = re.search(r"Code: /start (\S+)", youth)
    assert code is not None
    jim = chat_as(tmp_path, "ahmed", [f"/start {code.group(1)}", "1", "1"])
    assert "Noor vraagt of jij JIM wilt zijn" in jim
    assert "Je bent JIM van Noor" in jim
    assert ("Noor vraagt of je kunt helpen met: Een eigen kamer. Het liefst deze maand. "
            "Lukt dat?") in jim
    assert "Noor hoort je antwoord" in jim
    again = chat_as(tmp_path, "noor", [])
    assert "Goed nieuws: Ahmed wil je JIM zijn!" in again
    assert "Ahmed helpt je met: Een eigen kamer." in again
    stranger = chat_as(tmp_path, "sem", [f"/start {code.group(1)}"])
    assert "Deze uitnodiging werkt niet." in stranger and "Noor" not in stranger


def test_a_professional_in_the_terminal_registers_is_accepted_and_picks_up(
        tmp_path: Path) -> None:
    mark = chat_as(tmp_path, "mark", ["/begeleider", "Mark", "RIBW", "woonbegeleider"])
    assert "Hoi! Ik help je een plan te maken" in mark  # the terminal always starts so
    assert "Bewaard: Mark (woonbegeleider, RIBW)" in mark
    code = re.search(r"Code: /start (\S+)", mark)
    assert code is not None
    youth = chat_as(tmp_path, "noor", [f"/start {code.group(1)}", "1", *TYPED_INTERVIEW])
    assert "Wil je dat Mark (woonbegeleider, RIBW) je plan kan zien?" in youth
    assert "Je plan is klaar!" in youth
    mark = chat_as(tmp_path, "mark", ["/vragen", "1", "/jongeren", "1", "/start"])
    assert "⚠️ Dringend van Noor, gemeld op" in mark
    assert "Noor hoort dat je het oppakt" in mark
    assert "Toekomstplan van Noor" in mark and "Ahmed (JIM)" in mark
    assert "Jouw JIM" not in mark and "Zullen we beginnen?" not in mark.split("> ", 1)[1]
    assert "Je begeleidt Noor." in mark
    files = sorted(p.name for p in (tmp_path / "bestanden" / "mark").iterdir())
    assert any(f.startswith("toekomstplan-noor-") and f.endswith(".pdf") for f in files)
    again = chat_as(tmp_path, "noor", ["/plan"])
    assert "Mark (woonbegeleider, RIBW) pakt je vraag op: Ik moet morgen mijn huur" in again
    assert "opgepakt door Mark" in again


def test_the_first_screen_takes_an_invite_code_as_it_is(tmp_path: Path) -> None:
    youth = chat_as(tmp_path, "noor", [*TYPED_INTERVIEW, "/delen", "Ahmed uitnodigen als JIM"])
    code = re.search(r"Code: /start (\S+)", youth)
    assert code is not None and "Heb je een code gekregen" in youth.split("> ", 1)[0]
    wrong = code.group(1)[:-1] + ("B" if code.group(1).endswith("A") else "A")
    jim = chat_as(tmp_path, "ahmed", ["Noor gaf me een code", wrong, code.group(1), "1", "1"])
    first, *turns = jim.split("> ")
    assert first.startswith("Hoi! Ik help je een plan te maken")
    assert first.rstrip().endswith("Heb je een code gekregen van iemand? Typ die dan.\n"
                                   "Ben je begeleider? Typ dan /begeleider.")
    assert "Deze uitnodiging werkt niet." not in turns[0]  # words are not taken for a code
    assert "Deze uitnodiging werkt niet." in turns[1] and "Zullen we beginnen?" in turns[1]
    assert turns[2].startswith("Noor vraagt of jij JIM wilt zijn")
    assert "Je bent JIM van Noor" in turns[3]
    assert "Heb je een code gekregen" not in chat_as(tmp_path, "ahmed", ["/plan"])
    assert "Heb je een code gekregen" not in chat_as(tmp_path, "noor", [])


def test_the_invitation_in_the_terminal_says_to_type_the_code(tmp_path: Path) -> None:
    youth = chat_as(tmp_path, "noor", [*TYPED_INTERVIEW, "/delen", "Ahmed uitnodigen als JIM"])
    mark = chat_as(tmp_path, "mark", ["/begeleider", "Mark", "RIBW", "woonbegeleider"])
    for said in (youth.split("> ")[-2], mark.split("> ")[-2]):  # the last turn
        assert "De code werkt één keer, 14 dagen lang." in said
        assert "Start de chat met Toekomstplan en typ de code hieronder." in said
        for word in ("link", "Start.", "Telegram"):
            assert word not in said, word
