"""``toekomstplan chat`` killed (SIGKILL) at a random turn, sometimes while a turn is being
processed: started again, it holds every committed answer and nothing half-written — the
stored conversation is exactly the one after the last shown turn, or after the one in flight.

The kill points come from a seeded random generator, so every run tries the same ones and a
failure can be repeated.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.storage.database import open_store, sqlite_url
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.test_terminal_chat import TYPED_INTERVIEW, chat, stored_plan

PROMPT = "\n> "


def comparable(stored: dict) -> dict:
    """A stored conversation without the moments things happened (they differ per run)."""
    stored = {key: value for key, value in stored.items() if key != "history"}
    stored["urgent"] = [{k: v for k, v in need.items() if k != "reported_at"}
                        for need in stored["urgent"]]
    return stored


def reference(data_dir: Path, turns: int) -> dict:
    """The stored conversation after ``turns`` typed lines, made without any kill."""
    store = open_store(sqlite_url(data_dir / "reference.db"), TEST_KEY)
    youth = Youth(Turns(store), "jij", channel="terminal")
    for line in ["/start", *TYPED_INTERVIEW[:turns]]:
        youth.says(line)
    conversation, plan = youth.stored()
    store.engine.dispose()
    return comparable({"state": conversation.state, **json.loads(plan.model_dump_json())})


def wait_for_prompts(process: subprocess.Popen[str], count: int) -> None:
    """Read the output until ``count`` more prompts were shown (each after a committed turn)."""
    assert process.stdout is not None
    seen, tail = 0, ""
    while seen < count:
        char = process.stdout.read(1)
        assert char, "the chat ended early"
        tail = (tail + char)[-len(PROMPT):]
        seen += tail == PROMPT


KILL_POINTS = [(seed, *divmod(random.Random(seed).randrange(2 * len(TYPED_INTERVIEW)), 2))
               for seed in range(8)]


@pytest.mark.parametrize(("seed", "shown", "in_flight"), KILL_POINTS)
def test_killed_at_a_random_turn_keeps_every_committed_answer(
        tmp_path: Path, seed: int, shown: int, in_flight: int) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("TOEKOMSTPLAN_")}
    env.update(TOEKOMSTPLAN_DATA_DIR=str(tmp_path), PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "bot.cli", "chat"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=env)
    assert process.stdin is not None
    wait_for_prompts(process, 1)  # the greeting
    for line in TYPED_INTERVIEW[:shown]:
        process.stdin.write(line + "\n")
        process.stdin.flush()
        wait_for_prompts(process, 1)
    if in_flight and shown < len(TYPED_INTERVIEW):  # kill while the next turn may be running
        process.stdin.write(TYPED_INTERVIEW[shown] + "\n")
        process.stdin.flush()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    chat(tmp_path, [])  # starts again on the same files, and stops
    after = comparable(stored_plan(tmp_path))
    possible = [reference(tmp_path / f"ref{n}", n) for n in {shown, shown + in_flight}
                if n <= len(TYPED_INTERVIEW)]
    assert after in possible, f"seed {seed}: killed after {shown} turns (+{in_flight})"
