"""referrals: the hash of the status code sent to the person, and consent to share with a signposted service

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status_code_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("share_consent", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("share_consent_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("share_token_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_referral_share_token_hash"), ["share_token_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_share_token_hash"))
        batch_op.drop_column("share_token_hash")
        batch_op.drop_column("share_consent_at")
        batch_op.drop_column("share_consent")
        batch_op.drop_column("status_code_hash")
