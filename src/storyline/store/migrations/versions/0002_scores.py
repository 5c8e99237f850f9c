"""Learned scores: factuality and check-worthiness of mentions, factuality of events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mentions") as table:
        table.add_column(sa.Column("factuality", sa.Double))
        table.add_column(sa.Column("checkworthiness", sa.Double))
    with op.batch_alter_table("events") as table:
        table.add_column(sa.Column("factuality", sa.Double))


def downgrade() -> None:
    with op.batch_alter_table("events") as table:
        table.drop_column("factuality")
    with op.batch_alter_table("mentions") as table:
        table.drop_column("checkworthiness")
        table.drop_column("factuality")
