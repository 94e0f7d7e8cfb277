"""Alembic environment: the engine comes from the app, the schema from the models."""

from alembic import context

import app.models  # noqa: F401  (every model must be imported for autogenerate)
from app.database import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not used here: run 'flask --app wsgi db upgrade'.")
run_migrations_online()
