"""Command groups: flask db ... and flask translate ..."""
import subprocess
import sys
from pathlib import Path

import click
from alembic import command
from flask import current_app
from flask.cli import AppGroup

from app.migrate import alembic_config, upgrade

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"

db_cli = AppGroup("db", help="Database migrations.")
translate_cli = AppGroup("translate", help="Translation catalogues (wraps pybabel).")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Run every migration that has not run yet."""
    upgrade(current_app)
    click.echo("Database is up to date.")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    command.revision(alembic_config(current_app), message=message, autogenerate=True)


def pybabel(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT)
    if result.returncode:
        raise click.ClickException(f"pybabel {args[0]} failed.")


def extract(output: Path) -> None:
    pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--no-location", "--sort-output",
            "--project", "My Way to Work", "--copyright-holder", "My Way to Work", "-o", str(output), "app")


@translate_cli.command("update")
def translate_update() -> None:
    """Extract strings into messages.pot and merge them into every catalogue."""
    extract(POT)
    pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-fuzzy-matching", "--ignore-obsolete")


@translate_cli.command("compile")
def translate_compile() -> None:
    """Compile the catalogues for the site to use."""
    pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


@translate_cli.command("init")
@click.argument("lang")
def translate_init(lang: str) -> None:
    """Start a catalogue for a new language."""
    extract(POT)
    pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", lang)
