"""jobs: apprenticeship and a worker's check of pay below the minimum; hours check-ins: their evidence

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job_start", schema=None) as batch_op:
        batch_op.add_column(sa.Column("apprenticeship", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("pay_confirmed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("pay_confirmed_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_job_start_pay_confirmed_by_id_staff_user",
            "staff_user",
            ["pay_confirmed_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("hours_check_in", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evidence", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hours_check_in", schema=None) as batch_op:
        batch_op.drop_column("evidence")
    with op.batch_alter_table("job_start", schema=None) as batch_op:
        batch_op.drop_constraint("fk_job_start_pay_confirmed_by_id_staff_user", type_="foreignkey")
        batch_op.drop_column("pay_confirmed_by_id")
        batch_op.drop_column("pay_confirmed_at")
        batch_op.drop_column("apprenticeship")
