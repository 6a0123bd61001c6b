"""Files made lately, kept in memory by a digest of everything drawn: the same plan asked
for again (a begeleider opening it twice, /plan after /plan) is not drawn twice.

A file is made from a plan and never stored anywhere; this keeps a few of them, in this
process only, bounded by count. The key is a digest of exactly what goes into the file, so
a changed plan, another language, another day or another reader is another file.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

_KEPT: list[Recent] = []  # every Recent made: what forget_recent empties


def forget_recent() -> None:
    """Drop every file kept in this process: after an erasure no copy is left in memory."""
    for recent in _KEPT:
        recent.clear()


class Recent:
    """The last ``size`` files made, by the digest of what they were made from."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._files: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()
        _KEPT.append(self)

    def __len__(self) -> int:
        return len(self._files)

    def clear(self) -> None:
        with self._lock:
            self._files.clear()

    def get(self, drawn: str, make: Callable[[], bytes]) -> bytes:
        """The file made from ``drawn`` (everything the file shows, as text): kept, or
        ``make()`` now (outside the lock: two threads may both make a new one)."""
        key = hashlib.blake2b(drawn.encode()).digest()
        with self._lock:
            if key in self._files:
                self._files.move_to_end(key)
                return self._files[key]
        made = make()
        with self._lock:
            self._files[key] = made
            if len(self._files) > self.size:
                self._files.popitem(last=False)
        return made
