"""directory: the easy-read layer written by staff, with its review state (draft, checked, published)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

The words already in the directory came from import files and are what people see today, so every
existing service starts as published (the column's server default fills them in).
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

COLUMNS = (
    ("draft_summary_en", sa.Text()),
    ("draft_summary_cy", sa.Text()),
    ("draft_who_for_en", sa.Text()),
    ("draft_who_for_cy", sa.Text()),
    ("draft_symbol", sa.String(length=100)),
    ("written_by", sa.Integer()),
    ("written_at", sa.DateTime(timezone=True)),
    ("checked_by", sa.Integer()),
    ("checked_at", sa.DateTime(timezone=True)),
    ("published_by", sa.Integer()),
    ("published_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("easyread_state", sa.String(length=16), server_default="published", nullable=False)
        )
        for name, kind in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column("easyread_state")
