"""An invite remembers when its invitee said yes (``accepted_at``): a begeleider who says
yes to a youth's invite waits for the youth's own yes, and only an accepted invite can be
confirmed by the youth.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("invites", sa.Column("accepted_at", sa.DateTime(timezone=True),
                                       nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("invites") as batch:
        batch.drop_column("accepted_at")
