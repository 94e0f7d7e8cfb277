"""open links: the save page's square code opens checklists once, with a token instead of the code

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "open_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("sealed_code", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["checklist_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("open_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_open_link_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_open_link_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("open_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_open_link_expires_at"))
        batch_op.drop_index(batch_op.f("ix_open_link_session_id"))
    op.drop_table("open_link")
