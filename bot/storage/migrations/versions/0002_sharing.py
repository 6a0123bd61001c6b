"""Sharing: invitations (hashed tokens), links to JIM / network / professional, asks,
the outbox of messages to other users, professional profiles.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _user(column: str, table: str,
          nullable: bool = False) -> list[sa.Column | sa.ForeignKeyConstraint]:
    return [sa.Column(column, sa.Integer, nullable=nullable),
            sa.ForeignKeyConstraint([column], ["users.id"], ondelete="CASCADE",
                                    name=f"fk_{table}_{column}_users")]


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "invites",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        *_user("inviter_id", "invites"),
        sa.Column("person_id", sa.String(16), nullable=True),
        *_user("opened_by", "invites", nullable=True),
        _at("created_at"), _at("expires_at"), _at("used_at", True), _at("revoked_at", True),
        sa.PrimaryKeyConstraint("id", name="pk_invites"),
        sa.UniqueConstraint("token_hash", name="uq_invites_token_hash"),
    )
    op.create_index("ix_invites_inviter_id", "invites", ["inviter_id"])
    op.create_table(
        "links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *_user("youth_id", "links"),
        *_user("member_id", "links"),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("person_id", sa.String(16), nullable=True),
        _at("created_at"), _at("last_sent_at", True),
        sa.PrimaryKeyConstraint("id", name="pk_links"),
        sa.UniqueConstraint("youth_id", "member_id", name="uq_links_youth_id"),
    )
    op.create_index("ix_links_youth_id", "links", ["youth_id"])
    op.create_index("ix_links_member_id", "links", ["member_id"])
    op.create_table(
        "asks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("link_id", sa.Integer, nullable=False),
        sa.Column("subject", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        _at("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_asks"),
        sa.ForeignKeyConstraint(["link_id"], ["links.id"], ondelete="CASCADE",
                                name="fk_asks_link_id_links"),
        sa.UniqueConstraint("link_id", "subject", name="uq_asks_link_id"),
    )
    op.create_index("ix_asks_link_id", "asks", ["link_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *_user("recipient_id", "outbox"),
        sa.Column("document", sa.Text, nullable=False),
        _at("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
    )
    op.create_index("ix_outbox_recipient_id", "outbox", ["recipient_id"])
    op.create_table(
        "professionals",
        *_user("user_id", "professionals"),
        sa.Column("document", sa.Text, nullable=False),
        _at("created_at"),
        sa.PrimaryKeyConstraint("user_id", name="pk_professionals"),
    )


def downgrade() -> None:
    for table in ("professionals", "outbox", "asks", "links", "invites"):
        op.drop_table(table)
