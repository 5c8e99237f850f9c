"""Who contests each row (issue 16): the further statements a contest answers besides the one it points at
(``Mention.also_contests``), and whether the outlet itself disputes the row (``Mention.outlet_disputes``), so
the ledger names the contester on each. Rows stored before read as none and no.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mentions") as table:
        table.add_column(sa.Column("also_contests", sa.JSON))
        table.add_column(sa.Column("outlet_disputes", sa.Boolean))


def downgrade() -> None:
    with op.batch_alter_table("mentions") as table:
        table.drop_column("outlet_disputes")
        table.drop_column("also_contests")
