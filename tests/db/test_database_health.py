"""/healthz writes (and undoes) a tiny change, so a locked or read-only database is reported, on both databases."""

import sqlite3

import pytest
from sqlalchemy import create_engine, event, text

from tests.site import make_app


@pytest.fixture
def health_app(database_url, tmp_path):
    app = make_app(tmp_path, DATABASE_URL=database_url, DB_BUSY_TIMEOUT_MS=100, AUDIO_ENABLED=False)
    yield app
    app.extensions["database"]["engine"].dispose()


def make_read_only(app) -> None:
    """Every new connection of the app refuses writes, as a read-only replica or a full disk would."""
    engine = app.extensions["database"]["engine"]
    statement = (
        "PRAGMA query_only = ON" if engine.dialect.name == "sqlite" else "SET default_transaction_read_only = on"
    )

    def on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()
        dbapi_connection.commit()  # or the pool's reset would undo the setting

    event.listen(engine, "connect", on_connect)
    engine.dispose()


def test_healthz_is_ok_and_changes_nothing(health_app):
    client = health_app.test_client()
    assert client.get("/healthz").get_json() == {"status": "ok", "database": "ok"}
    with health_app.extensions["database"]["engine"].connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1


def test_healthz_says_a_read_only_database_cannot_be_written(health_app):
    make_read_only(health_app)
    response = health_app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "read-only"}


def test_healthz_says_a_locked_database_cannot_be_written(health_app, database_url):
    if database_url.startswith("sqlite"):
        other = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0)
        other.execute("BEGIN IMMEDIATE")
        release = other.rollback
    else:
        engine = create_engine(database_url)
        other = engine.connect()
        other.execute(text("LOCK TABLE alembic_version IN ACCESS EXCLUSIVE MODE"))
        release = other.rollback
    try:
        response = health_app.test_client().get("/healthz")
    finally:
        release()
        other.close()
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "locked"}
    assert health_app.test_client().get("/healthz").status_code == 200
