"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.database import Base
from app.migrate import upgrade


def test_migrations_run_on_an_empty_database_and_match_the_models(empty_app):
    upgrade(empty_app)
    engine = empty_app.extensions["database"]["engine"]
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)


def test_migrations_can_run_twice(empty_app):
    upgrade(empty_app)
    upgrade(empty_app)


def test_healthz_checks_the_database(empty_app):
    upgrade(empty_app)
    response = empty_app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_says_when_the_database_cannot_be_reached(tmp_path):
    from app import create_app

    app = create_app(
        {"APP_ENV": "test", "DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"}
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "unreachable"}
