"""Repositories for sharing: invites, links, asks, the outbox and professional profiles.

Only ids, kinds and times are stored in the clear; outbox messages and professional profiles
are sealed, and an invite token is kept only as its sha256.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from pydantic import ConfigDict, TypeAdapter
from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    null,
    or_,
    select,
    union_all,
    update,
)

from bot.messages import Message
from bot.plan.model import Plan
from bot.plan.sharing_model import InviteKind, ProfessionalProfile, SharedView, ShareRole
from bot.storage.repositories import identities
from bot.storage.sealing import Sealer
from bot.storage.tables import asks, invites, links, outbox, professionals, users

_MESSAGES = TypeAdapter(list[Message],
                        config=ConfigDict(ser_json_bytes="base64", val_json_bytes="base64"))


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


_PENDING_FROM = (select(invites).where(invites.c.inviter_id == bindparam("inviter"),
                                       invites.c.used_at.is_(None),
                                       invites.c.revoked_at.is_(None),
                                       invites.c.expires_at > bindparam("now"))
                 .order_by(invites.c.id))
_PROFILE = select(professionals.c.document).where(
    professionals.c.user_id == bindparam("user_id"))  # read in many turns: built once
_OF_YOUTH = select(links).where(links.c.youth_id == bindparam("youth")).order_by(links.c.id)
# After every plan change: the youth's links and their JIM invites not yet used, revoked or
# expired (a former JIM's stops working), in one statement; an invite's row has no role.
_LINK_COLUMNS = (links.c.id, links.c.youth_id, links.c.member_id, links.c.role,
                 links.c.person_id, links.c.sees_safety_plan)
_LINKS_AND_JIM_INVITES = union_all(
    select(*_LINK_COLUMNS).where(links.c.youth_id == bindparam("youth")),
    select(invites.c.id, invites.c.inviter_id, cast(null(), Integer), cast(null(), String),
           invites.c.person_id, cast(null(), Boolean))
    .where(invites.c.inviter_id == bindparam("youth"),
           invites.c.kind == InviteKind.JIM.value,
           invites.c.used_at.is_(None),
           invites.c.revoked_at.is_(None),
           invites.c.expires_at > bindparam("now")))


@dataclass(frozen=True)
class InviteRow:
    id: int
    kind: InviteKind
    inviter_id: int
    person_id: str | None
    opened_by: int | None
    expires_at: datetime
    used_at: datetime | None
    revoked_at: datetime | None
    accepted_at: datetime | None = None  # a begeleider said yes; the youth still has to

    def usable(self, now: datetime) -> bool:
        return self.used_at is None and self.revoked_at is None and now < self.expires_at


@dataclass(frozen=True)
class LinkRow:
    id: int
    youth_id: int
    member_id: int
    role: ShareRole
    person_id: str | None
    sees_safety_plan: bool = False  # the youth said yes to showing their veiligheidsplan


@dataclass(frozen=True)
class AskRow:
    id: int
    link_id: int
    subject: str
    status: str
    created_at: datetime | None = None


@dataclass(frozen=True)
class Delivery:
    """Outbox messages for one recipient, as an adapter needs them to deliver.

    A claimed delivery carries its claim (``claimed_until``, which also tells this claim
    from a later one) and how many of its requests went out before (``sent_parts``). The
    plans its shared files are made from (``shared``, see
    :func:`bot.documents.files.shared_document`) are read with the claim, in the
    recipient's language (``lang``)."""

    id: int
    channel: str
    external_id: str
    messages: list[Message]
    recipient_id: int
    claimed_until: datetime | None = None
    sent_parts: int = 0
    shared: dict[str, SharedView] = field(default_factory=dict)
    lang: str = ""


