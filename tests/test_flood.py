"""The flood gate: a burst from one user is cut off after 20 messages, others pass."""

from __future__ import annotations

from bot.adapters.telegram.flood import FloodGate, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_one_notice_then_silence_then_back_to_normal() -> None:
    clock = Clock()
    gate = FloodGate(clock=clock)
    verdicts = [gate.check(1) for _ in range(30)]
    assert verdicts[:20] == [Verdict.PASS] * 20
    assert verdicts[20] is Verdict.WARN
    assert verdicts[21:] == [Verdict.DROP] * 9
    assert gate.check(2) is Verdict.PASS  # another user is not affected
    clock.now = 11.0
    assert gate.check(1) is Verdict.PASS


def test_idle_users_are_forgotten() -> None:
    clock = Clock()
    gate = FloodGate(clock=clock)
    for user in range(100):
        gate.check(user)
    clock.now = 20.0
    gate.forget_idle()
    assert not gate._recent
