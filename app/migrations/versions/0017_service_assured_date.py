"""directory: when each service's details were last checked, and by whom (HSDS assured_date, assurer_email)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assured_date", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("assurer_email", sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_column("assurer_email")
        batch_op.drop_column("assured_date")
