"""Outbox rows name the youth they are about and the link they came through, so revoking a
link, stopping, or erasing a youth removes every queued message about them (ON DELETE
CASCADE); links keep a sealed copy of what was last sent, so a digest can say what changed.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("youth_id", sa.Integer, nullable=True))
        batch.add_column(sa.Column("link_id", sa.Integer, nullable=True))
        batch.create_foreign_key("fk_outbox_youth_id_users", "users", ["youth_id"], ["id"],
                                 ondelete="CASCADE")
        batch.create_foreign_key("fk_outbox_link_id_links", "links", ["link_id"], ["id"],
                                 ondelete="CASCADE")
        batch.create_index("ix_outbox_youth_id", ["youth_id"])
        batch.create_index("ix_outbox_link_id", ["link_id"])
    with op.batch_alter_table("links") as batch:
        batch.add_column(sa.Column("last_sent", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("links") as batch:
        batch.drop_column("last_sent")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_link_id")
        batch.drop_index("ix_outbox_youth_id")
        batch.drop_constraint("fk_outbox_link_id_links", type_="foreignkey")
        batch.drop_constraint("fk_outbox_youth_id_users", type_="foreignkey")
        batch.drop_column("link_id")
        batch.drop_column("youth_id")
