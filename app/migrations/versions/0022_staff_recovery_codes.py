"""staff: one-use recovery codes for two-step sign-in, for a lost or broken phone

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03

Accounts that turned two-step sign-in on before this have no codes; they make them on their two-step page.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_recovery_code_staff_id", "staff_recovery_code", ["staff_id"])


def downgrade() -> None:
    op.drop_index("ix_staff_recovery_code_staff_id", table_name="staff_recovery_code")
    op.drop_table("staff_recovery_code")
