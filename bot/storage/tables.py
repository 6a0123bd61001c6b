"""The database schema. Changes go through an Alembic migration in ``migrations/versions``.

A conversation's state and plan are stored as one sealed JSON document (one row per youth):
read and written whole every turn, and the models validate it on the way in. A user is found
by a keyed hash of their chat id; the id itself is sealed.

Sharing rows hold no names or text in the clear: invites keep only a token's sha256, links and
asks only ids (plan ids like ``p2`` name nobody), and outbox messages, professional
profiles and the copy of a plan last sent over a link are sealed documents. An outbox row
about a youth names that youth and its link, so both take their queued messages with them.

Ids are never handed out twice (``sqlite_autoincrement``, migration 0005; PostgreSQL's
sequences): a reference to a deleted row can never come to mean a new one.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(16), nullable=False),
    Column("external_id", String(128), nullable=False),  # keyed hash of channel and chat id
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("address", Text),  # the chat id itself, sealed: where to deliver messages
    UniqueConstraint("channel", "external_id"),
    sqlite_autoincrement=True,
)

conversations = Table(
    "conversations", metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("document", Text, nullable=False),
    Column("turns", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

undo_steps = Table(
    "undo_steps", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("document", Text, nullable=False),
    sqlite_autoincrement=True,
)


# --- sharing (migration 0002): invitations, links, asks, the outbox, professionals ---------

invites = Table(
    "invites", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("inviter_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("person_id", String(16)),
    Column("opened_by", Integer, ForeignKey("users.id", ondelete="CASCADE")),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("accepted_at", DateTime(timezone=True)),  # the invitee said yes (migration 0010)
    sqlite_autoincrement=True,
)

links = Table(
    "links", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("youth_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("member_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("role", String(16), nullable=False),
    Column("person_id", String(16)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_sent_at", DateTime(timezone=True)),
    Column("last_sent", Text),  # sealed: the shared plan as last sent (migration 0003)
    # the youth said yes to "Mag Mark je veiligheidsplan zien?" (migration 0007)
    Column("sees_safety_plan", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("youth_id", "member_id"),
    sqlite_autoincrement=True,
)

asks = Table(
    "asks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("link_id", Integer, ForeignKey("links.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("subject", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("link_id", "subject"),
    sqlite_autoincrement=True,
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recipient_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("document", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # what a message is about (migration 0003): gone with the youth or the link
    Column("youth_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True),
    Column("link_id", Integer, ForeignKey("links.id", ondelete="CASCADE"), index=True),
    # a courier's claim (migration 0006): taken until then; and how many of the message's
    # requests went out before a courier gave it back
    Column("claimed_until", DateTime(timezone=True)),
    Column("sent_parts", Integer, nullable=False, server_default="0"),
    Column("not_before", DateTime(timezone=True)),  # not delivered earlier (migration 0007)
    sqlite_autoincrement=True,
)

professionals = Table(
    "professionals", metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("document", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


scheduled = Table(
    # what the bot will send unasked (migration 0008): a check-in, a reminder, a helper's
    # nudge. ``subject`` is a plan id (``a3``), which names nothing; the text is written
    # when it is sent. Gone with the youth.
    "scheduled", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("youth_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("kind", String(16), nullable=False),
    Column("subject", String(16), nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("state", String(8), nullable=False),  # waiting, sent, dropped
    Column("claimed_until", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_scheduled_state_due_at", "state", "due_at"),
)


# Every column that holds sealed text: ``rotate-key`` seals each again under the newest key,
# and opening the store checks the key against them. A new sealed column belongs here.
SEALED = (conversations.c.document, undo_steps.c.document, outbox.c.document,
          professionals.c.document, links.c.last_sent, users.c.address)


handled_updates = Table(
    # Telegram updates already handled (migration 0009), per bot: one sent again after a
    # process died before confirming it is skipped. Ids and a time only; kept a day, as long
    # as Telegram keeps an update.
    "handled_updates", metadata,
    Column("bot_id", BigInteger, primary_key=True, autoincrement=False),
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("handled_at", DateTime(timezone=True), nullable=False, index=True),
)
