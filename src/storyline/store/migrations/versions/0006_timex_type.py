"""TIMEX3 types (DATE, TIME, DURATION, SET) of time expressions and of event times.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("times") as table:
        table.add_column(sa.Column("type", sa.String(10)))
    with op.batch_alter_table("events") as table:
        table.add_column(sa.Column("time_type", sa.String(10)))


def downgrade() -> None:
    with op.batch_alter_table("events") as table:
        table.drop_column("time_type")
    with op.batch_alter_table("times") as table:
        table.drop_column("type")
