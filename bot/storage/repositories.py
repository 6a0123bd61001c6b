"""Repositories: the only code that knows how users, conversations and undo steps are stored.

Statements are built once (at import, or at first use for a number of keys): a turn runs a
handful of them, and building SQLAlchemy statements costs more than executing them on SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import NamedTuple

from pydantic import BaseModel
from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from bot.flows.conversation import Conversation
from bot.plan.model import Plan
from bot.storage.sealing import Sealer
from bot.storage.tables import conversations, undo_steps, users

UNDO_LIMIT = 50
TRIM_EVERY = 10  # trimming old undo steps on every turn would cost a statement per turn


@cache
def _identity(keys: int) -> ColumnElement[bool]:
    """A user by channel and keyed hash, for ``keys`` hashes (one per configured key): plain
    bound parameters, not an expanding list, so the compiled statement is reused."""
    return and_(users.c.channel == bindparam("channel"),
                users.c.external_id.in_([bindparam(f"id{n}") for n in range(keys)]))


@cache
def _find_user(keys: int) -> Select:
    return select(users.c.id).where(_identity(keys))


@cache
def _load_by_identity(keys: int) -> Select:
    return (select(users.c.id, conversations.c.document)
            .join(conversations, conversations.c.user_id == users.c.id)
            .where(_identity(keys)).with_for_update(of=conversations, key_share=True))


_INSERT_USER = {"postgresql": postgresql.insert(users).on_conflict_do_nothing(),
                "sqlite": sqlite.insert(users).on_conflict_do_nothing()}
_READ = select(conversations.c.document).where(conversations.c.user_id == bindparam("user_id"))
_LOAD = _READ.with_for_update(key_share=True)
_INSERT = insert(conversations)
_UPDATE = (update(conversations).where(conversations.c.user_id == bindparam("for_user"))
           .values(turns=conversations.c.turns + 1, document=bindparam("new_document"),
                   updated_at=bindparam("now")))
_PUSH_UNDO = insert(undo_steps)
# PostgreSQL: a turn's undo step and its new version in one statement (a round trip less
# for nearly every turn); the new step's id comes back, to trim now and then.
_NEW_UNDO = (insert(undo_steps).values(user_id=bindparam("for_user"),
                                       document=bindparam("undo_document"))
             .returning(undo_steps.c.id).cte("new_undo"))
_UPDATE_WITH_UNDO = _UPDATE.add_cte(_NEW_UNDO).returning(select(_NEW_UNDO.c.id).scalar_subquery())
_TRIM_UNDO = delete(undo_steps).where(
    undo_steps.c.user_id == bindparam("user_id"),
    undo_steps.c.id <= (select(undo_steps.c.id).where(undo_steps.c.user_id == bindparam("user_id"))
                        .order_by(undo_steps.c.id.desc()).offset(UNDO_LIMIT).limit(1)
                        .scalar_subquery()))
_NEWEST_UNDO = (select(undo_steps.c.id, undo_steps.c.document)
                .where(undo_steps.c.user_id == bindparam("user_id"))
                .order_by(undo_steps.c.id.desc()).limit(1))
_DROP_UNDO = delete(undo_steps).where(undo_steps.c.id == bindparam("undo_id"))


class Record(BaseModel):
    """What one row holds: where the conversation is, and the plan. Sealed as one document."""

    state: Conversation
    plan: Plan


class Stored(NamedTuple):
    """A conversation as stored: the opened JSON document, parsed on demand.

    The sealed original rides along, so an undo step can keep it without sealing again.
    """

    document: str
    sealed: str | None = None

    @classmethod
    def of(cls, conversation: Conversation, plan: Plan) -> Stored:
        return cls(Record(state=conversation, plan=plan).model_dump_json())

    def parse(self) -> tuple[Conversation, Plan]:
        record = Record.model_validate_json(self.document)
        return record.state, record.plan


class Users:
    """Users, found by a keyed hash of their chat id; the id itself is kept sealed."""

    def __init__(self, connection: Connection, sealer: Sealer) -> None:
        self.connection = connection
        self.sealer = sealer

    def find(self, channel: str, external_id: str) -> int | None:
        found = identities(self.sealer, channel, external_id)
        return self.connection.execute(_find_user(len(found)), identity_values(channel, found)
                                       ).scalar_one_or_none()

    def describe(self, user_id: int) -> dict[str, object]:
        """What the users table holds about one user, for their data export."""
        row = self.connection.execute(
            select(users.c.channel, users.c.address, users.c.created_at)
            .where(users.c.id == user_id)).one()
        return {"channel": row.channel, "id": self.sealer.open(row.address),
                "first_contact": row.created_at.isoformat()}

    def delete(self, user_id: int) -> None:
        """Remove the user; everything theirs goes with them (ON DELETE CASCADE)."""
        self.connection.execute(delete(users).where(users.c.id == user_id))

    def inactive(self, cutoff: datetime) -> list[int]:
        """Everyone with no activity since ``cutoff`` (for ``purge``)."""
        active = select(conversations.c.user_id).where(conversations.c.updated_at >= cutoff)
        return list(self.connection.execute(
            select(users.c.id).where(users.c.id.not_in(active), users.c.created_at < cutoff)
            .order_by(users.c.id)).scalars())

    def ensure(self, channel: str, external_id: str, now: datetime) -> int:
        """The user's id, creating the user on first contact (safe when two race)."""
        user_id = self.find(channel, external_id)
        if user_id is None:
            self.connection.execute(_INSERT_USER[self.connection.dialect.name], {
                "channel": channel, "external_id": self.sealer.identity(f"{channel}:{external_id}"),
                "address": self.sealer.seal(external_id), "created_at": now})
            user_id = self.find(channel, external_id)
            assert user_id is not None
        return user_id

    def seal_plain_ids(self) -> int:
        """Users stored before ids were sealed: hash and seal their plain chat id now."""
        rows = self.connection.execute(select(users.c.id, users.c.channel, users.c.external_id)
                                       .where(users.c.address.is_(None))).all()
        for row in rows:
            self.connection.execute(update(users).where(users.c.id == row.id).values(
                external_id=self.sealer.identity(f"{row.channel}:{row.external_id}"),
                address=self.sealer.seal(row.external_id)))
        return len(rows)

    def rehash_all(self) -> int:
        """Every user's hash again under the newest key (``rotate-key``)."""
        rows = self.connection.execute(select(users.c.id, users.c.channel, users.c.address)).all()
        for row in rows:
            plain = self.sealer.open(row.address)
            self.connection.execute(update(users).where(users.c.id == row.id).values(
                external_id=self.sealer.identity(f"{row.channel}:{plain}")))
        return len(rows)


