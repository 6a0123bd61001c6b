"""How long understanding one typed answer takes: every answer of the typed-answers table
(tests/test_typed_answers_table.py, ≥ 200 answers at every kind of question) through one
engine turn, without storage, so the figure is the understanding alone.

Prints CPU time per answer (p50, p99, mean; best of a few rounds: on a shared machine the
wall clock moves with the neighbours). Usage: ``python benchmarks/bench_understanding.py
[--rounds 5]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

from tests.test_typed_answers_table import TABLE, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for kind, typed, _ in TABLE:  # warm up: lemma tables, compiled patterns
        answer(kind, typed)
    best: list[float] | None = None
    for _ in range(args.rounds):
        times = []
        for kind, typed, _ in TABLE:
            before = time.process_time()
            answer(kind, typed)
            times.append(time.process_time() - before)
        if best is None or sum(times) < sum(best):
            best = times
    assert best is not None
    best.sort()
    quantiles = statistics.quantiles(best, n=100)
    print(f"{len(best)} typed answers, best of {args.rounds} rounds: CPU per answer "
          f"p50 {quantiles[49] * 1000:.3f} ms, p99 {quantiles[98] * 1000:.3f} ms, "
          f"mean {statistics.fmean(best) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
