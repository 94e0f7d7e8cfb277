"""referrals: a family member's relationship and phone, whether the person knows, the language to contact
them in, and an age outside the service's ages

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = (
    ("asker_relationship", sa.String(length=60)),
    ("asker_phone", sa.String(length=40)),
    ("person_knows", sa.String(length=10)),
    ("contact_language", sa.String(length=10)),
    ("age_outside_range", sa.Boolean()),
)


def upgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        for name, kind in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