def identities(sealer: Sealer, channel: str, external_id: str) -> list[str]:
    """What a user may be stored under: the keyed hash of their id under every key."""
    return sealer.identities(f"{channel}:{external_id}")


def identity_values(channel: str, hashes: list[str]) -> dict[str, str]:
    return {"channel": channel, **{f"id{n}": value for n, value in enumerate(hashes)}}


class Conversations:
    """Conversations and their undo steps; the documents are sealed on the way in."""

    def __init__(self, connection: Connection, sealer: Sealer) -> None:
        self.connection = connection
        self.sealer = sealer

    def _open(self, sealed: str) -> Stored:
        return Stored(self.sealer.open(sealed), sealed)

    def load_for(self, channel: str, external_id: str) -> tuple[int, Stored] | None:
        """The user's id and stored conversation in one statement (the common case)."""
        found = identities(self.sealer, channel, external_id)
        row = self.connection.execute(_load_by_identity(len(found)),
                                      identity_values(channel, found)).first()
        return None if row is None else (row.id, self._open(row.document))

    def load(self, user_id: int) -> Stored | None:
        """The stored conversation, locked for this transaction where the database can: to
        be written back."""
        row = self.connection.execute(_LOAD, {"user_id": user_id}).first()
        return None if row is None else self._open(row.document)

    def read(self, user_id: int) -> Stored | None:
        """The stored conversation as last committed, without a lock: to be read only, so
        a view of someone else's plan never waits for (or holds up) their own turn."""
        row = self.connection.execute(_READ, {"user_id": user_id}).first()
        return None if row is None else self._open(row.document)

    def save(self, user_id: int, conversation: Conversation, plan: Plan, now: datetime,
             is_new: bool, undo: Stored | None = None) -> None:
        """Store the conversation as this turn leaves it; ``undo``: as it was before the
        turn, kept for /terug (about the newest :data:`UNDO_LIMIT`)."""
        document = self.sealer.seal(Stored.of(conversation, plan).document)
        kept = None if undo is None else undo.sealed or self.sealer.seal(undo.document)
        if kept is not None and not is_new and self.connection.dialect.name == "postgresql":
            undo_id = self.connection.execute(_UPDATE_WITH_UNDO, {
                "for_user": user_id, "new_document": document, "now": now,
                "undo_document": kept}).scalar()
        else:
            undo_id = None if kept is None else self.connection.execute(_PUSH_UNDO, {
                "user_id": user_id, "document": kept}).inserted_primary_key[0]
            if is_new:
                self.connection.execute(_INSERT, {"user_id": user_id, "document": document,
                                                  "turns": 1, "updated_at": now})
            else:
                self.connection.execute(_UPDATE, {"for_user": user_id,
                                                  "new_document": document, "now": now})
        if undo_id is not None and undo_id % TRIM_EVERY == 0:
            self.connection.execute(_TRIM_UNDO, {"user_id": user_id})

    def pop_undo(self, user_id: int) -> Stored | None:
        newest = self.connection.execute(_NEWEST_UNDO, {"user_id": user_id}).first()
        if newest is None:
            return None
        self.connection.execute(_DROP_UNDO, {"undo_id": newest.id})
        return self._open(newest.document)

    def rewrite(self, user_id: int, conversation: Conversation, plan: Plan) -> None:
        """Store the conversation changed on the user's behalf (someone else was erased):
        not a turn of theirs, so neither their turn count nor their last activity moves."""
        self.connection.execute(update(conversations).where(conversations.c.user_id == user_id)
                                .values(document=self.sealer.seal(
                                    Stored.of(conversation, plan).document)))

    def drop_undo_steps(self, user_id: int, drop: Callable[[Stored], bool]) -> int:
        """Remove the user's undo steps for which ``drop`` is true; returns how many."""
        rows = self.connection.execute(
            select(undo_steps.c.id, undo_steps.c.document)
            .where(undo_steps.c.user_id == user_id)).all()
        dropped = [row.id for row in rows if drop(self._open(row.document))]
        if dropped:
            self.connection.execute(delete(undo_steps).where(undo_steps.c.id.in_(dropped)))
        return len(dropped)

    def undo_steps(self, user_id: int) -> list[Stored]:
        """Every kept earlier version of the conversation, oldest first."""
        rows = self.connection.execute(
            select(undo_steps.c.document).where(undo_steps.c.user_id == user_id)
            .order_by(undo_steps.c.id)).all()
        return [self._open(row.document) for row in rows]
