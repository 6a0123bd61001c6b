"""``toekomstplan chat`` as a real process: a whole interview typed in, and a killed process
continuing where it was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bot.plan.model import Domain, HelperKind, When
from bot.storage.database import open_store, sqlite_url
from bot.storage.tables import scheduled
from bot.storage.unit_of_work import UnitOfWork

TYPED_INTERVIEW = [
    "1", "Noor", "17", "gaat wel", "ja", "Ik moet morgen mijn huur betalen",
    "mijn zus Sanne en oom Ahmed", "1 en 4", "dichtbij", "3", "een beetje", "dat is iedereen",
    "Sanne en Ahmed", "Ahmed", "later",
    "wonen slecht, rest goed", "Ruzie in huis", "Een dak boven mijn hoofd", "Een eigen kamer",
    "ja", "ik zelf", "ik bel morgen de verhuurder", "Ahmed", "deze maand", "ja",
]


def chat(data_dir: Path, lines: list[str], timeout: float = 60) -> str:
    env = {**os.environ, "TOEKOMSTPLAN_DATA_DIR": str(data_dir)}
    env.pop("TOEKOMSTPLAN_DATABASE_URL", None)
    env.pop("TOEKOMSTPLAN_ENCRYPTION_KEY", None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, env=env, timeout=timeout, check=True)
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def stored_plan(data_dir: Path) -> dict:
    key = (data_dir / "encryption.key").read_text().strip()
    store = open_store(sqlite_url(data_dir.resolve() / "toekomstplan.db"), key)
    with UnitOfWork(store) as uow:
        user_id = uow.users.find("terminal", "jij")
        assert user_id is not None
        conversation, plan = uow.conversations.load(user_id).parse()
    store.engine.dispose()
    return {"state": conversation.state, **json.loads(plan.model_dump_json())}


def test_a_whole_interview_in_the_terminal(tmp_path: Path) -> None:
    output = chat(tmp_path, TYPED_INTERVIEW)
    assert "Je plan is klaar!" in output
    assert "Tot later! Alles is bewaard." in output
    assert "knop" not in output and "Druk" not in output  # the terminal has no buttons
    plan = stored_plan(tmp_path)
    assert plan["state"] == "done" and plan["confirmed"]
    assert [p["name"] for p in plan["people"]] == ["Sanne", "Ahmed"]
    assert plan["people"][0]["roles"] == ["praktisch", "er_voor_je"]
    assert plan["jim"]["person_id"] == plan["people"][1]["id"]
    assert plan["domains"][Domain.WONEN]["need"] == "Een eigen kamer"
    rent, room = plan["actions"]
    assert (rent["helper"], rent["first_step"]) == (HelperKind.SELF, "ik bel morgen de verhuurder")
    assert (room["what"], room["helper"], room["when"]) == ("Een eigen kamer", HelperKind.PERSON,
                                                            When.MAAND)


def test_split_over_two_runs_the_second_continues(tmp_path: Path) -> None:
    chat(tmp_path, TYPED_INTERVIEW[:8])
    second = chat(tmp_path, TYPED_INTERVIEW[8:])
    assert second.startswith("Welkom terug!")
    assert "Hoe dichtbij voelt Sanne voor jou?" in second.split("\n\n")[1]
    assert stored_plan(tmp_path)["state"] == "done"


def test_killed_mid_interview_continues_at_the_same_question(tmp_path: Path) -> None:
    env = {**os.environ, "TOEKOMSTPLAN_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "bot.cli", "chat"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdin is not None
    process.stdin.write("\n".join(TYPED_INTERVIEW[:7]) + "\n")
    process.stdin.flush()
    assert process.stdout is not None
    for line in process.stdout:  # a reply is shown only once its turn is committed
        if "Wat doet Sanne voor je?" in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    output = chat(tmp_path, [])
    assert "Wat doet Sanne voor je?" in output
    assert [p["name"] for p in stored_plan(tmp_path)["people"]] == ["Sanne", "Ahmed"]


def test_after_taal_english_the_terminal_says_goodbye_in_english(tmp_path: Path) -> None:
    output = chat(tmp_path, ["/taal", "2", "/wijzig"])
    assert "Shall we start?" in output and "There's nothing to change yet." in output
    assert output.rstrip().endswith("See you later! Everything is saved.")
    assert "Tot later" not in output


def test_a_checkin_that_came_due_meanwhile_is_asked_when_the_chat_starts(tmp_path: Path) -> None:
    chat(tmp_path, TYPED_INTERVIEW)
    key = (tmp_path / "encryption.key").read_text().strip()
    store = open_store(sqlite_url(tmp_path.resolve() / "toekomstplan.db"), key)
    with store.engine.begin() as connection:  # the rent's day came while nobody chatted
        moved = connection.execute(update(scheduled).where(
            scheduled.c.kind == "checkin", scheduled.c.subject == "a1").values(
            due_at=datetime.now(UTC) - timedelta(hours=1))).rowcount
    store.engine.dispose()
    assert moved == 1
    output = chat(tmp_path, ["gelukt"])
    assert ("Je wilde deze week werken aan: Ik moet morgen mijn huur betalen. "
            "Hoe gaat het?") in output
    assert "Goed gedaan! In je plan staat het nu als gelukt." in output
    assert stored_plan(tmp_path)["actions"][0]["status"] == "gelukt"
