"""Crisis detection against the evaluation sets in ``tests/safety_eval/<name>.tsv``.

The set is written apart from the phrase lists (how help-line pages say young people put it),
so its figures say how well detection generalises. Prints, per category: recall (the category
was flagged, surely or as probable), how many of those were sure, and the false-positive rate
(how often the category was flagged on a message that signals nothing). Ambiguous items count
as caught when their category was flagged; ideally only as probable, so the bot asks first.
Then the time ``detect`` takes per message (p50/p99 over the set, after warming up), and the
slowest call on hostile input: long random text and word soup (a guard against backtracking).
A set's language is its name up to the first "_" (``nl_fresh`` is Dutch).
Usage: ``python benchmarks/safety_eval.py [--set nl] [--misses] [--rounds 20]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.safety import detection

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "safety_eval"
NONE = "none"
AMBIGUOUS = "ambiguous:"


@dataclass(frozen=True)
class Item:
    expected: str  # a category, "none" or "ambiguous:<category>"
    text: str

    @property
    def category(self) -> str:
        return self.expected.removeprefix(AMBIGUOUS)

    @property
    def ambiguous(self) -> bool:
        return self.expected.startswith(AMBIGUOUS)


def sets() -> list[str]:
    return sorted(path.stem for path in EVAL_DIR.glob("*.tsv"))


def language(name: str) -> str:
    return name.partition("_")[0]


def load(name: str) -> list[Item]:
    items = []
    for line in (EVAL_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, text = line.split("\t", 1)
            items.append(Item(expected.strip(), text.strip()))
    return items


def _flags(text: str, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(sure, probable-only) kinds as plain strings; works with older detectors too."""
    assess: Callable | None = getattr(detection, "assess", None)
    if assess is None:
        return frozenset(str(kind) for kind in detection.detect(text, lang)), frozenset()
    found = assess(text, lang)
    return (frozenset(str(kind) for kind in found.sure),
            frozenset(str(kind) for kind in found.probable))


@dataclass
class Score:
    positives: int = 0
    caught: int = 0
    sure: int = 0
    false_alarms: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 1.0


@dataclass
class Report:
    lang: str
    negatives: int = 0
    alarmed_negatives: int = 0  # negatives with any flag
    asked_negatives: int = 0  # negatives with only probable flags (a yes/no question)
    false_alarms: list[str] = field(default_factory=list)
    by_category: dict[str, Score] = field(default_factory=dict)
    ambiguous: Score = field(default_factory=Score)

    def fpr(self, category: str | None = None) -> float:
        if not self.negatives:
            return 0.0
        if category is None:
            return self.alarmed_negatives / self.negatives
        return self.by_category[category].false_alarms / self.negatives

    @property
    def recall(self) -> float:
        positives = sum(score.positives for score in self.by_category.values())
        caught = sum(score.caught for score in self.by_category.values())
        return caught / positives if positives else 1.0


def evaluate(name: str) -> Report:
    items = load(name)
    lang = language(name)
    report = Report(name)
    categories = sorted({item.category for item in items if item.expected != NONE})
    report.by_category = {category: Score() for category in categories}
    for item in items:
        sure, probable = _flags(item.text, lang)
        flagged = sure | probable
        if item.expected == NONE:
            report.negatives += 1
            if flagged:
                report.alarmed_negatives += 1
                report.asked_negatives += not sure
                report.false_alarms.append(f"{item.text}  -> {sorted(flagged)}")
            for category in flagged & report.by_category.keys():
                report.by_category[category].false_alarms += 1
            continue
        score = report.ambiguous if item.ambiguous else report.by_category[item.category]
        score.positives += 1
        if item.category in flagged:
            score.caught += 1
            score.sure += item.category in sure
        else:
            score.misses.append(f"{item.expected}: {item.text}  -> {sorted(flagged)}")
    return report


def timings(name: str, rounds: int) -> dict[str, tuple[float, float]]:
    """p50 and p99 of one ``detect`` call in microseconds, wall-clock and CPU time of this
    thread (on a shared machine the wall clock also counts the neighbours), over the set
    ``rounds`` times."""
    texts = [item.text for item in load(name)]
    lang = language(name)
    for text in texts:
        detection.detect(text, lang)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for text in texts:
            started, started_cpu = time.perf_counter_ns(), time.thread_time_ns()
            detection.detect(text, lang)
            cpu.append((time.thread_time_ns() - started_cpu) / 1000)
            wall.append((time.perf_counter_ns() - started) / 1000)
    result = {}
    for name, samples in (("wall", wall), ("cpu", cpu)):
        cuts = statistics.quantiles(samples, n=100)
        result[name] = (cuts[49], cuts[98])
    return result


def worst_cases(rounds: int) -> dict[str, float]:
    """The slowest ``detect`` call in milliseconds on hostile input, ``rounds`` of each kind:
    5,000 random characters, and 1,000 words drawn from crisis words, emoji and long runs."""
    rng = random.Random(7)
    alphabet = string.printable + "éëïöü🙂🙃\u200b"
    words = ["ik", "wil", "dood", "niet", "meer", "leven", "mezelf", "slaat", "me", "...",
             "zelfmoord", "van", "het", "lachen", "geen", "slaapplek", "🙂", "\u200b", "112",
             "a" * 50]
    inputs = {"random text": ["".join(rng.choices(alphabet, k=5000)) for _ in range(rounds)],
              "word soup": [" ".join(rng.choices(words, k=1000)) for _ in range(rounds)]}
    worst = {}
    for kind, texts in inputs.items():
        slowest = 0.0
        for text in texts:
            started = time.perf_counter()
            detection.detect(text, "nl")
            slowest = max(slowest, time.perf_counter() - started)
        worst[kind] = slowest * 1000
    return worst


def print_report(report: Report, misses: bool) -> None:
    print(f"== {report.lang}: {sum(s.positives for s in report.by_category.values())} "
          f"positives, {report.negatives} negatives, {report.ambiguous.positives} ambiguous")
    print(f"{'category':<20}{'n':>4}{'recall':>8}{'sure':>6}{'FPR':>7}")
    for category, score in report.by_category.items():
        print(f"{category:<20}{score.positives:>4}{score.recall:>8.2f}{score.sure:>6}"
              f"{report.fpr(category):>7.3f}")
    print(f"{'overall':<20}{'':>4}{report.recall:>8.2f}{'':>6}{report.fpr():>7.3f}"
          f"   (negatives flagged: {report.alarmed_negatives}, "
          f"of which only probable: {report.asked_negatives})")
    amb = report.ambiguous
    print(f"ambiguous: {amb.caught}/{amb.positives} flagged, {amb.caught - amb.sure} "
          f"of them only as probable (the bot can ask first)")
    if misses:
        for line in [m for s in report.by_category.values() for m in s.misses] + amb.misses:
            print("  missed   ", line)
        for line in report.false_alarms:
            print("  flagged  ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", action="append", choices=sets(), dest="names")
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    started = time.perf_counter()
    detection.warm_up()
    print(f"warm-up (building the matchers): {(time.perf_counter() - started) * 1000:.0f} ms")
    for name in args.names or sets():
        print_report(evaluate(name), args.misses)
        measured = timings(name, args.rounds)
        print("detect per message: " + ", ".join(
            f"{name} p50 {p50:.0f} µs, p99 {p99:.0f} µs"
            for name, (p50, p99) in measured.items()))
    print("slowest call on hostile input: " + ", ".join(
        f"{kind} {ms:.1f} ms" for kind, ms in worst_cases(args.rounds).items()))


if __name__ == "__main__":
    main()
