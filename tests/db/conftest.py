"""Database tests run on SQLite, and on PostgreSQL when TEST_DATABASE_URL points at one."""

import os

import pytest
from sqlalchemy import create_engine, text

from app import create_app
from tests.site import make_app


def _empty_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def database_url(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL")
    if url and url.startswith("postgresql"):
        _empty_postgres(url)
        return url
    return f"sqlite:///{tmp_path}/test.db"


@pytest.fixture
def empty_app(database_url, tmp_path):
    """An app on an empty database: nothing migrated yet."""
    app = create_app({"APP_ENV": "test", "DATABASE_URL": database_url, "AUDIO_DIR": str(tmp_path / "audio")})
    yield app
    app.extensions["database"]["engine"].dispose()


@pytest.fixture
def site(database_url, tmp_path):
    """The site with its demo data on the test database, with try limits high enough for many tries."""
    app = make_app(
        tmp_path,
        DATABASE_URL=database_url,
        RESUME_FREE_FAILURES_PER_BROWSER=10**6,
        RESUME_FREE_FAILURES_PER_WORDS=10**6,
        RESUME_FREE_FAILURES_PER_CLIENT=10**6,
        SIGN_IN_FREE_FAILURES_PER_ACCOUNT=10**6,
        SIGN_IN_FREE_FAILURES_PER_CLIENT=10**6,
    )
    yield app
    app.extensions["database"]["engine"].dispose()


def pytest_report_header(config):
    url = os.environ.get("TEST_DATABASE_URL", "")
    return f"database tests on: {'PostgreSQL' if url.startswith('postgresql') else 'SQLite'}"
