"""schools are records with ids: school staff and pupils belong to one by its id, not by its name as text

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "school",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("school_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.add_column(sa.Column("school_id", sa.Integer(), nullable=True))

    # Each name in use becomes one school: accounts and pupils that shared a name shared a school before.
    bind = op.get_bind()
    names = sorted(
        {row[0] for row in bind.execute(sa.text("SELECT school FROM staff_user WHERE school IS NOT NULL"))}
        | {row[0] for row in bind.execute(sa.text("SELECT school FROM pupil WHERE school IS NOT NULL"))}
    )
    for name in names:
        bind.execute(sa.text("INSERT INTO school (name) VALUES (:name)"), {"name": name})
        school_id = bind.execute(sa.text("SELECT max(id) FROM school WHERE name = :name"), {"name": name}).scalar()
        for table in ("staff_user", "pupil"):
            bind.execute(
                sa.text(f"UPDATE {table} SET school_id = :id WHERE school = :name"), {"id": school_id, "name": name}
            )

    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_user_school_id"), ["school_id"], unique=False)
        batch_op.create_foreign_key("fk_staff_user_school_id", "school", ["school_id"], ["id"])
        batch_op.drop_column("school")
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.drop_index("ix_pupil_school")
        batch_op.drop_column("school")
        batch_op.alter_column("school_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f("ix_pupil_school_id"), ["school_id"], unique=False)
        batch_op.create_foreign_key("fk_pupil_school_id", "school", ["school_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.add_column(sa.Column("school", sa.String(length=120), nullable=True))
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("school", sa.String(length=120), nullable=True))
    bind = op.get_bind()
    for table in ("staff_user", "pupil"):
        bind.execute(
            sa.text(f"UPDATE {table} SET school = (SELECT name FROM school WHERE school.id = {table}.school_id)")
        )
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.drop_constraint("fk_pupil_school_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_pupil_school_id"))
        batch_op.drop_column("school_id")
        batch_op.alter_column("school", existing_type=sa.String(length=120), nullable=False)
        batch_op.create_index("ix_pupil_school", ["school"], unique=False)
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.drop_constraint("fk_staff_user_school_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_staff_user_school_id"))
        batch_op.drop_column("school_id")
    op.drop_table("school")
