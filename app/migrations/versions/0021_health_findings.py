"""directory: the content audit's findings, stored per service, and when each service was last audited

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02

The tables start empty: `flask --app wsgi directory audit` fills them, and until then the directory health
page audits services that have never been audited, 500 a view, and says how many are left.
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "health_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.String(length=36), nullable=False),
        sa.Column("sort_name", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=100), nullable=False),
        sa.Column("severity", sa.String(length=100), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("starts", sa.Date(), nullable=True),
        sa.Column("worked_out_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_health_finding_in_order", "health_finding", ["sort_name", "service_id", "position", "starts"])
    op.create_index(
        "ix_health_finding_rule_in_order", "health_finding", ["rule", "sort_name", "service_id", "position", "starts"]
    )
    op.create_index("ix_health_finding_counts", "health_finding", ["rule", "starts"])
    op.create_index("ix_health_finding_services", "health_finding", ["service_id", "starts"])
    op.create_table(
        "health_checked",
        sa.Column("service_id", sa.String(length=36), nullable=False),
        sa.Column("worked_out_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("service_id"),
    )
    op.create_index("ix_health_checked_worked_out_at", "health_checked", ["worked_out_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_health_checked_worked_out_at", table_name="health_checked")
    op.drop_table("health_checked")
    op.drop_index("ix_health_finding_counts", table_name="health_finding")
    op.drop_index("ix_health_finding_rule_in_order", table_name="health_finding")
    op.drop_index("ix_health_finding_in_order", table_name="health_finding")
    op.drop_index("ix_health_finding_services", table_name="health_finding")
    op.drop_table("health_finding")
