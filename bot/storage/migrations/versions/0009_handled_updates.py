"""Handled Telegram updates: an update Telegram sends again (a process died before confirming
it) is skipped instead of handled twice.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handled_updates",
        sa.Column("bot_id", sa.BigInteger, autoincrement=False),
        sa.Column("update_id", sa.BigInteger, autoincrement=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name="pk_handled_updates"),
    )
    op.create_index("ix_handled_updates_handled_at", "handled_updates", ["handled_at"])


def downgrade() -> None:
    op.drop_table("handled_updates")
