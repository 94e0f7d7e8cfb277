"""audio clips with words a person typed expire

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audio_clip", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_audio_clip_expires_at", "audio_clip", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_audio_clip_expires_at", table_name="audio_clip")
    with op.batch_alter_table("audio_clip") as batch:
        batch.drop_column("expires_at")
