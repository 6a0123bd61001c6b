"""The encryption key against the stored data: checked when the store opens, and rotated.

A wrong key must fail at start with one clear line, not as "Er ging iets mis" on every
turn: one stored value of every sealed column is opened before anything else happens.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from bot.storage.repositories import Users
from bot.storage.sealing import InvalidToken, Sealer, WrongKey
from bot.storage.tables import SEALED


def check_key(connection: Connection, sealer: Sealer) -> None:
    """Raise :class:`WrongKey` when the key does not open what is stored."""
    for column in SEALED:
        sample = connection.execute(
            select(column).where(column.is_not(None)).limit(1)).scalar_one_or_none()
        if sample is not None:
            try:
                sealer.open(sample)
            except InvalidToken:
                raise WrongKey(f"the key does not open {column.table.name}") from None


def reseal_everything(connection: Connection, sealer: Sealer) -> int:
    """Seal every sealed value again under the newest key and hash every user again; returns
    how many values were re-sealed."""
    count = 0
    for column in SEALED:
        keys = list(column.table.primary_key.columns)
        rows = connection.execute(select(*keys, column).where(column.is_not(None))).all()
        for row in rows:
            *key_values, sealed = row
            where = [key == value for key, value in zip(keys, key_values, strict=True)]
            connection.execute(update(column.table).where(*where)
                               .values({column.name: sealer.reseal(sealed)}))
        count += len(rows)
    Users(connection, sealer).rehash_all()
    return count
