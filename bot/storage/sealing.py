"""Encryption at rest: plans and conversation state are sealed with Fernet before storage.

Everything a youth types ends up in sealed documents (names, answers, the cursor), so sealing
them whole keeps all of it unreadable in the database and in its dumps. A user's chat id is
sealed too; users are found by a keyed hash of it (:meth:`Sealer.identities`). Several keys
may be given, newest first: new data uses the first, older data stays readable (and older
hashes findable) until ``toekomstplan rotate-key`` re-seals and re-hashes it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.private_files import private_dir

__all__ = ["BadKey", "InvalidToken", "MalformedKey", "Sealer", "WrongKey", "ensure_key_file",
           "new_key"]


class BadKey(ValueError):
    """The configured key can't be used."""


class MalformedKey(BadKey):
    """Not a Fernet key (32 url-safe base64-encoded bytes)."""


class WrongKey(BadKey):
    """A well-formed key that does not open what is stored."""


def new_key() -> str:
    return Fernet.generate_key().decode()


def _derived(purpose: bytes, key: str) -> bytes:
    return hashlib.sha256(purpose + b":" + key.encode()).digest()


class Sealer:
    def __init__(self, keys: str) -> None:
        """``keys``: one or more Fernet keys separated by commas, the newest first."""
        parts = [key.strip() for key in keys.split(",") if key.strip()]
        if not parts:
            raise MalformedKey("no encryption key given")
        try:
            fernets = [Fernet(key.encode()) for key in parts]
        except ValueError:  # the message would not say which key; the caller names the source
            raise MalformedKey("not a Fernet key") from None
        self._fernet = MultiFernet(fernets)
        self._pseudonym_key = _derived(b"pseudonym", parts[0])
        self._identity_keys = [_derived(b"identity", key) for key in parts]

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def open(self, sealed: str) -> str:
        return self._fernet.decrypt(sealed.encode()).decode()

    def pseudonym(self, value: str) -> str:
        """A keyed hash for logs: the same user gets the same mark, nobody can reverse it."""
        return hmac.new(self._pseudonym_key, value.encode(), hashlib.sha256).hexdigest()[:12]

    def identity(self, value: str) -> str:
        """The keyed hash a user is stored under (newest key)."""
        return self.identities(value)[0]

    def identities(self, value: str) -> list[str]:
        """The keyed hash under every key, newest first: a user stored before the newest key
        came is still found, until ``rotate-key`` re-hashes them."""
        return [hmac.new(key, value.encode(), hashlib.sha256).hexdigest()
                for key in self._identity_keys]

    def reseal(self, sealed: str) -> str:
        """The same content under the newest key."""
        return self._fernet.rotate(sealed.encode()).decode()


def ensure_key_file(path: Path) -> tuple[str, bool]:
    """The key stored at ``path``, created (mode 0600) when missing; True when just created."""
    if path.exists():
        return path.read_text().strip(), False
    private_dir(path.parent)
    key = new_key()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as fh:
        fh.write(key + "\n")
    return key, True
