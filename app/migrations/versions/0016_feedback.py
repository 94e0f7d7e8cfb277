"""feedback: one-use feedback links asked at first contact, a job start and an outcome, and their answers

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("point", sa.String(length=12), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["referral_id"], ["referral.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("referral_id", "kind", "point", name="uq_feedback_request_point"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_feedback_request_referral_id", "feedback_request", ["referral_id"], unique=False)
    op.create_table(
        "feedback_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("point", sa.String(length=12), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("rating", sa.String(length=10), nullable=True),
        sa.Column("helped", sa.Text(), nullable=True),
        sa.Column("not_helped", sa.Text(), nullable=True),
        sa.Column("anything_else", sa.Text(), nullable=True),
        sa.Column("again", sa.String(length=10), nullable=True),
        sa.Column("quote_ok", sa.Boolean(), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("words_removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["referral_id"], ["referral.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["request_id"], ["feedback_request.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("request_id"),
    )
    op.create_index("ix_feedback_answer_at", "feedback_answer", ["answered_at"], unique=False)
    op.create_index("ix_feedback_answer_referral_id", "feedback_answer", ["referral_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_feedback_answer_referral_id", table_name="feedback_answer")
    op.drop_index("ix_feedback_answer_at", table_name="feedback_answer")
    op.drop_table("feedback_answer")
    op.drop_index("ix_feedback_request_referral_id", table_name="feedback_request")
    op.drop_table("feedback_request")