class Invites:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def _rows(self, *where) -> list[InviteRow]:  # type: ignore[no-untyped-def]
        return self._read(self.connection.execute(
            select(invites).where(*where).order_by(invites.c.id)))

    @staticmethod
    def _read(rows) -> list[InviteRow]:  # type: ignore[no-untyped-def]
        return [InviteRow(r.id, InviteKind(r.kind), r.inviter_id, r.person_id, r.opened_by,
                          aware(r.expires_at), aware(r.used_at), aware(r.revoked_at),
                          aware(r.accepted_at))
                for r in rows]

    def create(self, token_hash: str, kind: InviteKind, inviter_id: int, person_id: str | None,
               now: datetime, expires_at: datetime) -> int:
        return self.connection.execute(insert(invites).values(
            token_hash=token_hash, kind=kind.value, inviter_id=inviter_id, person_id=person_id,
            created_at=now, expires_at=expires_at)).inserted_primary_key[0]

    def by_hash(self, token_hash: str) -> InviteRow | None:
        found = self._rows(invites.c.token_hash == token_hash)
        return found[0] if found else None

    def get(self, invite_id: int) -> InviteRow | None:
        found = self._rows(invites.c.id == invite_id)
        return found[0] if found else None

    def open_by(self, invite_id: int, user_id: int) -> None:
        self.connection.execute(update(invites).where(invites.c.id == invite_id)
                                .values(opened_by=user_id))

    def use(self, invite_id: int, now: datetime) -> None:
        self.connection.execute(update(invites).where(invites.c.id == invite_id)
                                .values(used_at=now))

    def accept(self, invite_id: int, now: datetime) -> None:
        """The invitee said yes, and the invite stays open for the inviter's own yes."""
        self.connection.execute(update(invites).where(invites.c.id == invite_id)
                                .values(accepted_at=now))

    def revoke(self, invite_id: int, now: datetime) -> None:
        self.connection.execute(update(invites).where(invites.c.id == invite_id)
                                .values(revoked_at=now))

    def pending_from(self, inviter_id: int, now: datetime) -> list[InviteRow]:
        """Read when an invite is made, /delen lists them or a person stops: built once."""
        return self._read(self.connection.execute(_PENDING_FROM, {"inviter": inviter_id,
                                                                  "now": now}))

    def of_user(self, user_id: int) -> list[InviteRow]:
        """Every invite this user made or opened (for their data export)."""
        return self._rows(or_(invites.c.inviter_id == user_id, invites.c.opened_by == user_id))


class Links:
    def __init__(self, connection: Connection, sealer: Sealer) -> None:
        self.connection = connection
        self.sealer = sealer

    def _rows(self, *where) -> list[LinkRow]:  # type: ignore[no-untyped-def]
        return self._read(self.connection.execute(
            select(links).where(*where).order_by(links.c.id)))

    @staticmethod
    def _read(rows) -> list[LinkRow]:  # type: ignore[no-untyped-def]
        return [LinkRow(r.id, r.youth_id, r.member_id, ShareRole(r.role), r.person_id,
                        bool(r.sees_safety_plan)) for r in rows]

    def create(self, youth_id: int, member_id: int, role: ShareRole, person_id: str | None,
               now: datetime) -> int:
        """A new link; an earlier one between the same two people is replaced."""
        self.connection.execute(delete(links).where(links.c.youth_id == youth_id,
                                                    links.c.member_id == member_id))
        return self.connection.execute(insert(links).values(
            youth_id=youth_id, member_id=member_id, role=role.value, person_id=person_id,
            created_at=now)).inserted_primary_key[0]

    def get(self, link_id: int) -> LinkRow | None:
        found = self._rows(links.c.id == link_id)
        return found[0] if found else None

    def of_youth(self, youth_id: int) -> list[LinkRow]:
        """Read often (a new link, a JIM stepping back, a helper told): built once."""
        return self._read(self.connection.execute(_OF_YOUTH, {"youth": youth_id}))

    def of_youth_with_jim_invites(self, youth_id: int, now: datetime
                                  ) -> tuple[list[LinkRow], dict[int, str | None]]:
        """The youth's links (as :meth:`of_youth`), and the JIM invites they made that can
        still be used (id → the person invited, as :meth:`Invites.pending_from` has
        them): one statement, read after every turn that changes a plan."""
        rows = sorted(self.connection.execute(_LINKS_AND_JIM_INVITES,
                                              {"youth": youth_id, "now": now}),
                      key=lambda row: row.id)
        return (self._read(row for row in rows if row.role is not None),
                {row.id: row.person_id for row in rows if row.role is None})

    def of_member(self, member_id: int) -> list[LinkRow]:
        return self._rows(links.c.member_id == member_id)

    def delete(self, link_id: int) -> None:
        self.connection.execute(delete(links).where(links.c.id == link_id))

    def set_role(self, link_id: int, role: ShareRole) -> None:
        """Change what the member may see; their asks stay, so nothing is asked twice."""
        self.connection.execute(update(links).where(links.c.id == link_id)
                                .values(role=role.value))

    def show_safety_plan(self, link_id: int, shown: bool) -> None:
        self.connection.execute(update(links).where(links.c.id == link_id)
                                .values(sees_safety_plan=shown))

    def mark_sent(self, link_id: int, now: datetime, sent: Plan) -> None:
        """Remember what the member was last sent (sealed), for the next digest."""
        self.connection.execute(update(links).where(links.c.id == link_id).values(
            last_sent_at=now, last_sent=self.sealer.seal(sent.model_dump_json())))

    def last_sent(self, link_id: int) -> Plan | None:
        sealed = self.connection.execute(select(links.c.last_sent).where(
            links.c.id == link_id)).scalar_one_or_none()
        return None if sealed is None else Plan.model_validate_json(self.sealer.open(sealed))


