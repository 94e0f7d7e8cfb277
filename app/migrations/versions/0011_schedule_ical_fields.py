"""directory: the rest of each schedule's iCal rule (dtstart, until, count, wkst, bymonthday, ...), and locations' own schedules

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS = (
    ("dtstart", sa.String(length=32)),
    ("until", sa.String(length=32)),
    ("count", sa.Integer()),
    ("wkst", sa.String(length=2)),
    ("bymonthday", sa.String(length=128)),
    ("byweekno", sa.String(length=255)),
    ("byyearday", sa.String(length=255)),
    ("timezone", sa.Float()),
    ("schedule_link", sa.String(length=500)),
)


def upgrade() -> None:
    with op.batch_alter_table("schedule", schema=None) as batch_op:
        batch_op.add_column(sa.Column("location_id", sa.String(length=36), nullable=True))
        for name, kind in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
        batch_op.create_index("ix_schedule_location_id", ["location_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_schedule_location_id_location", "location", ["location_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    with op.batch_alter_table("schedule", schema=None) as batch_op:
        batch_op.drop_constraint("fk_schedule_location_id_location", type_="foreignkey")
        batch_op.drop_index("ix_schedule_location_id")
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column("location_id")
