"""Alembic, driven from the app's own settings."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask


def alembic_config(app: Flask) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(app.root_path) / "migrations"))
    config.attributes["engine"] = app.extensions["database"]["engine"]
    return config


def upgrade(app: Flask, revision: str = "head") -> None:
    """Bring the database up to date."""
    command.upgrade(alembic_config(app), revision)
