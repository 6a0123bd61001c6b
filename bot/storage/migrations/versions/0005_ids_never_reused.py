"""Ids are never handed out twice: SQLite tables get AUTOINCREMENT.

Without it SQLite gives the highest id again once its row is deleted, so a button, a cursor
or an outbox claim made for one youth's link, ask or message could name the next youth's.
Each table is rebuilt with its rows (``database.migrate`` runs migrations with SQLite's
foreign keys off, as its documented way to rebuild a table: dropping the old table must not
cascade). Ids deleted before this migration above the highest one left may still come back
once; every reference is also checked against what it was made for (``bot.sharing.access``).
PostgreSQL's sequences never hand out an id twice: nothing to do there.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Parents before children: a child is rebuilt with its parent already in place.
TABLES = ("users", "undo_steps", "invites", "links", "asks", "outbox")


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": autoincrement}):
            pass


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
