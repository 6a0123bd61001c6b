"""The schedule: what the bot will send unasked, one row per message (see
:mod:`bot.plan.agenda`), shared by every process's scheduler.

A row waits until its time, is claimed with a lease (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL: another scheduler skips it) and becomes ``sent`` or ``dropped`` in the same
transaction that writes its message to the outbox, so it is written once. Rows hold ids and
times only.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select, update

from bot.plan.agenda import PLAN_KINDS, Due, Kind
from bot.storage.sharing_repositories import aware
from bot.storage.tables import professionals, scheduled, users

WAITING, SENT, DROPPED = "waiting", "sent", "dropped"
# Every turn that changes a plan runs some of these (see :meth:`Schedule.follow`), and the
# scheduler after each check-in: built once, as building a statement costs more than
# running it on SQLite.
_OF_KINDS = select(scheduled.c.id, scheduled.c.kind, scheduled.c.subject,
                   scheduled.c.due_at).where(
    scheduled.c.youth_id == bindparam("youth"),
    scheduled.c.kind.in_(bindparam("kinds", expanding=True)))
# What a changed plan and the user's professional profile decide (:meth:`Schedule.follow`):
# their rows of those kinds, each with the sealed profile (NULL for nearly everyone), read
# in one statement. From the user's own row, so the profile comes also without any rows.
_FOLLOWED = sorted(kind.value for kind in {*PLAN_KINDS, Kind.WEEKLY})
_FOLLOWED_ROWS = (
    select(professionals.c.document.label("profile"), scheduled.c.id, scheduled.c.kind,
           scheduled.c.subject, scheduled.c.due_at, scheduled.c.state)
    .select_from(users.outerjoin(professionals, professionals.c.user_id == users.c.id)
                 .outerjoin(scheduled, and_(scheduled.c.youth_id == users.c.id,
                                            scheduled.c.kind.in_(_FOLLOWED))))
    .where(users.c.id == bindparam("youth")))
_DROP = delete(scheduled).where(scheduled.c.id.in_(bindparam("ids", expanding=True)))
_ADD = insert(scheduled)


@dataclass(frozen=True)
class Followed:
    """A user's rows of the plan's kinds and of the weekly overview (id, kind, subject,
    due_at, state), and their professional profile, sealed (None: they have none)."""

    profile: str | None
    rows: list[Any]


@dataclass(frozen=True)
class Scheduled:
    id: int
    youth_id: int
    kind: Kind
    subject: str
    due_at: datetime
    claimed_until: datetime | None


class Schedule:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    @staticmethod
    def _row(row) -> Scheduled:  # type: ignore[no-untyped-def]
        return Scheduled(row.id, row.youth_id, Kind(row.kind), row.subject,
                         aware(row.due_at), aware(row.claimed_until))

    def plan(self, youth_id: int, wanted: list[Due], now: datetime,
             kinds: Collection[Kind] = PLAN_KINDS) -> None:
        """Make the user's schedule of ``kinds`` what their plan (or profile) asks for now:
        what is no longer wanted goes, what is new is added; what was sent already stays
        sent (never again)."""
        rows = self.connection.execute(_OF_KINDS, {
            "youth": youth_id, "kinds": sorted(kind.value for kind in kinds)}).all()
        self._write(youth_id, *_changes(rows, wanted), now)

    def followed(self, youth_id: int) -> Followed:
        """What :meth:`follow` needs, in one statement (see :data:`_FOLLOWED_ROWS`)."""
        rows = self.connection.execute(_FOLLOWED_ROWS, {"youth": youth_id}).all()
        return Followed(rows[0].profile if rows else None,
                        [row for row in rows if row.id is not None])

    def follow(self, youth_id: int, followed: Followed, wanted: list[Due],
               weekly: Due | None, now: datetime) -> None:
        """After a plan change, from one read (:meth:`followed`): the plan's kinds as
        :meth:`plan` makes them (``wanted``); and the weekly overview: none (``weekly``
        None: no profile that wants it), else a waiting one stays, or else ``weekly`` is
        the one (what was there goes). The same as :meth:`plan` with ``wanted``, then
        :meth:`plan` of ``[]`` or ``[weekly]`` for :attr:`Kind.WEEKLY` (unless one waits),
        with at most one DELETE and one INSERT."""
        own = [row for row in followed.rows if Kind(row.kind) in PLAN_KINDS]
        stale, new = _changes(own, wanted)
        weeklies = [row for row in followed.rows if row.kind == Kind.WEEKLY.value]
        if weekly is None or not any(row.state == WAITING for row in weeklies):
            more_stale, more_new = _changes(weeklies, [] if weekly is None else [weekly])
            stale, new = [*stale, *more_stale], [*new, *more_new]
        self._write(youth_id, stale, new, now)

    def _write(self, youth_id: int, stale: list[int], new: list[Due], now: datetime) -> None:
        if stale:
            self.connection.execute(_DROP, {"ids": stale})
        if new:
            self.connection.execute(_ADD, [
                {"youth_id": youth_id, "kind": due.kind.value, "subject": due.subject,
                 "due_at": due.at, "state": WAITING, "created_at": now} for due in new])

    def add(self, youth_id: int, due: Due, now: datetime) -> None:
        """One message to come, outside what the plan asks for (see :meth:`plan`)."""
        self.connection.execute(insert(scheduled).values(
            youth_id=youth_id, kind=due.kind.value, subject=due.subject, due_at=due.at,
            state=WAITING, created_at=now))

    def chat_of(self, youth_id: int) -> tuple[str, str] | None:
        """The youth's channel and sealed chat id (to take their lock), if they still exist."""
        row = self.connection.execute(select(users.c.channel, users.c.address).where(
            users.c.id == youth_id)).first()
        return None if row is None else (row.channel, row.address)

    def claim(self, now: datetime, until: datetime, limit: int) -> list[Scheduled]:
        """Up to ``limit`` rows due by ``now`` and not claimed by a live scheduler, now this
        caller's until ``until``; rows another transaction is claiming are skipped."""
        free = or_(scheduled.c.claimed_until.is_(None), scheduled.c.claimed_until <= now)
        rows = self.connection.execute(
            select(scheduled).where(scheduled.c.state == WAITING, scheduled.c.due_at <= now,
                                    free)
            .order_by(scheduled.c.due_at, scheduled.c.id).limit(limit)
            .with_for_update(skip_locked=True)).all()
        if rows:
            self.connection.execute(update(scheduled).where(
                scheduled.c.id.in_([row.id for row in rows])).values(claimed_until=until))
        return [Scheduled(row.id, row.youth_id, Kind(row.kind), row.subject,
                          aware(row.due_at), until) for row in rows]

    def still_mine(self, item: Scheduled) -> bool:
        """The row waits and is still held by this claim (locked for this transaction)."""
        return self.connection.execute(
            select(scheduled.c.id).where(scheduled.c.id == item.id,
                                         scheduled.c.state == WAITING,
                                         scheduled.c.claimed_until == item.claimed_until)
            .with_for_update()).first() is not None

    def finish(self, item: Scheduled, state: str) -> None:
        self.connection.execute(update(scheduled).where(scheduled.c.id == item.id).values(
            state=state, claimed_until=None))

    def postpone(self, item: Scheduled, until: datetime) -> None:
        """Not now (the youth is in the middle of something): held until ``until``."""
        self.connection.execute(update(scheduled).where(scheduled.c.id == item.id).values(
            claimed_until=until))

    def waiting(self, youth_id: int | None = None) -> list[Scheduled]:
        """What still waits to be sent (for one youth), soonest first."""
        where = [scheduled.c.state == WAITING]
        if youth_id is not None:
            where.append(scheduled.c.youth_id == youth_id)
        return [self._row(row) for row in self.connection.execute(
            select(scheduled).where(and_(*where)).order_by(scheduled.c.due_at))]


def _changes(rows: Sequence[Any], wanted: list[Due]) -> tuple[list[int], list[Due]]:
    """Of a user's ``rows`` (of some kinds, in any state), the ids no longer ``wanted``,
    and what is wanted but not there yet (a row sent already counts as there)."""
    have = {(row.kind, row.subject, aware(row.due_at)): row for row in rows}
    keys = {(due.kind.value, due.subject, due.at) for due in wanted}
    stale = [row.id for key, row in have.items() if key not in keys]
    new = [due for due in wanted if (due.kind.value, due.subject, due.at) not in have]
    return stale, new