class Asks:
    """Requests for help, one per (link, action or urgent need).

    A member gets one ask at a time: the others wait ``queued`` and are shown one by one as
    the member answers, so a chat never has two live sets of the same buttons.
    """

    QUEUED, OPEN, DONE = "queued", "open", "done"

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def create(self, link_id: int, subject: str, status: str, now: datetime) -> int:
        return self.connection.execute(insert(asks).values(
            link_id=link_id, subject=subject, status=status,
            created_at=now)).inserted_primary_key[0]

    def _of_member(self, member_id: int, *statuses: str) -> list[AskRow]:
        rows = self.connection.execute(
            select(asks).join(links, links.c.id == asks.c.link_id)
            .where(links.c.member_id == member_id, asks.c.status.in_(statuses))
            .order_by(asks.c.id))
        return [AskRow(r.id, r.link_id, r.subject, r.status, aware(r.created_at)) for r in rows]

    def waiting(self, member_id: int) -> list[AskRow]:
        """Every ask the member has not answered yet, shown or not, oldest first."""
        return self._of_member(member_id, self.OPEN, self.QUEUED)

    def has_open(self, member_id: int) -> bool:
        return bool(self._of_member(member_id, self.OPEN))

    def next_queued(self, member_id: int) -> AskRow | None:
        queued = self._of_member(member_id, self.QUEUED)
        return queued[0] if queued else None

    def set_status(self, ask_id: int, status: str) -> None:
        self.connection.execute(update(asks).where(asks.c.id == ask_id).values(status=status))

    def get(self, ask_id: int) -> AskRow | None:
        row = self.connection.execute(select(asks).where(asks.c.id == ask_id)).first()
        return None if row is None else AskRow(row.id, row.link_id, row.subject, row.status,
                                                 aware(row.created_at))

    def delete(self, ask_id: int) -> None:
        self.connection.execute(delete(asks).where(asks.c.id == ask_id))

    def of_link(self, link_id: int) -> list[AskRow]:
        """Every ask on one link (for the data export)."""
        rows = self.connection.execute(select(asks).where(asks.c.link_id == link_id)
                                       .order_by(asks.c.id))
        return [AskRow(r.id, r.link_id, r.subject, r.status, aware(r.created_at)) for r in rows]


