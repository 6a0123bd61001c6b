"""Users: the chat id kept sealed in ``address``; ``external_id`` becomes a keyed hash.

The hashing itself needs the key, so it happens when the store is opened
(:meth:`bot.storage.repositories.Users.seal_plain_ids`): rows without an address still hold
the plain id and are converted then.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("address", sa.Text, nullable=True))
