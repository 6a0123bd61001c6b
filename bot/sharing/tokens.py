"""Invitation tokens: 144 random bits from ``secrets``, stored only as their sha256.

A token travels once, inside the invite link; the database can't give it back, so a dump
of it opens nothing. 24 URL-safe characters fit Telegram's ``/start`` payload (≤ 64).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

TOKEN_BYTES = 18
VALID_FOR = timedelta(days=14)
MAX_CODE = 64  # longer input is not one of ours: don't even hash it


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
