"""Flood control: more than 20 messages or button presses from one user within 10 seconds
are not processed (a press over the limit only has its spinner stopped).

The first message over the limit gets one calm notice; the rest are dropped unread until the
user slows down. Other users are never affected. Kept in memory: a flood is short-lived.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum

LIMIT = 20
WINDOW = 10.0  # seconds


class Verdict(Enum):
    PASS = "pass"
    WARN = "warn"  # over the limit: say so once
    DROP = "drop"  # still over the limit: ignore


class FloodGate:
    def __init__(self, limit: int = LIMIT, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._recent: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def check(self, user_id: int) -> Verdict:
        now = self.clock()
        recent = self._recent.setdefault(user_id, deque())
        while recent and now - recent[0] > self.window:
            recent.popleft()
        recent.append(now)
        if len(recent) <= self.limit:
            self._warned.discard(user_id)
            return Verdict.PASS
        if user_id in self._warned:
            return Verdict.DROP
        self._warned.add(user_id)
        return Verdict.WARN

    def forget_idle(self) -> None:
        """Drop users who sent nothing within the window, so memory stays small."""
        now = self.clock()
        for user_id in [u for u, r in self._recent.items() if not r or now - r[-1] > self.window]:
            del self._recent[user_id]
            self._warned.discard(user_id)
