"""The benchmark scripts still run end to end (at a tiny size; their figures are not
checked here: timing belongs in the benchmarks, not in tests). ``bench_telegram.py
--throttle`` is left out: under Telegram's limit of about a message a second per chat, one
whole interview takes half a minute however small the run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, youth: int | None, *options: str) -> str:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TOEKOMSTPLAN_") or k == "TOEKOMSTPLAN_TEST_POSTGRES_URL"}
    size = ["--youth", str(youth)] if youth is not None else []
    done = subprocess.run([sys.executable, f"benchmarks/{script}", *size, *options],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_bench_interview_completes_every_interview() -> None:
    out = run("bench_interview.py", 3)
    assert "3 complete interviews, turns: 111" in out
    assert "pictures: 6 made" in out and "everything together:" in out


def test_bench_understanding_reads_the_whole_table() -> None:
    done = subprocess.run([sys.executable, "benchmarks/bench_understanding.py", "--rounds", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"^\d{3} typed answers, best of 1 rounds: CPU per answer p50", done.stdout)


def test_bench_telegram_measures_the_bot_and_both_echo_bots() -> None:
    out = run("bench_telegram.py", 3)
    assert "toekomstplan, 3 youth, whole interviews: 81 turns" in out
    assert re.search(r"\d\.\d\d Bot API calls \(\d\.\d\d to a chat: sendMessage \d\.\d\d.*\) "
                     r"and \d+\.\d\d ms bot CPU per turn", out)
    assert "the same Bot API calls without the conversation (echo with buttons): 81 turns" in out
    assert "bare PTB echo bot, same transport and concurrency: 81 turns" in out
    assert re.search(r"ratio: \d\.\d\d .* without any conversation reach \d\.\d\d", out)


def test_bench_mixed_offers_the_mixed_load_at_a_fixed_rate() -> None:
    out = run("bench_mixed.py", None, "--rate", "10", "--seconds", "1", "--warm-up", "1",
              "--only", "sqlite")
    assert "SQLite, 1 process: set up 2 JIMs with an ask and 20 begeleiders" in out
    assert re.search(r"SQLite, 1 process, after 1 s of warm-up: offered \d+ turns/s "
                     r"\(10 in \d\.\d s\).*"
                     r"update→reply p50 .* ms bot CPU per turn.* no reply: 0; "
                     r"refusals by Telegram: 0;", out)


def test_bench_workers_kills_one_of_three_workers_midway() -> None:
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL: set TOEKOMSTPLAN_TEST_POSTGRES_URL to run against a server")
    out = run("bench_workers.py", 2, "--kill-after", "1")
    assert re.search(r"3 workers, one SIGKILLed after 1 s and restarted: \d+ of 2 youth", out)


def test_bench_groups_measures_youth_with_and_without_spamming_groups() -> None:
    out = run("bench_groups.py", 2, "--steps", "4")  # a chat gets ~1 message/s
    assert "2 youth, no group: 8 turns; update→reply p50" in out
    assert "2 youth, 3 groups sending 20 messages/s each (the bot posted 3 there): 8 turns" in out


def test_bench_scheduler_writes_the_days_checkins() -> None:
    out = run("bench_scheduler.py", 5)
    assert "5 youth, 25 scheduled check-ins" in out
    assert re.search(r"one day's round: \d+ check-ins written", out)


def test_bench_drawing_draws_in_a_thread_and_in_the_drawing_process() -> None:
    out = run("bench_drawing.py", None, "--files", "4")
    assert re.search(r"in a thread of the bot's process: 4 PDFs in .* the event loop ran late "
                     r"by p50 .* ms, p99 .* ms, max \d+ ms", out)
    assert re.search(r"in the drawing process: 4 PDFs in .* the event loop ran late", out)
