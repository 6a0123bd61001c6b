"""Crisis detection on the evaluation set (tests/safety_eval/): minimum figures, so that it
cannot quietly get worse. The set was written apart from the phrase lists; README (Safety)
has the figures before and after detection learned concepts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.safety_eval import AMBIGUOUS, NONE, Report, evaluate, load, sets
from bot.safety.detection import RiskKind

MIN_RECALL = {"nl": 0.97, "en": 0.95, "nl_fresh": 0.95}
MAX_FPR = 0.05
NEVER_MISSED = ("suicide", "acute_danger")
# Two indirect messages of the fresh set that detection still misses (README, Safety).
KNOWN_MISSES = {("nl_fresh", "suicide"): [
    "suicide: soms sta ik op het perron en denk ik, 1 stap  -> []",
    "suicide: ik heb een plan hoe ik het ga doen  -> []",
]}


@pytest.fixture(scope="module", params=list(MIN_RECALL))
def report(request: pytest.FixtureRequest) -> Report:
    return evaluate(request.param)


def test_the_set_is_large_enough_and_covers_every_kind() -> None:
    for lang, positives, negatives in (("nl", 150, 100), ("en", 40, 30)):
        items = load(lang)
        assert sum(item.expected != NONE and not item.ambiguous
                   for item in items) >= positives
        assert sum(item.expected == NONE for item in items) >= negatives
        categories = {item.category for item in items if item.expected != NONE}
        assert categories == {kind.value for kind in RiskKind}
        assert any(item.expected.startswith(AMBIGUOUS) for item in items)


def test_every_set_has_minimum_figures() -> None:
    assert set(sets()) == set(MIN_RECALL)


def test_recall_is_high_enough(report: Report) -> None:
    misses = [miss for score in report.by_category.values() for miss in score.misses]
    assert report.recall >= MIN_RECALL[report.lang], misses


@pytest.mark.parametrize("category", NEVER_MISSED)
def test_no_suicide_or_danger_signal_is_missed(report: Report, category: str) -> None:
    misses = report.by_category[category].misses
    assert misses == [] or misses == KNOWN_MISSES.get((report.lang, category)), misses


def test_few_false_alarms(report: Report) -> None:
    assert report.fpr() <= MAX_FPR, report.false_alarms


def test_ambiguous_messages_are_flagged_only_as_probable(report: Report) -> None:
    """A weak signal is caught, but as probable: the bot can ask a yes/no question first."""
    ambiguous = report.ambiguous
    assert ambiguous.misses == []
    assert ambiguous.sure == 0


def test_the_benchmark_prints_figures_and_timings() -> None:
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOEKOMSTPLAN_")}
    done = subprocess.run([sys.executable, "benchmarks/safety_eval.py", "--set", "en",
                           "--rounds", "1", "--misses"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "== en: 45 positives, 32 negatives, 2 ambiguous" in done.stdout
    assert re.search(r"cpu p50 \d+ µs, p99 \d+ µs", done.stdout)
