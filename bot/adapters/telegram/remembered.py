"""What one bot process remembers for a while about chats and messages, without growing."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable


class Remembered:
    """A set that keeps only its newest ``limit`` keys."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self._keys: OrderedDict[Hashable, None] = OrderedDict()

    def __contains__(self, key: Hashable) -> bool:
        return key in self._keys

    def first_time(self, key: Hashable) -> bool:
        """True when ``key`` was not remembered yet; it is from now on."""
        if key in self._keys:
            return False
        self._keys[key] = None
        if len(self._keys) > self.limit:
            self._keys.popitem(last=False)
        return True
