"""directory: indexes for a search by words with filters, and for "are there demo services?"

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

FILTERS_BY_ID = [
    "id",
    "status",
    "ladder_step",
    "area_id",
    "paid",
    "self_referral",
    "minimum_age",
    "maximum_age",
    "filter_terms",
    "sort_name",
]


def upgrade() -> None:
    op.create_index("ix_service_filters_by_id", "service", FILTERS_BY_ID)
    op.create_index(
        "ix_service_demo", "service", ["id"], sqlite_where=sa.text("demo = 1"), postgresql_where=sa.text("demo")
    )


def downgrade() -> None:
    op.drop_index("ix_service_demo", table_name="service")
    op.drop_index("ix_service_filters_by_id", table_name="service")