class Outbox:
    """Messages for other users, written in the turn that caused them; adapters deliver them
    after the commit and then mark them delivered (at least once). Delivered messages are
    removed: nothing about a youth lingers in someone else's queue.

    Any number of couriers (one per process) share the queue through claims: a courier
    claims messages for a while (a lease, :meth:`claim`), sends them, removes what went
    out and gives back what did not (:meth:`release`); a claim whose courier died runs out
    and another courier takes the messages. A recipient's messages are claimed oldest
    first, and never while an older one is someone else's, so each person gets them in
    order.
    """

    def __init__(self, connection: Connection, sealer: Sealer) -> None:
        self.connection = connection
        self.sealer = sealer
        self.queued = 0  # messages put in this transaction: someone has to deliver them

    def put(self, recipient_id: int, messages: list[Message], now: datetime,
            about: LinkRow | None = None, youth_id: int | None = None,
            not_before: datetime | None = None) -> None:
        """Queue ``messages``; ``about``: the link they concern, whose end (revoked, stopped,
        the youth erased) takes them away unsent; ``youth_id``: the youth they name when
        there is no link (any more), whose erasure takes them away; ``not_before``: not
        delivered earlier (a follow-up that :meth:`cancel_delayed` takes away when it is no
        longer needed)."""
        document = self.sealer.seal(_MESSAGES.dump_json(messages).decode())
        self.connection.execute(insert(outbox).values(
            recipient_id=recipient_id, document=document, created_at=now,
            youth_id=about.youth_id if about else youth_id, link_id=about.id if about else None,
            not_before=not_before))
        self.queued += 1

    def cancel_delayed(self, recipient_id: int) -> None:
        """Drop the delayed messages still waiting for this user."""
        self.connection.execute(delete(outbox).where(outbox.c.recipient_id == recipient_id,
                                                     outbox.c.not_before.is_not(None)))

    def pending(self, channel: str, external_id: str | None = None,
                limit: int = 100, now: datetime | None = None) -> list[Delivery]:
        """Messages due by ``now`` (default: the wall clock), oldest first; for one recipient
        when ``external_id`` is given."""
        where = [users.c.channel == channel, _due(now or datetime.now(UTC))]
        if external_id is not None:
            where.append(users.c.external_id.in_(identities(self.sealer, channel, external_id)))
        rows = self.connection.execute(_waiting().where(and_(*where))
                                       .order_by(outbox.c.id).limit(limit))
        return [self._delivery(r) for r in rows]

    def _delivery(self, row) -> Delivery:  # type: ignore[no-untyped-def]
        return Delivery(row.id, row.channel, self.sealer.open(row.address),
                        _MESSAGES.validate_json(self.sealer.open(row.document)),
                        row.recipient_id, aware(row.claimed_until), row.sent_parts)

    def claim(self, channel: str, now: datetime, until: datetime,
              limit: int = 100) -> list[Delivery]:
        """Take up to ``limit`` unclaimed (or no longer claimed) messages for users of
        ``channel`` until ``until``, oldest first; only messages due by ``now`` (see
        ``not_before``). Rows another transaction is claiming right now are skipped
        (``SKIP LOCKED``), and so is every message whose recipient has an older due one this
        claim does not get: it waits for that one (a message not yet due holds up nothing)."""
        free = or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until <= now)
        rows = self.connection.execute(
            _waiting().where(users.c.channel == channel, free, _due(now)).order_by(outbox.c.id)
            .limit(limit).with_for_update(of=outbox, skip_locked=True)).all()
        if not rows:
            return []
        taken = {row.id for row in rows}
        older = dict(self.connection.execute(  # per recipient: the oldest due message not taken
            select(outbox.c.recipient_id, func.min(outbox.c.id))
            .where(outbox.c.recipient_id.in_({row.recipient_id for row in rows}),
                   outbox.c.id.not_in(taken), _due(now))
            .group_by(outbox.c.recipient_id)).all())
        kept = [row for row in rows if row.id < older.get(row.recipient_id, row.id + 1)]
        if kept:
            self.connection.execute(update(outbox).where(outbox.c.id.in_([r.id for r in kept]))
                                    .values(claimed_until=until))
        return [replace(self._delivery(row), claimed_until=until) for row in kept]

    def release(self, delivery_id: int, claimed_until: datetime, sent_parts: int) -> None:
        """Give a claimed message back for any courier to send, remembering how many of its
        requests went out already; not when the claim was taken over meanwhile."""
        self.connection.execute(update(outbox).where(
            outbox.c.id == delivery_id, outbox.c.claimed_until == claimed_until).values(
            claimed_until=None, sent_parts=sent_parts))

    def mark_delivered(self, ids: list[int]) -> None:
        if ids:
            self.connection.execute(delete(outbox).where(outbox.c.id.in_(ids)))

    def backlog(self) -> tuple[int, datetime | None]:
        """How many messages wait (claimed or not), and when the oldest was written."""
        count, oldest = self.connection.execute(
            select(func.count(), func.min(outbox.c.created_at))).one()
        return count, aware(oldest)

    def waiting_for(self, user_id: int) -> list[Message]:
        """Messages not yet delivered to this user (for their data export)."""
        rows = self.connection.execute(select(outbox.c.document).where(
            outbox.c.recipient_id == user_id).order_by(outbox.c.id)).scalars()
        return [m for row in rows for m in _MESSAGES.validate_json(self.sealer.open(row))]


def _due(now: datetime) -> ColumnElement[bool]:
    """Outbox rows that may go out at ``now``: not held back by ``not_before``."""
    return or_(outbox.c.not_before.is_(None), outbox.c.not_before <= now)


def _waiting() -> Select:
    return (select(outbox.c.id, outbox.c.recipient_id, outbox.c.document,
                   outbox.c.claimed_until, outbox.c.sent_parts, users.c.channel, users.c.address)
            .join(users, users.c.id == outbox.c.recipient_id))


class Professionals:
    def __init__(self, connection: Connection, sealer: Sealer) -> None:
        self.connection = connection
        self.sealer = sealer

    def save(self, user_id: int, profile: ProfessionalProfile, now: datetime) -> None:
        self.connection.execute(delete(professionals).where(professionals.c.user_id == user_id))
        self.connection.execute(insert(professionals).values(
            user_id=user_id, document=self.sealer.seal(profile.model_dump_json()),
            created_at=now))

    def get(self, user_id: int) -> ProfessionalProfile | None:
        return self.opened(self.connection.execute(_PROFILE, {"user_id": user_id})
                           .scalar_one_or_none())

    def opened(self, sealed: str | None) -> ProfessionalProfile | None:
        """A profile read sealed along with something else (see
        :meth:`bot.storage.schedule.Schedule.followed`)."""
        return (None if sealed is None
                else ProfessionalProfile.model_validate_json(self.sealer.open(sealed)))

