"""referrals: the member of staff working on each one

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_to_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_referral_assigned_to_id"), ["assigned_to_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_referral_assigned_to_id_staff_user", "staff_user", ["assigned_to_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_constraint("fk_referral_assigned_to_id_staff_user", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_referral_assigned_to_id"))
        batch_op.drop_column("assigned_to_id")
