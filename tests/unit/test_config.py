"""Settings come from the environment, and production refuses to start without a secret key."""
import pytest

from app import create_app
from app.config import ConfigError


def test_production_without_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.setenv("APP_ENV", "production")
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app({"SECRET_KEY": None})


def test_production_with_secret_key_starts():
    app = create_app({"APP_ENV": "production", "SECRET_KEY": "a" * 64, "DATABASE_URL": "sqlite://"})
    assert app.config["ENV_NAME"] == "production"


def test_unknown_app_env_is_refused():
    with pytest.raises(ConfigError, match="APP_ENV must be one of"):
        create_app({"APP_ENV": "staging"})


def test_sqlite_has_foreign_keys_and_wal(tmp_path):
    from sqlalchemy import text

    app = create_app({"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    with app.extensions["database"]["engine"].connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
