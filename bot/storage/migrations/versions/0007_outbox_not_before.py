"""Outbox rows may wait: a message is not delivered before ``not_before`` (a follow-up that
only matters if nothing happened first, such as a crisis contact nobody picked up). A link
says whether its member may see the youth's veiligheidsplan (only after the youth's yes).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("not_before", sa.DateTime(timezone=True), nullable=True))
    op.add_column("links", sa.Column("sees_safety_plan", sa.Boolean, nullable=False,
                                     server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("links") as batch:
        batch.drop_column("sees_safety_plan")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("not_before")
