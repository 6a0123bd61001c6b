"""Outbox claims: a courier takes a message until ``claimed_until`` (a lease), so any number
of processes can deliver the outbox without sending a message twice; ``sent_parts`` keeps
how far a delivery got when a courier gave it back.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("sent_parts", sa.Integer, nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("sent_parts")
        batch.drop_column("claimed_until")
