"""Scheduled work: what the bot will send unasked (check-ins, reminders, nudges), claimed by
any process's scheduler with a lease.

Revision ID: 0008
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scheduled",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("youth_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(16), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scheduled"),
        sa.ForeignKeyConstraint(["youth_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_scheduled_youth_id_users"),
    )
    op.create_index("ix_scheduled_youth_id", "scheduled", ["youth_id"])
    op.create_index("ix_scheduled_state_due_at", "scheduled", ["state", "due_at"])


def downgrade() -> None:
    op.drop_table("scheduled")
