"""Encryption at rest: plans and conversation state are sealed with Fernet before storage.

Everything a youth types ends up in those two documents (names, answers, the cursor), so
sealing them whole keeps all of it unreadable in the database and in its dumps. Several keys
may be given, newest first: new data uses the first, older data stays readable until
``toekomstplan rotate-key`` re-seals it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

__all__ = ["InvalidToken", "Sealer", "ensure_key_file", "new_key"]


def new_key() -> str:
    return Fernet.generate_key().decode()


class Sealer:
    def __init__(self, keys: str) -> None:
        """``keys``: one or more Fernet keys separated by commas, the newest first."""
        parts = [key.strip() for key in keys.split(",") if key.strip()]
        if not parts:
            raise ValueError("no encryption key given")
        self._fernet = MultiFernet([Fernet(key.encode()) for key in parts])
        self._pseudonym_key = hashlib.sha256(b"pseudonym:" + parts[0].encode()).digest()

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def open(self, sealed: str) -> str:
        return self._fernet.decrypt(sealed.encode()).decode()

    def pseudonym(self, value: str) -> str:
        """A keyed hash for logs: the same user gets the same mark, nobody can reverse it."""
        return hmac.new(self._pseudonym_key, value.encode(), hashlib.sha256).hexdigest()[:12]

    def reseal(self, sealed: str) -> str:
        """The same content under the newest key."""
        return self._fernet.rotate(sealed.encode()).decode()


def ensure_key_file(path: Path) -> tuple[str, bool]:
    """The key stored at ``path``, created (mode 0600) when missing; True when just created."""
    if path.exists():
        return path.read_text().strip(), False
    path.parent.mkdir(parents=True, exist_ok=True)
    key = new_key()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as fh:
        fh.write(key + "\n")
    return key, True
